// End-to-end: the widget on a practice's website. The host pages are served from
// ANOTHER origin (a second server on another port) under a strict CSP of their own
// (script-src and frame-src name only the Wegweiser origin) and embed the widget with
// each snippet: the plain <iframe> and widget.js. Checked: it renders, sizes itself to
// its content, links out to the full page, says "status unknown" when the feed fails
// or the Wegweiser host is down, and the host page logs no error, sees no CSP
// violation and sends no request anywhere but to the Wegweiser host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { launch, openPage } from './browser.mjs';
import { checkA11y } from './axe.mjs';

const TI = '2025-06-13T10:00:00+02:00';
const PHARMACY = { services: 'erezept-einloesen,gesundheitskarte-apotheke', region: 'berlin' };
let wegweiser;
let host;
let browser;

before(async () => {
  wegweiser = await startServer('dist', {
    aliases: ['/down/', '/broken/'],
    overrides: {
      '/down/feed.json': (req, res) => (res.writeHead(500, { 'Content-Type': 'text/plain' }).end('error'), true),
      '/broken/feed.json': (req, res) => (res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"version": 1, "publisher": '), true),
    },
  });
  // A closed port: the Wegweiser host is down.
  const gone = await startServer('dist');
  const goneUrl = gone.url;
  await gone.close();

  const dir = mkdtempSync(join(tmpdir(), 'wegweiser-host-'));
  const W = wegweiser.url;
  const page = (title, body) =>
    `<!doctype html>\n<html lang="de">\n<head><meta charset="utf-8"><title>${title}</title></head>\n` +
    `<body>\n<header><h1>${title}</h1></header>\n<main>\n<p>Willkommen in unserer Apotheke.</p>\n${body}\n</main>\n</body>\n</html>\n`;
  const query = (o) => new URLSearchParams(o).toString().replace(/%2C/g, ',');
  const iframe = (base, params) =>
    `<iframe src="${base}/embed.html?${query(params)}" title="Wegweiser: Störungen bei E-Rezept, Gesundheitskarte und Terminen" ` +
    `width="100%" height="420" frameborder="0" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer"></iframe>`;
  const loader = (base, params) =>
    `<div data-wegweiser-widget${Object.entries(params).map(([k, v]) => ` data-${k}="${v}"`).join('')}>\n` +
    `  <p class="fallback">Ob E-Rezept und Gesundheitskarte gerade gehen, zeigt der Wegweiser. Erscheint hier nichts, fragen Sie bei uns nach.</p>\n</div>\n` +
    `<script src="${base}/widget.js" async></script>`;
  const files = {
    'iframe.html': page('Apotheke (iframe)', iframe(W, { ...PHARMACY, at: TI })),
    'iframe-broken.html': page('Apotheke (iframe, kaputter Feed)', iframe(`${W}/broken`, PHARMACY)),
    'loader.html': page('Apotheke (widget.js)', loader(W, { ...PHARMACY, at: TI })),
    'loader-calm.html': page('Apotheke (widget.js, ruhig)', loader(W, { ...PHARMACY, at: '2025-06-13T14:40:00+02:00' })),
    'loader-all.html': page('Apotheke (widget.js, alle Dienste)', loader(W, {})),
    'loader-down.html': page('Apotheke (widget.js, Feed 500)', loader(`${W}/down`, PHARMACY)),
    'loader-gone.html': page('Apotheke (Wegweiser nicht erreichbar)', loader(goneUrl, PHARMACY)),
    'script-attrs.html': page('Apotheke (Attribute am script)', `<script src="${W}/widget.js" data-services="termin-absagen" data-region="berlin" data-at="2021-11-22T10:30:00+01:00"></script>`),
  };
  for (const [name, html] of Object.entries(files)) writeFileSync(join(dir, name), html);
  // The host's own strict policy: only the Wegweiser origin may run scripts or be framed.
  const csp = (w) => `default-src 'none'; script-src ${w}; frame-src ${w}; style-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  writeFileSync(join(dir, '_headers'), `/*\n  Content-Security-Policy: ${csp(`${W} ${goneUrl}`)}\n`);
  host = await startServer(dir);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await wegweiser?.close();
});

/** Opens a host page with CSP violations (in every frame) and requests recorded. */
async function openHost(path, options = {}) {
  const ctx = await openPage(browser, options);
  await ctx.page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  ctx.requests = [];
  ctx.page.on('request', (r) => ctx.requests.push(r.url()));
  ctx.refused = [];
  ctx.page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) ctx.refused.push(m.text());
  });
  await ctx.page.goto(host.url + '/' + path);
  return ctx;
}

