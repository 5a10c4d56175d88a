// End-to-end: every feed of the hostile corpus (core/tests/hostile/*.json, whose exact
// verdicts the core's tests pin) served to the release page in Chromium. For each:
// no uncaught error, no script from the feed runs, no markup from the feed becomes an
// element, every link is https:, tel:, mailto: or on the page, nothing is wider than a
// 320 px screen, and the page never claims "Alles funktioniert".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { startServer } from './server.mjs';
import { launch, openPage } from './browser.mjs';

const CORPUS = new URL('../core/tests/hostile/', import.meta.url).pathname;
const FILES = readdirSync(CORPUS).filter((f) => f.endsWith('.json')).sort();
let server;
let browser;

before(async () => {
  const overrides = {};
  for (const file of FILES) {
    const body = readFileSync(CORPUS + file);
    overrides[`/h/${file}/feed.json`] = (req, res) => (res.writeHead(200, { 'Content-Type': 'application/json' }).end(body), true);
  }
  server = await startServer('dist', { overrides, aliases: FILES.map((f) => `/h/${f}/`) });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the corpus is there', () => assert.ok(FILES.length >= 20, `${FILES.length} files in ${CORPUS}`));

for (const file of FILES) {
  test(`hostile feed ${file}: shown safely`, async () => {
    const { context, page, errors } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    const dialogs = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
    await page.addInitScript(() => {
      window.__pwned = false;
      for (const f of ['alert', 'confirm', 'prompt']) window[f] = () => (window.__pwned = true);
      addEventListener('TrunkApplicationStarted', () => (window.__started = true));
    });
    await page.goto(`${server.url}/h/${file}/`);
    // dist/ is published (with the sample feed): wait until the app has handled this
    // feed once, not just for the published state.
    await page.waitForFunction(() => window.__started && !document.querySelector('.live[aria-busy]'), null, { timeout: 30_000 });
    await page.waitForSelector('.banner:not(.banner--unknown), .feed-problem, .note--stale', { timeout: 30_000 });
    const main = page.locator('main');
    const text = await main.innerText();
    assert.doesNotMatch(text, /Alles funktioniert/);
    assert.equal(await page.evaluate(() => window.__pwned), false, 'no feed script ran');
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('main script, main img, main svg, main iframe, main object, main style').count(), 0, 'no markup from the feed became an element');
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // Feed links are https/tel/mailto only. The relative links are the page's own: the
    // footer's (snippet builder, accessibility statement), the language switcher
    // (`?lang=`), "all regions" (`?region=alle`), and each notice's own page, whose id
    // the parser allows only as small letters, digits, `-` and `_`.
    const own = /^(einbinden\.html|barrierefreiheit\.html|archiv\.html|\?region=alle|\?([^&]*&)*lang=[a-z]{2}|meldung\.html\?id=[a-z0-9_-]+)$/;
    for (const href of hrefs) assert.match(href, new RegExp(`^(https:|tel:|mailto:|#)|${own.source}`), `link ${href}`);
    assert.equal(await page.locator('main a[href="einbinden.html"]').count(), 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${overflow} px wider than a 320 px screen`);
    if (file === 'html-in-texts.json') {
      assert.ok(text.includes('<script>alert("group.name")</script>'), 'markup in feed texts is shown as text');
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
