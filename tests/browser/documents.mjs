// The document library in a browser: an editor uploads a PDF through /redakcja/dokumenty (the
// multipart form, spooled by the server) and links it to a practice; a visitor finds it on
// /publikacje, on its page, in the practice's "Załączniki" tab and through search by a word that
// is only inside the PDF, and downloads the same bytes. axe runs on the desk pages here; the
// public pages are audited with every other page type.
import { axeHere, eventually } from './page_checks.mjs';

const J = 'journey: document library';

// A one-page PDF showing `text` (Helvetica), with its xref offsets computed.
function pdfWith(text) {
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// Returns the public pages to audit ({type: url}).
export async function documentsJourney(contexts, r, editor, origin) {
  const visitor = await contexts.fresh();
  const page = await visitor.newPage();
  await page.goto('/');
  const practiceHref = await page.locator('main a[href^="/praktyki/"]').first().getAttribute('href');
  const practiceId = practiceHref.match(/^\/praktyki\/(\d+)/)[1];

  const desk = await contexts.fresh();
  const editorPage = await desk.newPage();
  await editorPage.goto('/redakcja/logowanie');
  await editorPage.fill('#email', editor.email);
  await editorPage.fill('#haslo', editor.password);
  await Promise.all([editorPage.waitForNavigation(), editorPage.click('main form button[type=submit]')]);
  await editorPage.goto('/redakcja/dokumenty');
  if (!r.check(await editorPage.locator('main h1').textContent() === 'Dokumenty', J, 'the desk library opens')) return {};
  await axeHere(editorPage, r, 'desk documents', origin);

  const word = 'Nosorozcowy';
  const pdf = pdfWith(`Sprawozdanie: ${word} program wsparcia`);
  await editorPage.fill('#tytul', 'Sprawozdanie z przeglądarki');
  await editorPage.selectOption('#rodzaj', 'raport');
  await editorPage.fill('#rok', '2022');
  await editorPage.fill('#tagi', 'ewaluacja');
  await editorPage.fill('#praktyki', practiceId);
  const file = { name: 'Sprawozdanie łódzkie.pdf', mimeType: 'application/pdf', buffer: pdf };
  await editorPage.setInputFiles('#plik', file);
  const status = editorPage.locator('[data-upload] .upload-status');
  r.check(await status.textContent() === 'Wybrany plik: Sprawozdanie łódzkie.pdf (1 kB).', J,
    'the file input names the chosen file and its size', await status.textContent());
  const remove = editorPage.getByRole('button', { name: 'Usuń plik Sprawozdanie łódzkie.pdf' });
  r.check(await remove.count() === 1, J, 'the remove button names the file');
  await remove.click();
  r.check(await editorPage.evaluate(() => document.activeElement.id === 'plik' && document.getElementById('plik').files.length === 0),
    J, 'removing the file empties the input and returns focus to it');
  r.check(await status.textContent() === 'Plik usunięty; wybierz inny.', J, 'the removal is announced', await status.textContent());
  await editorPage.setInputFiles('#plik', file);
  // What the status region announces while sending, kept across the navigation that follows.
  await editorPage.evaluate(() => {
    const region = document.querySelector('[data-upload] .upload-status');
    new MutationObserver(() => {
      const said = JSON.parse(sessionStorage.getItem('announced') || '[]');
      said.push(region.textContent);
      sessionStorage.setItem('announced', JSON.stringify(said));
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
  await Promise.all([editorPage.waitForNavigation(), editorPage.click('main form.editor-form button[type=submit]')]);
  const announced = JSON.parse(await editorPage.evaluate(() => sessionStorage.getItem('announced') || '[]'));
  r.check(announced.includes('Wysyłanie pliku: 100 %.'), J, 'the upload announces its progress', JSON.stringify(announced));
  const edit = new URL(editorPage.url()).pathname;
  r.check(/^\/redakcja\/dokumenty\/\d+$/.test(edit), J, 'saving opens the document in the back office', edit);
  await axeHere(editorPage, r, 'desk document', origin);
  const id = edit.split('/').pop();
  // A refused file sent by the enhanced input: the server's answer (the form with its error
  // summary) replaces the page, as after a plain submit; no version is added.
  await editorPage.setInputFiles('#plik', { name: 'strona.html', mimeType: 'text/html', buffer: Buffer.from('<html><body><script>alert(1)</script></body></html>') });
  await editorPage.click('main form.editor-form:has(#plik) button[type=submit]');
  await editorPage.waitForSelector('.error-summary', { timeout: 10000 }).catch(() => null);
  const refusal = (await editorPage.locator('.error-summary').textContent().catch(() => '')) || '';
  r.check(refusal.includes('HTML'), J, 'a refused upload shows why in the error summary', refusal);
  r.check(await editorPage.locator('ol.versions > li').count() === 1, J, 'the refused file adds no version');

  r.check(await eventually(page, '/publikacje', async (p) => (await p.locator('main h2 a:has-text("Sprawozdanie z przeglądarki")').count()) === 1),
    J, 'the document is listed on /publikacje');
  const docHref = await page.locator('main h2 a:has-text("Sprawozdanie z przeglądarki")').first().getAttribute('href');
  await page.goto(docHref);
  const download = await page.request.get(`/publikacje/${id}/plik`);
  const bytes = Buffer.from(await download.body());
  r.check(download.status() === 200 && bytes.equals(pdf), J, 'the download gives the uploaded bytes', String(download.status()));
  r.check((download.headers()['content-disposition'] || '').includes("filename*=UTF-8''Sprawozdanie%20%C5%82%C3%B3dzkie.pdf"), J,
    'the download keeps the Polish file name', download.headers()['content-disposition']);
  r.check(await eventually(page, `${practiceHref}/zalaczniki`, async (p) => (await p.locator(`main a[href="${docHref}"]`).count()) === 1),
    J, "the practice's Załączniki tab lists the document");
  r.check(await eventually(page, `/szukaj?q=${word.toLowerCase()}`,
    async (p) => (await p.locator(`main a[href="${docHref}"]`).count()) >= 1, 100),
  J, 'search finds the document by a word only inside its PDF');
  await page.close();
  await visitor.close();
  await desk.close();
  return { library: '/publikacje', document: docHref };
}