/** The widget's frame, once its state (not "loading") is shown. */
async function widgetFrame(page) {
  const element = await page.waitForSelector('iframe');
  const frame = await element.contentFrame();
  await frame.waitForSelector('.banner', { timeout: 30_000 });
  await frame.waitForFunction(() => !document.querySelector('#banner-heading')?.textContent.includes('geladen'), null, { timeout: 30_000 });
  return { element, frame };
}

/** Every request but the host page itself went to the Wegweiser origin. */
function onlyWegweiser(ctx, path) {
  const others = ctx.requests.filter((u) => u !== `${host.url}/${path}` && new URL(u).origin !== wegweiser.url);
  assert.deepEqual(others, [], 'no request to any origin but the Wegweiser host');
}

async function noViolations(ctx) {
  for (const frame of ctx.page.frames()) {
    assert.deepEqual(await frame.evaluate(() => window.__csp ?? []), [], `CSP violations in ${frame.url()}`);
  }
  assert.deepEqual(ctx.refused, []);
  assert.deepEqual(ctx.errors, []);
}

test('iframe snippet: the TI outage for a Berlin pharmacy, in short, with phone links and the full page', async () => {
  const ctx = await openHost('iframe.html');
  const { frame } = await widgetFrame(ctx.page);
  assert.equal(await frame.locator('.banner').getAttribute('data-tone'), 'outage');
  assert.match(await frame.locator('.banner').innerText(), /gehen in Berlin gerade nicht/);
  assert.deepEqual(await frame.locator('a.tel').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['tel:116117', 'tel:08000022833']);
  const link = frame.locator('.widget__foot a');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  const href = await link.evaluate((a) => a.href);
  assert.equal(href, `${wegweiser.url}/?at=2025-06-13T10:00:00%2B02:00#meldung-ti-ausfall-2025-06-13`);
  // The link opens the full page at that notice.
  const [popup] = await Promise.all([ctx.page.waitForEvent('popup'), link.click()]);
  await popup.waitForSelector('#meldung-ti-ausfall-2025-06-13', { timeout: 30_000 });
  await popup.close();
  // Without script the height is fixed; the frame scrolls if the notice is longer.
  assert.equal(await ctx.page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height), 420);
  onlyWegweiser(ctx, 'iframe.html');
  await noViolations(ctx);
  assert.deepEqual(await ctx.context.cookies(), []);
  await ctx.context.close();
});

