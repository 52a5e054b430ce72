// The outcome of a harness run: every check passed or failed, journeys skipped, and the figures
// measured per page type. Failures print as they happen; the run fails if any check failed.
export class Results {
  constructor() {
    this.failures = [];
    this.passed = 0;
    this.skipped = [];
    this.figures = new Map(); // page type → { url, axe: {pl, en}, bytes, requests, htmlBytes }
  }

  // Records one assertion about `where` (a page type or journey). Returns `ok`.
  check(ok, where, what, detail = '') {
    if (ok) {
      this.passed += 1;
    } else {
      this.failures.push({ where, what, detail });
      console.log(`FAIL [${where}] ${what}${detail ? `: ${detail}` : ''}`);
    }
    return ok;
  }

  // A journey whose page does not exist yet: never silent.
  skip(journey, reason) {
    this.skipped.push({ journey, reason });
    console.log(`SKIPPED (not built yet) ${journey}: ${reason}`);
  }

  figure(pageType, values) {
    const current = this.figures.get(pageType) ?? {};
    this.figures.set(pageType, { ...current, ...values });
  }

  get ok() {
    return this.failures.length === 0;
  }
}
