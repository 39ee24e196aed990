#!/usr/bin/env node
// Compares two builds' verdicts on every labelled message, so that a rule change shows what it
// fixes and what it breaks before it lands:
//   node scripts/verdict-diff.mjs <old-dist> <new-dist> [set-dir ...]
// A set dir holds cases/*.eml and expected.jsonl. Without set dirs: the development corpus, the
// mail fixtures and every written set. Prints FIXED / BROKE / CHANGED (intent or session) per
// message and a count per kind; exits 1 when anything BROKE.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const [oldDist, newDist, ...given] = process.argv.slice(2);
if (!oldDist || !newDist) {
  console.error('usage: verdict-diff.mjs <old-dist> <new-dist> [set-dir ...]');
  process.exit(2);
}
const written = join(root, 'test/fixtures/written');
const sets = given.length > 0 ? given : [
  join(root, '../shared/corpus/dev'),
  join(root, 'test/fixtures/mail'),
  ...readdirSync(written).filter((d) => existsSync(join(written, d, 'expected.jsonl'))).sort().map((d) => join(written, d)),
];

/** One verdict per file name: `intent/session` (session only where it is scored). */
async function verdicts(dist, files) {
  const out = new Map();
  for (let i = 0; i < files.length; i += 400) {
    const chunk = files.slice(i, i + 400);
    const { stdout } = await promisify(execFile)('node', [join(dist, 'cli/main.js'), 'classify', ...chunk], { maxBuffer: 1 << 28 });
    for (const line of stdout.split('\n').filter(Boolean)) {
      const v = JSON.parse(line);
      out.set(v.file, v);
    }
  }
  return out;
}
const show = (v) => (v.intent === 'register' || v.intent === 'cancel' ? `${v.intent}/${v.session ?? '-'}` : v.intent);
const right = (v, e) => v.intent === e.intent && (!(e.intent === 'register' || e.intent === 'cancel') || (v.session ?? null) === (e.session ?? null));

const counts = { FIXED: 0, BROKE: 0, CHANGED: 0, same: 0 };
for (const set of sets) {
  const expected = readFileSync(join(set, 'expected.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const files = expected.map((e) => join(set, 'cases', e.file));
  const [a, b] = await Promise.all([verdicts(resolve(oldDist), files), verdicts(resolve(newDist), files)]);
  expected.forEach((e, i) => {
    const va = a.get(files[i]);
    const vb = b.get(files[i]);
    if (!va || !vb) throw new Error(`no verdict for ${files[i]}`);
    if (show(va) === show(vb)) { counts.same++; return; }
    const kind = right(vb, e) && !right(va, e) ? 'FIXED' : right(va, e) && !right(vb, e) ? 'BROKE' : 'CHANGED';
    counts[kind]++;
    console.log(`${kind.padEnd(7)} ${set.split('/').slice(-1)[0]}/${e.file}: ${show(va)} -> ${show(vb)} (label ${show(e)})`);
  });
}
console.log(JSON.stringify(counts));
process.exit(counts.BROKE > 0 ? 1 : 0);