test('widget.js: inserts the iframe, sizes it to its content, hides the host fallback text, resizes', async () => {
  const ctx = await openHost('loader.html', { viewport: { width: 900, height: 800 } });
  const { element, frame } = await widgetFrame(ctx.page);
  assert.equal(await element.getAttribute('title'), 'Wegweiser: Störungen bei E-Rezept, Gesundheitskarte und Terminen');
  assert.equal(await frame.locator('.banner').getAttribute('data-tone'), 'outage');
  const fits = async () => {
    const content = await frame.evaluate(() => Math.ceil(document.querySelector('main').getBoundingClientRect().bottom));
    const height = await element.evaluate((f) => f.getBoundingClientRect().height);
    return { content, height, scrolls: await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight) };
  };
  await ctx.page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 100);
  await ctx.page.waitForFunction(() => document.querySelector('.fallback').hidden);
  let wide = await fits();
  for (let i = 0; i < 20 && wide.height !== wide.content; i++) wide = (await ctx.page.waitForTimeout(100), await fits());
  assert.equal(wide.height, wide.content, 'the iframe is as high as its content');
  assert.equal(wide.scrolls, false);
  // Narrower: the text wraps, the widget grows, the iframe follows.
  await ctx.page.setViewportSize({ width: 340, height: 800 });
  let narrow = await fits();
  for (let i = 0; i < 30 && (narrow.height !== narrow.content || narrow.height <= wide.height); i++) narrow = (await ctx.page.waitForTimeout(100), await fits());
  assert.ok(narrow.height > wide.height, `narrower is taller: ${JSON.stringify({ wide, narrow })}`);
  assert.equal(narrow.height, narrow.content);
  assert.equal(narrow.scrolls, false);
  onlyWegweiser(ctx, 'loader.html');
  await noViolations(ctx);
  await ctx.context.close();
});

test('negative control: the CSP watch sees a violation inside the widget frame', async () => {
  const ctx = await openHost('iframe.html');
  const { frame } = await widgetFrame(ctx.page);
  await frame.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true;';
    document.body.append(s);
  });
  await frame.waitForFunction(() => window.__csp.length > 0);
  assert.equal(await frame.evaluate(() => window.__ran), undefined);
  await assert.rejects(noViolations(ctx));
  await ctx.context.close();
});

test('widget.js: a message from the host page itself (not the Wegweiser frame) changes nothing', async () => {
  const ctx = await openHost('loader-calm.html');
  const { element, frame } = await widgetFrame(ctx.page);
  assert.equal(await frame.locator('.banner').getAttribute('data-tone'), 'ok');
  assert.match(await frame.locator('.banner').innerText(), /funktionieren in Berlin nach unserem aktuellen Stand/);
  await ctx.page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 100);
  const before = await element.evaluate((f) => f.getBoundingClientRect().height);
  await ctx.page.evaluate(() => window.postMessage('wegweiser-height:3000', '*'));
  await ctx.page.waitForTimeout(200);
  assert.equal(await element.evaluate((f) => f.getBoundingClientRect().height), before);
  await noViolations(ctx);
  await ctx.context.close();
});

test('widget.js with data-… on the script element: the notice appears after it', async () => {
  const ctx = await openHost('script-attrs.html');
  const { frame } = await widgetFrame(ctx.page);
  assert.equal(await frame.locator('.banner').getAttribute('data-tone'), 'outage');
  assert.deepEqual(await frame.locator('a.tel').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['tel:03090282200']);
  await noViolations(ctx);
  await ctx.context.close();
});

for (const [name, path] of [
  ['feed answers HTTP 500 (widget.js)', 'loader-down.html'],
  ['feed is broken JSON (iframe)', 'iframe-broken.html'],
]) {
  test(`failing feed, ${name}: "Status unbekannt — fragen Sie nach", never all fine`, async () => {
    const ctx = await openHost(path, { expectFailures: true });
    const { frame } = await widgetFrame(ctx.page);
    assert.equal(await frame.locator('.banner').getAttribute('data-tone'), 'unknown');
    const text = await frame.locator('body').innerText();
    assert.match(text, /Status unbekannt/);
    assert.match(text, /Fragen Sie in Ihrer Praxis oder Apotheke nach/);
    assert.doesNotMatch(text, /Keine Störung bekannt|funktionier(t|en) .*nach unserem aktuellen Stand/);
    onlyWegweiser(ctx, path);
    await noViolations(ctx);
    await ctx.context.close();
  });
}

