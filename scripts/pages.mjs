// Trunk post_build hook, run before scripts/csp.mjs: writes the pages beside the app.
//
// `embed.html`, the widget, from the built `index.html`. Trunk builds one HTML page per
// run; this copy keeps its head (CSS, icon, the preloads' template and head script,
// trunk's loader) and replaces the title, the description and the body
// (widget/embed-body.html), and points the loader at the
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
import { transformSync } from 'esbuild';

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
 * Gives a second binary's JS and wasm (`bin`: wegweiser-widget, wegweiser-more) hashed
 * names (as trunk does for the page's), and returns the names: { js, wasm } as paths
 * from the site's root.
 */
function hashFiles(dir, bin) {
  const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const js = join(dir, `${bin}.js`);
  const wasm = join(dir, `${bin}_bg.wasm`);
  if (!existsSync(js) || !existsSync(wasm)) throw new Error(`pages: trunk built no ${bin}.js / _bg.wasm`);
  const h = hash(Buffer.concat([readFileSync(js), readFileSync(wasm)]));
  const names = { js: `${bin}-${h}.js`, wasm: `${bin}-${h}_bg.wasm` };
  renameSync(js, join(dir, names.js));
  renameSync(wasm, join(dir, names.wasm));
  return names;
}

/** The page's loader, preloads and their integrity hashes switched to another binary's files. */
export function withApp(html, dir, names) {
  const app = html.match(/\/(wegweiser-app-[0-9a-f]+)\.js/)?.[1];
  if (!app) throw new Error("pages: index.html loads no wegweiser-app-….js");
  const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`;
  return html
    .replaceAll(`/${app}_bg.wasm`, `/${names.wasm}`)
    .replaceAll(`/${app}.js`, `/${names.js}`)
    .replace(/(href="\/([^"]+)"[^>]*integrity=")sha384-[^"]+"/g, (m, head, file) => `${head}${sri(file)}"`);
}

/** The page with `link` (a stylesheet) after its main stylesheet. */
function withStyles(html, link) {
  const main = html.match(/<link rel="stylesheet" href="[^"]+\.css"[^>]*>/)?.[0];
  if (!main) throw new Error('pages: index.html links no stylesheet');
  return replaceOnce(html, /<link rel="stylesheet" href="[^"]+\.css"[^>]*>/, `${main}\n  ${link}`, 'stylesheet');
}

export function embedPage(index, body, widgetCss) {
  let html = withStyles(index, widgetCss);
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

/**
 * A page's own style rules (style/<name>.css: widget, notice), minified, under a hashed
 * name; the `<link>` for its pages. The overview's visitors do not download them.
 */
function ownStyles(dir, file) {
  const { code } = transformSync(read(`style/${file}.css`), { loader: 'css', minify: true });
  const name = `${file}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(dir, name), code);
  const sri = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  return `<link rel="stylesheet" href="/${name}" integrity="${sri}"/>`;
}

/** The pages beside the overview, built by bin `wegweiser-more` (src/more_main.rs), the
 *  archive by `wegweiser-archive` (src/archive_main.rs). */
export const MORE_PAGES = {
  'meldung.html': {
    page: 'meldung',
    title: 'Wegweiser – Meldung',
    description: 'Eine Meldung über eine Störung bei E-Rezept, Gesundheitskarte oder Online-Terminen, mit ihrem Verlauf und was Sie tun können.',
  },
  'archiv.html': {
    page: 'archiv',
    title: 'Wegweiser – Frühere Meldungen',
    description: 'Frühere Störungen bei E-Rezept, Gesundheitskarte und Online-Terminen, nach Monaten, und die letzten 90 Tage je Dienst.',
  },
  'barrierefreiheit.html': {
    page: 'barrierefreiheit',
    title: 'Wegweiser – Erklärung zur Barrierefreiheit',
    description: 'Erklärung zur Barrierefreiheit der Wegweiser-Seite.',
  },
};

/** A page beside the overview: the overview's frame (header, language switcher,
 *  footer, loading text, <noscript>) with its own title, and `#app[data-page]`. */
export function morePage(index, { page, title, description }) {
  let html = index;
  html = replaceOnce(html, /<title>[^<]*<\/title>/, `<title>${title}</title>`, '<title>');
  html = replaceOnce(html, /<meta name="description" content="[^"]*">/, `<meta name="description" content="${description}">`, 'description meta');
  html = replaceOnce(html, /<div id="app">/, `<div id="app" data-page="${page}">`, '#app');
  // The title is the page's own; the app does not put the overview's in its place.
  html = replaceOnce(html, /<body>/, `<body data-page="${page}">`, '<body>');
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
const widget = hashFiles(dir, 'wegweiser-widget');
writeFileSync(join(dir, 'embed.html'), withApp(embedPage(index, read('widget/embed-body.html'), ownStyles(dir, 'widget')), dir, widget));
writeFileSync(join(dir, 'einbinden.html'), builderPage(index, read('widget/builder.html')));
const more = hashFiles(dir, 'wegweiser-more');
const archive = hashFiles(dir, 'wegweiser-archive');
const moreCss = ownStyles(dir, 'notice');
for (const [file, page] of Object.entries(MORE_PAGES)) {
  const app = page.page === 'archiv' ? archive : more;
  writeFileSync(join(dir, file), withApp(withStyles(morePage(index, page), moreCss), dir, app));
}
console.log(`pages: embed.html, einbinden.html, ${Object.keys(MORE_PAGES).join(', ')} written`);
