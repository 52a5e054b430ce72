// The visitor journeys, driven through the UI as a person would (clicks, keyboard, forms).
// Each journey asserts what it sees and returns the page types it reached: { type: url }.
// A journey whose first page answers 404 is reported as SKIPPED, never left out silently.
import { describeRule, runAxe } from './axe.mjs';
import { localeProblems, readLocaleFacts } from './i18n.mjs';
import { markupProblems, readMarkup } from './markup.mjs';

// Pages other engineers are still building; when they answer, their journey runs.
const SEARCH_PROBE = '/szukaj?q=srem';
async function status(page, path) {
  return (await page.request.get(path, { maxRedirects: 0 })).status();
}

async function clickAndWait(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

// home → the biggest section (next page, sort by title) → a practice (both views, attachments)
// → its unit; then the menu's other pages, the footer's statement and a missing page.
export async function browseJourney(page, r) {
  const J = 'journey: browse';
  const reached = {};
  const home = await page.goto('/');
  r.check(home.status() === 200, J, 'home answers 200', String(home.status()));
  reached.home = page.url();

  // The top-level section with the most practices, its subsections included.
  const biggest = await page.$$eval('.section-counts > li', (items) => {
    const count = (el) => Number(el.textContent.replace(/[^\d]/g, ''));
    return items.map((li) => ({ href: li.querySelector('a').getAttribute('href'),
      count: Math.max(count(li.querySelector(':scope > .count')),
        [...li.querySelectorAll('li > .count')].reduce((n, c) => n + count(c), 0)) }))
      .sort((a, b) => b.count - a.count)[0];
  });
  await clickAndWait(page, page.locator(`nav.main-nav a[href="${biggest.href}"]`));
  r.check(new URL(page.url()).pathname === biggest.href, J, 'menu opens the section', page.url());
  r.check(await page.locator(`nav.main-nav a[href="${biggest.href}"][aria-current=page]`).count() === 1, J,
    'menu marks the open section with aria-current');
  reached.section = page.url();

  const next = page.locator('nav.pagination a[rel=next]');
  if (r.check(await next.count() === 1, J, 'section has a next page (fixture has > 20 practices)')) {
    await clickAndWait(page, next);
    r.check(new URL(page.url()).searchParams.get('strona') === '2', J, 'next page is strona=2', page.url());
    r.check(await page.locator('.practice-list li').count() > 0, J, 'page 2 lists practices');
    reached['section, page 2'] = page.url();
  }
  await page.selectOption('select#sort', 'tytul');
  await clickAndWait(page, page.locator('form.sort button[type=submit]'));
  const titles = await page.locator('.practice-list a.title').allTextContents();
  const sorted = [...titles].sort((a, b) => a.localeCompare(b, 'pl'));
  r.check(JSON.stringify(titles) === JSON.stringify(sorted), J, 'sort by title follows Polish collation',
    titles.slice(0, 5).join(' | '));

  await page.goto(reached.section);
  const first = page.locator('.practice-list a.title').first();
  const title = (await first.textContent()).trim();
  await clickAndWait(page, first);
  r.check((await page.locator('h1').textContent()).trim() === title, J, 'practice page shows the clicked title', title);
  reached.practice = page.url();
  const tabs = page.locator('nav.tabs a');
  await clickAndWait(page, tabs.nth(1));
  r.check(page.url().endsWith('/pelna-prezentacja'), J, 'second tab is the full presentation', page.url());
  r.check(await tabs.nth(1).getAttribute('aria-current') === 'page', J, 'current view marked aria-current');
  r.check(await page.locator('.presentation h2').count() > 0, J, 'full presentation has headed sections');
  reached['practice, full presentation'] = page.url();
  if (r.check(await tabs.count() === 3, J, 'newest practice of the section has an attachments tab')) {
    await clickAndWait(page, tabs.nth(2));
    r.check(page.url().endsWith('/zalaczniki'), J, 'third tab lists attachments', page.url());
    reached['practice, attachments'] = page.url();
  }
  await clickAndWait(page, tabs.nth(0));
  r.check(page.url() === reached.practice, J, 'first tab returns to the summary', page.url());
  const unitLink = page.locator('.metryka a[href^="/jednostki/"]');
  const unitName = (await unitLink.textContent()).split(':').pop().trim();
  await clickAndWait(page, unitLink);
  r.check((await page.locator('h1').textContent()).trim() === unitName, J, 'unit page shows the unit', unitName);
  r.check(await page.locator(`.practice-list a.title:text-is("${title.replace(/"/g, '\\"')}")`).count() === 1, J,
    'unit page lists the practice we came from');
  reached.unit = page.url();

  for (const [type, href] of [['map', '/mapa'], ['publications', '/publikacje'], ['other databases', '/inne-bazy'], ['smup', '/smup']]) {
    await clickAndWait(page, page.locator(`nav.main-nav a[href="${href}"]`));
    r.check(new URL(page.url()).pathname === href, J, `menu opens ${href}`, page.url());
    reached[type] = page.url();
  }
  await clickAndWait(page, page.locator('footer a[href="/deklaracja-dostepnosci"]'));
  reached['accessibility statement'] = page.url();
  const missing = await page.goto('/nie-ma-takiej-strony');
  r.check(missing.status() === 404, J, 'a missing page answers 404', String(missing.status()));
  reached['not found (404)'] = page.url();
  return reached;
}

// The statement the law requires, with the portal's own data from config.
export async function statementJourney(page, r, config) {
  const J = 'journey: accessibility statement';
  await page.goto('/deklaracja-dostepnosci');
  const text = await page.locator('main').innerText();
  for (const [what, value] of [['operator', config.operator_name], ['contact e-mail', config.contact_email],
    ['portal title', config.portal_title]]) {
    r.check(text.includes(value), J, `statement names the ${what}`, value);
  }
  r.check(await page.locator('#a11y-url').getAttribute('href') === config.base_url, J, 'statement links the portal');
  for (const id of ['a11y-status', 'a11y-przygotowanie', 'a11y-kontakt', 'a11y-data-publikacja', 'a11y-data-aktualizacja']) {
    r.check(await page.locator(`#${id}`).count() === 1, J, `statement has the required element #${id}`);
  }
}

// Keyboard only: Tab to the first newest practice, Enter; Tab to the full-presentation tab, Enter.
export async function keyboardJourney(page, r) {
  const J = 'journey: keyboard only';
  await page.goto('/');
  const tabTo = async (selector) => {
    for (let i = 0; i < 200; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return true;
    }
    return false;
  };
  if (!r.check(await tabTo('main .practice-list a.title'), J, 'Tab reaches the first newest practice')) return;
  const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  r.check(new URL(page.url()).pathname === href, J, 'Enter opens the practice', page.url());
  if (!r.check(await tabTo('nav.tabs a[href$="/pelna-prezentacja"]'), J, 'Tab reaches the full-presentation tab')) return;
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  r.check(page.url().endsWith('/pelna-prezentacja'), J, 'Enter opens the full presentation', page.url());
}

// Every section listed on the home page: its count there equals the total its page states, and
// that total reads right in both languages (plural noun, number format).
export async function countsJourney(page, r, { origin, counterSince }) {
  const J = 'journey: section counts';
  await page.goto('/');
  const listed = await page.$$eval('.section-counts a', (links) => links.map((a) => ({ href: a.getAttribute('href'),
    name: a.textContent.trim(), count: Number(a.nextElementSibling.textContent.replace(/[^\d]/g, '')) })));
  for (const lang of ['pl', 'en']) {
    await page.context().addCookies([{ name: 'lang', value: lang, url: origin }]);
    for (const s of listed) {
      await page.goto(s.href);
      const facts = await readLocaleFacts(page);
      const total = Number(/\d[\d\u00A0\u202F,]*/.exec(await page.locator('main p.total').textContent())?.[0].replace(/[^\d]/g, ''));
      if (lang === 'pl') r.check(total === s.count, J, `home count of ${s.name} equals its page's total`, `${s.count} vs ${total}`);
      const problems = localeProblems(facts, lang, counterSince);
      r.check(problems.length === 0, J, `${lang}: ${s.name} reads right`, problems.join('; '));
    }
  }
  await page.context().addCookies([{ name: 'lang', value: 'pl', url: origin }]);
}

// The language switch goes to the page's English address (/en/…) and back, and the English
// page is one of its own: both addresses named, its links English, its Polish content marked.
// `width` names the page's viewport in the checks (the journey runs at 1280 px and 390 px).
export async function languageJourney(page, r, practiceUrl, width = '1280 px') {
  const J = 'journey: language switch';
  await page.goto(practiceUrl);
  const { origin, pathname: path } = new URL(practiceUrl);
  const link = page.locator('a.lang-switch');
  r.check(await link.getAttribute('lang') === 'en' && await link.getAttribute('hreflang') === 'en', J,
    `${width}: the switch to English is marked lang="en"`);
  await clickAndWait(page, link);
  r.check(new URL(page.url()).pathname === `/en${path}`, J, `${width}: switching to English goes to the page's /en/ address`, page.url());
  r.check(await page.getAttribute('html', 'lang') === 'en', J, `${width}: <html lang="en"> after the switch`);
  r.check(await page.locator('nav.tabs a').first().textContent() === 'Summary and metadata', J, `${width}: UI is in English`);
  r.check(await page.title().then((t) => t.endsWith('Good Practice Database')), J, `${width}: the <title> is English`, await page.title());
  r.check(await page.getAttribute('main h1', 'lang') === 'pl', J, `${width}: the Polish title inside the English page is lang="pl"`);
  const alternates = await page.$$eval('link[rel=alternate][hreflang]', (ls) => Object.fromEntries(ls.map((l) => [l.hreflang, new URL(l.href).pathname])));
  r.check(alternates.pl === path && alternates.en === `/en${path}` && alternates['x-default'] === path, J,
    `${width}: hreflang names the Polish, English and x-default addresses`, JSON.stringify(alternates));
  const local = await page.$$eval('main a[href^="/"], nav a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')));
  const polish = local.filter((href) => !href.startsWith('/en/') && !href.startsWith('/jezyk/') && !href.startsWith('/static/'));
  r.check(local.length > 5 && polish.length === 0, J, `${width}: the English page links English pages`, polish.slice(0, 5).join(' '));
  // The remembered choice: the Polish address now sends this visitor to the English one.
  const answer = await page.goto(practiceUrl);
  r.check(new URL(page.url()).pathname === `/en${path}` && answer.headers()['content-language'] === 'en', J,
    `${width}: a remembered English choice opens a Polish address in English`, page.url());
  await clickAndWait(page, page.locator('a.lang-switch'));
  r.check(page.url() === origin + path, J, `${width}: switching back goes to the Polish address`, page.url());
  r.check(await page.getAttribute('html', 'lang') === 'pl', J, `${width}: <html lang="pl"> after switching back`);
}

