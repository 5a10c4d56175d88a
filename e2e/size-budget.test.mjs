// The performance budget: the release page's first load (HTML, JS, wasm, CSS) must
// stay within 100 KB brotli. Sizes are deterministic, so this is a pass/fail test;
// times are not, so they live in `make bench` only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { BUDGET_BYTES, byKind, firstLoad } from './first-load.mjs';

const DIST = new URL('../dist/', import.meta.url).pathname;
// Every page with its own wasm: the overview, the widget, and the pages beside the
// overview (a notice, the accessibility statement), which share one wasm.
const PAGES = ['index.html', 'embed.html', 'meldung.html', 'barrierefreiheit.html', 'archiv.html'].filter(
  (p) => p === 'index.html' || existsSync(DIST + p),
);

for (const page of PAGES) {
  test(`first load of ${page} stays within ${BUDGET_BYTES / 1000} KB brotli`, () => {
    const rows = firstLoad(DIST, page);
    const kinds = new Set(rows.map((r) => r.kind));
    for (const kind of ['HTML', 'JS', 'wasm', 'CSS']) assert.ok(kinds.has(kind), `${page} loads no ${kind}: ${JSON.stringify(rows)}`);
    const table = byKind(rows)
      .map((r) => `${r.kind.padEnd(6)} ${String(r.raw).padStart(9)} B raw ${String(r.brotli).padStart(8)} B brotli`)
      .join('\n');
    const total = rows.reduce((n, r) => n + r.brotli, 0);
    assert.ok(total <= BUDGET_BYTES, `${page}: ${total} B brotli is over the budget of ${BUDGET_BYTES} B\n${table}`);
    console.log(`${page} first load (budget ${BUDGET_BYTES} B brotli):\n${table}`);
  });
}