test('Wegweiser host down: widget.js cannot load, the host fallback text stays, no error on the host page', async () => {
  const ctx = await openHost('loader-gone.html', { expectFailures: true });
  await ctx.page.waitForLoadState('load');
  assert.equal(await ctx.page.locator('iframe').count(), 0);
  assert.equal(await ctx.page.locator('.fallback').isVisible(), true);
  assert.match(await ctx.page.locator('.fallback').innerText(), /fragen Sie bei uns nach/);
  await noViolations(ctx);
  await ctx.context.close();
});

for (const [label, theme, options] of [
  ['light theme', 'light', {}],
  ['dark theme', 'dark', {}],
  ['automatic theme, dark system setting', 'auto', { colorScheme: 'dark' }],
]) {
  test(`no accessibility violation inside the widget: ${label}`, async () => {
    for (const at of [TI, '2025-06-13T14:40:00+02:00']) {
      const { context, page } = await openPage(browser, options);
      const params = new URLSearchParams({ ...PHARMACY, theme, at });
      await page.goto(`${wegweiser.url}/embed.html?${params}`);
      await page.waitForFunction(() => !document.querySelector('#banner-heading')?.textContent.includes('geladen'));
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
      const dark = await page.evaluate(() => getComputedStyle(document.querySelector('.widget')).backgroundColor);
      assert.equal(dark === 'rgb(18, 18, 18)', theme === 'dark' || options.colorScheme === 'dark', dark);
      await checkA11y(page, `widget, ${label}, ${at}`);
      await context.close();
    }
  });
}

test('widget.js shows a published widget from its first response, before its wasm has run', async () => {
  const ctx = await openHost('loader-all.html', { expectFailures: true });
  // The widget's wasm never arrives: what shows is the published HTML alone.
  await ctx.page.route(/\.wasm$/, (route) => route.abort());
  await ctx.page.reload();
  const frame = await (await ctx.page.waitForSelector('iframe')).contentFrame();
  await ctx.page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 100, null, { timeout: 10_000 });
  assert.equal(await frame.locator('#app .widget__live .banner').count(), 1, 'the published state, not the loading text');
  assert.equal(await ctx.page.locator('.fallback').isHidden(), true, "the host's fallback text gives way");
  for (const f of ctx.page.frames()) assert.deepEqual(await f.evaluate(() => window.__csp ?? []), [], `CSP violations in ${f.url()}`);
  assert.deepEqual(ctx.refused, []);
  await ctx.context.close();
});

test('snippet builder: choose, preview, copy — both snippets; no accessibility violation', async () => {
  const { context, page, errors } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${wegweiser.url}/`);
  await page.click('a[href="einbinden.html"]');
  await page.waitForSelector('#service-erezept-einloesen');
  await page.check('#service-erezept-einloesen');
  await page.check('#service-gesundheitskarte-apotheke');
  await page.selectOption('#builder-region', 'berlin');
  await page.check('#theme-dark');
  const code = await page.locator('#code-iframe').inputValue();
  assert.ok(code.includes(`${wegweiser.url}/embed.html?services=erezept-einloesen,gesundheitskarte-apotheke&amp;region=berlin&amp;lang=de&amp;theme=dark`), code);
  const script = await page.locator('#code-script').inputValue();
  assert.match(script, /data-services="erezept-einloesen,gesundheitskarte-apotheke" data-region="berlin" data-lang="de" data-theme="dark"/);
  assert.ok(script.includes(`<script src="${wegweiser.url}/widget.js" async></script>`), script);
  const preview = await (await page.waitForSelector('#builder-preview')).contentFrame();
  await preview.waitForFunction(() => document.documentElement.dataset.theme === 'dark' && !document.querySelector('#banner-heading').textContent.includes('geladen'));
  await page.click('[data-copy=code-script]');
  await page.waitForFunction(() => document.querySelector('[data-status=code-script]').textContent !== '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), script);
  await checkA11y(page, 'snippet builder');
  assert.deepEqual(errors, []);
  await context.close();
});