// Search with a facet checkbox (a fieldset with a legend), when /szukaj exists.
export async function searchJourney(page, r) {
  const J = 'journey: search with a facet';
  const probe = await status(page, SEARCH_PROBE);
  if (probe === 404) {
    r.skip(J, `${SEARCH_PROBE} answers 404`);
    return {};
  }
  r.check(probe === 200, J, `${SEARCH_PROBE} answers 200`, String(probe));
  await page.goto('/');
  await page.fill('#q', 'srem');
  await Promise.all([page.waitForNavigation(), page.press('#q', 'Enter')]);
  r.check(new URL(page.url()).pathname === '/szukaj', J, 'the search box submits to /szukaj', page.url());
  const box = page.locator('fieldset:has(legend) input[type=checkbox]').first();
  if (!r.check(await box.count() === 1, J, 'facets are checkboxes in a fieldset with a legend')) return { search: page.url() };
  const [name, value] = [await box.getAttribute('name'), await box.getAttribute('value')];
  await box.check();
  const form = box.locator('xpath=ancestor::form');
  const submit = form.locator('button[type=submit], input[type=submit], button:not([type])').first();
  if (await submit.count()) await clickAndWait(page, submit);
  else await Promise.all([page.waitForNavigation(), form.evaluate((f) => f.requestSubmit())]);
  r.check(new URL(page.url()).searchParams.getAll(name).includes(value), J, 'the facet filters the results', page.url());
  r.check(await page.locator(`input[type=checkbox][name="${name}"][value="${value}"]`).isChecked(), J,
    'the chosen facet stays checked');
  const faceted = page.url();
  // Near a place: the town typed, a radius chosen; the results say where and how far.
  await page.goto('/szukaj');
  // On narrow screens the filters are behind their disclosure.
  if (!(await page.locator('#near-place').isVisible())) await page.locator('details.facets > summary').click();
  await page.fill('#near-place', 'Poznań');
  await page.selectOption('#near-radius', '50');
  await clickAndWait(page, page.locator('form.search-page button[type=submit]').first());
  const near = new URL(page.url());
  r.check(near.searchParams.get('blisko') === 'Poznań' && near.searchParams.get('promien') === '50', J,
    'near a place goes into the address', page.url());
  r.check((await page.locator('p.total').textContent()).includes('w promieniu 50 km od miejscowości Poznań'), J,
    'the total says where', await page.locator('p.total').textContent());
  r.check(/\d+,\d km · /.test(await page.locator('.practice-list .meta').first().textContent()), J,
    'each hit says how far it is');
  r.check(await page.locator('#sort-main').inputValue() === 'distance', J, 'nearest first with no words');
  return { 'search with a facet': faceted, 'search near a place': page.url() };
}

