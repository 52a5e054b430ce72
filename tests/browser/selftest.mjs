// The checks must be able to fail: each runs first on a page built with the defect it looks for,
// and must report it. A checker that passes a broken page would make every later pass worthless.
import { runAxe } from './axe.mjs';
import { localeProblems, readLocaleFacts } from './i18n.mjs';
import { keyboardProblems } from './keyboard.mjs';
import { markupProblems, readMarkup } from './markup.mjs';
import { reflowProblems } from './reflow.mjs';

const BROKEN_PAGE = `<!DOCTYPE html><html lang="en"><head><title>x</title>
<style>a:focus { outline: none; } .wide { width: 900px; } .faint { color: #bbb; background: #fff; }</style></head>
<body><a href="#nowhere">first link, no skip link</a>
<nav class="counter"><p class="counter"><strong>1756567</strong> visitors since 1 April 2008</p></nav>
<main><p class="total">5 praktyki</p><time datetime="2011-03-03">3 marca 2011</time>
<input name="q"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p class="faint wide">pale text</p>
<a href="#a" tabindex="2">jumps ahead</a></main></body></html>`;

export async function selfTest(context, r) {
  const W = 'self-test';
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 640 });
  // A data: URL, not setContent, so that the keyboard check's reload keeps the page.
  await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent(BROKEN_PAGE)}`);
  const markup = markupProblems(await readMarkup(page), 'pl', 'http://127.0.0.1');
  for (const defect of ['lang=', 'meta viewport', 'without a label', 'without a text alternative']) {
    r.check(markup.some((p) => p.includes(defect)), W, `markup check reports "${defect}"`, markup.join('; '));
  }
  const locale = localeProblems(await readLocaleFacts(page), 'pl', '2008-04-01');
  for (const defect of ['counter number', 'start date', '<time', '"5 praktyki"']) {
    r.check(locale.some((p) => p.includes(defect)), W, `locale check reports ${defect}`, locale.join('; '));
  }
  const axe = (await runAxe(page)).violations.map((v) => v.id);
  for (const rule of ['color-contrast', 'label', 'image-alt']) {
    r.check(axe.includes(rule), W, `axe reports ${rule}`, axe.join(', '));
  }
  r.check((await reflowProblems(page, '360 px')).length === 1, W, 'reflow check reports horizontal scrolling');
  const keys = await keyboardProblems(page);
  for (const defect of ['positive tabindex', 'not the skip link', 'no visible focus']) {
    r.check(keys.some((p) => p.includes(defect)), W, `keyboard check reports "${defect}"`, keys.join('; '));
  }
  await page.close();
}
