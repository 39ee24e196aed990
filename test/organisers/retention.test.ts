// Retention (AVG) end to end: `purge` and RETENTION_DAYS remove names, addresses, message texts
// and reply bodies of ended sessions, column by column; counts per session and municipality
// stay, and so does what keeps the bot from answering a message twice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { countsByMunicipality } from '../../src/db/retention.js';
import { inboundMessages, outbox, registrations, sessions } from '../../src/db/schema.js';
import { listSessionsWithSeats } from '../../src/db/sessions.js';
import { answer, exchange, expectSilence } from '../e2e/conversation.js';
import { mail, startHarness, type Harness, type Worker } from '../e2e/harness.js';
import { ok } from './cli.js';

const signoff = (name: string, gemeente: string) => `\r\n\r\nMet vriendelijke groet,\r\n${name}\r\nGemeente ${gemeente}`;

type Row = Record<string, unknown>;
const pick = (row: Row, columns: string[]) => Object.fromEntries(columns.map((c) => [c, row[c]]));
const byId = (rows: Row[]) => new Map(rows.map((r) => [r.id as number, r]));

async function everything({ db }: Database) {
  return {
    registrations: await db.select().from(registrations).orderBy(asc(registrations.id)) as Row[],
    inbound: await db.select().from(inboundMessages).orderBy(asc(inboundMessages.id)) as Row[],
    outbox: await db.select().from(outbox).orderBy(asc(outbox.id)) as Row[],
    counts: await countsByMunicipality(db),
    seats: await listSessionsWithSeats(db),
  };
}

