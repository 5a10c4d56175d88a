// Trunk post_build hook, run before scripts/pages.mjs (which copies index.html's head,
// loader and preloads included, into the other pages) and scripts/csp.mjs (which allows
// the inline scripts by their hashes): decides when the app's downloads and its start
// happen, so that a published page paints its notices first.
//
// 1. The app starts after the first paint. A published page already holds its notices
//    as HTML (`wegweiser publish`). When the preloaded JS and wasm arrive before the
//    browser has painted — on a fast line they do — starting the app at once makes the
//    first paint wait for the wasm to be instantiated and the app to take the page over.
//    Waiting for the first paint lets the notices show first; the app starts right
//    after. (Waiting for a frame with requestAnimationFrame was not enough: the frame is
//    presented tens of ms after it is drawn, and the app's start delayed that.) Trunk's
//    loader imports the JS glue with a static `import`, which fetches and compiles it at
//    once; here it becomes a dynamic `import()` after the wait. A page without a
//    published state, a tab opened in the background and a frame of no height start at
//    once: there is nothing to paint first.
//
// 2. The JS, the wasm and the feed are preloaded with the HTML on a slow line, and on a
//    fast one when the app starts (after the first paint on a published page). The
//    preloads sit in `<template id="preloads">` (inert: nothing in a template is
//    fetched); a small script in the head puts them into the page on a slow line, the
//    loader on a fast one, before the app's own requests. On a slow line they must
//    start with the HTML: the feed then arrives while the wasm loads, not after it
//    (measured under slow 4G: the app is ready ~0.7 s sooner). On a fast line they
//    arrive before the first frame and are received, decompressed, checked and
//    compiled while it is made — on 2 cores that put the published page's first paint
//    10–20 ms behind the same HTML without them; after the first paint they cost it
//    nothing and still run in parallel with each other. "Fast" is a round trip of at
//    most FAST_LINE_MS: the browser's estimate where it has one
//    (`navigator.connection.rtt`, Chromium-based browsers, which also follow DevTools'
//    throttling; Firefox for Android has `connection` without `rtt`), else the page's
//    own first byte after its request (Navigation Timing, every browser). The app's `import()` and `fetch`es take the preloaded answers (the
//    modulepreload keeps the glue's integrity check).
//
// Usage: run by trunk (TRUNK_STAGING_DIR is set), or `node scripts/loader.mjs DIR`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('usage: node scripts/loader.mjs DIST_DIR (or run as a trunk hook)');
  process.exit(2);
}

/** A round trip of at most this long: a fast line (see 2. above). Chromium estimates
 *  100 ms where it has not measured the line yet; Lighthouse's "slow 4G" is 150 ms. */
export const FAST_LINE_MS = 100;

/**
 * The head's classic script (before the stylesheet, so it runs as soon as it is parsed:
 * a script after a stylesheet waits for it). It defines `wegweiserPreload()`, which puts
 * `<template id="preloads">`'s links into the head (once: the template is then empty),
 * and calls it at once on a slow line (a round trip over FAST_LINE_MS, or none known).
 * On a fast line trunk's loader calls it (AFTER_FIRST_PAINT).
 */
export const HEAD_SCRIPT =
  `{const t=document.getElementById('preloads'),n=performance.getEntriesByType('navigation')[0];` +
  `self.wegweiserPreload=()=>document.head.append(t.content);` +
  `if((navigator.connection?.rtt??(n?n.responseStart-n.requestStart:1e9))>${FAST_LINE_MS})wegweiserPreload()}`;

/** In trunk's loader, before it imports the app: a page that holds a published state
 *  (`#app[data-published]`) waits until the browser reports the first contentful paint
 *  (Paint Timing: after the frame was presented, not just drawn); at once in a hidden
 *  tab and in a frame with no height yet (widget.js sizes the widget's frame only once
 *  it has told its height), which paint nothing; after at most 1 s in any case. A page
 *  without a published state starts at once: there is nothing to paint first. Then the
 *  preloads, if the head script has not issued them yet: before the app's own requests,
 *  which take their answers. */
export const AFTER_FIRST_PAINT =
  "await new Promise((go) => { setTimeout(go, 1e3); if (document.hidden || !innerHeight || !document.querySelector('#app[data-published]')) return go(); try { new PerformanceObserver((l) => l.getEntriesByName('first-contentful-paint')[0] && go()).observe({ type: 'paint', buffered: true }); } catch { go(); } });\n" +
  'self.wegweiserPreload?.();';

/** `html` with trunk's JS and wasm preloads and a preload of the feed (`<meta name=
 *  "wegweiser-feed">`) in `<template id="preloads">` after that meta, followed by the
 *  head script that issues them on a slow line (HEAD_SCRIPT). */
export function withPreloadsByLine(html) {
  const preloads = /<link rel="(?:modulepreload" href="[^"]+\.js|preload" href="[^"]+_bg\.wasm)"[^>]*>/g;
  const links = html.match(preloads);
  if (!links || links.length !== 2) throw new Error(`loader: index.html has ${links?.length ?? 0} JS and wasm preloads, expected 2`);
  const meta = html.match(/<meta name="wegweiser-feed" content="([^"]*)">/);
  if (!meta) throw new Error('loader: index.html has no <meta name="wegweiser-feed">');
  const without = html.replace(preloads, '');
  const at = without.indexOf(meta[0]) + meta[0].length;
  const template = [
    '<template id="preloads">',
    `<link rel="preload" as="fetch" href="${meta[1]}" crossorigin>`,
    ...links,
    '</template>',
    `<script>${HEAD_SCRIPT}</script>`,
  ].map((line) => `\n  ${line}`).join('');
  return `${without.slice(0, at)}${template}${without.slice(at)}`;
}

/** `html` with its trunk loader importing the app's JS (dynamically) and starting the
 *  wasm only after the first paint on a published page (AFTER_FIRST_PAINT): a static
 *  `import` would fetch and compile the JS while the first frame is made. */
export function afterFirstPaint(html) {
  const loader = /(<script type="module">\s*)import init, \* as bindings from '([^']+)';\n(const wasm = await init\()/;
  const hits = html.match(new RegExp(loader.source, 'g'));
  if (!hits || hits.length !== 1) throw new Error(`loader: index.html has ${hits?.length ?? 0} trunk loaders of the expected form, expected 1`);
  return html.replace(
    loader,
    (m, open, js, start) => `${open}${AFTER_FIRST_PAINT}\nconst bindings = await import('${js}'), init = bindings.default;\n${start}`,
  );
}

const path = join(dir, 'index.html');
writeFileSync(path, withPreloadsByLine(afterFirstPaint(readFileSync(path, 'utf8'))));
console.log('loader: the app starts after the first paint; its preloads by the line');
