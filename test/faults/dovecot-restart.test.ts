// Dovecot restarted under the worker, on the same port and maildirs: it reconnects with
// backoff and handles what arrived meanwhile soon after the server is back, once.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { inboundMessages } from '../../src/db/schema.js';
import { recordedCount } from '../e2e/conversation.js';
import { startHarness, type Harness } from '../e2e/harness.js';
import { CITIES, deliverAll, inboxFlags, logCount, orShowLogs, signupFrom, waitFor } from './helpers.js';

describe('Dovecot restarted', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h?.close());

  it('while the worker idles: it reconnects with backoff and answers what arrived while the server was down', async () => {
    const worker = h.startWorker();
    await worker.ready();
    await h.dovecot.halt!();
    await waitFor('the worker to notice', () => logCount(h, 'imap.disconnected') >= 1);
    // Mail keeps arriving at the MTA while IMAP is down.
    for (const i of [1, 2, 3]) await h.dovecot.deliverToMaildir!(h.box.user, signupFrom(i, CITIES[i]!, 'idle'));
    await waitFor('a failed reconnect', () => logCount(h, 'imap.connect_failed') >= 1);
    await h.dovecot.resume!();
    const back = Date.now();
    const replies = await orShowLogs(h, h.sink.waitFor(3, 60_000));
    const answeredMs = Date.now() - back;
    await sleep(1000);
    await worker.stop();

    assert.deepEqual(replies.map((r) => r.envelope.to[0]).sort(), ['idle1@gemeente-1.nl', 'idle2@gemeente-2.nl', 'idle3@gemeente-3.nl']);
    assert.equal(h.sink.messages.length, 3, 'nothing answered twice');
    const delays = h.logs.filter((l) => l.event === 'imap.reconnect_scheduled').map((l) => Number(l.delayMs));
    assert.ok(delays.length >= 2, 'it tried again after the failed reconnect');
    assert.ok(delays[1]! > delays[0]! - 1000, 'the delays grow (up to jitter)');
    process.stdout.write(`# idle: reconnect delays ${delays.join(', ')} ms; 3 replies ${answeredMs} ms after Dovecot was back\n`);
  });

  it('while the worker fetches a backlog (killed): every message is answered once and none is set aside', async () => {
    const worker = h.startWorker();
    await worker.ready();
    const sentBefore = h.sink.messages.length;
    const recordedBefore = recordedCount(h);
    const n = 16;
    await deliverAll(h, Array.from({ length: n }, (_, i) => signupFrom(i, CITIES[i % CITIES.length]!, 'busy')));
    await waitFor('the backlog to start', () => recordedCount(h) >= recordedBefore + 3);
    const disconnectsBefore = logCount(h, 'imap.disconnected');
    await h.dovecot.halt!({ hard: true });
    await sleep(1000);
    await h.dovecot.resume!();
    const back = Date.now();
    await orShowLogs(h, h.sink.waitFor(sentBefore + n, 90_000));
    const caughtUpMs = Date.now() - back;
    await sleep(1500);
    await worker.stop();

    assert.ok(logCount(h, 'imap.disconnected') > disconnectsBefore, 'the kill cut the worker off mid-backlog');
    const to = h.sink.messages.slice(sentBefore).map((m) => m.envelope.to[0]);
    assert.equal(to.length, n);
    assert.equal(new Set(to).size, n, 'nobody answered twice');
    await h.query(async ({ db }) => {
      const rows = await db.select({ uid: inboundMessages.uid, outcome: inboundMessages.outcome, from: inboundMessages.fromAddress }).from(inboundMessages);
      const busy = rows.filter((r) => r.from?.startsWith('busy'));
      assert.equal(busy.length, n, 'each message recorded once');
      assert.deepEqual([...new Set(busy.map((r) => r.outcome))], ['registered'], 'none set aside as an error');
      const recorded = new Set(rows.map((r) => r.uid));
      for (const [uid, flags] of await inboxFlags(h)) {
        if (flags.has('DLoket-Handled')) assert.ok(recorded.has(uid), `UID ${uid} is marked handled and recorded`);
        assert.ok(!flags.has('\\Seen'), 'still unread for organisers');
      }
    });
    process.stdout.write(`# fetching: backlog of ${n} done ${caughtUpMs} ms after Dovecot was back\n`);
  });
});
