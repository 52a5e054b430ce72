// Verification of data: the fixture's two practices last changed in 2020 warn on their pages and
// are listed for editors at /redakcja/weryfikacja; an editor marks one verified with one click;
// `bdp remind-verification` mails the other's contact a link whose page (a button, no login)
// confirms the data, after which its page shows the date and no warning. axe on the list and
// the link's page, and on the outbox where the reminder waits, in Polish and in English.
import { spawnSync } from 'node:child_process';
import { VIEWPORTS } from './reflow.mjs';
import { axeBoth } from './page_checks.mjs';

const J = 'journey: verification';

async function press(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

// The link of the reminder mailed about the practice titled `title` ('' when none).
function reminderLink(server, title) {
  const file = server.database.replace(/^sqlite:/, '');
  const r = spawnSync('sqlite3', [file, "SELECT body FROM outgoing_mail WHERE kind = 'verification_due'"],
    { encoding: 'utf8' });
  const mail = r.stdout.split(/(?=Praktyka „)/).find((body) => body.includes(title)) ?? '';
  return mail.match(/\/potwierdz\/[A-Za-z0-9_-]{43}/)?.[0] ?? '';
}

export async function verificationJourney(context, r, server, origin) {
  const desk = await context(VIEWPORTS.desktop);
  const editorPage = await desk.newPage();
  await editorPage.goto('/redakcja/logowanie');
  await editorPage.fill('#email', server.editor.email);
  await editorPage.fill('#haslo', server.editor.password);
  await press(editorPage, 'main form button[type=submit]');
  const visitor = await context(VIEWPORTS.desktop);
  const page = await visitor.newPage();

  await page.goto('/praktyki/691');
  r.check(await page.locator('main .stale-notice').count() === 1, J, 'a practice unverified for years warns on its page');
  await editorPage.goto('/redakcja/weryfikacja');
  const rows = await editorPage.locator('main table.verification tbody tr').count();
  r.check(rows === 2, J, 'the editors see the two practices due', String(rows));
  await axeBoth(editorPage, r, 'desk verification', origin);
  await press(editorPage, 'main tr#praktyka-690 button[value=wszystko]');
  r.check(new URL(editorPage.url()).search === '?zweryfikowano=690', J, 'one click marks a practice verified',
    editorPage.url());
  r.check(await editorPage.locator('main tr#praktyka-690').count() === 0
    && await editorPage.locator('main p[role=status]').count() === 1, J,
  'it leaves the list, and the page says so');

  const reminded = spawnSync(server.bdp, ['remind-verification', '--database', server.database, '--config', server.configPath],
    { cwd: server.root, encoding: 'utf8' });
  r.check(reminded.status === 0 && reminded.stdout.includes('reminded 1'), J, 'bdp remind-verification mails the one still due',
    `${reminded.stdout}${reminded.stderr}`);
  await editorPage.goto('/redakcja/poczta?stan=queued');
  r.check(await editorPage.locator('main table.outbox td:has-text("a.nowak@pomorskie.eu")').count() === 1, J,
    'the reminder waits in the outbox the editors see');
  await axeBoth(editorPage, r, 'desk outbox', origin);
  const link = reminderLink(server, 'Pomorskie porozumienie');
  if (!r.check(link !== '', J, "the reminder carries the link to confirm")) return {};
  await page.goto(link);
  await axeBoth(page, r, 'verification confirm', origin);
  await press(page, 'main form button[type=submit]');
  r.check((await page.textContent('main')).includes('Dziękujemy: zapisaliśmy'), J, 'the link confirms with no login');
  await page.goto('/praktyki/691');
  const metryka = await page.textContent('main .metryka');
  r.check(await page.locator('main .stale-notice').count() === 0 && metryka.includes('Dane zweryfikowano'), J,
    'the page then shows the date and no warning');
  await visitor.close();
  await desk.close();
  return {};
}
