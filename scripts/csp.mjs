// Trunk post_build hook: gives every built page a strict Content-Security-Policy.
//
// Trunk writes its wasm loader as an inline <script type="module">, scripts/loader.mjs
// adds a small classic script to the head (it issues the preloads), and embed.html has
// one more, widget/embed-body.html; instead of 'unsafe-inline',
// the policy allows exactly those scripts by their SHA-256 hashes, computed here from
// the built file (never by hand). The policy is written twice:
//   - as <meta http-equiv="Content-Security-Policy"> in each page, so it holds on any
//     static host, and
//   - into `_headers` (the Netlify / Cloudflare Pages format) for hosts that send
//     headers, which also allows `frame-ancestors` (a meta policy cannot).
// Every page refuses to be framed (`frame-ancestors 'none'`) except the widget page
// `embed.html` (written by scripts/pages.mjs), which any website may put in an iframe.
// The feed may live on another origin (`<meta name="wegweiser-feed" content="https://…">`);
// that origin, and only that, is added to connect-src.
//
// Usage: run by trunk (TRUNK_STAGING_DIR is set), or `node scripts/csp.mjs DIR`.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('usage: node scripts/csp.mjs DIST_DIR (or run as a trunk hook)');
  process.exit(2);
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Pages other websites may frame. */
export const FRAMEABLE = new Set(['embed.html']);

/** The policy for one page's HTML; `frameable` only matters for the header form. */
export function policyFor(html, { meta, frameable = false }) {
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => sha256(m[1]));
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1]));
  if (/\sstyle="/i.test(html) || /\son[a-z]+="/i.test(html)) {
    throw new Error('inline style="" or on…="" attributes cannot be allowed by hash; move them to CSS / code');
  }
  const feed = html.match(/<meta name="wegweiser-feed" content="([^"]*)"/)?.[1] ?? '';
  const feedOrigin = /^https:\/\//.test(feed) ? ` ${new URL(feed).origin}` : '';
  const directives = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "img-src 'self'",
    // The snippet builder shows the widget (our own embed.html) as a preview.
    ...(/<iframe\b/i.test(html) ? ["frame-src 'self'"] : []),
    `connect-src 'self'${feedOrigin}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    // The region choice is a plain GET form back to the page itself.
    "form-action 'self'",
  ];
  if (!meta) directives.push(frameable ? 'frame-ancestors *' : "frame-ancestors 'none'");
  return directives.join('; ');
}

const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
const headers = [];
for (const page of pages) {
  const path = join(dir, page);
  let html = readFileSync(path, 'utf8');
  if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error(`${page} already has a CSP meta`);
  const meta = policyFor(html, { meta: true });
  // Right after <meta charset>, before anything that could load or run.
  const at = html.search(/<meta charset="utf-8">/i);
  if (at < 0) throw new Error(`${page}: no <meta charset="utf-8"> to put the policy after`);
  const end = at + '<meta charset="utf-8">'.length;
  html = `${html.slice(0, end)}\n  <meta http-equiv="Content-Security-Policy" content="${meta}">${html.slice(end)}`;
  writeFileSync(path, html);
  // stand.html is written after this hook, by `wegweiser publish`, from index.html
  // without its scripts: it gets index.html's policy.
  const route = page === 'index.html' ? ['/', '/index.html', '/stand.html'] : [`/${page}`];
  const header = policyFor(html, { meta: false, frameable: FRAMEABLE.has(page) });
  for (const r of route) headers.push(r, `  Content-Security-Policy: ${header}`);
}
// widget.js keeps its name (other websites link it), so it must not be cached for long.
headers.push('/widget.js', '  Cache-Control: public, max-age=3600');
// The page's words in other languages keep their names: ask each time (a 304 is cheap).
headers.push('/i18n/*', '  Cache-Control: no-cache');
headers.push(
  '/*',
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
);
writeFileSync(join(dir, '_headers'), headers.join('\n') + '\n');
console.log(`csp: policy written into ${pages.join(', ')} and _headers`);
