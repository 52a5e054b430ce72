// What the journeys share: axe and the markup checks on the page as it stands (Polish, or both
// languages), reloading a page until the node has followed a change, the desk's browser
// contexts (phone, zoom, English) logged in as the desk is, a click that waits for the next
// page, and a page logged in to the back office.
import { describeRule, runAxe } from './axe.mjs';
import { markupProblems, readMarkup } from './markup.mjs';
import { VIEWPORTS } from './reflow.mjs';

export async function axeHere(page, r, type, origin, lang = 'pl') {
  const axe = await runAxe(page);
  r.figure(type, { url: new URL(page.url()).pathname, [`axe_${lang}`]: axe.violations.length });
  r.check(axe.violations.length === 0, type, `${lang}: axe WCAG 2.1 A/AA`, axe.violations.map(describeRule).join('; '));
  const markup = markupProblems(await readMarkup(page), lang, origin);
  r.check(markup.length === 0, type, `${lang}: lang, viewport, labels, text alternatives`, markup.join('; '));
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

// axeHere on `page`'s address in both languages (its /en/ twin), then back in Polish.
export async function axeBoth(page, r, type, origin) {
  for (const lang of ['pl', 'en']) {
    await gotoInLanguage(page, lang);
    await axeHere(page, r, type, origin, lang);
  }
  await gotoInLanguage(page, 'pl');
}

// The contexts auditPage reads a back-office page in (pl desktop, en desktop, 360 px, 200% zoom),
// each with the session of `desk`, a context an editor logged in to; close() closes the ones made.
export async function deskContexts(context, desk, origin) {
  const made = {
    english: await context(VIEWPORTS.desktop),
    mobile: await context(VIEWPORTS.mobile),
    zoom200: await context(VIEWPORTS.zoom200),
  };
  const session = await desk.cookies();
  for (const c of Object.values(made)) await c.addCookies(session);
  await made.english.addCookies([{ name: 'lang', value: 'en', url: origin }]);
  return { desktop: desk, ...made, close: async () => { for (const c of Object.values(made)) await c.close(); } };
}

// Clicks `selector` on `page` and waits for the page it leads to.
export async function press(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

// A new page of `desk` (a browser context) logged in to the back office as `editor`.
export async function deskPage(desk, editor) {
  const page = await desk.newPage();
  await page.goto('/redakcja/logowanie');
  await page.fill('#email', editor.email);
  await page.fill('#haslo', editor.password);
  await press(page, 'main form button[type=submit]');
  return page;
}
