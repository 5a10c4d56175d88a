// make bench: sizes, time to first notice, memory and native parse time, in one run,
// side by side with a reference (a static HTML page with the same first notice).
// Nothing here is a pass/fail test: times vary from run to run; read the medians.
// Environment: BENCH_RUNS (default 41 plain, 15 throttled) page loads per row and condition.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';
import { BUDGET_BYTES, brotli, byKind, firstLoad } from '../e2e/first-load.mjs';
import { htmlAlone, published, unpublished } from '../e2e/variants.mjs';

// Plain loads take ~150 ms, where one frame (16 ms) is a large share and single loads
// vary by ±40 ms on this machine: many runs; a throttled load takes seconds and varies
// by ±50 ms, a smaller share, but 5 runs still moved the ratio by 0.05.
const runsFor = (condition) => Number(process.env.BENCH_RUNS || (condition.network ? 15 : 41));
const DIST = 'dist';
const work = mkdtempSync(join(tmpdir(), 'wegweiser-bench-'));
const kb = (n) => (n / 1000).toFixed(1).padStart(7);

// --- Sizes ------------------------------------------------------------------------
console.log('First load (HTML + JS + wasm + CSS; brotli quality 11), KB = 1000 bytes');
const pages = [
  { name: 'page', file: 'index.html' },
  { name: 'widget', file: 'embed.html' },
];
for (const { name, file } of pages) {
  if (!existsSync(join(DIST, file))) {
    console.log(`  ${name}: not built yet (${file})`);
    continue;
  }
  const kinds = byKind(firstLoad(DIST, file));
  console.log(`  ${name} (${file})`);
  for (const k of kinds) console.log(`    ${k.kind.padEnd(6)} raw ${kb(k.raw)} KB   brotli ${kb(k.brotli)} KB`);
  const total = kinds.at(-1).brotli;
  console.log(`    budget ${BUDGET_BYTES / 1000} KB brotli: ${total <= BUDGET_BYTES ? 'within' : 'OVER'} (${((100 * total) / BUDGET_BYTES).toFixed(0)} %)`);
}
if (existsSync(join(DIST, 'widget.js'))) {
  const loader = readFileSync(join(DIST, 'widget.js'));
  console.log(`  widget.js (optional loader on the host page, before embed.html): raw ${kb(loader.length)} KB, brotli ${kb(brotli(loader))} KB`);
}
const feedBytes = readFileSync(join(DIST, 'feed.json'));
console.log(`  sample feed.json: raw ${kb(feedBytes.length)} KB (fetched after the page), brotli ${kb(brotli(feedBytes))} KB`);