describe('retention', () => {
  let h: Harness;
  let worker: Worker;
  let env: Record<string, string>;
  let signup: string;
  before(async () => {
    h = await startHarness({ env: { DIGEST_TO: 'organisator@vng.nl' } });
    env = { ...h.env, LOG_LEVEL: 'warn', DLOKET_NOW: '2018-06-20T10:00:00Z' };
    worker = h.startWorker({ scheduleIntervalMs: 100 });
    await worker.ready();
    // The day's digest (12:00, after DIGEST_AT) goes out first: the answers below are counted after it.
    await h.sink.waitFor(1, 15_000);
    signup = mail({ from: 'a.devries@zeist.nl', name: 'Anna de Vries', subject: 'Aanmelding Utrecht', text: `Ik meld mij aan voor Utrecht op 14 juni.${signoff('Anna de Vries', 'Zeist')}` });
    await exchange(h, signup);
    await exchange(h, mail({ from: 'b.jansen@zeist.nl', name: 'Bert Jansen', subject: 'Utrecht', text: `Wij komen met twee personen naar Utrecht.${signoff('Bert Jansen', 'Zeist')}` }));
    const c = await exchange(h, mail({ from: 'c.smit@lopik.nl', name: 'Carla Smit', subject: 'Utrecht', text: `Graag aanmelden voor Utrecht, 14 juni.${signoff('Carla Smit', 'Lopik')}` }));
    await exchange(h, answer(c, 'c.smit@lopik.nl', 'Ik meld mij toch af.'));
    await exchange(h, mail({ from: 'd.bos@haarlem.nl', name: 'Dirk Bos', subject: 'Haarlem', text: `Ik meld mij aan voor Haarlem op 21 juni.${signoff('Dirk Bos', 'Haarlem')}` }));
    await expectSilence(h, mail({ from: 'e.kok@texel.nl', subject: 'Vraag', text: `Is de zaal in Assen rolstoeltoegankelijk? En kan ik daar parkeren?${signoff('Eva Kok', 'Texel')}` }));
    await worker.stop();
  });
  after(() => h.close());

  it('says what would go with --dry-run and changes nothing', async () => {
    const before = await h.query(everything);
    const r = await ok(['purge', '--ended-before', '2018-06-15', '--dry-run'], env);
    assert.match(r.stdout, /^ {2}utrecht {6}2018-06-14 {2}would remove names and addresses of 3 registrations \(4 people\), 4 messages, 4 replies$/m);
    assert.match(r.stdout, /mail tied to no session, from before then: would remove 1 messages, 1 replies/);
    assert.match(r.stdout, /^dry run: nothing was changed$/m);
    assert.deepEqual(await h.query(everything), before);
  });

  it('removes the personal data of ended sessions column by column, keeping counts and the keys against a second answer', async () => {
    const before = await h.query(everything);
    await ok(['purge', '--ended-before', '2018-06-15'], env);
    const after = await h.query(everything);
    const utrecht = (await h.query(({ db }) => db.select().from(sessions).where(eq(sessions.slug, 'utrecht'))))[0]!.id;

    const regsBefore = byId(before.registrations);
    const purgedRegs = after.registrations.filter((r) => r.sessionId === utrecht);
    assert.equal(purgedRegs.length, 3);
    for (const r of purgedRegs) {
      const was = regsBefore.get(r.id as number)!;
      assert.deepEqual(pick(r, ['email', 'name', 'names', 'attention']), { email: `purged:${String(r.id)}`, name: null, names: [], attention: null });
      assert.ok(r.purgedAt instanceof Date);
      const kept = ['id', 'sessionId', 'series', 'municipality', 'attendees', 'language', 'status', 'waitlistedAt', 'calendarUid',
        'calendarSequence', 'calendarResponse', 'createdAt', 'cancelledAt', 'remindedAt'];
      assert.deepEqual(pick(r, kept), pick(was, kept));
    }
    for (const r of after.registrations.filter((x) => x.sessionId !== utrecht)) assert.deepEqual(r, regsBefore.get(r.id as number), 'other sessions untouched');

    const purgedRegIds = purgedRegs.map((r) => r.id);
    const inboundBefore = byId(before.inbound);
    const purgedInbound = after.inbound.filter((m) => m.purgedAt !== null);
    // Anna's, Bert's, Carla's two, and the unanswered question from before the cutoff.
    assert.equal(purgedInbound.length, 5);
    assert.ok(purgedInbound.some((m) => m.registrationId === null && m.outcome === 'escalated'));
    for (const m of purgedInbound) {
      assert.deepEqual(pick(m, ['fromAddress', 'fromName', 'subject', 'sentAt', 'receivedAt', 'size', 'reason', 'understanding', 'error', 'newText', 'resolvedBy']),
        { fromAddress: null, fromName: null, subject: null, sentAt: null, receivedAt: null, size: null, reason: null, understanding: null, error: null, newText: null, resolvedBy: null });
      const kept = ['id', 'mailbox', 'uidValidity', 'uid', 'messageId', 'intent', 'sessionSlug', 'outcome', 'registrationId', 'processedAt', 'leftForPeople', 'resolvedAt'];
      assert.deepEqual(pick(m, kept), pick(inboundBefore.get(m.id as number)!, kept));
      assert.ok(m.messageId, 'the Message-ID stays');
    }
    const dirk = after.inbound.find((m) => !purgedInbound.includes(m) && m.fromAddress === 'd.bos@haarlem.nl');
    assert.deepEqual(dirk, inboundBefore.get(dirk!.id as number));

    const outboxBefore = byId(before.outbox);
    const purgedReplies = after.outbox.filter((r) => r.purgedAt !== null);
    // Four replies about Utrecht and the digest with its attendee list.
    assert.deepEqual(purgedReplies.map((r) => r.kind).sort(), ['cancelled', 'confirmed', 'confirmed', 'confirmed', 'digest']);
    for (const r of purgedReplies) {
      assert.deepEqual(pick(r, ['toAddress', 'subject', 'raw', 'inReplyTo', 'thread', 'lastError', 'smtpResponse']),
        { toAddress: '', subject: '', raw: '', inReplyTo: null, thread: null, lastError: null, smtpResponse: null });
      const kept = ['id', 'inboundId', 'registrationId', 'kind', 'fromAddress', 'messageId', 'status', 'attempts', 'createdAt', 'sentAt', 'copiedToSent'];
      assert.deepEqual(pick(r, kept), pick(outboxBefore.get(r.id as number)!, kept));
    }
    assert.ok(purgedReplies.filter((r) => r.kind !== 'digest').every((r) => purgedRegIds.includes(r.registrationId)));
    for (const r of after.outbox.filter((x) => x.purgedAt === null)) assert.deepEqual(r, outboxBefore.get(r.id as number));

    assert.deepEqual(after.counts, before.counts, 'registrations and people per session and municipality');
    assert.deepEqual(after.seats, before.seats);
    assert.deepEqual(after.counts.filter((c) => c.session === 'utrecht'),
      [{ session: 'utrecht', municipality: 'Lopik', status: 'cancelled', registrations: 1, people: 1 },
        { session: 'utrecht', municipality: 'Zeist', status: 'confirmed', registrations: 2, people: 3 }]);
  });

  it('still recognises a purged message: the same mail again is not answered twice', async () => {
    worker = h.startWorker({ scheduleIntervalMs: 100 });
    await worker.ready();
    await expectSilence(h, signup);
    const rows = await h.query(({ db }) => db.select().from(inboundMessages).orderBy(asc(inboundMessages.id)));
    assert.equal(rows.at(-1)?.outcome, 'duplicate');
    await worker.stop();
  });

  it('purges by itself RETENTION_DAYS after a session ended', async () => {
    h.clock.now = new Date('2018-07-25T10:00:00Z'); // Haarlem (21 June) and Arnhem (22 June) ended more than 30 days ago
    const logged = h.logs.length;
    worker = h.startWorker({ scheduleIntervalMs: 100, env: { RETENTION_DAYS: '30' } });
    await worker.ready();
    for (let i = 0; i < 100 && !h.logs.slice(logged).some((l) => l.event === 'retention.purged'); i++) await new Promise((r) => setTimeout(r, 100));
    const event = h.logs.slice(logged).find((l) => l.event === 'retention.purged');
    assert.deepEqual(event?.sessions, ['utrecht', 'haarlem', 'arnhem']);
    assert.equal(JSON.stringify(event).includes('d.bos'), false, 'no address in the log');
    await worker.stop();
    const dirk = await h.query(({ db }) => db.select().from(registrations).where(inArray(registrations.municipality, ['Haarlem'])));
    assert.deepEqual(dirk.map((r) => [r.name, r.email.startsWith('purged:'), r.status]), [[null, true, 'confirmed']]);
  });
});
