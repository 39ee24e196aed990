// The fixture messages (test/fixtures/mail: own texts in the layouts of real mail clients)
// must each get their label: intent, session, attendees and municipality.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { verdict } from './mail.js';

const dir = fileURLToPath(new URL('../fixtures/mail/', import.meta.url));
const labels = readFileSync(join(dir, 'expected.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l) as { file: string; intent: string; session: string | null; attendees?: number; municipality?: string | null });

test('every fixture message gets its label', async () => {
  const wrong: string[] = [];
  for (const l of labels) {
    const v = await verdict(readFileSync(join(dir, 'cases', l.file)));
    const got = { intent: v.intent, session: ['register', 'cancel'].includes(l.intent) ? v.session : l.session, attendees: 'attendees' in l ? v.attendees : undefined, municipality: 'municipality' in l ? v.municipality : undefined };
    const want = { intent: l.intent, session: l.session, attendees: l.attendees, municipality: l.municipality };
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${l.file}: got ${JSON.stringify(got)} (${v.reason}), want ${JSON.stringify(want)}`);
  }
  assert.deepEqual(wrong, []);
});
