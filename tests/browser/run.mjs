// Browser tests of the portal in Debian's Chromium (playwright-core) with axe-core.
// Usage: node tests/browser/run.mjs --bdp <path to bdp> [--port N] [--benchmarks docs/benchmarks.md]
//        [--only map|print|phone|submission|links|documents|compare|adoption|verification|catalogue|content]
//        (only the map journey and the map page's audit, only the printed practice, only the phone's
//        first screen, only the submission and review journey, only the links journey with the audit
//        of /inne-bazy, only the comparison, only the adoptions, only the verification of data, only
//        the catalogue desk, or only a published practice's text in the desk: a quick run)
// Starts its own bdp server on loopback with tests/browser/fixtures/dataset.json, walks the
// journeys, audits every page type they reach (vnu checks their HTML at the end), prints the figures, saves screenshots to
// artifacts/screenshots/, and exits non-zero on any failed check.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { auditPage } from './audit.mjs';
import { AXE_VERSION } from './axe.mjs';
import { launchBrowser, newContext } from './chromium.mjs';
import { browseJourney, countsJourney, editorJourney, keyboardJourney, languageJourney, searchJourney, statementJourney } from './journeys.mjs';
import { VIEWPORTS } from './reflow.mjs';
import { markdownSection, printTable, writeBenchmarks } from './report.mjs';
import { Results } from './results.mjs';
import { selfTest } from './selftest.mjs';
import { mapJourney } from './map.mjs';
import { submissionJourney } from './backoffice.mjs';
import { linksJourney } from './links.mjs';
import { documentsJourney } from './documents.mjs';
import { PHONE, phoneJourney } from './phone.mjs';
import { compareJourney } from './compare.mjs';
import { adoptionJourney } from './adoption.mjs';
import { verificationJourney } from './verification.mjs';
import { catalogueJourney } from './catalogue.mjs';
import { contentJourney } from './content.mjs';
import { printJourney } from './print.mjs';
import { BdpServer } from './server.mjs';
import { HtmlChecker } from './vnu.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOTS = path.join(ROOT, 'artifacts/screenshots');

const { values: args } = parseArgs({
  options: { bdp: { type: 'string' }, port: { type: 'string' }, benchmarks: { type: 'string' }, only: { type: 'string' } },
});
if (!args.bdp) {
  console.error('usage: node tests/browser/run.mjs --bdp <path to bdp> [--port N] [--benchmarks FILE]');
  process.exit(2);
}

