// End-to-end: the published page (static-first). `wegweiser publish` writes the state
// into index.html with the app's own components; the browser shows it from the first
// response, and the app takes it over — changing nothing when nothing changed, showing
// a newer feed when there is one, keeping the published state (with its age) when the
// feed fails. Without JavaScript the published page is complete on its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from './server.mjs';
import { launch, openPage } from './browser.mjs';
import { checkA11y } from './axe.mjs';
import { published, unpublished } from './variants.mjs';

const TI = '2025-06-13T10:00:00+02:00';
const DOCTOLIB = '2021-11-22T10:30:00+01:00';
const CALM = '2021-11-22T08:00:00+01:00';
const q = (at) => `/?at=${encodeURIComponent(at)}`;
const FEED = JSON.parse(readFileSync('dist/feed.json', 'utf8'));

/** The sample feed with the TI notice's title changed, as if edited after publishing. */
function changedFeed() {
  const feed = structuredClone(FEED);
  const incident = feed.incidents.find((i) => i.id === 'ti-ausfall-2025-06-13');
  incident.title = { de: 'Geändert nach dem Veröffentlichen: E-Rezept geht nicht' };
  return JSON.stringify(feed);
}

const servers = {};
let browser;

before(async () => {
  const log = [];
  servers.log = log;
  servers.ti = await startServer(published('dist', TI), {
    log,
    aliases: ['/changed/', '/missing/', '/late/'],
    overrides: {
      // The page's first byte 250 ms after its request, as on a slow line.
      '/late/': () => new Promise((served) => setTimeout(() => served(false), 250)),
      '/changed/feed.json': (req, res) => (res.writeHead(200, { 'Content-Type': 'application/json' }).end(changedFeed()), true),
      '/missing/feed.json': (req, res) => (res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'), true),
    },
  });
  servers.doctolib = await startServer(published('dist', DOCTOLIB));
  // "Alles funktioniert" as published before the Doctolib outage; the feed it came from
  // is fresh until 2025-06-13T14:50+02:00.
  servers.calm = await startServer(published('dist', CALM), {
    aliases: ['/missing/'],
    overrides: { '/missing/feed.json': (req, res) => (res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'), true) },
  });
  servers.live = await startServer(unpublished('dist'), { log });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of [servers.ti, servers.doctolib, servers.calm, servers.live]) await s?.close();
});

/** Loads `url` with the app and waits until it has handled the feed once. */
async function withApp(url, options = {}) {
  const ctx = await openPage(browser, options);
  await ctx.page.addInitScript(() => {
    window.__started = false;
    window.__shifts = 0;
    addEventListener('TrunkApplicationStarted', () => (window.__started = true));
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      window.__painted = document.querySelector('#app .live')?.firstElementChild ?? null;
    });
  });
  await ctx.page.goto(url);
  await ctx.page.waitForFunction(() => window.__started && !document.querySelector('.live[aria-busy]'), null, { timeout: 30_000 });
  return ctx;
}

/**
 * Loads `url` as painted from the HTML alone: the app's script and wasm are refused
 * (Playwright cannot inspect a page with JavaScript switched off entirely).
 */
async function htmlOnly(url) {
  const ctx = await openPage(browser, { expectFailures: true });
  await ctx.page.route(/\.(js|wasm)$/, (route) => route.abort());
  await ctx.page.goto(url);
  return ctx;
}

/** What a notice area says and which numbers it links, for comparing two renderings. */
async function contentOf(page) {
  return {
    text: (await page.locator('#app .live').innerText()).replace(/\s+/g, ' ').trim(),
    tel: await page.locator('#app a[href^="tel:"]').evaluateAll((as) => as.map((a) => `${a.getAttribute('href')} ${a.textContent}`)),
    notices: await page.locator('#app article.notice').evaluateAll((as) => as.map((a) => a.id)),
  };
}

