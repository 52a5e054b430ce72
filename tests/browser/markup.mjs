// Checks of the rendered DOM that do not need interaction: language attributes, meta viewport,
// a label for every form field, a text alternative for every image, and no render-blocking
// resource from another origin. Each returns a list of problems (empty: passed).

// Collects the facts in the page in one round trip.
export async function readMarkup(page) {
  return page.evaluate(() => {
    const describe = (el) =>
      el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.name ? `[name=${el.name}]` : '');
    const labelled = (el) =>
      el.labels?.length > 0 ||
      (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).some((id) => id && document.getElementById(id)?.textContent.trim()) ||
      (el.getAttribute('aria-label') ?? '').trim() !== '';
    const fields = [...document.querySelectorAll('input, select, textarea')].filter(
      (el) => !['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type),
    );
    const images = [...document.querySelectorAll('img, input[type=image], area, svg[role=img], [role=img]')];
    const altText = (el) =>
      el.tagName === 'IMG' || el.tagName === 'AREA' || el.tagName === 'INPUT'
        ? el.getAttribute('alt')
        : el.getAttribute('aria-label') ?? el.querySelector('title')?.textContent ?? null;
    const head = document.head;
    const blocking = [
      ...[...head.querySelectorAll('link[rel~=stylesheet]')].filter((l) => !l.media || l.media === 'all').map((l) => l.href),
      ...[...head.querySelectorAll('script[src]')].filter((s) => !s.async && !s.defer && s.type !== 'module').map((s) => s.src),
    ];
    return {
      lang: document.documentElement.getAttribute('lang'),
      otherLangs: [...document.querySelectorAll('body [lang]')].map((el) => el.getAttribute('lang')),
      title: document.title,
      viewport: document.querySelector('meta[name=viewport]')?.getAttribute('content') ?? null,
      unlabelled: fields.filter((el) => !labelled(el)).map(describe),
      imagesWithoutAlt: images.filter((el) => altText(el) === null).map(describe),
      blocking,
      syncHeadScripts: [...head.querySelectorAll('script[src]')].filter((s) => !s.async && !s.defer).map((s) => s.src),
    };
  });
}

// `expectedLang`: "pl" or "en", the language the page was asked in.
export function markupProblems(m, expectedLang, origin) {
  const problems = [];
  if (m.lang !== expectedLang) problems.push(`<html lang="${m.lang}">, expected "${expectedLang}"`);
  const bad = m.otherLangs.filter((l) => !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l));
  if (bad.length) problems.push(`invalid lang attributes: ${bad.join(', ')}`);
  if (!m.title.trim()) problems.push('empty <title>');
  if (!m.viewport || !/width=device-width/.test(m.viewport)) problems.push(`meta viewport: ${m.viewport}`);
  if (m.viewport && /user-scalable=no|maximum-scale=1(\.0)?\b/.test(m.viewport)) problems.push('meta viewport forbids zoom');
  if (m.unlabelled.length) problems.push(`form fields without a label: ${m.unlabelled.join(', ')}`);
  if (m.imagesWithoutAlt.length) problems.push(`images without a text alternative: ${m.imagesWithoutAlt.join(', ')}`);
  const foreign = m.blocking.filter((url) => new URL(url).origin !== origin);
  if (foreign.length) problems.push(`render-blocking third-party resources: ${foreign.join(', ')}`);
  if (m.syncHeadScripts.length) problems.push(`render-blocking scripts in <head>: ${m.syncHeadScripts.join(', ')}`);
  return problems;
}
