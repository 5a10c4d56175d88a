// The accessibility gate: axe-core (from npm) injected into the page in Chromium, with
// every WCAG 2.0 / 2.1 A and AA rule (BITV 2.0 asks for WCAG 2.1 AA) plus axe's best
// practices. Any violation fails, listed with rule, impact and the elements.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Runs axe on `page` as it is now; throws a readable error on any violation. */
export async function checkA11y(page, label) {
  // Injected by evaluation (CDP), so the page's strict CSP does not block it.
  await page.evaluate(AXE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  if (result.violations.length > 0) {
    const lines = result.violations.map(
      (v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
    );
    throw new Error(`axe found ${result.violations.length} violation(s) on ${label}:\n${lines.join('\n')}`);
  }
  return result;
}
