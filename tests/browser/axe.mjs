// axe-core in the page: the WCAG 2.0/2.1 level A and AA rules only (what the law requires).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_VERSION = require('axe-core/package.json').version;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Runs axe on the loaded page; returns { violations, incomplete }, each a list of
// { id, impact, help, targets } (targets: CSS selectors of the failing nodes).
export async function runAxe(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] }),
    WCAG_TAGS,
  );
  const summarise = (rules) =>
    rules.map((r) => ({ id: r.id, impact: r.impact, help: r.help, targets: r.nodes.map((n) => n.target.join(' ')) }));
  return { violations: summarise(result.violations), incomplete: summarise(result.incomplete) };
}

// "color-contrast: Elements must meet minimum color contrast ratio thresholds (2× .meta, …)"
export function describeRule(rule) {
  const shown = rule.targets.slice(0, 3).join(', ');
  const more = rule.targets.length > 3 ? `, +${rule.targets.length - 3}` : '';
  return `${rule.id}: ${rule.help} (${shown}${more})`;
}
