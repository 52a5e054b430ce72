// The first screen of a phone (390×844): the page's <main> starts on it because the menu is
// one closed disclosure (<details>, no script) that opens with a click or the keyboard; on the
// search page the facets are one "Filtry (N wybranych)" disclosure, so the first result is on
// the first screen too; axe still finds nothing. On a wide screen both are shown open, with no
// summary to press.
import { describeRule, runAxe } from './axe.mjs';

const J = 'journey: phone first screen';
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

function layoutFacts() {
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
    menuLink: visible('.main-nav details a[href="/mapa"]'), menuSummary: visible('.main-nav summary'),
    filtersSummary: document.querySelector('.facets > summary')?.textContent ?? null,
    facet: visible('.facets fieldset'),
  };
}

async function axeClean(page, r, label) {
  const { violations } = await runAxe(page);
  r.check(violations.length === 0, J, `${label}: axe reports 0 violations`, violations.map(describeRule).join('; '));
}

export async function phoneJourney(phone, wide, r, practiceUrl) {
  for (const [label, url] of [['home', '/'], ['practice', practiceUrl]]) {
    await phone.goto(url);
    const f = await phone.evaluate(layoutFacts);
    r.check(f.main !== null && f.main < f.height, J, `${label}: <main> starts on the first screen`, JSON.stringify(f));
    r.check(f.menuOpen === false && f.menuLink === false && f.menuSummary === true, J,
      `${label}: the menu is behind one closed disclosure`, JSON.stringify(f));
    await axeClean(phone, r, `${label} at 390×844`);
  }
  await phone.locator('.main-nav summary').click();
  r.check(await phone.locator('.main-nav details a[href="/mapa"]').isVisible(), J, 'a click opens the menu');
  await phone.locator('.main-nav summary').click();
  await phone.locator('.main-nav summary').focus();
  await phone.keyboard.press('Enter');
  r.check(await phone.locator('.main-nav details a[href="/mapa"]').isVisible(), J, 'Enter on the summary opens the menu');
  r.check(await phone.locator('.main-nav summary').evaluate((s) => s.tagName === 'SUMMARY' && s.textContent.trim() === 'Menu'), J,
    'the control is a <summary> named Menu');

  await phone.goto('/szukaj?q=srem');
  const search = await phone.evaluate(layoutFacts);
  r.check(search.firstResult !== null && search.firstResult < search.height, J, 'search: the first result starts on the first screen',
    JSON.stringify(search));
  r.check(search.filtersSummary === 'Filtry (0 wybranych)' && search.facet === false, J, 'search: the facets are behind a closed "Filtry (0 wybranych)"',
    JSON.stringify(search));
  await axeClean(phone, r, 'search at 390×844');
  const value = await phone.locator('.facets input[type=checkbox]').first();
  await phone.locator('.facets > summary').click();
  await value.check();
  await Promise.all([phone.waitForNavigation(), phone.locator('.facets button[type=submit]').click()]);
  const filtered = await phone.evaluate(layoutFacts);
  r.check(filtered.filtersSummary === 'Filtry (1 wybrany)', J, 'search: one value selected reads "Filtry (1 wybrany)"', JSON.stringify(filtered));

  await wide.goto('/szukaj?q=srem');
  const open = await wide.evaluate(layoutFacts);
  r.check(open.menuLink === true && open.menuSummary === false && open.facet === true, J,
    'wide screen: menu and facets shown, no summary to press', JSON.stringify(open));
}
