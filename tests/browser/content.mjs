// A published practice's text in the back office: an editor proposes its next revision (the
// public page keeps the published text), is refused a fix of the published title without a
// reason (the error summary takes focus and links to the field, what was typed stays), fixes it
// with one (public at once), then publishes the pending revision, which keeps the fix. The form
// and the review page with its pending revision get the whole audit of a page type (axe and
// markup in pl and en, vnu, keyboard, 360 px and 200% zoom) in contexts logged in as the editor.
import { VIEWPORTS } from './reflow.mjs';
import { deskContexts, deskPage, eventually, press } from './page_checks.mjs';

const J = 'journey: practice text';

// contexts: as auditPage's; auditDesk(contexts, type, url) audits a back-office page.
export async function contentJourney(context, r, editor, origin, auditDesk) {
  const desk = await context(VIEWPORTS.desktop);
  const page = await deskPage(desk, editor);

  const visitor = await (await context(VIEWPORTS.desktop)).newPage();
  await visitor.goto('/');
  const href = await visitor.locator('main a[href^="/praktyki/"]').first().getAttribute('href');
  const id = href.match(/^\/praktyki\/(\d+)/)[1];
  await visitor.goto(href);
  const publicPath = new URL(visitor.url()).pathname;
  const title = (await visitor.textContent('main h1')).trim();
  const base = `/redakcja/praktyki/${id}`;

  await page.goto(`${base}/tresc`);
  r.check(await page.locator('main nav strong[aria-current=page]').textContent() === 'Wersja oczekująca (do przeglądu)',
    J, "a published practice's form edits its pending revision first");
  await page.fill('main textarea#summary', 'Nowy skrót z przeglądarki: dwa kluby seniora.');
  await page.fill('main #powod', 'aktualizacja danych');
  await press(page, 'main form.submit-form button[type=submit]');
  r.check(new URL(page.url()).pathname === base
    && await page.locator('main section.pending-revision').count() === 1, J,
  'the review page shows the pending revision', page.url());
  r.check(!(await eventually(visitor, publicPath, async (p) =>
    (await p.textContent('main')).includes('Nowy skrót z przeglądarki'), 5)), J,
  'the public page keeps the published text');

  await page.goto(`${base}/tresc?cel=opublikowana`);
  await page.fill('main #title', `${title} (poprawione)`);
  await press(page, 'main form.submit-form button[type=submit]');
  const focused = await page.evaluate(() => document.activeElement?.closest('.error-summary') !== null);
  r.check((await page.title()).startsWith('Błąd:') && focused, J,
    'a fix without a reason is refused: the title says so and the error summary takes focus');
  r.check(await page.locator('main .error-summary a[href="#powod"]').count() === 1
    && await page.inputValue('main #title') === `${title} (poprawione)`, J,
  'the summary links to the reason, and the title keeps what was typed');
  await page.fill('main #powod', 'literówka w tytule');
  await press(page, 'main form.submit-form button[type=submit]');
  r.check(await eventually(visitor, publicPath, async (p) =>
    (await p.textContent('main h1')).includes('(poprawione)')), J, 'the fix is public at once');
  r.check(await page.locator('main ul.pending-merge li').first().textContent() === 'Tytuł', J,
    'the review page says the fix of the title will be kept');

  const audited = await deskContexts(context, desk, origin);
  await auditDesk(audited, 'desk practice text', `${base}/tresc`);
  await auditDesk(audited, 'desk review with a pending revision', base);
  await auditDesk(audited, 'desk revisions', `${base}/wersje`);

  await page.goto(base);
  await press(page, 'main form[action$="/oczekujaca/opublikuj"] button');
  const published = await eventually(visitor, publicPath, async (p) => {
    const text = await p.textContent('main');
    return text.includes('Nowy skrót z przeglądarki') && text.includes('(poprawione)');
  });
  r.check(published, J, 'published, the pending revision is public and keeps the fix');
  await audited.close();
  await visitor.context().close();
  await desk.close();
  return {};
}
