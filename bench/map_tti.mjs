#!/usr/bin/env node
// /mapa in headless Chromium (Debian's, offline, as the browser tests drive it): time from
// navigation to the interactive map drawn with its markers (median of RUNS, each in a fresh
// context: nothing cached), and the bytes of the page and of its GeoJSON answer as sent
// (gzip) and as decoded.
// Usage: node bench/map_tti.mjs ORIGIN [RUNS]   (bench/map_page.sh starts the server)
import { launchBrowser, newContext } from '../tests/browser/chromium.mjs';

const origin = process.argv[2];
const runs = Number(process.argv[3] ?? 7);
const browser = await launchBrowser();
const times = [], parsed = [];
let sizes = null;
try {
  for (let i = 0; i < runs; i += 1) {
    const context = await newContext(browser, origin, { viewport: { width: 1280, height: 1000 } }, (url) => {
      throw new Error(`request to another origin: ${url}`);
    });
    const page = await context.newPage();
    const geojson = page.waitForResponse((r) => r.url().includes('/api/v1/practices.geojson'));
    const html = page.waitForResponse((r) => new URL(r.url()).pathname === '/mapa');
    await page.goto(`${origin}/mapa`);
    await page.waitForSelector('#map-app[data-loaded]', { timeout: 30000 });
    times.push(await page.evaluate(() => performance.now()));
    parsed.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd));
    const [g, h] = [await geojson, await html];
    sizes = {
      html: (await h.request().sizes()).responseBodySize, htmlDecoded: (await h.body()).length,
      geojson: (await g.request().sizes()).responseBodySize, geojsonDecoded: (await g.body()).length,
      features: JSON.parse(await g.body()).features.length,
      markers: await page.locator('.leaflet-marker-icon').count(),
    };
    await context.close();
  }
} finally {
  await browser.close();
}
times.sort((a, b) => a - b);
parsed.sort((a, b) => a - b);
console.log(`time to interactive (map drawn): median ${Math.round(times[Math.floor(times.length / 2)])} ms, ` +
  `min ${Math.round(times[0])}, max ${Math.round(times[times.length - 1])} (${runs} cold loads); ` +
  `the page parsed (DOMContentLoaded) at ${Math.round(parsed[Math.floor(parsed.length / 2)])} ms`);
console.log(`/mapa HTML: ${sizes.html} bytes sent (${sizes.htmlDecoded} decoded)`);
console.log(`GeoJSON: ${sizes.geojson} bytes sent (${sizes.geojsonDecoded} decoded), ${sizes.features} features, ` +
  `${sizes.markers} markers and clusters drawn`);
