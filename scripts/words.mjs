// Trunk post_build hook: the translators' files (i18n/<code>.json: texts by key name,
// copied by trunk) become what the page fetches: a JSON array of the keys' version and
// then the texts in the keys' sorted order, the order core/build.rs gives the keys in
// the wasm. The page so carries
// no key names. A key a file lacks becomes "" (the page says it in German); a key
// German does not have fails the build. de.json itself is built into the wasm.
//
// Usage: run by trunk (TRUNK_STAGING_DIR is set), or `node scripts/words.mjs DIR`.
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('usage: node scripts/words.mjs DIST_DIR (or run as a trunk hook)');
  process.exit(2);
}

const i18n = join(dir, 'i18n');
const german = JSON.parse(readFileSync(join(i18n, 'de.json'), 'utf8'));
// Sorted by UTF-16 code units; the keys are ASCII, so this is Rust's byte order too.
// Every page's keys first, then those only the pages beside the overview say: the
// same split and order as core/build.rs.
const beside = (k) =>
  k !== 'a11y.link' && k !== 'archive.link' && ['a11y.', 'archive.', 'incident.', 'print.'].some((p) => k.startsWith(p));
const sorted = Object.keys(german).sort();
const keys = [...sorted.filter((k) => !beside(k)), ...sorted.filter(beside)];
// FNV-1a (64 bit) of the keys, each followed by a line break, as core/build.rs computes
// it: the first element of every file, so the page refuses a file (say, a cached one)
// written for other keys instead of putting its texts in the wrong places.
let hash = 0xcbf29ce484222325n;
for (const byte of Buffer.from(keys.map((k) => `${k}\n`).join(''), 'utf8')) {
  hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
}
const version = hash.toString(16).padStart(16, '0');
const done = [];
for (const file of readdirSync(i18n)) {
  const path = join(i18n, file);
  if (file === 'de.json' || !file.endsWith('.json')) {
    rmSync(path, { recursive: true });
    continue;
  }
  const words = JSON.parse(readFileSync(path, 'utf8'));
  const unknown = Object.keys(words).filter((k) => !(k in german));
  if (unknown.length) throw new Error(`words: ${file} has keys German does not: ${unknown.join(', ')}`);
  writeFileSync(path, JSON.stringify([version, ...keys.map((k) => (typeof words[k] === 'string' ? words[k] : ''))]));
  done.push(file);
}
console.log(`words: ${done.join(', ')} as arrays of ${keys.length} texts`);
