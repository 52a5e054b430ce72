// Locale checks of a rendered page against an oracle written here, apart from the C++ code:
// the visitor counter's number and start date, every <time> element's text, and the plural
// noun after every count of practices ("1 praktyka, 2 praktyki, 5 praktyk").
const MONTHS = {
  pl: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września',
    'października', 'listopada', 'grudnia'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'],
};
const NUMBER = {
  pl: /^(\d{1,4}|\d{1,3}([\u00A0\u202F]\d{3})+)$/, // "1 756 567" with no-break spaces
  en: /^\d{1,3}(,\d{3})*$/, // "1,756,567"
};
const COUNT_PATTERN = /(\d[\d\u00A0\u202F,]*)\s(praktyk[ai]?|practices?)(?![\p{L}])/gu;

export function expectedDate(lang, iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'pl' ? `${d} ${MONTHS.pl[m - 1]} ${y} r.` : `${d} ${MONTHS.en[m - 1]} ${y}`;
}

export function expectedNoun(lang, n) {
  if (lang === 'en') return n === 1 ? 'practice' : 'practices';
  if (n === 1) return 'praktyka';
  const [d, dd] = [n % 10, n % 100];
  return d >= 2 && d <= 4 && !(dd >= 12 && dd <= 14) ? 'praktyki' : 'praktyk';
}

export async function readLocaleFacts(page) {
  return page.evaluate(() => ({
    counterNumber: document.querySelector('.counter strong')?.textContent ?? null,
    counterText: document.querySelector('.counter')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
    times: [...document.querySelectorAll('time[datetime]')].map((t) => [t.getAttribute('datetime'), t.textContent.trim()]),
    // The UI's own counts (not the practices' texts, which stay Polish in both languages).
    countTexts: [...document.querySelectorAll('main .total, main h2')].map((el) => el.textContent).join('\n'),
  }));
}

// `counterSince`: the config's ISO start date of the visitor counter.
export function localeProblems(facts, lang, counterSince) {
  const problems = [];
  if (facts.counterNumber === null) problems.push('no visitor counter');
  else if (!NUMBER[lang].test(facts.counterNumber)) problems.push(`counter number "${facts.counterNumber}" is not ${lang} formatting`);
  const since = expectedDate(lang, counterSince);
  if (!facts.counterText.includes(since)) problems.push(`counter "${facts.counterText}" lacks the start date "${since}"`);
  for (const [iso, text] of facts.times) {
    if (text !== expectedDate(lang, iso)) problems.push(`<time datetime="${iso}"> reads "${text}", expected "${expectedDate(lang, iso)}"`);
  }
  for (const [, number, noun] of facts.countTexts.matchAll(COUNT_PATTERN)) {
    const n = Number(number.replace(/[^\d]/g, ''));
    if (!NUMBER[lang].test(number)) problems.push(`count "${number}" is not ${lang} formatting`);
    if (noun !== expectedNoun(lang, n)) problems.push(`"${number} ${noun}", expected "${expectedNoun(lang, n)}"`);
  }
  return problems;
}
