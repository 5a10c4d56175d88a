// End-to-end: the release page under its own strict Content-Security-Policy (served as
// a header from dist/_headers and present as a meta tag), with no cookies, no storage
// it did not ask for, and no request to any origin but its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { launch, openPage } from './browser.mjs';

const DOCTOLIB = '/?at=2021-11-22T10:30:00%2B01:00';
let server;
let browser;

before(async () => {
  server = await startServer('dist');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page that records CSP violations (event and console) and every request. */
async function watched() {
  const { context, page, errors } = await openPage(browser);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  const refused = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  return { context, page, errors, refused, requests };
}

test('the policy is strict and its script hash is computed by the build', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.ok(meta, 'dist/index.html carries a CSP meta tag');
  assert.doesNotMatch(meta, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.match(meta, /default-src 'none'/);
  assert.match(meta, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]{44}'/);
  const headers = readFileSync('dist/_headers', 'utf8');
  assert.match(headers, /frame-ancestors 'none'/);
  assert.ok(headers.includes(meta), '_headers sends the same policy (plus frame-ancestors)');
});

test('every inline script of every page is allowed by its own hash, in the page and in _headers', () => {
  const headers = readFileSync('dist/_headers', 'utf8');
  const pages = readdirSync('dist').filter((f) => f.endsWith('.html'));
  let scripts = 0;
  for (const file of pages) {
    const html = readFileSync(join('dist', file), 'utf8');
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
    const header = headers.match(new RegExp(`^/${file.replace('.', '\\.')}\\n  Content-Security-Policy: (.+)$`, 'm'))?.[1] ?? '';
    for (const [, code] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      const hash = `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
      assert.ok(meta.includes(hash), `${file}: an inline script whose hash ${hash} is not in its <meta> policy`);
      assert.ok(header.includes(hash), `${file}: an inline script whose hash ${hash} is not in its _headers policy`);
      scripts += 1;
    }
  }
  // index.html, embed.html (loader and its own script), meldung, barrierefreiheit, archiv.
  assert.ok(scripts >= 6, `${scripts} inline scripts in ${pages.join(', ')}`);
});

test('only the widget page may be framed by other websites', () => {
  const headers = readFileSync('dist/_headers', 'utf8');
  const policy = (route) => headers.match(new RegExp(`^${route.replace('.', '\\.')}\\n  Content-Security-Policy: (.+)$`, 'm'))?.[1];
  assert.match(policy('/embed.html') ?? '', /frame-ancestors \*$/);
  for (const route of ['/', '/index.html', '/einbinden.html']) assert.match(policy(route) ?? '', /frame-ancestors 'none'$/, route);
  assert.match(policy('/embed.html'), /connect-src 'self';/, 'the widget, too, asks only its own origin');
});

test('the page works under the policy: no violation, notice shown', async () => {
  const { context, page, errors, refused } = await watched();
  const response = await page.goto(server.url + DOCTOLIB);
  const header = response.headers()['content-security-policy'];
  assert.match(header ?? '', /default-src 'none'.*frame-ancestors 'none'/, 'the server sends the policy as a header');
  await page.waitForSelector('#meldung-doctolib-berlin-2021-11-22');
  assert.equal(await page.locator('a[href="tel:03090282200"]').count(), 1);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(refused, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('negative control: an injected inline script is blocked and reported', async () => {
  const { context, page, refused } = await watched();
  await page.goto(server.url + DOCTOLIB);
  await page.waitForSelector('#meldung-doctolib-berlin-2021-11-22');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true;';
    document.body.append(s);
  });
  await page.waitForFunction(() => window.__csp.length > 0);
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'the script did not run');
  assert.match((await page.evaluate(() => window.__csp))[0], /^script-src/);
  assert.ok(refused.length > 0, 'Chromium reported the violation on the console, too');
  await context.close();
});

test('privacy: only our own origin, no cookies, nothing stored', async () => {
  const { context, page, errors, requests } = await watched();
  for (const path of [DOCTOLIB, '/?at=2025-06-13T10:00:00%2B02:00', '/']) {
    await page.goto(server.url + path);
    await page.waitForSelector('.banner:not(.banner--unknown), .feed-problem, .note--stale');
  }
  const foreign = requests.filter((u) => new URL(u).origin !== server.url);
  assert.deepEqual(foreign, [], 'every request goes to the page’s own origin');
  assert.ok(requests.some((u) => u.endsWith('.wasm')) && requests.some((u) => u.includes('feed.json')));
  assert.deepEqual(await context.cookies(), []);
  assert.equal(await page.evaluate(() => document.cookie), '');
  const stored = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
  assert.deepEqual(stored.filter((k) => !k.startsWith('wegweiser')), [], 'no storage but our own key');
  assert.deepEqual(errors, []);
  await context.close();
});
