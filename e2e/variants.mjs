// The built page in the forms the tests and the benchmark compare, each a copy of dist/
// in a temporary directory:
//   - published(at):  `wegweiser publish` run on it, the state at `at` written into
//                     index.html as a preview (what `make build` does with "now");
//   - unpublished():  index.html with the loading text of the source index.html in place
//                     of the published state (a host that never ran `wegweiser publish`);
//   - htmlAlone(at):  the published page without its scripts and preloads (stand.html
//                     served as index.html): the limit of what pre-rendering can reach.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START = '<!--wegweiser:state-->';
const END = '<!--/wegweiser:state-->';

/** The `wegweiser` command, as `make build` built it. */
export const WEGWEISER = process.env.WEGWEISER || 'target/debug/wegweiser';

function copyOf(dist) {
  const dir = mkdtempSync(join(tmpdir(), 'wegweiser-variant-'));
  cpSync(dist, dir, { recursive: true });
  return dir;
}

/** The part of `html` between the state markers, markers included. */
export function statePart(html) {
  const start = html.indexOf(START);
  const end = html.indexOf(END);
  if (start < 0 || end < start) throw new Error('no <!--wegweiser:state--> part in the page');
  return html.slice(start, end + END.length);
}

/** Runs `wegweiser publish` on `dir` (its feed.json), as of `at` (a preview) or now;
 *  with `site`, also the QR codes of the notices' pages. */
export function publishInto(dir, at, site) {
  const args = ['publish', join(dir, 'feed.json'), '--dist', dir];
  if (at) args.push('--at', at);
  if (site) args.push('--site', site);
  execFileSync(WEGWEISER, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

export function published(dist, at, site) {
  const dir = copyOf(dist);
  publishInto(dir, at, site);
  return dir;
}

export function unpublished(dist, source = 'index.html') {
  const dir = copyOf(dist);
  const page = join(dir, 'index.html');
  const html = readFileSync(page, 'utf8');
  writeFileSync(page, html.replace(statePart(html), statePart(readFileSync(source, 'utf8'))));
  return dir;
}

export function htmlAlone(dist, at) {
  const dir = published(dist, at);
  const snapshot = join(dir, 'stand.html');
  if (!existsSync(snapshot)) throw new Error('wegweiser publish wrote no stand.html');
  writeFileSync(join(dir, 'index.html'), readFileSync(snapshot));
  return dir;
}
