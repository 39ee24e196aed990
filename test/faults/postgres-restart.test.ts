// PostgreSQL restarted under the worker (a private cluster, so the shared server stays up):
// the worker waits, resumes, records everything once and answers nobody twice.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { inboundMessages, outbox, registrations } from '../../src/db/schema.js';
import { createSmtpSender } from '../../src/replies/transport.js';
import { recordedCount } from '../e2e/conversation.js';
import { startHarness, type Harness } from '../e2e/harness.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { CITIES, deliverAll, inboxFlags, logCount, orShowLogs, signupFrom, waitFor } from './helpers.js';

describe('PostgreSQL restarted', () => {
  let server: PrivatePostgres;
  let h: Harness;
  before(async () => {
    server = await startPrivatePostgres();
    h = await startHarness({ env: { DATABASE_URL: server.url } });
  });
  after(async () => {
    await h?.close();
    await server?.destroy();
  });

  it('in the middle of a backlog (a crash): the worker waits, resumes, and answers each sender once', async () => {
    const worker = h.startWorker();
    await worker.ready();
    const n = 24;
    await deliverAll(h, Array.from({ length: n }, (_, i) => signupFrom(i, CITIES[i % CITIES.length]!)));
    await waitFor('the backlog to start', () => recordedCount(h) >= 4);
    await server.stop('immediate'); // in-flight transactions die with it
    await sleep(1500);
    await server.start();
    const back = Date.now();
    await orShowLogs(h, h.sink.waitFor(n, 60_000));
    const caughtUpMs = Date.now() - back;
    const resumedMs = Math.min(...h.logs.filter((l) => l.event === 'message.recorded' && Date.parse(String(l.time)) >= back)
      .map((l) => Date.parse(String(l.time)) - back));
    await sleep(1500); // room for a double answer to show up
    await worker.stop();

    assert.ok(logCount(h, 'imap.sync_failed') >= 1, 'the restart hit the worker while it worked');
    const to = h.sink.messages.map((m) => m.envelope.to.join(','));
    assert.equal(to.length, n, 'one answer per signup');
    assert.equal(new Set(to).size, n, 'nobody answered twice');
    assert.equal(new Set(h.sink.messages.map((m) => m.parsed.messageId)).size, n);
    await h.query(async ({ db }) => {
      const rows = await db.select({ uid: inboundMessages.uid, outcome: inboundMessages.outcome }).from(inboundMessages);
      assert.equal(rows.length, n, 'every message recorded once');
      assert.deepEqual([...new Set(rows.map((r) => r.outcome))], ['registered'], 'none set aside as an error');
      assert.equal((await db.select().from(registrations)).length, n);
      const replies = await db.select({ status: outbox.status }).from(outbox);
      assert.deepEqual(replies.map((r) => r.status), Array(n).fill('sent'));
      // The organisers' view: a message carries DLoket-Handled only if it is recorded.
      const recorded = new Set(rows.map((r) => r.uid));
      for (const [uid, flags] of await inboxFlags(h)) {
        if (flags.has('DLoket-Handled')) assert.ok(recorded.has(uid), `UID ${uid} is marked handled and recorded`);
      }
    });
    process.stdout.write(`# PostgreSQL back: first message recorded after ${resumedMs} ms, backlog done after ${caughtUpMs} ms\n`);
  });

  it('a reply SMTP accepted just before the database went down is recorded when it is back, and sent once', async () => {
    // The real SMTP sender to the sink; the database dies the moment the first reply is accepted.
    const smtp = createSmtpSender({ host: h.sink.host, port: h.sink.port, user: null, password: null, tls: false, rejectUnauthorized: true });
    let sends = 0;
    const sender = {
      async send(m: { from: string; to: string; raw: Buffer }) {
        const result = await smtp.send(m);
        if (sends++ === 0) await server.stop('immediate');
        return result;
      },
      close: () => smtp.close(),
    };
    const worker = h.startWorker({ sender });
    try {
      await worker.ready();
      const before = h.sink.messages.length;
      const deferred = logCount(h, 'reply.record_deferred');
      const written = logCount(h, 'reply.record_written');
      await deliverAll(h, [signupFrom(200, 'Assen')]);
      await orShowLogs(h, waitFor('the outcome held back', () => logCount(h, 'reply.record_deferred') > deferred));
      await sleep(1000);
      await server.start();
      await orShowLogs(h, waitFor('the outcome written', () => logCount(h, 'reply.record_written') > written));
      await sleep(2500); // more than one poll: a second send would show up now
      assert.equal(h.sink.messages.length, before + 1);
    } finally {
      await worker.stop();
    }
    assert.equal(sends, 1, 'sent once');
    const rows = await h.query(({ db }) => db.select({ status: outbox.status, to: outbox.toAddress }).from(outbox).where(eq(outbox.toAddress, 'p200@gemeente-4.nl')));
    assert.deepEqual(rows, [{ status: 'sent', to: 'p200@gemeente-4.nl' }]);
  });

  it('while idle (a clean restart): new mail afterwards is answered', async () => {
    const worker = h.startWorker();
    await worker.ready();
    await server.stop('fast');
    await sleep(500);
    await server.start();
    const before = h.sink.messages.length;
    await deliverAll(h, [signupFrom(100, 'Venlo')]);
    const all = await orShowLogs(h, h.sink.waitFor(before + 1, 60_000));
    assert.deepEqual(all.at(-1)!.envelope.to, ['p100@gemeente-2.nl']);
    assert.ok(logCount(h, 'worker.lock_regained') >= 1, 'the mailbox lock, lost with its session, was taken again');
    await worker.stop();
  });
});