test('without JavaScript the published page is complete and says when it was published', async () => {
  const { context, page } = await htmlOnly(servers.ti.url + '/');
  const notice = page.locator('#meldung-ti-ausfall-2025-06-13');
  assert.equal(await notice.count(), 1);
  assert.match(await notice.innerText(), /Muster 16/);
  assert.equal(await page.locator('.banner').getAttribute('data-tone'), 'outage');
  assert.ok((await page.locator('a[href="tel:116117"]').count()) >= 1);
  assert.match(await page.locator('.stand').innerText(), /^Stand: Freitag, 13\.06\.2025/);
  const html = await (await fetch(servers.ti.url + '/')).text();
  const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1] ?? '';
  assert.match(noscript, /Diese Seite zeigt den Stand vom <time datetime="2025-06-13T10:00:00\+02:00">Freitag, 13\.06\.2025, 10:00 Uhr<\/time>/);
  assert.match(noscript, /<a href="stand.html">/);
  await context.close();
});

test('stand.html has the same state and no script at all, and passes axe', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(servers.ti.url + '/stand.html');
  assert.equal(await page.locator('script').count(), 0);
  const snapshot = await contentOf(page);
  await checkA11y(page, 'stand.html (the published state without scripts)');
  assert.deepEqual(errors, []);
  await context.close();
  const ctx = await htmlOnly(servers.ti.url + '/');
  assert.deepEqual(snapshot, await contentOf(ctx.page));
  await ctx.context.close();
});

for (const [name, server, at, id] of [
  ['TI outage', () => servers.ti, TI, 'meldung-ti-ausfall-2025-06-13'],
  ['Doctolib outage', () => servers.doctolib, DOCTOLIB, 'meldung-doctolib-berlin-2021-11-22'],
]) {
  test(`${name}: pre-rendered and live-rendered notices carry the same texts and tel: links`, async () => {
    const pre = await htmlOnly(server().url + '/');
    const prerendered = await contentOf(pre.page);
    await pre.context.close();

    const live = await withApp(servers.live.url + q(at));
    const rendered = await contentOf(live.page);
    assert.deepEqual(live.errors, []);
    await live.context.close();

    assert.ok(prerendered.notices.includes(id), JSON.stringify(prerendered.notices));
    assert.ok(prerendered.tel.length >= 2, JSON.stringify(prerendered.tel));
    assert.deepEqual(prerendered, rendered);
  });
}

test('publishing finds the preload the build wrote for the feed: one, in the template', async () => {
  // scripts/loader.mjs writes the feed's preload, src/publish.rs keeps, drops or writes
  // it again by the same text: if the two drifted apart, publishing would add a second.
  const html = await (await fetch(servers.ti.url + '/')).text();
  const template = html.match(/<template id="preloads">([\s\S]*?)<\/template>/)?.[1] ?? '';
  const feed = /<link rel="preload"[^>]* href="feed\.json"[^>]*>/g;
  assert.equal(html.match(feed)?.length, 1, html.slice(0, 1500));
  assert.equal(template.match(feed)?.length, 1, template);
});

