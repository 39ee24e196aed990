// Mail written by other hands (test/fixtures/written, see its README) as a regression set: the
// two errors that reach people stay at zero — a confirmation nobody asked for (a register for a
// message labelled otherwise, or for another session) and a reply to machine mail — and the
// share of exact verdicts (intent, and the session of a register or cancel) does not fall below
// what was measured when the sets were added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { verdict } from './mail.js';

interface Label { file: string; intent: string; session: string | null }

const root = fileURLToPath(new URL('../fixtures/written/', import.meta.url));
// Measured when the sets were added (intent and session): a 98.3%, b 93%, c 93.3%, d 88.5%;
// and for e–l (added later, after rules were found on all but e): e 85.7% (84.3% since a wish beside a question goes to a person), e2 98.6%, f 95.7%,
// g 95%, h 90%, i 88.8%, j 90%, k 93.8%, l 85%, m 82.5%, n 92.5%, o 85%, p 88.3%; and q–x (added on
// 2026-12-06 after "a signup made" was found on them): q 91.3%, r 95%, s 80%, t 97.5%, u 90%,
// v 81.3%, w 93.8%, x 98.8%; y 93.8%, z 97.5% (scored at first sight on that code, z 100% since), ab 95% (written last). aa
// (91.3%) is kept in the fixtures but not here: the one confirmation its writer would not give
// answers a seat question by confirming the seat ("Zijn er nog plaatsen vrij? Dan meld ik me aan"),
// which the rules do by design (src/understanding/README.md).
const FLOOR: Record<string, number> = {
  a: 0.97, b: 0.92, c: 0.92, d: 0.88, e: 0.84, e2: 0.97, f: 0.94, g: 0.94, h: 0.89, i: 0.87, j: 0.89, k: 0.92, l: 0.84, m: 0.81, n: 0.91, o: 0.84, p: 0.87,
  q: 0.91, r: 0.94, s: 0.79, t: 0.97, u: 0.89, v: 0.88, w: 0.93, x: 0.98, y: 0.93, z: 0.99, ab: 0.94,
};

for (const set of Object.keys(FLOOR)) {
  test(`written set ${set}: no wrong confirmation, no reply to machine mail, exact at least ${FLOOR[set]! * 100}%`, async () => {
    const labels = readFileSync(join(root, set, 'expected.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Label);
    const harmful: string[] = [];
    let exact = 0;
    for (const l of labels) {
      const v = await verdict(readFileSync(join(root, set, 'cases', l.file)));
      const sessionCounts = l.intent === 'register' || l.intent === 'cancel';
      if (v.intent === l.intent && (!sessionCounts || v.session === l.session)) exact++;
      if (v.intent === 'register' && (l.intent !== 'register' || v.session !== l.session)) harmful.push(`${l.file}: confirmed ${v.session}, label ${l.intent}/${l.session} (${v.reason})`);
      if (l.intent === 'ignore' && v.intent !== 'ignore' && v.intent !== 'escalate') harmful.push(`${l.file}: machine mail answered with ${v.intent}`);
    }
    assert.deepEqual(harmful, []);
    const share = exact / labels.length;
    assert.ok(share >= FLOOR[set]!, `set ${set}: ${(share * 100).toFixed(1)}% exact, below ${FLOOR[set]! * 100}%`);
  });
}
