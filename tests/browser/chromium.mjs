// Debian's Chromium driven by playwright-core, kept off the network: loopback only, no proxy,
// no background services, a fresh profile per run (Playwright's default).
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const OFFLINE_ARGS = [
  '--no-sandbox', // runs as root in CI containers
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-proxy-server',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
  // Any host name fails to resolve: only the IP literal of the test server is reachable.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: OFFLINE_ARGS });
}

// A browser context for `origin`. Requests elsewhere cannot leave the machine (the resolver
// rules above); each is reported through `onExternal(url, resourceType)`, because a page must not
// depend on third parties. Observed, not intercepted: interception would switch off the HTTP
// cache, which the weight checks measure.
export async function newContext(browser, origin, options, onExternal) {
  const context = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw', ...options });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:') onExternal(request.url(), request.resourceType());
  });
  return context;
}