// --- Feeds ------------------------------------------------------------------------
const cargo = (...args) => execFileSync('cargo', ['run', '-q', '--release', '-p', 'wegweiser-core', '--example', 'bench_feed', '--', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
// Served as /big/feed.json beside the same build (compressed like every file).
const bigDist = join(work, 'big');
execFileSync('cp', ['-r', DIST, bigDist]);
const bigFile = join(bigDist, 'feed.json');
writeFileSync(bigFile, cargo('generate', '10000'));

// --- Native parse -----------------------------------------------------------------
console.log('\nNative parse + check + page model (release build, this machine), median of 20');
for (const [name, file] of [['sample feed', join(DIST, 'feed.json')], ['10,000 past incidents', bigFile]]) {
  const r = JSON.parse(cargo('parse', file, '20'));
  console.log(`  ${name.padEnd(22)} ${kb(r.bytes)} KB  ${String(r.incidents).padStart(6)} incidents  median ${r.median_ms.toFixed(1).padStart(7)} ms  (min ${r.min_ms.toFixed(1)}, max ${r.max_ms.toFixed(1)})`);
}

// --- Browser ----------------------------------------------------------------------
// Each feed three ways (see e2e/variants.mjs): the page published with the state at the
// row's instant (what `make build` / `wegweiser publish` give), the page as trunk built
// it (the app renders everything after HTML → JS → wasm → feed), and the published HTML
// alone with its scripts removed — the limit pre-rendering can reach.
const css = readdirSync(DIST).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
const SAMPLE_AT = '2021-11-22T10:30:00+01:00';
const BIG_AT = '2026-11-22T10:00:00+01:00';
const serve = (dir, extra = {}) => startServer(dir, extra);
const servers = {
  published: await serve(published(DIST, SAMPLE_AT)),
  unpublished: await serve(unpublished(DIST)),
  alone: await serve(htmlAlone(DIST, SAMPLE_AT)),
  bigPublished: await serve(published(bigDist, BIG_AT)),
  bigUnpublished: await serve(unpublished(bigDist)),
  bigAlone: await serve(htmlAlone(bigDist, BIG_AT)),
  reference: await serve(DIST, {
    overrides: {
      '/reference/': (req, res) => (res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(readFileSync('bench/reference/index.html')), true),
      '/reference/style.css': (req, res) => (res.writeHead(200, { 'Content-Type': 'text/css' }).end(readFileSync(join(DIST, css))), true),
    },
  }),
};
const at = (t) => `/?at=${encodeURIComponent(t)}`;

// `vs`: the row the ratio in brackets compares with.
const ROWS = [
  { name: 'sample, pre-rendered', server: 'published', path: at(SAMPLE_AT), vs: 'sample, HTML alone' },
  { name: 'sample, not pre-rendered', server: 'unpublished', path: at(SAMPLE_AT), vs: 'sample, HTML alone' },
  { name: 'sample, HTML alone', server: 'alone', path: '/' },
  { name: '10,000, pre-rendered', server: 'bigPublished', path: at(BIG_AT), vs: '10,000, HTML alone' },
  { name: '10,000, not pre-rendered', server: 'bigUnpublished', path: at(BIG_AT), vs: '10,000, HTML alone' },
  { name: '10,000, HTML alone', server: 'bigAlone', path: '/' },
  { name: 'widget, pre-rendered', server: 'published', path: `/embed.html${at(SAMPLE_AT).slice(1)}`, vs: 'widget, HTML alone' },
  { name: 'widget, not pre-rendered', server: 'unpublished', path: `/embed.html${at(SAMPLE_AT).slice(1)}`, vs: 'widget, HTML alone' },
  { name: 'widget, HTML alone', server: 'alone', path: '/embed.html' },
  { name: 'reference: static HTML', server: 'reference', path: '/reference/' },
];
// Lighthouse's "slow 4G" as DevTools applies it (150 ms RTT × 3.75, 1.6 Mbps × 0.9 down,
// 750 kbps × 0.9 up) and a 4× slower CPU.
const CONDITIONS = [
  { name: 'plain', network: null, cpu: 1 },
  { name: 'slow 4G + 4× CPU', network: { latency: 562.5, down: (1638.4 * 0.9 * 1024) / 8, up: (750 * 0.9 * 1024) / 8 }, cpu: 4 },
];

const OBSERVE = () => {
  window.__bench = { notice: null, fcp: null, lcp: null, cls: 0, wasm: null, ready: null };
  // The app has handled the feed once: it takes its live area out of aria-busy.
  new MutationObserver((records) => {
    for (const r of records) {
      if (window.__bench.ready === null && r.oldValue !== null && !r.target.hasAttribute('aria-busy')) window.__bench.ready = performance.now();
    }
  }).observe(document, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true, subtree: true });
  const seen = () => document.querySelector('.notice');
  const mark = () => {
    if (window.__bench.notice === null && seen()) window.__bench.notice = performance.now();
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', mark);
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.__bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__bench.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (!e.hadRecentInput) window.__bench.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__bench.wasm = () => e.detail.wasm.memory.buffer.byteLength;
    window.__bench.started = true;
  });
};

