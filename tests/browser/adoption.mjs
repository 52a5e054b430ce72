// "Zastosowaliśmy to u nas": a unit tells the portal it took a practice up, at 1280 px and at
// 390 px, in Polish and in English. The practice page links the form; an empty form is refused
// with an error summary that takes focus; a complete one is thanked. An editor publishes one
// from /redakcja/zastosowania and both practices then link each other; the listing counts it.
// The fixture's imported adoption (412 → Dzierżoniów, own practice 601) is on both pages.
import { PHONE } from './phone.mjs';
import { VIEWPORTS } from './reflow.mjs';
import { axeBoth, eventually } from './page_checks.mjs';

const J = 'journey: adoptions';

async function press(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

// One visitor's form at `root` ('' or '/en'): refused empty, then sent. Returns the form's path.
async function sendForm(page, r, label, root, unit) {
  await page.goto(`${root}/praktyki/530`);
  const link = page.locator('main section.adoptions a[href$="/zastosowalismy"]');
  r.check(await link.count() === 1, J, `${label}: the practice page links the form`);
  await Promise.all([page.waitForNavigation(), link.click()]);
  const form = new URL(page.url()).pathname;
  r.check(form === `${root}/praktyki/530-${form.split('-').slice(1).join('-')}` && form.endsWith('/zastosowalismy'),
    J, `${label}: the form has the practice's address in the page's language`, form);
  await press(page, 'main form button[type=submit]');
  const title = await page.title();
  const focused = await page.evaluate(() => document.activeElement?.className ?? '');
  const summary = await page.locator('main .error-summary li a').count();
  r.check(title.startsWith(root ? 'Error:' : 'Błąd:') && focused.includes('error-summary') && summary >= 6, J,
    `${label}: an empty form is refused, the summary takes focus and names each field`, `${title} | ${focused} | ${summary}`);
  await page.fill('#jednostka', unit);
  await page.selectOption('#typ', 'gmina wiejska');
  await page.selectOption('#wojewodztwo', 'opolskie');
  await page.selectOption('#sposob', 'adapted');
  await page.fill('#rok', '2023');
  await page.fill('#zmiany', 'Zajęcia prowadzi szkoła.\nDrugi wiersz.');
  await page.fill('#osoba', 'Anna Nowak');
  await page.fill('#email', 'anna@gmina.example.pl');
  await press(page, 'main form button[type=submit]');
  const thanked = await page.locator('main h1').textContent();
  r.check(new URL(page.url()).search === '?wyslano=1' && thanked === (root ? 'Thank you' : 'Dziękujemy za zgłoszenie'), J,
    `${label}: a complete form is thanked`, `${page.url()} ${thanked}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  r.check(overflow <= 0, J, `${label}: the form does not scroll sideways`, `${overflow} px`);
  return form;
}

// Returns the pages to audit as every other page type ({type: url}).
export async function adoptionJourney(context, r, editor, origin) {
  const viewer = await context(VIEWPORTS.desktop);
  const page = await viewer.newPage();
  await page.goto('/praktyki/412');
  const taken = await page.locator('main section.adoptions li').allTextContents();
  r.check(taken.some((t) => t.includes('Dzierżoniów') && t.includes('2015')), J,
    'an imported adoption is listed under "Przeniesione do…"', taken.join(' | '));
  const own = page.locator('main section.adoptions a[href^="/praktyki/601-"]');
  r.check(await own.count() === 1, J, "the adopting unit's own practice is linked");
  await page.goto('/praktyki/601');
  r.check(await page.locator('main section.adoptions a[href^="/praktyki/412-"]').count() === 1, J,
    'its own practice links back under "Zainspirowane przez…"');

  let form = null;
  let n = 0;
  for (const [width, options] of [['1280 px', VIEWPORTS.desktop], ['390 px', PHONE]]) {
    for (const root of ['', '/en']) {
      const visitor = await context(options);
      n += 1;
      const sent = await sendForm(await visitor.newPage(), r, `${width}, ${root ? 'en' : 'pl'}`, root, `Gmina Próbna ${n}`);
      if (!root) form = sent;
      await visitor.close();
    }
  }

  const desk = await context(VIEWPORTS.desktop);
  const editorPage = await desk.newPage();
  await editorPage.goto('/redakcja/logowanie');
  await editorPage.fill('#email', editor.email);
  await editorPage.fill('#haslo', editor.password);
  await press(editorPage, 'main form button[type=submit]');
  await editorPage.goto('/redakcja/zastosowania');
  const pending = await editorPage.locator('main section[aria-labelledby=oczekujace] li').count();
  r.check(pending === 4, J, 'the editors see the four sent adoptions', String(pending));
  await axeBoth(editorPage, r, 'desk adoptions', origin);
  await press(editorPage, 'main section[aria-labelledby=oczekujace] li:has-text("Gmina Próbna 1") button:has-text("Opublikuj")');
  const shown = await eventually(page, '/praktyki/530', async (p) =>
    (await p.locator('main section.adoptions li').allTextContents()).some((t) => t.includes('Gmina Próbna 1')));
  r.check(shown, J, 'a published adoption appears on the practice page');
  const kept = await page.locator('main section.adoptions .adoption-changes').first().evaluate((el) => getComputedStyle(el).whiteSpace);
  r.check(kept === 'pre-line', J, 'what the unit wrote keeps its line breaks', kept);
  await page.goto(await page.locator('main .metryka a[href^="/jednostki/"]').first().getAttribute('href'));
  const counted = await page.locator('main .practice-list li:has(a[href^="/praktyki/530-"]) .adopted').textContent().catch(() => '');
  r.check(counted === '1 jednostka ją zastosowała', J, 'the listing counts the units that took it up', counted);
  for (const label of ['Gmina Próbna 2', 'Gmina Próbna 3', 'Gmina Próbna 4']) {
    await press(editorPage, `main section[aria-labelledby=oczekujace] li:has-text("${label}") button:has-text("Odrzuć")`);
  }
  await viewer.close();
  await desk.close();
  return form ? { 'adoption form': form } : {};
}
