// End-to-end: what the citizen page does beyond one state — its languages (with
// right-to-left), the region choice, a notice's own page (deep link) and its printed
// notice, the accessibility statement, the last known state kept in the browser, and
// the announcement of a change. Against the release dist/ served over HTTP, in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from './server.mjs';
import { published, unpublished } from './variants.mjs';
import { launch, openPage } from './browser.mjs';
import { checkA11y } from './axe.mjs';

const PAGE = unpublished('dist');
const DOCTOLIB = '2021-11-22T10:30:00+01:00';
const TI = '2025-06-13T10:00:00+02:00';
const DOCTOLIB_ID = 'doctolib-berlin-2021-11-22';
const TI_ID = 'ti-ausfall-2025-06-13';
const at = (t) => `at=${encodeURIComponent(t)}`;
const FEED = readFileSync('dist/feed.json', 'utf8');
const LANGUAGES = ['de', 'ls', 'en', 'tr', 'ar', 'uk', 'ru'];
/** The translators' files, by key (the page gets them as arrays). */
const words = (code) => JSON.parse(readFileSync(`i18n/${code}.json`, 'utf8'));

/** The sample feed with 45 past outages, one a day from 1 January 2021. */
function manyPast() {
  const feed = JSON.parse(FEED);
  const template = feed.incidents.find((i) => i.id === DOCTOLIB_ID);
  feed.incidents = Array.from({ length: 45 }, (_, n) => {
    const start = new Date(Date.UTC(2021, 0, 1 + n, 9));
    const end = new Date(start.getTime() + 2 * 3600 * 1000);
    return { ...template, id: `alt-${n}`, start: start.toISOString().replace('.000Z', 'Z'), end: end.toISOString().replace('.000Z', 'Z'), updates: [], next_update: undefined };
  });
  return JSON.stringify(feed);
}

let server;
/** The page published with `--site`: each notice's printed page has its QR code. */
let withQr;
const SITE = 'https://wegweiser.example/';
let browser;
/** What /switch/feed.json answers: the sample feed, or a failure. */
let switchFeed = 'ok';

before(async () => {
  server = await startServer(PAGE, {
    aliases: ['/switch/', '/many/'],
    overrides: {
      '/many/feed.json': (req, res) => (res.writeHead(200, { 'Content-Type': 'application/json' }).end(manyPast()), true),
      '/switch/feed.json': (req, res) => {
        if (switchFeed === 'ok') res.writeHead(200, { 'Content-Type': 'application/json' }).end(FEED);
        else if (switchFeed === 'changed') {
          const feed = JSON.parse(FEED);
          feed.incidents = feed.incidents.filter((i) => i.id !== DOCTOLIB_ID);
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(feed));
        } else res.writeHead(500, { 'Content-Type': 'text/plain' }).end('internal error');
        return true;
      },
    },
  });
  withQr = await startServer(published('dist', TI, SITE));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await withQr?.close();
});

/** Opens `path` and waits until the app has shown the feed's state. */
async function load(path, options = {}) {
  const opened = await openPage(browser, options);
  await opened.page.goto(server.url + path);
  await opened.page.waitForSelector('#app .stand, #app .strip, .feed-problem', { timeout: 30_000 });
  return opened;
}

test('every language: its own words, lang and dir on <html>, feed texts falling back with their own lang/dir; no axe violation', async () => {
  for (const code of LANGUAGES) {
    const { context, page, errors } = await load(`/?${at(DOCTOLIB)}&lang=${code}`);
    const w = words(code);
    const html = page.locator('html');
    assert.equal(await html.getAttribute('lang'), code === 'ls' ? 'de' : code, code);
    assert.equal(await html.getAttribute('dir'), code === 'ar' ? 'rtl' : 'ltr', code);
    assert.equal(await page.locator('h1').innerText(), w['page.heading'], `${code}: the header`);
    assert.equal(await page.locator('#aktuell-heading').innerText(), w['list.current'], `${code}: a list heading`);
    const notice = page.locator(`#meldung-${DOCTOLIB_ID}`);
    assert.equal(await notice.locator('dt').first().innerText(), w['notice.not_working'], code);
    assert.equal(await page.locator('.languages a[aria-current="true"]').getAttribute('data-lang'), code);
    if (code !== 'de') assert.equal(await page.title(), w['page.title'], `${code}: the title`);
    // The Doctolib notice has German and English texts only: English readers get
    // English, everyone else German, marked as such (and left to right in Arabic).
    const title = notice.locator('h3');
    assert.equal(await title.getAttribute('lang'), code === 'en' ? 'en' : 'de', code);
    assert.equal(await title.getAttribute('dir'), code === 'ar' ? 'ltr' : null, `${code}: dir of a fallback text`);
    // Dates in the language's own form, still Berlin time (9:12 CET).
    const when = await notice.locator('.notice__when time').first().innerText();
    if (code === 'de') assert.equal(when, 'Montag, 22.11.2021, 9:12 Uhr');
    if (code === 'en') assert.equal(when, 'Monday 22 November 2021, 09:12');
    if (code === 'ar') assert.match(when, /٠٩:١٢/);
    if (code === 'tr') assert.match(when, /Kasım/);
    await checkA11y(page, `the page in ${code}`);
    assert.deepEqual(errors, [], code);
    await context.close();
  }
});

