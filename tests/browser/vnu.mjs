// The HTML of every audited page, as the server sent it, checked by the Nu Html Checker (npm
// vnu-jar, run with Debian's Java): the pages are collected while the audits run and checked in
// one run of the checker at the end (one JVM start), each page type and language a check that
// passes with 0 errors. Warnings are printed, not failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export class HtmlChecker {
  constructor() {
    // Its real path: the checker names each file by it in its messages.
    this.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bdp-vnu-')));
    this.pages = new Map();  // file → { type, lang }
  }

  add(type, lang, html) {
    const file = path.join(this.dir, `${this.pages.size}-${lang}.html`);
    fs.writeFileSync(file, html);
    this.pages.set(file, { type, lang });
  }

  // Runs the checker over every page added; one check per page.
  check(r) {
    if (this.pages.size === 0) return;
    try {
      this.run(r);
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }

  run(r) {
    const jar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
    const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--exit-zero-always', '--stdout', ...this.pages.keys()],
      { encoding: 'utf8', maxBuffer: 64 << 20 });
    let messages = null;
    try {
      messages = JSON.parse(run.stdout).messages;
    } catch {
      r.check(false, 'vnu', 'the Nu Html Checker runs', `${run.error ?? ''} ${run.stderr}`.trim().slice(0, 2000));
      return;
    }
    const errors = new Map([...this.pages.keys()].map((file) => [file, []]));
    const unplaced = [];  // a failure the checker does not tie to a page (an unreadable file)
    for (const m of messages) {
      const file = m.url?.startsWith('file:') ? fileURLToPath(m.url) : '';
      const failed = m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal';
      if (!errors.has(file)) {
        if (failed) unplaced.push(`${m.url ?? '?'}: ${m.message}`);
      } else if (failed) {
        errors.get(file).push(`line ${m.lastLine}: ${m.message}`);
      } else {
        const { type, lang } = this.pages.get(file);
        console.log(`note [${type}] ${lang}: vnu ${m.subType ?? m.type}: ${m.message}`);
      }
    }
    r.check(unplaced.length === 0, 'vnu', 'every page is read by the checker', unplaced.join('; '));
    for (const [file, found] of errors) {
      const { type, lang } = this.pages.get(file);
      r.check(found.length === 0, type, `${lang}: vnu 0 errors`, found.join('; '));
    }
  }
}