test('the app takes the published page over without touching it when the feed is unchanged', async () => {
  const before = servers.log.length;
  const { context, page, errors } = await withApp(servers.ti.url + q(TI));
  assert.ok(await page.evaluate(() => window.__painted !== null));
  assert.ok(
    await page.evaluate(() => window.__painted === document.querySelector('#app .live').firstElementChild),
    'the painted elements are still the ones on screen',
  );
  assert.equal(await page.evaluate(() => window.__shifts), 0, 'no layout shift while the app took over');
  const requests = servers.log.slice(before).map((e) => e.path);
  assert.deepEqual(
    requests.filter((p) => p === '/feed.json'),
    ['/feed.json'],
    'the feed is fetched once: the app takes the preloaded answer',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

/** Makes the page see `connection` as `navigator.connection` (undefined: none). */
const connectionIs = (connection) =>
  Object.defineProperty(navigator, 'connection', { get: () => connection, configurable: true });

test('the feed, the JS and the wasm are preloaded with the HTML on a slow line, after the first paint on a fast one', async () => {
  // Each line with the files compressed already, as a CDN serves them.
  await (await withApp(servers.ti.url + q(TI))).context.close();
  const lines = [
    // DevTools' throttling (200 ms), which Chromium's round-trip estimate follows.
    { name: 'slow', slow: true, throttle: true },
    { name: 'fast', slow: false },
    // Without an estimate (Firefox for Android has `connection` but no `rtt`; Safari
    // has none): the page's own first byte decides.
    { name: 'slow by its first byte, no estimate', slow: true, path: '/late/', connection: { type: 'cellular' } },
    { name: 'fast by its first byte, no connection API', slow: false, connection: undefined },
    // Without a published state the loader issues them before the app's own requests.
    { name: 'fast, not published', slow: false, server: servers.live },
  ];
  for (const line of lines) {
    const { context, page, errors } = await openPage(browser);
    if (line.throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 200, downloadThroughput: 400_000, uploadThroughput: 100_000 });
    }
    if ('connection' in line) await page.addInitScript(connectionIs, line.connection);
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', () => (window.__started = true)));
    // Every request the page makes that reaches the network stack (a preload taken by
    // the app's own request does not; a second download, even from the cache, does).
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto((line.server ?? servers.ti).url + (line.path ?? '/') + q(TI).slice(1));
    await page.waitForFunction(() => window.__started && !document.querySelector('.live[aria-busy]'), null, { timeout: 30_000 });
    const t = await page.evaluate(() => {
      const start = (end) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(end))?.startTime;
      return {
        painted: performance.getEntriesByName('first-contentful-paint')[0].startTime,
        feed: start('/feed.json'),
        wasm: start('_bg.wasm'),
        js: start('.js'),
      };
    });
    const what = `${line.name}: ${JSON.stringify(t)} ${requested}`;
    for (const file of ['/feed.json', '_bg.wasm', '.js']) {
      assert.equal(requested.filter((p) => p.endsWith(file)).length, 1, `${file} is requested once, the app takes the preloaded answer: ${what}`);
    }
    assert.ok(t.feed <= t.wasm, `the feed is fetched in parallel with the wasm, not after it: ${what}`);
    if (line.slow) {
      assert.ok(Math.max(t.feed, t.wasm, t.js) < t.painted, `on a slow line the app's downloads start with the HTML: ${what}`);
    } else if (!line.server) {
      assert.ok(Math.min(t.feed, t.wasm, t.js) >= t.painted, `on a fast line they wait for the first paint: ${what}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the wasm is started only once the published notices have been painted', async () => {
  // Once before, so the server has compressed the files (as a CDN serves them ready).
  const warm = await withApp(servers.ti.url + q(TI));
  await warm.context.close();
  const { context, page, errors } = await openPage(browser);
  // The page takes this fast line for a slow one and preloads the JS and the wasm with
  // the HTML: they arrive before the first paint, and only the loader's wait keeps the
  // app from starting before it.
  await page.addInitScript(connectionIs, { rtt: 200 });
  await page.addInitScript(() => {
    // When trunk's loader hands the wasm to the browser (the glue streams it when it
    // is served as application/wasm, else it instantiates the bytes).
    for (const name of ['instantiateStreaming', 'instantiate']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => {
        window.__wasmAt ??= performance.now();
        return original.apply(WebAssembly, args);
      };
    }
  });
  await page.goto(servers.ti.url + q(TI));
  await page.waitForFunction(() => window.__wasmAt !== undefined, null, { timeout: 30_000 });
  const { painted, wasm } = await page.evaluate(() => ({
    painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    wasm: window.__wasmAt,
  }));
  assert.ok(painted !== undefined, 'the page was painted');
  assert.ok(painted <= wasm, `first contentful paint at ${painted} ms, the wasm started at ${wasm} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

/** What the widget shows and which numbers it links. */
async function widgetContentOf(page) {
  return {
    text: (await page.locator('#app .widget__live').innerText()).replace(/\s+/g, ' ').trim(),
    tel: await page.locator('#app a[href^="tel:"]').evaluateAll((as) => as.map((a) => `${a.getAttribute('href')} ${a.textContent}`)),
  };
}

test('the widget page is published too: complete without the app, the same as live, passes axe', async () => {
  const html = await (await fetch(servers.ti.url + '/embed.html')).text();
  const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1] ?? '';
  assert.match(noscript, /Dieser Hinweis zeigt den Stand vom <time datetime="2025-06-13T10:00:00\+02:00">Freitag, 13\.06\.2025, 10:00 Uhr<\/time>/);

  // Published as a preview of TI (`--at`): kept for that instant only.
  const pre = await htmlOnly(servers.ti.url + '/embed.html' + q(TI).slice(1));
  const prerendered = await widgetContentOf(pre.page);
  assert.match(prerendered.text, /E-Rezept/);
  assert.ok(prerendered.tel.some((t) => t.startsWith('tel:116117')), JSON.stringify(prerendered.tel));
  await checkA11y(pre.page, 'embed.html as published, without the app');
  await pre.context.close();

  const live = await withApp(servers.live.url + '/embed.html' + q(TI).slice(1));
  await live.page.waitForFunction(() => !document.querySelector('#banner-heading')?.textContent.includes('geladen'));
  assert.deepEqual(await widgetContentOf(live.page), prerendered);
  assert.deepEqual(live.errors, []);
  await live.context.close();
});

test('the app takes the published widget over without touching it', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.addInitScript(() => {
    window.__started = false;
    addEventListener('TrunkApplicationStarted', () => (window.__started = true));
    document.addEventListener('DOMContentLoaded', () => {
      window.__painted = document.querySelector('#app .widget__live')?.firstElementChild ?? null;
    });
  });
  await page.goto(servers.ti.url + '/embed.html' + q(TI).slice(1));
  // Until the app has handled the feed once (it marks the live area busy till then).
  await page.waitForFunction(() => window.__started && document.querySelector('.widget__live[aria-busy]') === null, null, { timeout: 30_000 });
  assert.ok(await page.evaluate(() => window.__painted !== null), 'the published widget was painted');
  assert.ok(
    await page.evaluate(() => window.__painted === document.querySelector('#app .widget__live').firstElementChild),
    'the painted elements are still the ones on screen',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('a feed changed after publishing is shown in the published widget once its app has loaded', async () => {
  const pre = await htmlOnly(servers.ti.url + '/changed/embed.html' + q(TI).slice(1));
  assert.match(await pre.page.locator('#app .widget__live').innerText(), /in ganz Deutschland/);
  await pre.context.close();

  const { context, page, errors } = await openPage(browser);
  await page.goto(servers.ti.url + '/changed/embed.html' + q(TI).slice(1));
  await page.waitForFunction(() => /Geändert nach dem Veröffentlichen/.test(document.querySelector('#app .widget__live')?.innerText ?? ''), null, { timeout: 30_000 });
  assert.doesNotMatch(await page.locator('#app .widget__live').innerText(), /in ganz Deutschland/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a failing feed leaves the published widget on screen while fresh, with its age', async () => {
  const { context, page, errors } = await openPage(browser, { expectFailures: true });
  await page.goto(servers.ti.url + '/missing/embed.html' + q(TI).slice(1));
  await page.waitForFunction(() => /Konnte nicht neu laden/.test(document.querySelector('#app .widget__live')?.innerText ?? ''), null, { timeout: 30_000 });
  const shown = await page.locator('#app .widget__live').innerText();
  assert.match(shown, /Konnte nicht neu laden\. Stand vom Freitag, 13\.06\.2025, 10:00 Uhr\./);
  assert.match(shown, /in ganz Deutschland/, 'the published notice stays');
  assert.ok((await page.locator('#app a[href="tel:116117"]').count()) >= 1);
  assert.deepEqual(errors.filter((e) => !e.startsWith('HTTP 404')), []);
  await context.close();
});

test('a widget asking for its own choice shows the loading text first, never the published state, then its own', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__first = document.querySelector('#app').innerText;
      window.__theme = document.documentElement.dataset.theme;
    });
  });
  await page.goto(servers.ti.url + '/embed.html?services=termin-absagen&region=berlin&theme=dark' + q(TI).replace('/?', '&'));
  assert.match(await page.evaluate(() => window.__first), /Status wird geladen/);
  assert.equal(await page.evaluate(() => window.__theme), 'dark', 'the theme is set before the first paint');
  await page.waitForFunction(() => !document.querySelector('#banner-heading')?.textContent.includes('geladen'), null, { timeout: 30_000 });
  const shown = await page.locator('#app').innerText();
  assert.doesNotMatch(shown, /E-Rezept/, shown);
  // The preview published for TI, asked for without that instant: not shown either.
  await page.goto(servers.ti.url + '/embed.html');
  assert.match(await page.evaluate(() => window.__first), /Status wird geladen/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a feed changed after publishing is shown once the app has loaded', async () => {
  const pre = await htmlOnly(servers.ti.url + '/changed/');
  assert.match(await pre.page.locator('#meldung-ti-ausfall-2025-06-13 h3').innerText(), /in ganz Deutschland/);
  await pre.context.close();

  const { context, page, errors } = await withApp(servers.ti.url + '/changed/' + q(TI).slice(1));
  const title = await page.locator('#meldung-ti-ausfall-2025-06-13 h3').innerText();
  assert.equal(title, 'Geändert nach dem Veröffentlichen: E-Rezept geht nicht');
  assert.equal(await page.locator('#app .live article.notice').count() >= 1, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a failing feed leaves the published state on screen, with its age', async () => {
  const { context, page, errors } = await withApp(servers.ti.url + '/missing/' + q(TI).slice(1), { expectFailures: true });
  assert.equal(await page.locator('#meldung-ti-ausfall-2025-06-13').count(), 1, 'the published notice stays');
  const note = page.locator('.note--warning', { hasText: 'kann die Meldungen gerade nicht neu laden' });
  assert.equal(await note.count(), 1);
  assert.match(await note.innerText(), /Stand vom Freitag, 13\.06\.2025, 10:00 Uhr/);
  assert.doesNotMatch(await page.locator('body').innerText(), /Alles funktioniert/);
  assert.deepEqual(errors.filter((e) => !e.startsWith('HTTP 404')), []);
  await context.close();
});

test('a published state whose feed is out of date is not kept when the feed fails: no "Alles funktioniert"', async () => {
  const pre = await htmlOnly(servers.calm.url + '/missing/');
  assert.match(await pre.page.locator('.banner').innerText(), /Alles funktioniert/);
  await pre.context.close();

  // Still within the feed's freshness: the published state stays, with its age.
  const fresh = await withApp(servers.calm.url + '/missing/' + q('2025-06-13T14:00:00+02:00').slice(1), { expectFailures: true });
  assert.match(await fresh.page.locator('.banner').innerText(), /Alles funktioniert/);
  assert.equal(await fresh.page.locator('.note--warning', { hasText: 'kann die Meldungen gerade nicht neu laden' }).count(), 1);
  await fresh.context.close();

  // Past it: the page says it does not know, never "Alles funktioniert".
  const { context, page, errors } = await withApp(servers.calm.url + '/missing/' + q('2025-06-20T10:00:00+02:00').slice(1), { expectFailures: true });
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, /Alles funktioniert/);
  assert.match(body, /Status zurzeit nicht abrufbar/);
  assert.equal(await page.locator('.feed-problem').count(), 1);
  assert.ok((await page.locator('a[href="tel:116117"]').count()) >= 1);
  assert.deepEqual(errors.filter((e) => !e.startsWith('HTTP 404')), []);
  await context.close();
});
