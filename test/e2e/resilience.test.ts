// Faults: lost connections, a renumbered folder, SMTP refusals, unreadable and oversized mail,
// a second worker on the same mailbox, and a deliberate backfill.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { inboundMessages, outbox } from '../../src/db/schema.js';
import { exchange, expectSilence, recordedCount } from './conversation.js';
import { mail, startHarness, type Harness } from './harness.js';

const signup = (from: string, city: string, extra: Partial<Parameters<typeof mail>[0]> = {}) => mail({
  from, subject: `Aanmelding ${city}`, text: `Graag meld ik mij aan voor de ontwerpsessie in ${city}.\r\n\r\nMet vriendelijke groet,\r\nGemeente Ede`, ...extra,
});

describe('on a scripted IMAP server', () => {
  let h: Harness;
  after(() => h?.close());

  it('recovers from a dropped connection and answers new mail', async () => {
    h = await startHarness({ scripted: {} });
    const worker = h.startWorker();
    await worker.ready();
    h.scripted!.dropConnections();
    const reply = await exchange(h, signup('a@ede.nl', 'Arnhem'), 20_000);
    assert.match(reply.parsed.text ?? '', /aangemeld voor de ontwerpsessie in Arnhem/);
    assert.ok(h.logs.some((l) => l.event === 'imap.disconnected'));
    assert.ok(h.scripted!.connections >= 2);
    await worker.stop();
  });

  it('after a UIDVALIDITY change answers new mail and nothing twice', async () => {
    const worker = h.startWorker();
    await worker.ready();
    h.scripted!.setUidValidity(4242);
    h.scripted!.dropConnections(); // the next SELECT sees the new value
    const reply = await exchange(h, signup('b@ede.nl', 'Venlo'), 20_000);
    assert.match(reply.parsed.text ?? '', /Venlo/);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(h.sink.messages.length, 2, 'the first signup was not answered again');
    assert.ok(h.logs.some((l) => l.event === 'mailbox.uidvalidity_changed'));
    const rows = await h.query(({ db }) => db.select({ outcome: inboundMessages.outcome, uidValidity: inboundMessages.uidValidity }).from(inboundMessages));
    assert.deepEqual(rows.filter((r) => r.uidValidity === 4242).map((r) => r.outcome).sort(), ['duplicate', 'registered']);
    await worker.stop();
  });

  it('keeps going when keywords are refused (the database holds the truth)', async () => {
    h.scripted!.knobs.keywords = false;
    const worker = h.startWorker();
    await worker.ready();
    const reply = await exchange(h, signup('c@ede.nl', 'Breda'), 20_000);
    assert.match(reply.parsed.text ?? '', /Breda/);
    const uid = h.scripted!.folder().messages.at(-1)!;
    assert.ok(!uid.flags.has('DLoket-Handled'));
    assert.ok(!uid.flags.has('\\Seen'));
    await worker.stop();
  });
});

