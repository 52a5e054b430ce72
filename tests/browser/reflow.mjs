// Reflow (WCAG 1.4.10) and resize text (1.4.4): at a given viewport the page must not scroll
// sideways. 200% zoom of a 1280 px window is a 640 CSS px viewport at device scale 2, which is
// what the browser lays out when the user zooms.
export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  mobile: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
  zoom200: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
};

// Returns problems: the page's scroll width beyond the viewport, with the widest offenders.
export async function reflowProblems(page, label) {
  const r = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0)
      .filter((el) => !el.closest('.visually-hidden, .skip-link'))
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: document.documentElement.scrollWidth, width, offenders };
  });
  if (r.scrollWidth <= r.width) return [];
  return [`${label}: horizontal scrolling (${r.scrollWidth} px content in ${r.width} px): ${r.offenders.join(', ')}`];
}
