// The map journey (issue 14): /mapa in Chromium, offline. With JavaScript: Leaflet and
// markercluster load from bdp itself, markers and clusters are present and named ("12 praktyk",
// never a bare number), a cluster click zooms in, a marker opens its popup from the keyboard,
// the popup takes the focus and Esc gives it back, the list follows the visible area, the URL
// keeps the view and the filters, axe finds nothing in Polish and English once the map is
// drawn. Without JavaScript: the SVG map's town markers are links to the list's groups.
// Requests to other hosts are failed by the harness itself (chromium.mjs, newContext).
import { describeRule, runAxe } from './axe.mjs';

const J = 'journey: map';
const CLUSTER_LABEL = { pl: /^\d[\d\s\u202f]* (praktyka|praktyki|praktyk)$/, en: /^\d[\d,]* practices?$/ };

async function openMap(page, path) {
  const vendor = [];
  const listener = (response) => {
    if (response.url().includes('/static/vendor/')) vendor.push(response.status());
  };
  page.on('response', listener);
  const started = Date.now();
  await page.goto(path);
  await page.waitForSelector('#map-app[data-loaded]', { timeout: 10000 });
  page.off('response', listener);
  return { vendor, ms: Date.now() - started };
}

const zoomOf = (page) => Number(new URL(page.url()).searchParams.get('zoom'));
const visibleCount = async (page) => Number((await page.locator('#map-visible').textContent()).replace(/[^\d]/g, '').slice(0, 9) || -1);

// The markers of `selector` inside the map's visible area (markercluster also draws some just
// outside it), largest cluster first.
async function inView(page, selector) {
  const canvas = await page.locator('#map-canvas').boundingBox();
  const found = [];
  for (const marker of await page.locator(selector).all()) {
    const box = await marker.boundingBox();
    if (!box || box.x < canvas.x || box.y < canvas.y || box.x + box.width > canvas.x + canvas.width ||
        box.y + box.height > canvas.y + canvas.height) continue;
    found.push({ marker, count: Number((await marker.textContent()).replace(/[^\d]/g, '')) || 1 });
  }
  return found.sort((a, b) => b.count - a.count).map((f) => f.marker);
}

// Clicks the largest cluster (of several places: it zooms in), then clusters (one place: it
// spreads its markers) until a single practice's marker shows; returns it or null.
async function zoomToAPin(page, r) {
  const [largest] = await inView(page, '.leaflet-marker-icon.map-cluster');
  if (!r.check(!!largest, J, 'the map shows clusters')) return null;
  const before = await visibleCount(page);
  await largest.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('zoom'), null, { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(500); // the cluster animation
  r.check(zoomOf(page) > 6 && await visibleCount(page) < before, J, 'a cluster click zooms in',
    `zoom ${zoomOf(page)}, ${before} → ${await visibleCount(page)} practices in view`);
  for (let i = 0; i < 6; i += 1) {
    const [pin] = await inView(page, '.leaflet-marker-icon.map-pin');
    if (pin) return pin;
    const [cluster] = await inView(page, '.leaflet-marker-icon.map-cluster');
    if (!cluster) return null;
    await cluster.click();
    await page.waitForTimeout(600);
  }
  return null;
}

async function keyboardPopup(page, r) {
  const pin = await zoomToAPin(page, r);
  if (!r.check(pin !== null, J, 'zooming in shows a practice marker')) return;
  r.check((await pin.getAttribute('tabindex')) === '0' && (await pin.getAttribute('role')) === 'button', J,
    'a marker is a button in the tab order');
  const name = await pin.getAttribute('aria-label');
  r.check(!!name && name.length > 3, J, 'a marker is named by its practice', name ?? '');
  await pin.focus();
  await page.keyboard.press('Enter');
  const popup = page.locator('.leaflet-popup');
  await popup.waitFor({ timeout: 3000 }).catch(() => {});
  r.check(await popup.count() === 1, J, 'Enter on a marker opens its popup');
  const inside = await page.evaluate(() => !!document.activeElement?.closest('.leaflet-popup'));
  r.check(inside, J, 'the popup takes the focus');
  const texts = await popup.locator('a').allTextContents();
  r.check(texts.length >= 3, J, 'the popup links the practice, its unit and the page', texts.join(' | '));
  await page.keyboard.press('Escape');
  await popup.waitFor({ state: 'detached', timeout: 3000 }).catch(() => {});
  r.check(await popup.count() === 0, J, 'Esc closes the popup');
  const back = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  r.check(back === name, J, 'Esc gives the focus back to the marker', back ?? 'nothing focused');
}

async function axeAfterDrawing(context, lang, r) {
  const page = await context.newPage();
  await openMap(page, '/mapa');
  const labels = await page.locator('.leaflet-marker-icon.map-cluster').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const bad = labels.filter((l) => !CLUSTER_LABEL[lang].test(l ?? ''));
  r.check(labels.length > 0 && bad.length === 0, J, `${lang}: clusters are named with their count and noun`, bad.join('; ') || labels.join('; '));
  const axe = await runAxe(page);
  r.check(axe.violations.length === 0, J, `${lang}: axe WCAG 2.1 A/AA with the map drawn`, axe.violations.map(describeRule).join('; '));
  await page.close();
}

async function withoutJavaScript(browser, origin, r) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: origin });
  const page = await context.newPage();
  await page.goto('/mapa');
  r.check(await page.locator('svg.map-svg .map-voivodeship').count() === 16, J, 'no JS: the SVG map draws the 16 voivodeships');
  const markers = await page.locator('svg.map-svg a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const groups = await page.locator('.map-list li[id^="m-"]').evaluateAll((lis) => lis.map((li) => `#${li.id}`));
  r.check(markers.length > 0 && markers.every((h) => groups.includes(h)), J, 'no JS: every town marker links to its group of the list',
    `${markers.length} markers, ${groups.length} groups`);
  r.check(await page.locator('#map-app').isHidden(), J, 'no JS: the interactive map stays hidden');
  await page.locator('svg.map-svg a').first().focus();
  await page.keyboard.press('Enter');
  r.check(new URL(page.url()).hash === markers[0], J, 'no JS: Enter on a town marker goes to its group', page.url());
  await context.close();
}

