// What a browser downloads for the first view of a page in dist/: the HTML, and every
// script, module, stylesheet and WebAssembly file it references (the feed and the
// icon are not part of it). Sizes raw and brotli (quality 11, as a CDN would
// pre-compress), so the budget test and `make bench` count the same bytes.
import { readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

export const BUDGET_BYTES = 100 * 1000;

const KINDS = { '.html': 'HTML', '.js': 'JS', '.wasm': 'wasm', '.css': 'CSS' };

export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
}

/** Local asset paths an HTML page loads: src/href attributes and quoted module paths. */
export function referencedAssets(html) {
  const found = new Set();
  const patterns = [/(?:src|href)="([^"#?]+)"/g, /'(\/[^']+\.(?:js|wasm|css))'/g, /"(\/[^"]+\.(?:js|wasm|css))"/g];
  for (const re of patterns) {
    for (const [, path] of html.matchAll(re)) {
      if (/^[a-z]+:/i.test(path) || path.startsWith('//')) continue; // not local
      if (KINDS[extname(path)] && extname(path) !== '.html') found.add(path.replace(/^\.?\//, ''));
    }
  }
  return [...found].sort();
}

/** The first load of `page` (e.g. 'index.html') in `dist`: one row per file. */
export function firstLoad(dist, page = 'index.html') {
  const html = readFileSync(join(dist, page));
  const files = [page, ...referencedAssets(html.toString('utf8'))];
  return files.map((file) => {
    const bytes = file === page ? html : readFileSync(join(dist, file));
    return { file, kind: KINDS[extname(file)], raw: bytes.length, brotli: brotli(bytes) };
  });
}

/** Sums rows by kind, in a fixed order, plus a total. */
export function byKind(rows) {
  const out = ['HTML', 'JS', 'wasm', 'CSS'].map((kind) => {
    const of = rows.filter((r) => r.kind === kind);
    return { kind, raw: sum(of, 'raw'), brotli: sum(of, 'brotli') };
  });
  out.push({ kind: 'total', raw: sum(rows, 'raw'), brotli: sum(rows, 'brotli') });
  return out;
}

function sum(rows, key) {
  return rows.reduce((n, r) => n + r[key], 0);
}