test('language: the switcher changes it, on a notice page for the same notice; the browser preference is the default', async () => {
  const { context, page, errors } = await load(`/meldung.html?id=${DOCTOLIB_ID}&${at(DOCTOLIB)}`, { locale: 'tr-TR' });
  assert.equal(await page.locator('html').getAttribute('lang'), 'tr', 'the browser prefers Turkish');
  await page.locator('.languages a[data-lang="ar"]').click();
  await page.waitForURL(/lang=ar/);
  await page.waitForSelector('html[dir="rtl"]');
  assert.match(page.url(), new RegExp(`id=${DOCTOLIB_ID}.*at=2021-11-22`), 'the same notice, at the same instant');
  await page.waitForSelector(`.notices--focus #meldung-${DOCTOLIB_ID}`);
  assert.equal(await page.locator('h1').innerText(), words('ar')['page.heading']);
  // Chosen once, kept: the next visit without ?lang= is Arabic too.
  await page.goto(`${server.url}/?${at(DOCTOLIB)}`);
  await page.waitForSelector('#app .stand');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  assert.deepEqual(errors, []);
  await context.close();
});

test('right to left: the Arabic page mirrors (the notice strip on the right), nothing wider than a phone at 320 px', async () => {
  const { context, page, errors } = await load(`/?${at(DOCTOLIB)}&lang=ar`, { viewport: { width: 320, height: 800 } });
  const notice = page.locator(`#meldung-${DOCTOLIB_ID}`);
  const style = await notice.evaluate((n) => {
    const s = getComputedStyle(n);
    return { right: s.borderRightWidth, left: s.borderLeftWidth, direction: s.direction };
  });
  assert.equal(style.direction, 'rtl');
  assert.equal(style.right, '6px', 'the coloured strip is at the start of the line: the right');
  assert.equal(style.left, '1px');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `${wide} px wider than the screen`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('region: choosing NRW hides the Berlin outage, says so, is kept in the address and remembered; "all regions" undoes it', async () => {
  const { context, page, errors } = await load(`/?${at(DOCTOLIB)}`);
  const notice = page.locator(`#meldung-${DOCTOLIB_ID}`);
  assert.equal(await notice.count(), 1);
  await page.selectOption('#region-select', 'nrw');
  await page.locator('form.region button').click();
  await page.waitForURL(/region=nrw/);
  await page.waitForSelector('.region__chosen');
  // The form asks for the region only; the instant shown (an operator's preview) is
  // given again here.
  await page.goto(`${server.url}/?${at(DOCTOLIB)}&region=nrw`);
  await page.waitForSelector('.region__chosen');
  assert.match(await page.locator('.region__chosen').innerText(), /Nordrhein-Westfalen/);
  assert.equal(await notice.count(), 0, 'the Berlin-only outage is not shown in NRW');
  assert.equal(await page.locator('.banner').getAttribute('data-tone'), 'ok', 'nothing is wrong in NRW');
  assert.equal(await page.locator('#region-select').inputValue(), 'nrw');
  // Remembered: the plain address shows NRW again.
  await page.goto(`${server.url}/?${at(DOCTOLIB)}`);
  await page.waitForSelector('.region__chosen');
  assert.equal(await notice.count(), 0);
  // Nationwide notices show in every region.
  await page.goto(`${server.url}/?${at(TI)}&region=nrw`);
  await page.waitForSelector(`#meldung-${TI_ID}`);
  // Undo.
  await page.goto(`${server.url}/?${at(DOCTOLIB)}`);
  await page.waitForSelector('.region__chosen');
  await page.locator('.region__chosen a').click();
  await page.waitForURL(/region=alle/);
  await page.waitForSelector('#app .stand');
  assert.equal(await page.locator('.region__chosen').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('wegweiser.region')), null);
  await page.goto(`${server.url}/?${at(DOCTOLIB)}`);
  await notice.waitFor();
  assert.equal(await page.locator('.region__chosen').count(), 0, 'forgotten');
  assert.deepEqual(errors, []);
  await context.close();
});

test('deep link: each notice links to its own page with its whole history; an unknown id says so; both pass axe', async () => {
  const { context, page, errors } = await load(`/?${at(DOCTOLIB)}`);
  await page.locator(`#meldung-${DOCTOLIB_ID} .notice__link a`).click();
  await page.waitForURL(new RegExp(`meldung\\.html\\?id=${DOCTOLIB_ID}`));
  await page.waitForSelector('.notices--focus');
  // The page at the real now: long resolved, with every update and the follow-up.
  const card = page.locator(`.notices--focus #meldung-${DOCTOLIB_ID}`);
  assert.equal(await card.count(), 1);
  assert.ok((await card.locator('.update').count()) >= 4, 'every update');
  assert.match(await card.locator('.timeline').innerText(), /Nachtrag|Richtigstellung/);
  assert.equal(await page.locator('.notices').count(), 1, 'only this notice');
  assert.equal(await page.locator('a[href="tel:116117"]').count(), 1, 'the general numbers');
  assert.equal(await page.title(), 'Wegweiser – Meldung');
  await checkA11y(page, 'a notice on its own page');
  await page.locator('.back a').click();
  await page.waitForSelector('#app .stand');
  assert.equal(await page.locator('#aktuell').count(), 1, 'back on the overview');

  await page.goto(`${server.url}/meldung.html?id=gibt-es-nicht`);
  await page.waitForSelector('#app .stand');
  assert.match(await page.locator('.note--warning').innerText(), /gibt es nicht/);
  await checkA11y(page, 'an unknown notice');
  assert.deepEqual(errors, []);
  await context.close();
});

test('print: a notice prints as one A4 notice in large type, with a QR code to its page, without the page controls', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${withQr.url}/meldung.html?id=${TI_ID}&${at(TI)}`);
  await page.waitForSelector('.notices--focus');
  assert.equal(await page.locator('.print button').innerText(), 'Aushang drucken');
  assert.equal(await page.locator('.qr').evaluate((n) => getComputedStyle(n).display), 'none', 'the QR code is for paper');
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() =>
    ['.print', '.languages', '.back', '.site-footer', '.skip-link'].map((s) => getComputedStyle(document.querySelector(s)).display),
  );
  assert.deepEqual(hidden, ['none', 'none', 'none', 'none', 'none']);
  // Large type: the page's own 18 px (13.5 pt, above a letter's usual 12 pt), the title
  // half as large again.
  const px = (sel) => page.locator(sel).first().evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(base >= 18, `the page's type: ${base}px`);
  assert.ok((await px('.notices--focus .notice')) >= base, 'the notice in the page\'s large type');
  assert.ok((await px('.notices--focus .notice h3')) >= base * 1.5, 'the title');
  for (const hidden of ['.notices--focus .timeline', '.notices--focus .fallback__details', '.numbers']) {
    assert.equal(await page.locator(hidden).first().evaluate((n) => getComputedStyle(n).display), 'none', hidden);
  }
  assert.ok((await page.locator('.banner').boundingBox()).width <= 1, 'the banner is not printed (but stays a heading)');
  const qr = page.locator('.qr img');
  assert.ok(await qr.isVisible(), 'the QR code is printed');
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'and its image loaded');
  assert.match(await page.locator('.qr figcaption').innerText(), new RegExp(`${SITE}meldung\\.html\\?id=${TI_ID}`));
  assert.ok(await page.locator('.notices--focus a[href="tel:116117"]').isVisible(), 'the numbers stay');
  assert.ok(await page.locator('.note--example').isVisible(), 'a notice from example data says so on paper too');
  assert.match(await page.locator('.notices--focus .notice__facts').innerText(), /Deutschland/, 'where it applies');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, 'one A4 page');
  await checkA11y(page, 'the printed notice');
  assert.deepEqual(errors, []);
  await context.close();
});

