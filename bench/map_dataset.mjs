#!/usr/bin/env node
// A dataset of N practices for the map's figures (docs/json-format.md): units at random places of
// the gazetteer (data/gazetteer.json; about one unit per three practices), the sections of
// data/demo.json, short texts. Deterministic for a given N.
// Usage: node bench/map_dataset.mjs N > dataset.json
import { readFileSync } from 'node:fs';

const n = Number(process.argv[2] ?? 5000);
const gazetteer = JSON.parse(readFileSync('data/gazetteer.json', 'utf8'));
const demo = JSON.parse(readFileSync('data/demo.json', 'utf8'));
const voivodeship = Object.fromEntries(gazetteer.voivodeships.map((v) => [v.teryt, v.name]));
let seed = 14;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const slug = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L')
  .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const units = [];
const used = new Set();
while (units.length < Math.max(1, Math.round(n / 3)) && used.size < gazetteer.places.length) {
  const [name, teryt] = pick(gazetteer.places);
  const key = `${name}|${teryt}`;
  if (used.has(key)) continue;
  used.add(key);
  const v = voivodeship[teryt.slice(0, 2)];
  units.push({ id: units.length + 1, slug: `${slug(name)}-${slug(v)}-${units.length + 1}`, name, type: 'gmina wiejska',
    town: name, county: '', voivodeship: v, teryt: '', population: [], latitude: null, longitude: null });
}
const sections = demo.sections;
const leaves = sections.map((s) => s.id);
const practices = [];
for (let i = 1; i <= n; i += 1) {
  const unit = pick(units);
  const title = `Praktyka ${i}: ${pick(['program', 'centrum', 'system', 'partnerstwo'])} w miejscowości ${unit.name}`;
  practices.push({ id: i, slug: slug(title).slice(0, 80), title, summary: `Opis praktyki ${i}.`,
    entered_on: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`, unit_id: unit.id, implementing_body: '', postal_code: '',
    post_office: '', street: '', website: '', population: null, contacts: [], section_ids: [pick(leaves)], presentation: [],
    attachments: [], provenance: { source: 'legacy', programme: '', note: '' }, source_key: '', status: 'published' });
}
process.stdout.write(JSON.stringify({ format: demo.format, version: demo.version, sections, units, practices }));
