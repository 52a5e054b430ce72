// Keyboard-only use of a loaded page: the first Tab reaches a visible skip link that moves focus
// to the main content; then Tab walks every focusable element in document order, each with a
// visible focus indicator, inside the viewport, in visual reading order, without a trap. Returns a list of problems.

const MAX_TAB_STOPS = 400;

// The focused element, described and measured in the page.
function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  if (!el.dataset.bdpTabIndex) el.dataset.bdpTabIndex = String(window.bdpTabCounter = (window.bdpTabCounter ?? 0) + 1);
  const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().slice(0, 40);
  return {
    key: el.dataset.bdpTabIndex,
    name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${label}"`,
    visibleFocus: outline || shadow,
    inViewport: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 &&
      rect.top < window.innerHeight && rect.left < window.innerWidth,
    isSkipLink: el.classList.contains('skip-link'),
    box: { top: rect.top + window.scrollY, left: rect.left, right: rect.right },
    href: el.getAttribute('href'),
  };
}

// Elements a keyboard user should reach, in document order.
function tabbableCount() {
  // A disclosure's <summary> is a tab stop; what a closed one hides (content-visibility) is not.
  const candidates = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
  // A group of radio buttons is one tab stop (the arrow keys move within it).
  const radioGroups = new Set();
  const oneStop = (el) => {
    if (el.type !== 'radio' || !el.name) return true;
    const group = `${el.form ? [...document.forms].indexOf(el.form) : -1} ${el.name}`;
    if (radioGroups.has(group)) return false;
    radioGroups.add(group);
    return true;
  };
  return [...candidates].filter(oneStop).filter((el) => {
    if (el.disabled || el.type === 'hidden' || el.tabIndex < 0) return false;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none') return false;
    if (el.classList.contains('skip-link')) return true;
    return el.getClientRects().length > 0 && el.checkVisibility({ contentVisibilityAuto: false });
  }).length;
}

// Focus moving up the page within the same column means the visual order differs from the
// document order (e.g. CSS `order`); moving up into another column (a sidebar beside) is reading order.
function jumpsUp(previous, next) {
  const sameColumn = next.left < previous.right && previous.left < next.right;
  return sameColumn && next.top < previous.top - 8;
}

async function followsInDocument(page) {
  return page.evaluate(() => {
    const prev = document.querySelector('[data-bdp-previous]');
    const cur = document.activeElement;
    const ok = !prev || Boolean(prev.compareDocumentPosition(cur) & Node.DOCUMENT_POSITION_FOLLOWING);
    prev?.removeAttribute('data-bdp-previous');
    cur.setAttribute('data-bdp-previous', '');
    return ok;
  });
}

export async function keyboardProblems(page) {
  const problems = [];
  const positive = await page.$$eval('[tabindex]', (els) => els.filter((e) => e.tabIndex > 0).length);
  if (positive) problems.push(`${positive} elements with a positive tabindex (breaks the order)`);

  await page.keyboard.press('Tab');
  const first = await page.evaluate(focusState);
  if (!first?.isSkipLink) problems.push(`first Tab reaches ${first?.name ?? 'nothing'}, not the skip link`);
  else if (!first.inViewport || !first.visibleFocus) problems.push('skip link is not visible when focused');
  if (first?.isSkipLink) {
    await page.keyboard.press('Enter');
    const target = first.href.slice(1);
    const landed = await page.evaluate((id) => {
      const t = document.getElementById(id);
      return Boolean(t) && (document.activeElement === t || t.contains(document.activeElement));
    }, target);
    if (!landed) problems.push(`skip link does not move focus to #${target}`);
  }
  // The walk starts afresh from the top of the page (the skip link is its first stop), once what
  // the page's scripts fetch has arrived (the map's markers are tab stops too).
  await page.reload();
  await page.waitForLoadState('networkidle');

  const expected = await page.evaluate(tabbableCount);
  const seen = new Set();
  let previous = null;
  for (let i = 0; i < MAX_TAB_STOPS; i += 1) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(focusState);
    if (!state) break; // left the page
    if (state.key === previous?.key) continue; // a control of several stops (a date's day, month, year)
    if (seen.has(state.key)) break; // came round again
    seen.add(state.key);
    if (!state.visibleFocus) problems.push(`no visible focus on ${state.name}`);
    if (!state.inViewport) problems.push(`focused ${state.name} is off screen`);
    if (!(await followsInDocument(page))) problems.push(`focus order jumps back to ${state.name}`);
    if (previous && jumpsUp(previous.box, state.box)) {
      problems.push(`focus moves up the page from ${previous.name} to ${state.name}: visual order is not document order`);
    }
    previous = state;
  }
  if (seen.size >= MAX_TAB_STOPS) problems.push(`more than ${MAX_TAB_STOPS} tab stops: keyboard trap?`);
  else if (seen.size !== expected) problems.push(`Tab reached ${seen.size} of ${expected} focusable elements`);
  return problems;
}
