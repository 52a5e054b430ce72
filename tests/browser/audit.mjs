// Every check of one page type: weight on a cold cache, axe and markup in Polish and English,
// the HTML as sent (handed to `html`, a vnu.mjs HtmlChecker, checked at the end), locale
// formatting, keyboard use, reflow at 360 px and at 200% zoom, and screenshots.
import path from 'node:path';

import { describeRule, runAxe } from './axe.mjs';
import { keyboardProblems } from './keyboard.mjs';
import { localeProblems, readLocaleFacts } from './i18n.mjs';
import { markupProblems, readMarkup } from './markup.mjs';
import { reflowProblems } from './reflow.mjs';
import { measureWeight } from './weight.mjs';

// contexts: { fresh() → a new desktop context, desktop, mobile, zoom200, english }. A back-office
// page (`desk`: the contexts carry an editor's session) is never cached: its weight is not
// measured.
export async function auditPage(contexts, type, url, { r, origin, config, screenshots, html, desk = false }) {
  const expectedStatus = type.startsWith('not found') ? 404 : 200;
  const file = type.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');
  const checkAll = (what, problems) => r.check(problems.length === 0, type, what, problems.join('; '));

  if (!desk) {
    const cold = await contexts.fresh();
    const weight = await measureWeight(cold, url, { budget: type !== 'map' });
    await cold.close();
    checkAll('compressed, cacheable, within budget', weight.problems);
    r.figure(type, { url, bytes: weight.bytes, requests: weight.requests, htmlBytes: weight.htmlBytes });
  } else {
    r.figure(type, { url });
  }

  for (const [lang, context] of [['pl', contexts.desktop], ['en', contexts.english]]) {
    const page = await context.newPage();
    const response = await page.goto(url);
    r.check(response.status() === expectedStatus, type, `${lang}: answers ${expectedStatus}`, String(response.status()));
    html.add(type, lang, await response.text());
    checkAll(`${lang}: lang, viewport, labels, text alternatives, no blocking third parties`,
      markupProblems(await readMarkup(page), lang, origin));
    checkAll(`${lang}: numbers, dates and plurals`, localeProblems(await readLocaleFacts(page), lang, config.counter_since));
    const axe = await runAxe(page);
    r.figure(type, { [`axe_${lang}`]: axe.violations.length });
    const contrast = axe.violations.filter((v) => v.id === 'color-contrast');
    checkAll(`${lang}: colour contrast (axe color-contrast)`, contrast.map(describeRule));
    checkAll(`${lang}: axe WCAG 2.1 A/AA`, axe.violations.filter((v) => v.id !== 'color-contrast').map(describeRule));
    for (const rule of axe.incomplete) console.log(`note [${type}] ${lang}: axe needs review: ${describeRule(rule)}`);
    if (lang === 'pl') {
      await page.screenshot({ path: path.join(screenshots, `${file}-desktop.png`), fullPage: true });
      checkAll('keyboard: skip link, visible focus, document order', await keyboardProblems(page));
    }
    await page.close();
  }

  for (const [label, context] of [['360 px wide', contexts.mobile], ['200% zoom', contexts.zoom200]]) {
    const page = await context.newPage();
    await page.goto(url);
    checkAll(`${label}: no horizontal scrolling`, await reflowProblems(page, label));
    if (context === contexts.mobile) {
      await page.screenshot({ path: path.join(screenshots, `${file}-mobile.png`), fullPage: true });
      checkAll(`${label}: keyboard order follows the layout`, await keyboardProblems(page));
    }
    await page.close();
  }
}