// An editor logs in with the keyboard only, sees the dashboard, and logs out. The dashboard
// needs the session, so it is audited here (axe, markup) rather than in a fresh context; the
// login page is returned for the full audit. Publishing does not exist yet.
export async function editorJourney(page, r, editor, origin) {
  const J = 'journey: editor login';
  const loginPath = '/redakcja/logowanie';
  const form = await page.goto(loginPath);
  if (!r.check(form.status() === 200, J, `${loginPath} answers 200`, String(form.status()))) return {};
  const loginUrl = page.url();
  const tabTo = async (selector) => {
    for (let i = 0; i < 100; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return true;
    }
    return false;
  };
  if (!r.check(await tabTo('main #email'), J, 'Tab reaches the e-mail field')) return { 'editor login': loginUrl };
  await page.keyboard.type(editor.email);
  await page.keyboard.press('Tab');
  r.check(await page.evaluate(() => document.activeElement?.id === 'haslo'), J, 'the next Tab reaches the password');
  await page.keyboard.type(editor.password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  r.check(new URL(page.url()).pathname === '/redakcja', J, 'Enter logs in and opens the dashboard', page.url());
  const greeting = (await page.locator('main .logged-in').textContent()).replace(/\s+/g, ' ').trim();
  r.check(greeting === `Zalogowano jako ${editor.name} (redaktor)`, J, 'the dashboard names the editor and role', greeting);
  r.check(await page.locator('main .recent-changes a[href^="/praktyki/"]').count() > 0, J,
    'recent changes link to the practices they touched');
  const axe = await runAxe(page);
  r.figure('editor dashboard (logged in)', { url: page.url(), axe_pl: axe.violations.length });
  r.check(axe.violations.length === 0, 'editor dashboard (logged in)', 'pl: axe WCAG 2.1 A/AA',
    axe.violations.map(describeRule).join('; '));
  const markup = markupProblems(await readMarkup(page), 'pl', origin);
  r.check(markup.length === 0, 'editor dashboard (logged in)', 'pl: lang, viewport, labels, text alternatives',
    markup.join('; '));
  if (!r.check(await tabTo('main form.logout button'), J, 'Tab reaches the logout button')) return { 'editor login': loginUrl };
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  r.check(new URL(page.url()).pathname === loginPath, J, 'logging out returns to the login page', page.url());
  await page.goto('/redakcja');
  r.check(new URL(page.url()).pathname === loginPath, J, 'after logout the dashboard asks to log in again', page.url());
  return { 'editor login': loginUrl };
}

