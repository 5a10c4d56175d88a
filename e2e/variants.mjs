// The built page in the forms the tests and the benchmark compare, each a copy of dist/
// in a temporary directory:
//   - published(at):  `wegweiser publish` run on it, the state at `at` written into
//                     index.html as a preview (what `make build` does with "now");
//   - unpublished():  index.html with the loading text of the source index.html in place
//                     of the published state, embed.html likewise with the source's
//                     widget body (a host that never ran `wegweiser publish`);
//   - htmlAlone(at):  the published page without its scripts and preloads (stand.html
//                     served as index.html; embed.html stripped the same way): the
//                     limit of what pre-rendering can reach.
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
  for (const [file, from] of [['index.html', source], ['embed.html', 'widget/embed-body.html']]) {
    const page = join(dir, file);
    if (!existsSync(page)) continue;
    const html = readFileSync(page, 'utf8');
    writeFileSync(page, html.replace(statePart(html), statePart(readFileSync(from, 'utf8'))));
  }
  return dir;
}

/** `html` without its scripts and the preloads only they need (all in their template). */
export function withoutScripts(html) {
  return html.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<template id="preloads">[\s\S]*?<\/template>/g, '');
}

export function htmlAlone(dist, at) {
  const dir = published(dist, at);
  const snapshot = join(dir, 'stand.html');
  if (!existsSync(snapshot)) throw new Error('wegweiser publish wrote no stand.html');
  writeFileSync(join(dir, 'index.html'), readFileSync(snapshot));
  const embed = join(dir, 'embed.html');
  if (existsSync(embed)) writeFileSync(embed, withoutScripts(readFileSync(embed, 'utf8')));
  return dir;
}
