// End-to-end accessibility gate: every view the page has today, checked by axe-core in
// Chromium — both stories of the sample feed, the stale view, loading, the failure
// views, the "could not update" note, dark mode, print, and a 320 px wide screen
// (what 400 % zoom of a 1280 px window, or 200 % of a 640 px one, leaves).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { unpublished } from './variants.mjs';
import { launch, openPage } from './browser.mjs';
import { checkA11y } from './axe.mjs';

// The app's own paths: the page as trunk built it, before `wegweiser publish` filled in
// a state (prerender.test.mjs covers the published page).
const PAGE = unpublished('dist');

const DOCTOLIB = '/?at=2021-11-22T10:30:00%2B01:00';
const TI = '/?at=2025-06-13T10:00:00%2B02:00';
const LOADED = '.banner:not(.banner--unknown), .feed-problem, .note--stale';
const hanging = [];
let server;
let browser;

before(async () => {
  server = await startServer(PAGE, {
    aliases: ['/invalid/', '/down/', '/loading/'],
    overrides: {
      '/invalid/feed.json': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"version": 1, "incidents": [{"id": "X"}]}');
        return true;
      },
      '/down/feed.json': (req, res) => (res.writeHead(500, { 'Content-Type': 'text/plain' }).end('error'), true),
      '/loading/feed.json': (req, res) => (hanging.push(res), true),
    },
  });
  browser = await launch();
});

after(async () => {
  for (const res of hanging) res.destroy();
  await browser?.close();
  await server?.close();
});

const VIEWS = [
  { label: 'Doctolib outage (light)', path: DOCTOLIB },
  { label: 'TI outage (light)', path: TI },
  { label: 'stale feed today', path: '/' },
  { label: 'Doctolib outage (dark mode)', path: DOCTOLIB, options: { colorScheme: 'dark' } },
  { label: 'TI outage (dark mode)', path: TI, options: { colorScheme: 'dark' } },
  { label: 'stale feed (dark mode)', path: '/', options: { colorScheme: 'dark' } },
  { label: 'invalid feed', path: '/invalid/', failures: true },
  { label: 'feed server error (dark mode)', path: '/down/', failures: true, options: { colorScheme: 'dark' } },
  { label: 'TI outage on a 320 px screen', path: TI, options: { viewport: { width: 320, height: 640 } } },
  { label: 'Doctolib outage, printed', path: DOCTOLIB, media: 'print' },
  { label: 'bad ?at= value', path: '/?at=gestern' },
];

for (const view of VIEWS) {
  test(`no accessibility violation: ${view.label}`, async () => {
    const { context, page } = await openPage(browser, { expectFailures: view.failures, ...view.options });
    if (view.media) await page.emulateMedia({ media: view.media });
    await page.goto(server.url + view.path);
    await page.waitForSelector(LOADED, { timeout: 30_000 });
    await checkA11y(page, view.label);
    await context.close();
  });
}

test('no accessibility violation: loading (feed not yet answered)', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '/loading/');
  await page.waitForSelector('.banner--unknown');
  await checkA11y(page, 'loading');
  await context.close();
});

test('no accessibility violation: "could not update" note after the network went away', async () => {
  const { context, page } = await openPage(browser);
  await page.clock.install();
  await page.goto(server.url + DOCTOLIB);
  await page.waitForSelector('#meldung-doctolib-berlin-2021-11-22');
  await context.setOffline(true);
  for (let s = 0; s < 80 && (await page.locator('.note--warning').count()) === 0; s++) await page.clock.runFor(1000);
  assert.equal(await page.locator('.note--warning').count(), 1);
  await checkA11y(page, 'could not update');
  await context.close();
});

test('at 320 px nothing needs horizontal scrolling (reflow, WCAG 1.4.10)', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 320, height: 640 } });
  for (const path of [DOCTOLIB, TI, '/']) {
    await page.goto(server.url + path);
    await page.waitForSelector(LOADED);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path}: ${overflow} px wider than the screen`);
  }
  await context.close();
});

test('negative control: the gate catches a violation (an image without alt text)', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url + DOCTOLIB);
  await page.waitForSelector(LOADED);
  await page.evaluate(() => document.querySelector('main').append(document.createElement('img')));
  await assert.rejects(checkA11y(page, 'negative control'), /image-alt \(critical\)/);
  await context.close();
});
