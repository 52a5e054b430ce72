// The catalogue in the back office: an editor finds a unit, is refused a bad TERYT code (the
// error summary takes focus and links to the field, what was typed stays), saves the right
// one; renames a section and moves it up, after which its old address leads a visitor to the
// new one; changes the programme header, which the pages then show. axe on every new page type
// (the units' list, a unit's page, its refused form, the section tree, a section's page, the
// branding form) in Polish and in English, and the whole audit of a page type (vnu, keyboard,
// 360 px, 200% zoom) on each but the refused form, logged in as the editor.
import { VIEWPORTS } from './reflow.mjs';
import { axeBoth, axeHere, deskContexts, deskPage, eventually, press } from './page_checks.mjs';

const J = 'journey: catalogue';

export async function catalogueJourney(context, r, editor, origin, auditDesk) {
  const desk = await context(VIEWPORTS.desktop);
  const page = await deskPage(desk, editor);

  await page.goto('/redakcja/jednostki');
  await axeBoth(page, r, 'desk units', origin);
  await page.fill('#szukaj-jednostki', 'Gorl');
  await press(page, 'main form[role=search] button');
  const rows = await page.locator('main table tbody tr').count();
  r.check(rows === 1, J, 'a part of the name finds the unit', String(rows));
  await press(page, 'main table tbody tr a');
  r.check(new URL(page.url()).pathname === '/redakcja/jednostki/8', J, 'its page opens', page.url());
  await axeBoth(page, r, 'desk unit', origin);

  for (const lang of ['pl', 'en']) {
    await page.goto(lang === 'en' ? '/en/redakcja/jednostki/8' : '/redakcja/jednostki/8');
    await page.fill('#teryt', '12050');
    await press(page, 'main form.submit-form >> nth=0 >> button[type=submit]');
    await axeHere(page, r, 'desk unit refused', origin, lang);
  }
  await page.goto('/redakcja/jednostki/8');
  await page.fill('#teryt', '12050');
  await press(page, 'main form.submit-form >> nth=0 >> button[type=submit]');
  const focused = await page.evaluate(() => document.activeElement?.closest('.error-summary') !== null);
  r.check((await page.title()).startsWith('Błąd:') && focused, J,
    'a refused form says so in its title and the error summary takes focus');
  r.check(await page.locator('main .error-summary a[href="#teryt"]').count() === 1
    && await page.inputValue('#teryt') === '12050', J, 'the summary links to the field, which keeps what was typed');
  await page.fill('#teryt', '1205011');
  await press(page, 'main form.submit-form >> nth=0 >> button[type=submit]');
  r.check(new URL(page.url()).search === '?zapisano=1'
    && await page.locator('main p[role=status]').count() === 1, J, 'the right code is saved', page.url());

  await page.goto('/redakcja/dzialy');
  await axeBoth(page, r, 'desk sections', origin);
  await press(page, 'main tr#dzial-12 td a[href="/redakcja/dzialy/12"]');
  await axeBoth(page, r, 'desk section', origin);
  await page.fill('#nazwa', 'Dialog i konsultacje');
  await page.fill('#slug', 'dialog-i-konsultacje');
  await press(page, 'main form.submit-form button[type=submit]');
  r.check(new URL(page.url()).search === '?zapisano=12', J, 'the section is renamed', page.url());
  await press(page, 'main tr#dzial-12 button:has-text("W górę")');
  const order = await page.locator('main table.section-tree tbody tr').evaluateAll(
    (trs) => trs.map((tr) => tr.id));
  r.check(order.indexOf('dzial-12') === order.indexOf('dzial-11') - 1, J, 'and moved up one place', order.join(' '));

  await page.goto('/redakcja/wyglad');
  await axeBoth(page, r, 'desk branding', origin);
  await page.fill('#naglowek', 'Program „Lider” — edycja 2027');
  await press(page, 'main form.submit-form button[type=submit]');
  r.check(new URL(page.url()).search === '?zapisano=1', J, 'the branding is saved', page.url());

  const audited = await deskContexts(context, desk, origin);
  for (const [type, url] of [['desk units', '/redakcja/jednostki'], ['desk unit', '/redakcja/jednostki/8'],
    ['desk sections', '/redakcja/dzialy'], ['desk section', '/redakcja/dzialy/12'], ['desk branding', '/redakcja/wyglad']]) {
    await auditDesk(audited, type, url);
  }
  await audited.close();

  const visitor = await (await context(VIEWPORTS.desktop)).newPage();
  r.check(await eventually(visitor, '/', async (p) => (await p.textContent('body')).includes('edycja 2027')), J,
    'every page shows the new programme header');
  const moved = await eventually(visitor, '/dzialy/dialog-spoleczny', async (p) =>
    new URL(p.url()).pathname === '/dzialy/dialog-i-konsultacje'
      && (await p.textContent('main h1')).includes('Dialog i konsultacje'));
  r.check(moved, J, "the section's old address leads a visitor to the new one", visitor.url());
  await visitor.context().close();
  await desk.close();
  return {};
}