async function once(browser, row, condition) {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (condition.network) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: condition.network.latency,
      downloadThroughput: condition.network.down,
      uploadThroughput: condition.network.up,
    });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
  await cdp.send('Performance.enable');
  await page.goto(servers[row.server].url + row.path, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => window.__bench && window.__bench.notice !== null, null, { timeout: 120_000 });
  } catch {
    const shown = await page.locator('main').innerText().catch(() => '');
    console.log(`  ! ${row.name}, ${condition.name}: no notice within 120 s; the page shows: ${shown.slice(0, 160).replace(/\s+/g, ' ')}`);
  }
  // Where the app runs, until it has handled the feed once (it takes a published page
  // over, or replaces the loading banner), so CLS includes that moment.
  if (!['alone', 'bigAlone', 'reference'].includes(row.server)) {
    await page
      .waitForFunction(
        () => window.__bench.started && !document.querySelector('.live[aria-busy], .widget__live[aria-busy]') && !/geladen/.test(document.querySelector('#banner-heading')?.textContent ?? ''),
        null,
        { timeout: 120_000 },
      )
      .catch(() => console.log(`  ! ${row.name}, ${condition.name}: the app did not finish within 120 s`));
  }
  // Let the first paint be reported, and LCP and layout shifts settle.
  await page.waitForFunction(() => window.__bench.fcp !== null, null, { timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(300);
  const b = await page.evaluate(() => ({ ...window.__bench, wasm: window.__bench.wasm ? window.__bench.wasm() : 0 }));
  const { metrics } = await cdp.send('Performance.getMetrics');
  b.heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  await context.close();
  return b;
}

// One untimed load of each row first, so the server has compressed every file once
// (a CDN serves pre-compressed files; compressing is not the page's time).
const warm = await launch();
for (const row of ROWS) await once(warm, row, CONDITIONS[0]);
await warm.close();

const quantile = (xs, q) => {
  const finite = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length ? finite[Math.floor(q * (finite.length - 1))] : NaN;
};
const median = (xs) => quantile(xs, 0.5);
const browser = await launch();
console.log(`\nChromium ${browser.version()}, median of ${runsFor(CONDITIONS[0])} (plain) / ${runsFor(CONDITIONS[1])} (throttled) fresh loads (no cache) each`);
console.log('  row                            condition           first notice (vs)   middle half       FCP      LCP    CLS  app ready   JS heap   wasm mem');
console.log('  (vs) = first notice ÷ that of the same feed\'s "HTML alone" row; the reference row: ÷ "sample, HTML alone"');
console.log('  middle half = the 25th to 75th percentile of the first-notice times: how much single loads of a row vary');
console.log('  app ready = when the app had handled the feed once (shown it, or found the published state still right)');
for (const condition of CONDITIONS) {
  // Round-robin: the i-th load of every row, then the next, so a machine that slows down
  // or speeds up during the run moves all rows alike instead of the rows run last.
  const runsOf = new Map(ROWS.map((row) => [row, []]));
  for (let i = 0; i < runsFor(condition); i++) {
    for (const row of ROWS) runsOf.get(row).push(await once(browser, row, condition));
  }
  const results = [];
  for (const [row, runs] of runsOf) {
    // A notice cannot show before the first paint: "first notice" is the later of the
    // moment it entered the page and the first contentful paint.
    // A load that showed no notice (reported above) counts in no figure.
    const notices = runs.map((x) => Math.max(x.notice ?? NaN, x.fcp ?? 0)).filter(Number.isFinite);
    const r = {
      row,
      notice: median(notices),
      spread: [quantile(notices, 0.25), quantile(notices, 0.75)],
      fcp: median(runs.map((x) => x.fcp ?? NaN)),
      lcp: median(runs.map((x) => x.lcp ?? NaN)),
      cls: median(runs.map((x) => x.cls)),
      ready: median(runs.map((x) => x.ready ?? NaN)),
      heap: median(runs.map((x) => x.heap)),
      wasm: median(runs.map((x) => x.wasm)),
    };
    results.push(r);
  }
  for (const r of results) {
    const base = results.find((x) => x.row.name === (r.row.vs ?? (r.row.server === 'reference' ? 'sample, HTML alone' : null)));
    const ratio = base ? ` (${(r.notice / base.notice).toFixed(2)}×)` : '         ';
    const ms = (v) => `${Number.isFinite(v) ? v.toFixed(0) : '–'} ms`.padStart(8);
    const mb = (v) => (v ? `${(v / 1e6).toFixed(1)} MB` : '–').padStart(9);
    console.log(`  ${r.row.name.padEnd(30)} ${condition.name.padEnd(18)} ${ms(r.notice)}${ratio} ${`${r.spread[0].toFixed(0)}–${r.spread[1].toFixed(0)} ms`.padStart(13)} ${ms(r.fcp)} ${ms(r.lcp)} ${r.cls.toFixed(3)} ${ms(r.ready).padStart(10)} ${mb(r.heap)} ${mb(r.wasm)}`);
  }
}
await browser.close();
for (const s of Object.values(servers)) await s.close();
