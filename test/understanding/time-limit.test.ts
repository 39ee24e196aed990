// The time limit on reading a message: a message built to be slow stops at the deadline with a
// TimeLimitError; ordinary mail reads the same with or without a deadline.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseMail } from '../../src/understanding/parse.js';
import { deadlineIn, TimeLimitError } from '../../src/understanding/time-limit.js';
import { slowMessage } from '../fixtures/slow-mail.js';
import { eml } from './mail.js';

it('stops parsing a message built to be slow at the deadline', async () => {
  // Unbounded this takes tens of seconds; with 200 ms it must stop far sooner than that.
  await assert.rejects(parseMail(slowMessage(), { deadline: deadlineIn(200) }), TimeLimitError);
  await assert.rejects(parseMail(slowMessage(), { deadline: deadlineIn(-1) }), TimeLimitError, 'no time left at all');
});

it('reads ordinary mail the same with a deadline as without', async () => {
  const raw = eml({ subject: 'Aanmelding', text: 'Graag meld ik mij aan voor Arnhem.\n'.repeat(5000), attachments: [{ filename: 'a.pdf', contentType: 'application/pdf', content: 'x'.repeat(200_000) }] });
  assert.ok(raw.length > 64 * 1024, 'more than one chunk');
  const bounded = await parseMail(raw, { deadline: deadlineIn(60_000) });
  const plain = await parseMail(raw);
  assert.deepEqual({ ...bounded, headers: null }, { ...plain, headers: null });
  assert.deepEqual(bounded.headers, plain.headers);
});
