// The first screen of a phone (390×844): the page's <main> starts on it because the menu is
// one closed disclosure (<details>, no script) that opens with a click or the keyboard; on the
// search page the facets are one "Filtry (N wybranych)" disclosure, so the first result is on
// the first screen too; axe still finds nothing. On a wide screen both are shown open, with no
// summary to press. Each in Polish and in English.
import { describeRule, runAxe } from './axe.mjs';

const J = 'journey: phone first screen';
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

// `map`: the selector of the menu's link to the map (in the page's language).
function layoutFacts(map) {
  const top = (selector) => {
    const el = document.querySelector(selector);
    return el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null;
  };
  const visible = (selector) => {
    const el = document.querySelector(selector);
    return el ? el.checkVisibility() : null;
  };
  return {
    height: window.innerHeight, main: top('main'), firstResult: top('.results .practice-list > li'),
    menuOpen: document.querySelector('.main-nav details')?.open ?? null,
    menuLink: visible(map), menuSummary: visible('.main-nav summary'),
    filtersSummary: document.querySelector('.facets > summary')?.textContent ?? null,
    facet: visible('.facets fieldset'),
  };
}

async function axeClean(page, r, label) {
  const { violations } = await runAxe(page);
  r.check(violations.length === 0, J, `${label}: axe reports 0 violations`, violations.map(describeRule).join('; '));
}

// The first screen, the menu and the search's filters of the phone, in Polish and in English.
async function firstScreens(phone, r, practiceUrl, root) {
  const lang = root ? 'en' : 'pl';
  const practice = root + new URL(practiceUrl, 'http://x').pathname;
  const map = `.main-nav details a[href="${root}/mapa"]`;
  for (const [label, url] of [['home', `${root}/`], ['practice', practice]]) {
    await phone.goto(url);
    const f = await phone.evaluate(layoutFacts, map);
    r.check(f.main !== null && f.main < f.height, J, `${lang}, ${label}: <main> starts on the first screen`, JSON.stringify(f));
    r.check(f.menuOpen === false && f.menuLink === false && f.menuSummary === true, J,
      `${lang}, ${label}: the menu is behind one closed disclosure`, JSON.stringify(f));
    await axeClean(phone, r, `${lang}, ${label} at 390×844`);
  }
  await phone.locator('.main-nav summary').click();
  r.check(await phone.locator(map).isVisible(), J, `${lang}: a click opens the menu`);
  await phone.locator('.main-nav summary').click();
  await phone.locator('.main-nav summary').focus();
  await phone.keyboard.press('Enter');
  r.check(await phone.locator(map).isVisible(), J, `${lang}: Enter on the summary opens the menu`);
  r.check(await phone.locator('.main-nav summary').evaluate((s) => s.tagName === 'SUMMARY' && s.textContent.trim() === 'Menu'), J,
    `${lang}: the control is a <summary> named Menu`);

  await phone.goto(`${root}/szukaj?q=srem`);
  const search = await phone.evaluate(layoutFacts, map);
  r.check(search.firstResult !== null && search.firstResult < search.height, J, `${lang}, search: the first result starts on the first screen`,
    JSON.stringify(search));
  const none = root ? 'Filters (0 selected)' : 'Filtry (0 wybranych)';
  r.check(search.filtersSummary === none && search.facet === false, J, `${lang}, search: the facets are behind a closed "${none}"`,
    JSON.stringify(search));
  await axeClean(phone, r, `${lang}, search at 390×844`);
  const value = await phone.locator('.facets input[type=checkbox]').first();
  await phone.locator('.facets > summary').click();
  await value.check();
  await Promise.all([phone.waitForNavigation(), phone.locator('.facets button[type=submit]').click()]);
  const filtered = await phone.evaluate(layoutFacts, map);
  const one = root ? 'Filters (1 selected)' : 'Filtry (1 wybrany)';
  r.check(filtered.filtersSummary === one, J, `${lang}, search: one value selected reads "${one}"`, JSON.stringify(filtered));
}

export async function phoneJourney(phone, wide, r, practiceUrl) {
  for (const root of ['', '/en']) await firstScreens(phone, r, practiceUrl, root);

  await wide.goto('/szukaj?q=srem');
  const open = await wide.evaluate(layoutFacts, '.main-nav details a[href="/mapa"]');
  r.check(open.menuLink === true && open.menuSummary === false && open.facet === true, J,
    'wide screen: menu and facets shown, no summary to press', JSON.stringify(open));
}
