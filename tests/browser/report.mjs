// The figures of a run: a table printed to the console and, on request, the "Accessibility and
// page weight" section of docs/benchmarks.md (only the text between its own markers changes).
import fs from 'node:fs';

const BEGIN = '<!-- browser-tests:begin -->';
const END = '<!-- browser-tests:end -->';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function rows(results) {
  return [...results.figures.entries()].map(([type, f]) => [type, String(f.axe_pl ?? '–'), String(f.axe_en ?? '–'),
    // Pages audited inside a journey (a logged-in dashboard) have no cold-cache weight.
    f.bytes === undefined ? '–' : `${f.bytes} (${kb(f.bytes)})`, String(f.requests ?? '–'), String(f.htmlBytes ?? '–')]);
}

const HEADER = ['page type', 'axe pl', 'axe en', 'transferred bytes', 'requests', 'HTML bytes'];

export function printTable(results) {
  const all = [HEADER, ...rows(results)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  for (const row of all) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
}

export function markdownSection(results, environment) {
  const table = [HEADER, HEADER.map(() => '---'), ...rows(results)].map((row) => `| ${row.join(' | ')} |`).join('\n');
  const skipped = [
    ...results.failures.map((f) => `- FAILED [${f.where}] ${f.what}${f.detail ? `: ${f.detail}` : ''}`),
    ...results.skipped.map((s) => `- SKIPPED (not built yet): ${s.journey} — ${s.reason}`),
  ].join('\n');
  return `${BEGIN}
## Accessibility and page weight

Measured by \`node tests/browser/run.mjs --bdp build/bdp --benchmarks docs/benchmarks.md\`
(${environment}). axe columns: WCAG 2.0/2.1 A and AA rules violated (axe-core \`runOnly\`
tags wcag2a, wcag2aa, wcag21a, wcag21aa), target 0. Transferred bytes: everything one page load
fetches on a cold cache, as Chromium received it (\`encodedDataLength\`: headers + gzip body);
budget 100 KB, the map page excepted. ${results.passed} checks passed, ${results.failures.length} failed.

${table}
${skipped ? `\n${skipped}\n` : ''}${END}`;
}

// Replaces this harness's section of `file` (or appends it), leaving the rest untouched.
export function writeBenchmarks(file, section) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const updated = start >= 0 && end > start
    ? text.slice(0, start) + section + text.slice(end + END.length)
    : `${text.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, updated);
}