test('accessibility statement: its own page, with the publisher\'s feedback contact and the conciliation body; in English too', async () => {
  const { context, page, errors } = await load('/');
  await page.locator('a[href="barrierefreiheit.html"]').click();
  await page.waitForURL(/barrierefreiheit\.html/);
  await page.waitForSelector('.statement');
  const feed = JSON.parse(FEED);
  const email = feed.publisher.accessibility_contact.email;
  assert.ok(email, 'the sample feed names an accessibility contact');
  assert.equal(await page.locator(`.statement a[href="mailto:${email}"]`).count(), 1);
  assert.equal(await page.locator('.statement a[href="https://www.schlichtungsstelle-bgg.de"]').count(), 1);
  await checkA11y(page, 'the accessibility statement');
  await page.goto(`${server.url}/barrierefreiheit.html?lang=en`);
  await page.waitForSelector('.statement');
  assert.equal(await page.locator('.statement h2').innerText(), words('en')['a11y.heading']);
  await checkA11y(page, 'the accessibility statement in English');
  assert.deepEqual(errors, []);
  await context.close();
});

test('last known state: kept in the browser; when the feed then fails on the next visit, it is shown with its age and a plain note', async () => {
  switchFeed = 'ok';
  const { context, page, errors } = await openPage(browser, { expectFailures: true });
  await page.goto(`${server.url}/switch/?${at(DOCTOLIB)}`);
  await page.waitForSelector(`#meldung-${DOCTOLIB_ID}`);
  assert.ok((await page.evaluate(() => localStorage.getItem('wegweiser.feed')))?.includes(DOCTOLIB_ID));
  switchFeed = 'down';
  await page.reload();
  await page.waitForSelector('.note--warning');
  const note = await page.locator('.note--warning').innerText();
  assert.match(note, /kann die Meldungen gerade nicht neu laden/);
  assert.match(note, /Stand vom [A-Z][a-zä]+, \d\d\.\d\d\.\d{4}, \d+:\d\d Uhr/);
  assert.equal(await page.locator(`#meldung-${DOCTOLIB_ID}`).count(), 1, 'the last known notice, not a blank page');
  assert.equal(await page.locator('.feed-problem').count(), 0);
  assert.deepEqual(errors.filter((e) => !e.startsWith('HTTP 500')), []);
  await context.close();
});

