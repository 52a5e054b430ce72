// A practice on paper: with print media emulated, the summary view shows the summary, the
// Metryka, the full presentation and the citation, without the menu, the header's search and
// language switch, the views' tabs or the footer; links in the content are followed by their
// address (not the citation's, which is its own address); on screen the printed-only part
// stays hidden.
const J = 'journey: print a practice';

// Facts of the page as the current media shows it.
function printFacts() {
  const shown = (selector) => {
    const el = document.querySelector(selector);
    return el ? getComputedStyle(el).display !== 'none' : null;
  };
  const after = (selector) => {
    const el = document.querySelector(selector);
    return el ? getComputedStyle(el, '::after').content : null;
  };
  return {
    summary: shown('main .summary'), metryka: shown('main .metryka'),
    presentation: shown('main .presentation.print-only'), cite: shown('main .cite'),
    nav: shown('.main-nav'), search: shown('.site-header form'), lang: shown('.lang-switch'),
    tabs: shown('main .tabs'), footer: shown('.site-footer'),
    websiteAfter: after('main .metryka dd a[href^="http"]'),
    websiteHref: document.querySelector('main .metryka dd a[href^="http"]')?.getAttribute('href'),
    citeAfter: after('main .cite a'),
    citeHref: document.querySelector('main .cite a')?.getAttribute('href'),
  };
}

export async function printJourney(page, r, practiceUrl, baseUrl) {
  await page.goto(practiceUrl);
  await page.emulateMedia({ media: 'screen' });
  const screen = await page.evaluate(printFacts);
  r.check(screen.presentation === false, J, 'on screen the printed-only full presentation is hidden', JSON.stringify(screen));
  r.check(screen.cite === true, J, 'on screen the citation is shown');
  await page.emulateMedia({ media: 'print' });
  const paper = await page.evaluate(printFacts);
  const detail = JSON.stringify(paper);
  for (const part of ['summary', 'metryka', 'presentation', 'cite']) {
    r.check(paper[part] === true, J, `on paper the ${part} is printed`, detail);
  }
  for (const chrome of ['nav', 'search', 'lang', 'tabs', 'footer']) {
    r.check(paper[chrome] === false, J, `on paper the ${chrome} is left out`, detail);
  }
  r.check(paper.websiteAfter === `" (${paper.websiteHref})"`, J, 'on paper a link is followed by its address', detail);
  r.check(paper.citeAfter === 'none', J, 'on paper the citation link is not written twice', detail);
  r.check(paper.citeHref === baseUrl + new URL(page.url()).pathname, J, 'the citation gives the absolute permalink', detail);
  await page.emulateMedia({ media: null });
}
