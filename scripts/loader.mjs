// Trunk post_build hook, run before scripts/pages.mjs (which copies index.html's head,
// loader included, into the other pages) and scripts/csp.mjs (which allows the loader
// by its hash): trunk's inline loader starts the wasm only after the first paint.
//
// A published page already holds its notices as HTML (`wegweiser publish`). When the
// preloaded JS and wasm arrive before the browser has painted — on a fast line they
// do — starting the app at once makes the first paint wait for the wasm to be
// instantiated and the app to take the page over. Waiting for the first paint lets the
// notices show first; the app starts right after. (Waiting for a frame with
// requestAnimationFrame was not enough: the frame is presented tens of ms after it is
// drawn, and the app's start delayed that.) A page without a published state, a tab
// opened in the background and a frame of no height start it at once: there is nothing
// to paint first.
//
// Usage: run by trunk (TRUNK_STAGING_DIR is set), or `node scripts/loader.mjs DIR`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('usage: node scripts/loader.mjs DIST_DIR (or run as a trunk hook)');
  process.exit(2);
}

/** Resolves once the browser reports the first contentful paint (Paint Timing: after
 *  the frame was presented, not just drawn) of a page that holds a published state
 *  (`#app[data-published]`); at once where there is none to protect, in a hidden tab
 *  and in a frame with no height yet (widget.js sizes the widget's frame only once it
 *  has told its height), which paint nothing; after at most 1 s in any case. */
export const AFTER_FIRST_PAINT =
  "await new Promise((go) => { setTimeout(go, 1e3); if (document.hidden || !innerHeight || !document.querySelector('#app[data-published]')) return go(); try { new PerformanceObserver((l) => l.getEntriesByName('first-contentful-paint')[0] && go()).observe({ type: 'paint', buffered: true }); } catch { go(); } });";

/** `html` with its trunk loader waiting for the first paint before `init`. */
export function afterFirstPaint(html) {
  const loader = /(<script type="module">\s*import init, \* as bindings from '[^']+';\n)(const wasm = await init\()/;
  const hits = html.match(new RegExp(loader.source, 'g'));
  if (!hits || hits.length !== 1) throw new Error(`loader: index.html has ${hits?.length ?? 0} trunk loaders of the expected form, expected 1`);
  return html.replace(loader, (m, head, start) => `${head}${AFTER_FIRST_PAINT}\n${start}`);
}

const path = join(dir, 'index.html');
writeFileSync(path, afterFirstPaint(readFileSync(path, 'utf8')));
console.log('loader: the wasm starts after the first paint');
