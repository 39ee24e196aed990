// A message that takes too long to read is recorded as too-slow, left for organisers, never
// answered; the worker goes on with the next one.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { inboundMessages } from '../../src/db/schema.js';
import { exchange, expectSilence } from '../e2e/conversation.js';
import { mail, startHarnessWithWorker, type RunningHarness } from '../e2e/harness.js';
import { slowMessage } from '../fixtures/slow-mail.js';
import { inboxFlags } from './helpers.js';

let h: RunningHarness;
before(async () => {
  // One second: far below the tens of seconds the message needs, far above ordinary mail.
  h = await startHarnessWithWorker({ env: { MESSAGE_TIME_LIMIT_SECONDS: '1' } });
});
after(() => h?.stopAll());

it('records a message built to be slow as too-slow for organisers and answers the next one', async () => {
  const started = Date.now();
  await expectSilence(h, slowMessage().toString('latin1'));
  // Stopped while parsing: not even its sender is known, only its place in the mailbox.
  const rows = await h.query(({ db }) => db.select().from(inboundMessages));
  assert.equal(rows.length, 1);
  const row = rows[0];
  assert.equal(row?.outcome, 'too-slow');
  assert.match(row?.error ?? '', /took longer than 1 s \(MESSAGE_TIME_LIMIT_SECONDS\)/);
  assert.ok((await inboxFlags(h)).get(Number(row!.uid))?.has('DLoket-Attention'));
  const next = await exchange(h, mail({ from: 'snel@ede.example', subject: 'Aanmelding Arnhem', text: 'Graag meld ik mij aan voor Arnhem.' }));
  assert.deepEqual(next.envelope.to, ['snel@ede.example']);
  process.stdout.write(`# the slow message was set aside and the next one answered ${Date.now() - started} ms after delivery began\n`);
});