test('live update: a change is announced in one polite sentence, not by re-reading the page', async () => {
  switchFeed = 'ok';
  const { context, page, errors } = await openPage(browser);
  await page.clock.install();
  await page.goto(`${server.url}/switch/?${at(DOCTOLIB)}`);
  await page.waitForSelector(`#meldung-${DOCTOLIB_ID}`);
  const announce = page.locator('#app .announce');
  assert.equal(await announce.getAttribute('aria-live'), 'polite');
  assert.equal(await page.locator('#app .live[aria-live]').count(), 0, 'the state itself is not a live region');
  assert.equal(await announce.innerText(), '');
  switchFeed = 'changed';
  for (let s = 0; s < 80 && (await page.locator(`#meldung-${DOCTOLIB_ID}`).count()) > 0; s++) {
    await page.clock.runFor(1000);
    await new Promise((ok) => setTimeout(ok, 10));
  }
  assert.equal(await page.locator(`#meldung-${DOCTOLIB_ID}`).count(), 0, 'the page took the new feed');
  assert.match(await announce.innerText(), /^Die Meldungen wurden aktualisiert\. /);
  assert.deepEqual(errors, []);
  switchFeed = 'ok';
  await context.close();
});

test('archive: a 90-day strip per service with each day in words, past notices by month linking to their pages; pages of 20', async () => {
  const { context, page, errors } = await load(`/archiv.html?${at('2021-12-01T12:00:00+01:00')}`);
  await page.waitForSelector('.strip');
  const strip = page.locator('#streifen-termin-absagen + .strip li');
  assert.equal(await strip.count(), 90, 'ninety days');
  const days = await strip.allInnerTexts();
  assert.equal(days.filter((d) => /Ausfall$/.test(d)).length, 2, 'the outage on 22 and 23 November');
  assert.ok(days.includes('Montag, 22.11.2021: Ausfall'), days.slice(-12).join(' | '));
  assert.equal(days.at(-1), 'Mittwoch, 01.12.2021: keine Störung');
  assert.equal(await page.locator('.archive h3').first().innerText(), 'November 2021');
  await page.locator(`a[href="meldung.html?id=${DOCTOLIB_ID}"]`).click();
  await page.waitForSelector(`.notices--focus #meldung-${DOCTOLIB_ID}`);
  await page.goBack();
  await page.waitForSelector('.strip');
  await checkA11y(page, 'the archive');

  await page.goto(`${server.url}/many/archiv.html?${at('2021-06-01T12:00:00+02:00')}`);
  await page.waitForSelector('.archive__entry');
  assert.equal(await page.locator('.archive__entry').count(), 20, 'one page');
  assert.match(await page.locator('.pages').innerText(), /Seite 1 \/ 3/);
  assert.equal(await page.locator('.archive__entry a').first().getAttribute('href'), 'meldung.html?id=alt-44', 'newest first');
  await page.locator('.pages a', { hasText: 'Ältere' }).click();
  await page.waitForURL(/seite=2/);
  await page.waitForSelector('.archive__entry');
  assert.match(await page.locator('.pages').innerText(), /Seite 2 \/ 3/);
  assert.equal(await page.locator('.pages a').count(), 2, 'newer and older');
  assert.deepEqual(errors, []);
  await context.close();
});
