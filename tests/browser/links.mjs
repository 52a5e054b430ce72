// "Inne bazy danych": the public page /inne-bazy (grouped, names linking out with
// rel="noopener", the broken link flagged and still listed) and the back office's
// /redakcja/linki (broken links first; a link added with the form shows on the public page and
// is deleted again). axe runs on each page in Polish and in English.
import { axeBoth, axeHere, eventually } from './page_checks.mjs';

const J = 'journey: links to other databases';

// Returns the pages to audit as every other page type ({type: url}).
export async function linksJourney(contexts, r, editor, origin) {
  const visitor = await contexts.fresh();
  const page = await visitor.newPage();
  const response = await page.goto('/inne-bazy');
  if (!r.check(response.status() === 200, J, '/inne-bazy answers 200', String(response.status()))) return {};
  const headings = await page.locator('main h2').allTextContents();
  r.check(headings.join('|') === 'Europejskie|Polskie', J, 'links are grouped by category', headings.join('|'));
  const out = page.locator('main a[href="https://www.miasta.pl/"]');
  r.check(await out.count() === 1 && (await out.getAttribute('rel')).split(' ').includes('noopener'), J,
    'a name links out with rel="noopener"');
  const broken = page.locator('main li:has(a[href="https://stara-baza.example.pl/"])');
  r.check((await broken.textContent()).includes('(adres może być nieaktualny)'), J,
    'a broken link is still listed, flagged');

  const desk = await contexts.fresh();
  const editorPage = await desk.newPage();
  await editorPage.goto('/redakcja/logowanie');
  await editorPage.fill('#email', editor.email);
  await editorPage.fill('#haslo', editor.password);
  await Promise.all([editorPage.waitForNavigation(), editorPage.click('main form button[type=submit]')]);
  await editorPage.goto('/redakcja');
  r.check(await editorPage.locator('main nav a[href="/redakcja/linki"]').count() === 1, J, 'the desk menu names the links');
  await editorPage.goto('/redakcja/linki');
  const firstTable = await editorPage.locator('main table caption').first().textContent();
  r.check(firstTable === 'Niedziałające', J, 'the broken links come first', firstTable);
  await axeBoth(editorPage, r, 'desk links', origin);

  await editorPage.fill('#nazwa', 'Baza z przeglądarki');
  await editorPage.fill('#adres', 'javascript:alert(1)');
  await editorPage.evaluate(() => document.querySelector('#adres').setAttribute('type', 'text'));
  await Promise.all([editorPage.waitForNavigation(), editorPage.click('main form.editor-form button[type=submit]')]);
  r.check((await editorPage.locator('main .error-summary').textContent()).includes('http://'), J,
    'a javascript: address is refused with a message');
  await axeHere(editorPage, r, 'desk links (refused form)', origin);
  await editorPage.fill('#adres', 'https://www.zpp.pl/');
  await editorPage.fill('#kategoria', 'Polskie');
  await Promise.all([editorPage.waitForNavigation(), editorPage.click('main form.editor-form button[type=submit]')]);
  r.check(new URL(editorPage.url()).pathname === '/redakcja/linki', J, 'saving returns to the list', editorPage.url());
  r.check(await eventually(page, '/inne-bazy', async (p) => (await p.locator('main a[href="https://www.zpp.pl/"]').count()) === 1),
    J, 'the added link shows on the public page');
  const edit = await editorPage.getAttribute('main table a:has-text("Baza z przeglądarki")', 'href').catch(() => null);
  if (edit) {
    await editorPage.goto(edit);
    await axeBoth(editorPage, r, 'desk link edit', origin);
    await editorPage.goto('/redakcja/linki');
  }
  const row = editorPage.locator('main section[aria-labelledby="wszystkie"] tr:has-text("Baza z przeglądarki")');
  await Promise.all([editorPage.waitForNavigation(), row.locator('button').click()]);
  r.check(await eventually(page, '/inne-bazy', async (p) => (await p.locator('main a[href="https://www.zpp.pl/"]').count()) === 0),
    J, 'the deleted link leaves the public page');
  await page.close();
  await visitor.close();
  await desk.close();
  return { 'other databases': '/inne-bazy' };
}