describe('on Dovecot', () => {
  let h: Harness;
  after(() => h?.close());

  it('retries a reply after a temporary SMTP refusal and gives up on a permanent one without resending', async () => {
    h = await startHarness({ env: { MAX_MESSAGE_BYTES: '20000' } });
    const worker = h.startWorker();
    await worker.ready();
    h.sink.failNext(1, 451, '4.3.0 try again later');
    const handled = recordedCount(h);
    await h.deliver(signup('t@ede.nl', 'Assen'));
    await h.waitForRecorded(handled + 1);
    await waitFor(() => h.logs.some((l) => l.event === 'reply.retry_scheduled'));
    assert.equal(h.sink.messages.length, 0);
    h.clock.now = new Date(h.clock.now.getTime() + 5 * 60_000); // past the retry time
    const [sent] = await h.sink.waitFor(1, 15_000);
    assert.match(sent!.parsed.text ?? '', /Assen/);

    h.sink.failNext(1, 550, '5.1.1 no such user');
    await h.deliver(signup('p@ede.nl', 'Utrecht'));
    await waitFor(() => h.logs.some((l) => l.event === 'reply.failed'));
    h.clock.now = new Date(h.clock.now.getTime() + 60 * 60_000);
    await new Promise((r) => setTimeout(r, 3000)); // more than one poll interval
    assert.equal(h.sink.messages.length, 1);
    const rows = await h.query(({ db }) => db.select({ to: outbox.toAddress, status: outbox.status, attempts: outbox.attempts }).from(outbox));
    assert.deepEqual(rows.map((r) => [r.to, r.status, r.attempts]), [['t@ede.nl', 'sent', 2], ['p@ede.nl', 'failed', 1]]);
    await worker.stop();
  });

  it('records unreadable and oversized mail for organisers and goes on with the next message', async () => {
    const worker = h.startWorker();
    await worker.ready();
    await expectSilence(h, randomBytes(3000).toString('latin1'));
    await expectSilence(h, signup('groot@ede.nl', 'Arnhem', { text: `Graag aanmelden voor Arnhem.\r\n${'x'.repeat(30_000)}` }));
    const next = await exchange(h, signup('daarna@ede.nl', 'Arnhem'));
    assert.match(next.parsed.text ?? '', /Arnhem/);
    const rows = await h.query(({ db }) => db.select({ outcome: inboundMessages.outcome, from: inboundMessages.fromAddress }).from(inboundMessages));
    assert.ok(rows.some((r) => r.outcome === 'oversized'));
    assert.ok(rows.length >= 5, 'every message is recorded');
    await worker.stop();
  });

  it('holds replies when they are switched off, and acknowledges questions when asked to', async () => {
    const quiet = h.startWorker({ env: { REPLIES_ENABLED: 'false' } });
    await quiet.ready();
    await expectSilence(h, signup('stil@ede.nl', 'Breda'));
    await quiet.stop();
    const held = await h.query(({ db }) => db.select({ status: outbox.status }).from(outbox).where(eq(outbox.toAddress, 'stil@ede.nl')));
    assert.deepEqual(held, [{ status: 'held' }]);

    const polite = h.startWorker({ env: { ACKNOWLEDGE_QUESTIONS: 'true' } });
    await polite.ready();
    const ack = await exchange(h, mail({
      from: 'vraag@ede.nl', subject: 'Vraag over de ontwerpsessie', text: 'Is er bij de sessie in Venlo ook een lunch? En mag ik een collega van de provincie meenemen?',
    }));
    assert.match(ack.parsed.text ?? '', /ontvangen/);
    await polite.stop();
  });

  it('lets only one of two workers on the same mailbox answer', async () => {
    const one = h.startWorker();
    await one.ready();
    const two = h.startWorker();
    await waitFor(() => h.logs.some((l) => l.event === 'worker.waiting_for_lock'));
    const before = h.sink.messages.length;
    await exchange(h, signup('twee@ede.nl', 'Venlo'));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(h.sink.messages.length, before + 1);
    await one.stop();
    await two.stop();
  });

  it('backfills older mail on request (--since), answering only what it never saw', async () => {
    // A fresh mailbox with mail from before the first start.
    await h.close();
    h = await startHarness();
    const old = await h.deliver(signup('vroeg@ede.nl', 'Haarlem'));
    const first = h.startWorker();
    await first.ready();
    await first.stop();
    assert.equal(h.sink.messages.length, 0, 'history is left alone by default');
    const backfill = h.startWorker({ since: new Date('2018-05-01') });
    const [reply] = await h.sink.waitFor(1, 15_000);
    assert.deepEqual(reply!.envelope.to, ['vroeg@ede.nl']);
    await backfill.stop();
    const again = h.startWorker({ since: new Date('2018-05-01') });
    await again.ready();
    await new Promise((r) => setTimeout(r, 500));
    await again.stop();
    assert.equal(h.sink.messages.length, 1);
    const rows = await h.query(({ db }) => db.select().from(inboundMessages).where(eq(inboundMessages.uid, old.uid)));
    assert.equal(rows.length, 1);
  });
});

async function waitFor(cond: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
