// SHACL validation of an RDF document (Turtle) against shapes (Turtle), for
// scripts/check-opendata.sh: prints each violation and exits 1 unless the data conforms.
// Usage: node tests/opendata/shacl/validate.mjs SHAPES.ttl DATA.ttl
import fs from 'node:fs';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import rdf from '@rdfjs/dataset';

function load(file) {
  const dataset = rdf.dataset();
  for (const quad of new Parser().parse(fs.readFileSync(file, 'utf8'))) dataset.add(quad);
  return dataset;
}

const [shapesFile, dataFile] = process.argv.slice(2);
const validator = new SHACLValidator(load(shapesFile));
const report = await validator.validate(load(dataFile));
for (const r of report.results) {
  console.log(`   violation: ${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join('; ')}`);
}
if (!report.conforms) process.exit(1);
console.log(`   SHACL: ${dataFile.split('/').pop()} conforms to ${shapesFile.split('/').pop()}`);
