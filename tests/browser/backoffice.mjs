// The submission and review journey: an anonymous visitor submits a practice with the keyboard
// only (one refused field first, fixed), an editor assigns a reviewer and takes it through
// review, the reviewer scores the seven criteria (the editor then sees the scores), the editor
// requests changes with a reason, the submitter corrects it through the private link, the
// editor publishes it, and the practice is public, in its section and found by search; the
// editor shows the assessment's summary on its page. axe runs on every new page type, in Polish
// and in English.
import { describeRule, runAxe } from './axe.mjs';
import { gotoInLanguage } from './page_checks.mjs';

const J = 'journey: submission and review';

// axe on the page as it is (an answer to a POST cannot be reloaded).
async function axeHere(page, r, type) {
  const axe = await runAxe(page);
  r.figure(type, { url: new URL(page.url()).pathname, axe_pl: axe.violations.length });
  r.check(axe.violations.length === 0, type, 'pl: axe WCAG 2.1 A/AA', axe.violations.map(describeRule).join('; '));
}

async function axeBoth(page, r, type) {
  for (const lang of ['pl', 'en']) {
    await gotoInLanguage(page, lang);
    const axe = await runAxe(page);
    r.figure(type, { url: new URL(page.url()).pathname, [`axe_${lang}`]: axe.violations.length });
    r.check(axe.violations.length === 0, type, `${lang}: axe WCAG 2.1 A/AA`, axe.violations.map(describeRule).join('; '));
  }
  await gotoInLanguage(page, 'pl');
}

// Tabs until `selector` has focus (at most 150 presses).
async function tabTo(page, selector) {
  for (let i = 0; i < 150; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return true;
  }
  return false;
}

// Types `values` ({id: text}) into the form's fields, reaching each by Tab, then presses Enter
// on the submit button.
async function fillByKeyboard(page, r, values) {
  for (const [id, text] of Object.entries(values)) {
    if (!r.check(await tabTo(page, `main #${id}`), J, `Tab reaches #${id}`)) return false;
    const tag = await page.evaluate(() => document.activeElement.tagName);
    const type = await page.evaluate(() => document.activeElement.type);
    if (type === 'checkbox') {
      await page.keyboard.press('Space');
    } else if (tag === 'SELECT') {
      // Arrow keys change a closed list's choice (typing a space would open it).
      const index = await page.evaluate((t) => [...document.activeElement.options].findIndex((o) => o.text === t), text);
      for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
    } else {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
    }
  }
  if (!r.check(await tabTo(page, 'main form.submit-form button[type=submit]'), J, 'Tab reaches the button')) return false;
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return true;
}

async function post(page, path, fields) {
  return page.evaluate(async ({ path, fields }) => {
    const response = await fetch(path, { method: 'POST', body: new URLSearchParams(fields), redirect: 'follow' });
    return response.status;
  }, { path, fields });
}

