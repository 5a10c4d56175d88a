// End-to-end: the release dist/ served over HTTP, loaded in Chromium at both seed
// moments of the sample feed, and in the failure states.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { unpublished } from './variants.mjs';
import { launch, openPage } from './browser.mjs';

// The app's own paths: the page as trunk built it, before `wegweiser publish` filled in
// a state (prerender.test.mjs covers the published page).
const PAGE = unpublished('dist');

let server;
let browser;

before(async () => {
  server = await startServer(PAGE, {
    aliases: ['/broken/', '/invalid/', '/down/'],
    overrides: {
      '/broken/feed.json': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"version": 1, "publisher": ');
        return true;
      },
      '/invalid/feed.json': (req, res) => {
        const feed = { version: 1, generated_at: '2021-11-22 10:00', incidents: [{ id: 'X' }] };
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(feed));
        return true;
      },
      '/down/feed.json': (req, res) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('internal error');
        return true;
      },
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Loads the page at `path`, waits until the feed has been handled, returns helpers. */
async function load(path) {
  const { context, page, errors } = await openPage(browser);
  await page.goto(server.url + path);
  await page.waitForSelector('.banner:not(.banner--unknown), .feed-problem, .note--stale', { timeout: 30_000 });
  return { context, page, errors };
}

test('Doctolib moment: outage banner, Berlin notice, hotline as tel: link', async () => {
  const { context, page, errors } = await load('/?at=2021-11-22T10:30:00%2B01:00');
  const banner = page.locator('.banner');
  assert.equal(await banner.getAttribute('data-tone'), 'outage');
  assert.doesNotMatch(await banner.innerText(), /Alles funktioniert/);
  const notice = page.locator('#meldung-doctolib-berlin-2021-11-22');
  assert.equal(await notice.count(), 1);
  const text = await notice.innerText();
  assert.match(text, /seit Montag, 22\.11\.2021, 9:12 Uhr/);
  assert.match(text, /Berlin/);
  const hotline = notice.locator('a[href="tel:03090282200"]');
  assert.equal(await hotline.count(), 1);
  assert.equal((await hotline.innerText()).trim(), '030 90 28 22 00');
  assert.equal(await page.locator('a[href="tel:116117"]').count() >= 1, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('TI moment: nationwide outage notice with Muster 16 and 116117', async () => {
  const { context, page, errors } = await load('/?at=2025-06-13T10:00:00%2B02:00');
  assert.equal(await page.locator('.banner').getAttribute('data-tone'), 'outage');
  const notice = page.locator('#meldung-ti-ausfall-2025-06-13');
  assert.equal(await notice.count(), 1);
  const text = await notice.innerText();
  assert.match(text, /seit Freitag, 13\.06\.2025, 8:45 Uhr/);
  assert.match(text, /Muster 16/);
  assert.equal(await notice.locator('a[href^="tel:"]').count() >= 1, true);
  const state = await page.locator('[data-service=erezept-einloesen] .service__state').innerText();
  assert.match(state, /Ausfall/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('today, with the sample feed long out of date: a stale warning, never "Alles funktioniert"', async () => {
  const { context, page, errors } = await load('/');
  assert.equal(await page.locator('.banner').getAttribute('data-tone'), 'unknown');
  assert.deepEqual(errors, []);
  assert.equal(await page.locator('.note--stale').count(), 1);
  assert.doesNotMatch(await page.locator('body').innerText(), /Alles funktioniert/);
  await context.close();
});

for (const [name, path, words] of [
  ['truncated JSON', '/broken/', /fehlerhaft/],
  ['a feed with errors', '/invalid/', /fehlerhaft/],
  ['HTTP 500', '/down/', /nicht abgerufen/],
]) {
  test(`feed problem (${name}) is said in plain words, general numbers stay`, async () => {
    const ctx = await openPage(browser, { expectFailures: true });
    await ctx.page.goto(server.url + path);
    await ctx.page.waitForSelector('.feed-problem', { timeout: 30_000 });
    const body = await ctx.page.locator('body').innerText();
    assert.match(body, words);
    assert.match(body, /Status zurzeit nicht abrufbar/);
    assert.doesNotMatch(body, /Alles funktioniert/);
    assert.equal(await ctx.page.locator('a[href="tel:116117"]').count() >= 1, true);
    // The app handled the failure itself: no panic, no uncaught exception.
    assert.deepEqual(ctx.errors, []);
    await ctx.context.close();
  });
}
