// Checks the journeys share: axe and the markup checks on the page as it stands (Polish), and
// reloading a page until the node has followed a change.
import { describeRule, runAxe } from './axe.mjs';
import { markupProblems, readMarkup } from './markup.mjs';

export async function axeHere(page, r, type, origin) {
  const axe = await runAxe(page);
  r.figure(type, { url: new URL(page.url()).pathname, axe_pl: axe.violations.length });
  r.check(axe.violations.length === 0, type, 'pl: axe WCAG 2.1 A/AA', axe.violations.map(describeRule).join('; '));
  const markup = markupProblems(await readMarkup(page), 'pl', origin);
  r.check(markup.length === 0, type, 'pl: lang, viewport, labels, text alternatives', markup.join('; '));
}

// Opens the page `page` shows at its address in `lang`: the Polish one at the root, the English
// one under /en/.
export async function gotoInLanguage(page, lang) {
  const url = new URL(page.url());
  const polish = url.pathname.replace(/^\/en(?=\/)/, '');
  url.pathname = lang === 'en' ? `/en${polish}` : polish;
  return page.goto(url.href);
}

// Reloads `path` until `predicate(page)` holds (the node follows the change log), at most
// `tries` times 200 ms.
export async function eventually(page, path, predicate, tries = 25) {
  for (let i = 0; i < tries; i += 1) {
    await page.goto(path);
    if (await predicate(page)) return true;
    await page.waitForTimeout(200);
  }
  return false;
}
