// Trunk post_build hook, run before scripts/csp.mjs: writes the pages beside the app.
//
// `embed.html`, the widget, from the built `index.html`. Trunk builds one HTML page per run; this
// copy keeps its head (the same hashed wasm, JS and CSS, so a browser that has seen one
// page has cached the other) and replaces the title, the description and the body
// (widget/embed-body.html), and adds `<meta name="wegweiser-view" content="widget">`,
// which makes the app mount the widget instead of the full page.
//
// `einbinden.html`, the snippet builder, from widget/builder.html with the built CSS and
// icon: plain HTML + widget/builder.js, no WebAssembly (see there why).
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

/** The builder page with the hashed asset names trunk gave the CSS and the icon. */
export function builderPage(index, template) {
  const css = index.match(/<link rel="stylesheet" href="([^"]+\.css)"/)?.[1];
  const icon = index.match(/<link rel="icon" href="([^"]+)"/)?.[1];
  if (!css || !icon) throw new Error('pages: index.html links no stylesheet or icon');
  return template.replace('{{CSS}}', css).replace('{{ICON}}', icon);
}

const root = new URL('..', import.meta.url).pathname;
const read = (path) => readFileSync(join(root, path), 'utf8');
const index = readFileSync(join(dir, 'index.html'), 'utf8');
writeFileSync(join(dir, 'embed.html'), embedPage(index, read('widget/embed-body.html')));
writeFileSync(join(dir, 'einbinden.html'), builderPage(index, read('widget/builder.html')));
console.log('pages: embed.html and einbinden.html written');
