// End-to-end: what the page does when the feed fails — missing, server error, no
// answer, a web page instead of the feed, a body cut off in transfer — and when the
// network goes away after the page has loaded. In every case: a plain-words notice,
// the general numbers, never "Alles funktioniert", no uncaught error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from './server.mjs';
import { unpublished } from './variants.mjs';
import { launch, openPage } from './browser.mjs';

// The app's own paths: the page as trunk built it, before `wegweiser publish` filled in
// a state (prerender.test.mjs covers the published page).
const PAGE = unpublished('dist');

const DOCTOLIB_AT = '?at=2021-11-22T10:30:00%2B01:00';
const FEED = readFileSync('dist/feed.json');
const hanging = [];
const log = [];
let server;
let browser;

/** dist/index.html with the fetch time limit set to `secs`. */
function indexWithTimeout(secs) {
  const html = readFileSync(`${PAGE}/index.html`, 'utf8');
  return html.replace('<meta name="wegweiser-feed"', `<meta name="wegweiser-timeout" content="${secs}">\n  <meta name="wegweiser-feed"`);
}

before(async () => {
  server = await startServer(PAGE, {
    log,
    aliases: ['/missing/', '/slow/', '/html/', '/cut/'],
    overrides: {
      '/missing/feed.json': (req, res) => (res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'), true),
      '/slow/index.html': (req, res) => (res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(indexWithTimeout(2)), true),
      '/slow/feed.json': (req, res) => (hanging.push(res), true),
      '/html/feed.json': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Seite nicht gefunden</title><h1>404</h1>');
        return true;
      },
      '/cut/feed.json': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': FEED.length });
        res.write(FEED.subarray(0, FEED.length >> 1));
        setTimeout(() => res.destroy(), 100);
        return true;
      },
    },
  });
  browser = await launch();
});

after(async () => {
  for (const res of hanging) res.destroy();
  await browser?.close();
  await server?.close();
});

/**
 * Lets up to 80 s of page time pass in 1 s steps until `done()`. Steps, not one jump:
 * the fetch's own time limit runs on the same (fake) clock, and a jump would expire it
 * before the real request could answer.
 */
async function minutePasses(page, done) {
  for (let s = 0; s < 80 && !(await done()); s++) {
    await page.clock.runFor(1000);
    await new Promise((ok) => setTimeout(ok, 10));
  }
  assert.ok(await done(), 'the page reacted within 80 s of page time');
}

/** Loads `path`, waits for the problem notice, checks what every failure must show. */
async function failsPlainly(path, detail) {
  const { context, page, errors } = await openPage(browser, { expectFailures: true });
  await page.goto(server.url + path);
  await page.waitForSelector('.feed-problem', { timeout: 30_000 });
  const banner = page.locator('.banner');
  assert.equal(await banner.getAttribute('data-tone'), 'unknown');
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, /Alles funktioniert/);
  assert.match(body, /nicht abgerufen werden|fehlerhaft/);
  assert.ok((await page.locator('a[href="tel:116117"]').count()) >= 1, 'general numbers stay');
  assert.match(await page.locator('.feed-problem__details').textContent(), detail);
  assert.deepEqual(errors.filter((e) => !e.startsWith('HTTP ')), []);
  await context.close();
}

test('feed missing (404)', () => failsPlainly('/missing/', /HTTP 404/));

test('no answer: the page gives up after its time limit and says so', () => failsPlainly('/slow/index.html', /no complete answer within 2 seconds/));

test('a web page instead of the feed (wrong content type)', () => failsPlainly('/html/', /text\/html.*not the feed's JSON/));

test('the body is cut off in transfer', () => failsPlainly('/cut/', /network error|could not be read/));

test('the network goes away after the first load: last state stays, with a note; back online, the note goes and a 304 is all it costs', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.clock.install();
  await page.goto(server.url + '/' + DOCTOLIB_AT);
  const notice = page.locator('#meldung-doctolib-berlin-2021-11-22');
  await notice.waitFor();
  const note = page.locator('.note--warning', { hasText: 'kann die Meldungen gerade nicht neu laden' });
  assert.equal(await note.count(), 0);

  await context.setOffline(true);
  await minutePasses(page, () => note.count().then((n) => n > 0));
  assert.match(await note.innerText(), /Stand vom Montag|Stand vom [A-Z][a-z]+tag, \d\d\.\d\d\.\d{4}/);
  assert.equal(await notice.count(), 1, 'the notice is still shown');
  assert.equal(await page.locator('a[href="tel:03090282200"]').count(), 1);
  assert.doesNotMatch(await page.locator('body').innerText(), /Alles funktioniert/);

  await context.setOffline(false);
  const before = log.length;
  await minutePasses(page, () => note.count().then((n) => n === 0));
  assert.equal(await notice.count(), 1);
  const refetch = log.slice(before).filter((e) => e.path === '/feed.json');
  assert.deepEqual(refetch.map((e) => e.status), [304], 'the unchanged feed is revalidated, not downloaded');
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  await context.close();
});