async function main(r) {
  const server = new BdpServer({ bdp: args.bdp, root: ROOT, fixture: path.join(ROOT, 'tests/browser/fixtures/dataset.json'),
    port: args.port ? Number(args.port) : undefined });
  const origin = await server.start();
  console.log(`bdp at ${origin}`);
  const browser = await launchBrowser();
  const external = (url, type) => r.check(false, 'network', `request to another origin (${type})`, url);
  const context = (options) => newContext(browser, origin, { baseURL: origin, ...options }, external);
  const html = new HtmlChecker();
  const audit = (type, url) => auditPage(contexts, type, url, { r, origin, config: server.config, screenshots: SCREENSHOTS, html });
  const auditDesk = (deskContexts, type, url) => auditPage(deskContexts, type, url,
    { r, origin, config: server.config, screenshots: SCREENSHOTS, html, desk: true });
  let contexts;
  try {
    contexts = {
      fresh: () => context(VIEWPORTS.desktop),
      desktop: await context(VIEWPORTS.desktop),
      mobile: await context(VIEWPORTS.mobile),
      zoom200: await context(VIEWPORTS.zoom200),
      english: await context(VIEWPORTS.desktop),
    };
    await contexts.english.addCookies([{ name: 'lang', value: 'en', url: origin }]);
    await selfTest(contexts.desktop, r);
    if (args.only === 'submission') {
      await submissionJourney(browser, contexts, r, server.editor, server.reviewer);
      return `Chromium ${browser.version()}, axe-core ${AXE_VERSION}`;
    }
    if (args.only === 'links' || args.only === 'documents') {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      const journey = args.only === 'links' ? linksJourney : documentsJourney;
      for (const [type, url] of Object.entries(await journey(contexts, r, server.editor, origin))) {
        await audit(type, url);
      }
      html.check(r);
      return `Chromium ${browser.version()}, axe-core ${AXE_VERSION}`;
    }
    if (['compare', 'adoption', 'verification', 'catalogue', 'content'].includes(args.only)) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      const journeys = {
        compare: () => compareJourney(context, r),
        adoption: () => adoptionJourney(context, r, server.editor, origin),
        verification: () => verificationJourney(context, r, server, origin),
        catalogue: () => catalogueJourney(context, r, server.editor, origin, auditDesk),
        content: () => contentJourney(context, r, server.editor, origin, auditDesk),
      };
      const pages = await journeys[args.only]();
      for (const [type, url] of Object.entries(pages)) await audit(type, url);
      html.check(r);
      return `Chromium ${browser.version()}, axe-core ${AXE_VERSION}`;
    }
    if (args.only === 'print' || args.only === 'phone') {
      const page = await contexts.desktop.newPage();
      await page.goto('/');
      const practice = await page.locator('main a[href^="/praktyki/"]').first().getAttribute('href');
      if (args.only === 'print') await printJourney(page, r, practice, server.config.base_url);
      else await phoneJourney(await (await context(PHONE)).newPage(), page, r, practice);
      await page.close();
      return `Chromium ${browser.version()}, ${new Date().toISOString().slice(0, 10)}`;
    }
    r.figure('map', { tti_ms: await mapJourney(browser, contexts, r, origin) });
    if (args.only === 'map') {
      await audit('map', '/mapa');
      html.check(r);
      return `Chromium ${browser.version()}, axe-core ${AXE_VERSION}, ${new Date().toISOString().slice(0, 10)}`;
    }
    const page = await contexts.desktop.newPage();
    const reached = await browseJourney(page, r);
    await statementJourney(page, r, server.config);
    await keyboardJourney(page, r);
    await countsJourney(page, r, { origin, counterSince: server.config.counter_since });
    if (reached.practice) {
      await languageJourney(page, r, reached.practice);
      const phone = await context(PHONE);
      await languageJourney(await phone.newPage(), r, reached.practice, '390 px');
      await phone.close();
    }
    if (reached.practice) await printJourney(page, r, reached.practice, server.config.base_url);
    if (reached.practice) await phoneJourney(await (await context(PHONE)).newPage(), page, r, reached.practice);
    Object.assign(reached, await searchJourney(page, r));
    Object.assign(reached, await compareJourney(context, r));
    Object.assign(reached, await adoptionJourney(context, r, server.editor, origin));
    Object.assign(reached, await verificationJourney(context, r, server, origin));
    Object.assign(reached, await editorJourney(page, r, server.editor, origin));
    Object.assign(reached, await submissionJourney(browser, contexts, r, server.editor, server.reviewer));
    Object.assign(reached, await linksJourney(contexts, r, server.editor, origin));
    Object.assign(reached, await documentsJourney(contexts, r, server.editor, origin));
    // Last: it renames a section and edits a unit the journeys above read.
    Object.assign(reached, await catalogueJourney(context, r, server.editor, origin, auditDesk));
    // It changes a practice's text: after every journey that reads one.
    Object.assign(reached, await contentJourney(context, r, server.editor, origin, auditDesk));
    await page.close();

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [type, url] of Object.entries(reached)) {
      console.log(`auditing ${type}: ${url}`);
      await audit(type, url);
    }
    html.check(r);
    return `Chromium ${browser.version()}, axe-core ${AXE_VERSION}, ${new Date().toISOString().slice(0, 10)}`;
  } finally {
    await browser.close();
    await server.stop();
  }
}

const results = new Results();
try {
  const environment = await main(results);
  console.log('');
  printTable(results);
  if (args.benchmarks) writeBenchmarks(args.benchmarks, markdownSection(results, environment));
  console.log(`\nscreenshots: ${path.relative(ROOT, SCREENSHOTS)}/`);
} catch (error) {
  results.check(false, 'harness', 'run to completion', error.stack ?? String(error));
}
console.log(`browser tests: ${results.passed} checks passed, ${results.failures.length} failed, ${results.skipped.length} journeys skipped`);
process.exit(results.ok ? 0 : 1);
