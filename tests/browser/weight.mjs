// Page weight as the browser received it: every response of one page load on a cold cache,
// counted by Chromium's encodedDataLength (headers + body as sent, i.e. gzip when gzipped).
// Also checks the Lighthouse basics: HTML, CSS and JS compressed; CSS and JS cacheable and
// served from the cache on the next visit.
export const PAGE_BUDGET_BYTES = 100 * 1024;
const MIN_CACHE_SECONDS = 30 * 24 * 3600;

async function recordLoad(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const responses = new Map();
  const fromCache = new Set();
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    responses.set(e.requestId, { url: e.response.url, type: e.type, status: e.response.status, headers: h, bytes: 0,
      diskCache: e.response.fromDiskCache });
  });
  cdp.on('Network.requestServedFromCache', (e) => fromCache.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => {
    const r = responses.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await cdp.detach();
  await page.close();
  return [...responses.entries()].map(([id, r]) => ({ ...r, cached: r.diskCache || fromCache.has(id) }));
}

// Loads `url` twice in `context` (a fresh one: cold cache). Returns { bytes, requests, htmlBytes,
// problems }. `budget`: false for the map page (excepted from the 100 KB budget).
export async function measureWeight(context, url, { budget = true } = {}) {
  const cold = await recordLoad(context, url);
  const problems = [];
  const bytes = cold.reduce((sum, r) => sum + r.bytes, 0);
  const html = cold.find((r) => r.type === 'Document');
  for (const r of cold) {
    const name = new URL(r.url).pathname;
    const textual = ['Document', 'Stylesheet', 'Script'].includes(r.type);
    const compressed = /gzip|br|zstd/.test(r.headers['content-encoding'] ?? '');
    // The editors' pages and the submission form carry a token beside reflected input: never
    // compressed (BREACH).
    const secret = r.type === 'Document' && (name.startsWith('/redakcja') || name.startsWith('/zglos-praktyke'));
    if (textual && r.bytes > 1024 && !compressed && !secret) {
      problems.push(`${name} is not compressed (${r.bytes} bytes)`);
    }
    if (secret && compressed) problems.push(`${name} carries a token and must not be compressed`);
    if (r.type === 'Stylesheet' || r.type === 'Script') {
      const cc = r.headers['cache-control'] ?? '';
      const maxAge = Number(/max-age=(\d+)/.exec(cc)?.[1] ?? 0);
      if (maxAge < MIN_CACHE_SECONDS && !/immutable/.test(cc)) problems.push(`${name} is not cacheable (cache-control: ${cc || 'none'})`);
    }
  }
  if (budget && bytes > PAGE_BUDGET_BYTES) problems.push(`${bytes} bytes transferred, over the ${PAGE_BUDGET_BYTES} budget`);
  const warm = await recordLoad(context, url);
  for (const r of warm) {
    if ((r.type === 'Stylesheet' || r.type === 'Script') && !r.cached) {
      problems.push(`${new URL(r.url).pathname} fetched again on the next visit (status ${r.status})`);
    }
  }
  return { bytes, requests: cold.length, htmlBytes: html?.bytes ?? 0, problems };
}