// The strict policy that is coming (default-src 'self'), put on /mapa by the test: the map still
// draws, and the page reports no violation (no inline script or style, no other host).
async function underStrictCsp(browser, origin, r) {
  const context = await browser.newContext({ baseURL: origin });
  await context.route('**/mapa', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "default-src 'self'" } });
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/mapa');
  const drawn = await page.waitForSelector('#map-app[data-loaded]', { timeout: 10000 }).then(() => true, () => false);
  r.check(drawn, J, "under CSP default-src 'self': the map draws");
  const violations = await page.evaluate(() => window.cspViolations);
  r.check(violations.length === 0, J, "under CSP default-src 'self': no violation", violations.join('; '));
  await context.close();
}

// contexts: { desktop, english } as in run.mjs; returns the time to interactive in ms.
export async function mapJourney(browser, contexts, r, origin) {
  const page = await contexts.desktop.newPage();
  const { vendor, ms } = await openMap(page, '/mapa');
  console.log(`map: interactive (markers drawn) ${ms} ms after navigation`);
  r.check(vendor.length >= 3 && vendor.every((s) => s === 200), J, 'Leaflet and markercluster come from bdp (/static/vendor/)', vendor.join(','));
  r.check(await page.locator('.leaflet-marker-icon').count() > 0, J, 'markers are present');
  r.check(await page.locator('.leaflet-tile').count() === 0, J, 'no tiles: the base layer is the shipped boundaries');
  r.check(await page.locator('path.map-boundary').count() === 16, J, 'the base layer draws the 16 voivodeships');
  const total = Number((await page.locator('p.total').textContent()).replace(/[^\d]/g, ''));
  r.check(await visibleCount(page) === total, J, 'all practices are in the visible area at first', `${await visibleCount(page)} of ${total}`);
  await keyboardPopup(page, r);
  const shared = page.url();
  r.check(['zoom', 'lat', 'lon'].every((k) => new URL(shared).searchParams.has(k)), J, 'the URL keeps the view', shared);
  const again = await contexts.desktop.newPage();
  await openMap(again, new URL(shared).pathname + new URL(shared).search);
  r.check(zoomOf(again) === zoomOf(page), J, 'a shared URL opens the same view', `${zoomOf(again)} vs ${zoomOf(page)}`);
  await again.close();
  await page.close();

  const filtered = await contexts.desktop.newPage();
  await openMap(filtered, '/mapa?voivodeship=mazowieckie');
  const shown = Number((await filtered.locator('p.total').textContent()).replace(/[^\d]/g, ''));
  r.check(shown > 0 && shown < total && await visibleCount(filtered) === shown, J, 'a filter in the URL filters the map and its list',
    `${shown} of ${total}, ${await visibleCount(filtered)} in view`);
  r.check(new URL(filtered.url()).searchParams.get('voivodeship') === 'mazowieckie', J, 'moving the map keeps the filter in the URL');
  await filtered.close();

  // Near a place: the list beside the map gives each practice's distance, nearest first.
  const near = await contexts.desktop.newPage();
  await openMap(near, '/mapa?blisko=Warszawa&promien=100');
  const km = await near.locator('#map-visible-list .distance').evaluateAll((spans) =>
    spans.map((s) => Number(s.textContent.replace(/[^\d,.]/g, '').replace(',', '.'))));
  r.check(km.length > 0 && km.every((d, i) => d <= 100 && (i === 0 || km[i - 1] <= d)), J,
    'near a place: the visible list says how far, nearest first', km.slice(0, 5).join(', '));
  await near.close();

  await axeAfterDrawing(contexts.desktop, 'pl', r);
  await axeAfterDrawing(contexts.english, 'en', r);
  await withoutJavaScript(browser, origin, r);
  await underStrictCsp(browser, origin, r);
  return ms;
}
