// "Porównaj praktyki": a visitor chooses practices with the "Dodaj do porównania" buttons of a
// listing, of search results and of a practice page, at 1280 px and at 390 px, in Polish and
// in English, with JavaScript and without it; the comparison shows them side by side at an
// address that can be shared, refuses a fourth with a notice, and lets one go again.
import { PHONE } from './phone.mjs';
import { VIEWPORTS } from './reflow.mjs';

const J = 'journey: compare practices';

async function press(page, button) {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

// The ids of the practices the comparison on `page` shows, from its column links.
async function columns(page) {
  return page.$$eval('table.compare thead th a', (as) => as.map((a) => /\/praktyki\/(\d+)-/.exec(a.getAttribute('href'))?.[1]));
}

// Presses the button of the first of `items` not among `chosen`; false when there is none.
async function addAnother(page, items, chosen) {
  for (let i = 0; i < await items.count(); i += 1) {
    const button = items.nth(i).locator('.compare-add button');
    if (chosen.includes(await button.getAttribute('value'))) continue;
    await press(page, button);
    return true;
  }
  return false;
}

// One visitor's comparison of three practices, then a refused fourth and a removal.
async function chooseThree(page, r, label, root) {
  await page.goto(`${root}/`);
  const listed = page.locator('main .practice-list li');
  await press(page, listed.nth(0).locator('.compare-add button'));
  const first = await columns(page);
  r.check(new URL(page.url()).pathname === `${root}/porownaj` && first.length === 1, J,
    `${label}: a listing's button opens the comparison of that practice`, `${page.url()} ${first}`);
  await page.goto(`${root}/szukaj?q=gmina`);
  const added = await addAnother(page, page.locator('main .practice-list li:not(.document-hit)'), first);
  const second = await columns(page);
  r.check(added && second.length === 2 && second[0] === first[0], J, `${label}: a search result's button adds a second`, String(second));
  await page.goto(`${root}/`);
  await addAnother(page, listed, second);
  const third = await columns(page);
  await page.goto(`${root}/`);
  let fourth = null;
  for (let i = 0; i < await listed.count() && !fourth; i += 1) {
    const id = await listed.nth(i).locator('.compare-add button').getAttribute('value');
    if (!third.includes(id)) fourth = await listed.nth(i).locator('a.title').getAttribute('href');
  }
  await page.goto(fourth);
  await press(page, page.locator('main .compare-add button'));
  const shown = await columns(page);
  const notice = await page.locator('main .notice[role=status]').count();
  r.check(shown.length === 3 && notice === 1, J, `${label}: a fourth is refused with a notice, three kept`, `${shown} notice=${notice}`);
  const rows = await page.$$eval('table.compare tbody th', (ths) => ths.map((th) => th.textContent));
  const expected = root === '/en' ? ['Unit', 'Unit type', 'Population', 'Sections', 'Date entered'] : ['Jednostka', 'Typ jednostki', 'Liczba mieszkańców', 'Działy', 'Data wprowadzenia do BDP'];
  r.check(expected.every((row) => rows.includes(row)) && rows.some((row) => row.startsWith('Zaangażowane zasoby')), J,
    `${label}: unit, type, population, sections, dates and the costs heading side by side`, rows.join('|'));
  const share = await page.locator('main .compare-share a').getAttribute('href');
  r.check(new URL(share).pathname + new URL(share).search === new URL(page.url()).pathname + new URL(page.url()).search.replace('&pelne=1', ''),
    J, `${label}: the comparison names its own address to share`, share);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  r.check(overflow <= 0, J, `${label}: the page does not scroll sideways (the table does)`, `${overflow} px`);
  await press(page, page.locator('table.compare tfoot button').first());
  const left = await columns(page);
  r.check(left.length === 2 && !left.includes(shown[0]), J, `${label}: removing one leaves the other two`, String(left));
  return new URL(share).pathname + new URL(share).search;
}

// Returns the pages to audit as every other page type ({type: url}).
export async function compareJourney(context, r) {
  let shared = null;
  for (const [width, options] of [['1280 px', VIEWPORTS.desktop], ['390 px', PHONE]]) {
    for (const root of ['', '/en']) {
      for (const javaScriptEnabled of [true, false]) {
        const visitor = await context({ ...options, javaScriptEnabled });
        const page = await visitor.newPage();
        const label = `${width}, ${root ? 'en' : 'pl'}${javaScriptEnabled ? '' : ', no JavaScript'}`;
        const path = await chooseThree(page, r, label, root);
        if (!root) shared = path;
        await visitor.close();
      }
    }
  }
  return shared ? { comparison: shared } : {};
}
