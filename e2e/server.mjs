// A plain static file server for dist/, as a CDN would serve it: correct MIME types
// (application/wasm for streaming compilation), ETag + If-None-Match → 304, brotli
// when the browser accepts it, headers from dist/_headers, no cookies.
// Used by the end-to-end tests and `make bench`; run directly: node e2e/server.mjs [dir] [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a server for `root` on 127.0.0.1 (port 0 = any free port).
 * `overrides` maps a URL path to a handler (req, res) => boolean for test cases
 * that need a different answer (e.g. a broken feed); return true when handled.
 * `aliases` lists path prefixes (e.g. '/broken/') that serve the same files as '/',
 * so one build can be loaded beside a different feed.json.
 * `log`, an array, receives { path, status } for every answer sent.
 */
export async function startServer(root, { port = 0, overrides = {}, aliases = [], log } = {}) {
  const base = resolve(root);
  const rules = readHeadersFile(join(base, '_headers'));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (log) res.on('finish', () => log.push({ path: url.pathname, status: res.statusCode }));
    const handler = overrides[url.pathname];
    if (handler && (await handler(req, res))) return;
    let path = decodeURIComponent(url.pathname);
    const alias = aliases.find((a) => path.startsWith(a));
    if (alias) path = '/' + path.slice(alias.length);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const etag = '"' + createHash('sha1').update(body).digest('base64url') + '"';
      const headers = {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        ETag: etag,
        'Cache-Control': extname(file) === '.json' || extname(file) === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
        ...headersFor(rules, path),
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      // Compressed like a CDN does, when the browser accepts it.
      let sent = body;
      if (COMPRESSIBLE.has(extname(file)) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        sent = compressed(etag, body);
        headers['Content-Encoding'] = 'br';
        headers.Vary = 'Accept-Encoding';
      }
      res.writeHead(200, { ...headers, 'Content-Length': sent.length });
      res.end(req.method === 'HEAD' ? undefined : sent);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  return { url: `http://127.0.0.1:${actual}`, close: () => new Promise((ok) => server.close(ok)) };
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt']);
const brotliCache = new Map();

/** Brotli at the quality a CDN pre-compresses with (11), or 5 for files over 1 MB. */
function compressed(etag, body) {
  if (!brotliCache.has(etag)) {
    const quality = body.length > 1e6 ? 5 : 11;
    brotliCache.set(etag, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }));
  }
  return brotliCache.get(etag);
}

/**
 * Reads a `_headers` file (Netlify / Cloudflare Pages format, as scripts/csp.mjs writes
 * it): a path line (`/`, `/index.html`, or a prefix ending in `*`), then indented
 * `Name: value` lines. A host that sends headers serves dist/ the same way.
 */
function readHeadersFile(file) {
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else if (rules.length) {
      const at = line.indexOf(':');
      rules[rules.length - 1].headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

function headersFor(rules, path) {
  const out = {};
  for (const { pattern, headers } of rules) {
    const hit = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
    if (hit) Object.assign(out, headers);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  const { url } = await startServer(dir, { port });
  console.log(`serving ${dir} at ${url}`);
}