export async function submissionJourney(browser, contexts, r, editor, reviewer) {
  const visitor = await contexts.fresh();
  const page = await visitor.newPage();
  const reached = {};
  await page.goto('/zglos-praktyke');
  await axeBoth(page, r, 'submission tasks');
  reached['submission tasks'] = '/zglos-praktyke';
  if (!r.check(await tabTo(page, 'main a[href="/zglos-praktyke/jednostka"]'), J, 'Tab reaches the first step')) return reached;
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  reached['submission step'] = '/zglos-praktyke/jednostka';
  await fillByKeyboard(page, r, { jednostka: 'Gmina Testowo', typ: 'gmina wiejska', wojewodztwo: 'lubelskie',
    miejscowosc: 'Testowo', kod: '24105' });
  r.check((await page.title()).startsWith('Błąd:'), J, 'a refused step says "Błąd:" in its title', await page.title());
  r.check(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), J,
    'the error summary takes focus');
  const kept = await page.inputValue('#jednostka');
  r.check(kept === 'Gmina Testowo', J, 'what was typed is kept', kept);
  await axeHere(page, r, 'submission step with errors');
  r.check(await tabTo(page, '.error-summary a[href="#kod"]'), J, 'Tab reaches the summary\'s link to the field');
  await page.keyboard.press('Enter');
  r.check(await tabTo(page, 'main #kod'), J, 'Tab reaches the refused field');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('24-105');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  r.check(new URL(page.url()).pathname === '/zglos-praktyke/kontakt', J, 'the fixed step goes on to the next', page.url());
  await fillByKeyboard(page, r, { osoba: 'Jan Testowy', email: 'jan@testowo.pl', zgoda: '' });
  const section = await page.getAttribute('main input[type=checkbox][name=dzialy]', 'id');
  await fillByKeyboard(page, r, { tytul: 'Przeglądarkowa praktyka z Testowa', skrot: 'Krótki opis praktyki.', [section]: '' });
  await fillByKeyboard(page, r, { m_sytuacja_przed: 'Było źle.', m_cele: 'Ma być lepiej.', m_wdrozenie: 'Zrobiliśmy.',
    m_rezultaty: 'Jest lepiej o połowę.' });
  r.check(new URL(page.url()).pathname === '/zglos-praktyke/sprawdz', J, 'the last step opens "check your answers"', page.url());
  await axeBoth(page, r, 'submission check');
  await page.waitForTimeout(1100);
  if (!r.check(await tabTo(page, 'main form.submit-form button[type=submit]'), J, 'Tab reaches "send"')) return reached;
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const link = await page.getAttribute('main .private-link a', 'href').catch(() => null);
  if (!r.check(Boolean(link), J, 'sending shows the private link')) return reached;
  const privatePath = new URL(link).pathname;
  await page.goto(privatePath);
  await axeBoth(page, r, 'submission status');

  const desk = await contexts.fresh();
  const editorPage = await desk.newPage();
  await editorPage.goto('/redakcja/logowanie');
  await editorPage.fill('#email', editor.email);
  await editorPage.fill('#haslo', editor.password);
  await Promise.all([editorPage.waitForNavigation(), editorPage.click('main form button[type=submit]')]);
  await editorPage.goto('/redakcja/kolejka');
  await axeBoth(editorPage, r, 'review queue');
  const href = await editorPage.getAttribute('main table.queue a:text("Przeglądarkowa praktyka z Testowa")', 'href');
  if (!r.check(Boolean(href), J, 'the submission is in the editors\' queue')) return reached;
  await editorPage.goto(href);
  await axeBoth(editorPage, r, 'review page');
  const act = async (action, reason = '') => {
    if (reason) await editorPage.fill('#powod', reason);
    await Promise.all([editorPage.waitForNavigation(), editorPage.click(`main button[value=${action}]`)]);
  };
  await editorPage.selectOption('#osoba', { label: reviewer.name });
  await Promise.all([editorPage.waitForNavigation(),
    editorPage.click('main form[action$="/przypisz"] button:not([name])')]);
  r.check(await editorPage.locator('#osoba option:checked').textContent() === reviewer.name, J,
    'the editor assigns the reviewer');
  await act('start_review');

  // The reviewer scores every criterion, blind to others until then.
  const expert = await contexts.fresh();
  const expertPage = await expert.newPage();
  await expertPage.goto('/redakcja/logowanie');
  await expertPage.fill('#email', reviewer.email);
  await expertPage.fill('#haslo', reviewer.password);
  await Promise.all([expertPage.waitForNavigation(), expertPage.click('main form button[type=submit]')]);
  await expertPage.goto('/redakcja/kolejka?stan=in_review');
  const row = expertPage.locator('main table.queue tr', { hasText: 'Przeglądarkowa praktyka z Testowa' });
  r.check((await row.textContent()).includes(reviewer.name), J, "the reviewer's queue shows the practice assigned to them");
  await expertPage.goto(href);
  await axeBoth(expertPage, r, 'review page (reviewer)');
  const criteria = await expertPage.locator('main form.assessment-form fieldset.criterion').evaluateAll(
    (sets) => sets.map((set) => set.id));
  r.check(criteria.length === 7, J, 'the form scores the seven criteria', criteria.join(' '));
  for (const criterion of criteria) await expertPage.check(`#${criterion}-4`);
  await expertPage.fill('#uzasadnienie', 'Rzetelnie opisana, łatwa do powtórzenia.');
  await expertPage.check('#pewnosc-high');
  await Promise.all([expertPage.waitForNavigation(), expertPage.click('main form.assessment-form button[type=submit]')]);
  // Each row: count, mean, median, spread.
  const summary = await expertPage.locator('main table.assessment-summary tbody tr').evaluateAll(
    (rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()).join(' ')));
  r.check(summary.length === 7 && summary.every((cells) => cells === '1 4,0 4,0 0'), J,
    'once scored, the reviewer sees the summary: one score of 4 on every criterion', summary.join(' | '));
  await expert.close();
  await editorPage.reload();
  r.check(await editorPage.locator('main table.assessment-summary tbody tr').count() === 7
    && (await editorPage.textContent('main .assessment h4')).includes(reviewer.name), J,
  "the editor sees the reviewer's scores");
  await act('request_changes', 'Proszę dopisać koszty.');
  await page.goto(privatePath);
  r.check((await page.textContent('main')).includes('Proszę dopisać koszty.'), J, 'the submitter reads the reason');
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  await page.goto('/zglos-praktyke/prezentacja');
  await page.fill('#m_zasoby', 'Koszt: 10 000 zł.');
  await Promise.all([page.waitForNavigation(), page.click('main form.submit-form button[type=submit]')]);
  await page.waitForTimeout(1100);
  await Promise.all([page.waitForNavigation(), page.click('main form.submit-form button[type=submit]')]);
  r.check((await page.textContent('main')).includes('Poprawione zgłoszenie'), J, 'the corrected submission is sent');
  await editorPage.goto(`${href}/wersje`);
  await axeBoth(editorPage, r, 'revision list');
  r.check(await editorPage.locator('main table.revisions tbody tr').count() === 2, J,
    'the submission and its correction are two revisions');
  await Promise.all([editorPage.waitForNavigation(), editorPage.click('main form.rev-compare button')]);
  await axeBoth(editorPage, r, 'revision comparison');
  const inserted = await editorPage.locator('main .rev-text ins').allTextContents();
  r.check(inserted.some((text) => text.includes('Koszt: 10 000 zł.')), J,
    'the comparison shows the correction inserted, named in words', inserted.join(' | '));
  await editorPage.goto(href);
  await act('start_review');
  await act('publish');
  const publicHref = await editorPage.getAttribute('main a[href^="/praktyki/"]', 'href').catch(() => null);
  if (!r.check(Boolean(publicHref), J, 'the review page links the public page')) return reached;
  const shown = await page.goto(publicHref);
  r.check(shown.status() === 200, J, 'the published practice is public', String(shown.status()));
  r.check((await page.textContent('main')).includes('Koszt: 10 000 zł.') || (await page.goto(`${publicHref}/pelna-prezentacja`)).status() === 200, J, 'its full presentation is public');
  let found = false;
  for (let i = 0; i < 20 && !found; i += 1) {
    await page.goto('/szukaj?q=Przeglądarkowa');
    found = (await page.locator(`main a[href^="${publicHref.split('-')[0]}"]`).count()) > 0;
    if (!found) await page.waitForTimeout(250);
  }
  r.check(found, J, 'search finds the published practice');
  await editorPage.goto(href);
  await Promise.all([editorPage.waitForNavigation(),
    editorPage.click('main form[action$="/ocena/publiczna"] button')]);
  let means = [];
  for (let i = 0; i < 20 && means.length === 0; i += 1) {
    await page.goto(publicHref);
    means = await page.locator('main table.assessment-public tbody td').allTextContents();
    if (means.length === 0) await page.waitForTimeout(250);
  }
  r.check(means.length === 7 && means.every((mean) => mean === '4,0'), J,
    "the editor shows the assessment's summary on the public page: a mean of 4,0 on each criterion", means.join(' '));
  r.check(!(await page.textContent('main')).includes(reviewer.name), J, 'the public summary names no reviewer');
  await axeBoth(page, r, 'practice with its assessment');
  await editorPage.goto('/redakcja/dziennik');
  await axeBoth(editorPage, r, 'audit log');
  await editorPage.goto('/redakcja/haslo');
  await axeBoth(editorPage, r, 'password form');
  r.check(await post(editorPage, '/redakcja/praktyki/1/komentarz', { tresc: 'x' }) === 403, J,
    'a desk form without the session token is refused');
  await visitor.close();
  await desk.close();
  return reached;
}
