// Trunk post_build hook, run before scripts/csp.mjs: writes the pages beside the app.
//
// `embed.html`, the widget, from the built `index.html`. Trunk builds one HTML page per run; this
// copy keeps its head (CSS, icon, feed preload, trunk's loader) and replaces the title,
// the description and the body (widget/embed-body.html), and points the loader at the
// widget's own wasm (bin `wegweiser-widget`, which index.html has trunk build without
// loading it): the files get a content hash in their names here, like trunk's, and
// their integrity hashes.
//
// `einbinden.html`, the snippet builder, from widget/builder.html with the built CSS and
// icon: plain HTML + widget/builder.js, no WebAssembly (see there why).
//
// Usage: run by trunk (TRUNK_STAGING_DIR is set), or `node scripts/pages.mjs DIR`.
import { readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
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

/**
 * Gives the widget's JS and wasm hashed names (as trunk does for the page's), and
 * returns the names: { js, wasm } as paths from the site's root.
 */
function hashWidgetFiles(dir) {
  const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const js = join(dir, 'wegweiser-widget.js');
  const wasm = join(dir, 'wegweiser-widget_bg.wasm');
  if (!existsSync(js) || !existsSync(wasm)) throw new Error('pages: trunk built no wegweiser-widget.js / _bg.wasm');
  const h = hash(Buffer.concat([readFileSync(js), readFileSync(wasm)]));
  const names = { js: `wegweiser-widget-${h}.js`, wasm: `wegweiser-widget-${h}_bg.wasm` };
  renameSync(js, join(dir, names.js));
  renameSync(wasm, join(dir, names.wasm));
  return names;
}

/** The page's loader, preloads and their integrity hashes switched to the widget's files. */
export function withWidgetApp(html, dir, names) {
  const app = html.match(/\/(wegweiser-app-[0-9a-f]+)\.js/)?.[1];
  if (!app) throw new Error("pages: index.html loads no wegweiser-app-….js");
  const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`;
  return html
    .replaceAll(`/${app}_bg.wasm`, `/${names.wasm}`)
    .replaceAll(`/${app}.js`, `/${names.js}`)
    .replace(/(href="\/([^"]+)"[^>]*integrity=")sha384-[^"]+"/g, (m, head, file) => `${head}${sri(file)}"`);
}

export function embedPage(index, body) {
  let html = index;
  html = replaceOnce(html, /<title>[^<]*<\/title>/, '<title>Wegweiser – Hinweis zu Störungen</title>', '<title>');
  html = replaceOnce(
    html,
    /<meta name="description" content="[^"]*">/,
    '<meta name="description" content="Wegweiser-Hinweis für Praxen und Apotheken: ob E-Rezept, Gesundheitskarte und Online-Termine gerade gehen.">',
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
const widget = hashWidgetFiles(dir);
writeFileSync(join(dir, 'embed.html'), withWidgetApp(embedPage(index, read('widget/embed-body.html')), dir, widget));
writeFileSync(join(dir, 'einbinden.html'), builderPage(index, read('widget/builder.html')));
console.log('pages: embed.html and einbinden.html written');
