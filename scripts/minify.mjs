// Trunk post_build hook, run first: minifies the JavaScript glue trunk wrote for the
// page's and the widget's wasm, and the style sheet, with esbuild (an exact version from
// npm, package.json), then renews the integrity hashes in index.html. The glue as trunk
// writes it is ~40 KB of readable code loaded by every visitor; minified it is less than
// half, 1.5 KB less brotli (docs/benchmark.md). Trunk's own `--minify` also minifies
// the HTML, dropping the comments `wegweiser publish` fills in; here index.html loses
// every comment but those.
//
// Usage: run by trunk (TRUNK_STAGING_DIR is set), or `node scripts/minify.mjs DIR`.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('usage: node scripts/minify.mjs DIST_DIR (or run as a trunk hook)');
  process.exit(2);
}

const minified = [];
for (const name of readdirSync(dir)) {
  const loader = /^wegweiser-(app|widget|more|archive)(-[0-9a-f]+)?\.js$/.test(name) ? 'js' : /^main-[0-9a-f]+\.css$/.test(name) ? 'css' : null;
  if (!loader) continue;
  const path = join(dir, name);
  const { code } = transformSync(readFileSync(path, 'utf8'), { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, legalComments: 'none' });
  writeFileSync(path, code);
  minified.push(name);
}
if (!minified.some((n) => n.endsWith('.css')) || !minified.some((n) => n.startsWith('wegweiser-app'))) {
  throw new Error(`minify: expected the page's glue and style sheet, found ${minified.join(', ') || 'nothing'}`);
}

// Every `href="/file" … integrity="sha384-…"` in index.html, hashed again.
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`;
const indexPath = join(dir, 'index.html');
const index = withoutComments(readFileSync(indexPath, 'utf8')).replace(
  /(href="\/([^"]+)"[^>]*integrity=")sha384-[^"]+"/g,
  (m, head, file) => `${head}${sri(file)}"`,
);
writeFileSync(indexPath, index);
console.log(`minify: ${minified.join(', ')}; comments out of index.html`);

/**
 * `html` without its comments — notes for whoever edits the source page, ~0.25 KB
 * brotli every visitor would download — and without the blank lines trunk leaves where
 * its `data-trunk` links were. The `<!--wegweiser:state-->` markers stay: `wegweiser
 * publish` fills the part between them.
 */
export function withoutComments(html) {
  return html.replace(/<!--(?!\/?wegweiser:state-->)[\s\S]*?-->/g, '').replace(/\n(?:[ \t]*\n)+/g, '\n');
}
