// Trunk post_build hook, run before scripts/csp.mjs: writes the widget page
// `embed.html` from the built `index.html`. Trunk builds one HTML page per run; this
// copy keeps its head (the same hashed wasm, JS and CSS, so a browser that has seen one
// page has cached the other) and replaces the title, the description and the body
// (widget/embed-body.html), and adds `<meta name="wegweiser-view" content="widget">`,
// which makes the app mount the widget instead of the full page.
//
// Usage: run by trunk (TRUNK_STAGING_DIR is set), or `node scripts/pages.mjs DIR`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('usage: node scripts/pages.mjs DIST_DIR (or run as a trunk hook)');
  process.exit(2);
}

/** Replaces exactly one match of `pattern` in `html`, or fails the build. */
function replaceOnce(html, pattern, replacement, what) {
  const hits = html.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
  if (!hits || hits.length !== 1) throw new Error(`pages: index.html has ${hits?.length ?? 0} ${what}, expected 1`);
  return html.replace(pattern, () => replacement);
}

export function embedPage(index, body) {
  let html = index;
  html = replaceOnce(html, /<title>[^<]*<\/title>/, '<title>Wegweiser – Hinweis zu Störungen</title>', '<title>');
  html = replaceOnce(
    html,
    /<meta name="description" content="[^"]*">/,
    '<meta name="description" content="Wegweiser-Hinweis für Praxen und Apotheken: ob E-Rezept, Gesundheitskarte und Online-Termine gerade gehen.">\n  <meta name="wegweiser-view" content="widget">',
    'description meta',
  );
  html = replaceOnce(html, /<body>[\s\S]*<\/body>/, body.trim(), '<body>');
  return html;
}

const root = new URL('..', import.meta.url).pathname;
const index = readFileSync(join(dir, 'index.html'), 'utf8');
writeFileSync(join(dir, 'embed.html'), embedPage(index, readFileSync(join(root, 'widget/embed-body.html'), 'utf8')));
console.log('pages: embed.html written');
