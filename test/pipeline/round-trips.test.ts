// What the message's transaction no longer reads again (issue 10): the state it computes must be
// the state the database holds, and a message above the cursor is still recorded only once.
import assert from 'node:assert/strict';
import { Socket } from 'node:net';
import { after, before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { openDatabase, type Database, type Db } from '../../src/db/client.js';
import { changesOfInbound } from '../../src/db/change-log.js';
import { getCursor, resetCursor } from '../../src/db/mailbox-state.js';
import { createRegistration } from '../../src/db/registrations.js';
import * as schema from '../../src/db/schema.js';
import { inboundMessages, outbox, registrations } from '../../src/db/schema.js';
import { loadSeriesState } from '../../src/db/sessions.js';
import { withCreated } from '../../src/pipeline/apply-decision.js';
import { deliverDue } from '../../src/pipeline/deliver.js';
import { handleMessage } from '../../src/pipeline/handle-message.js';
import { createSendLane } from '../../src/pipeline/send-lane.js';
import { createTestDatabase, databaseForTests, type TestDatabase } from '../support/postgres.js';
import { inbox, pipelineDeps, signup, withCapacity } from './deps.js';

const pg = databaseForTests();
// A database of its own, through a Drizzle that logs every statement it sends.
let testDb: TestDatabase;
before(async () => {
  testDb = await createTestDatabase();
});
after(() => testDb?.drop());

it('adds a new registration to the state read before exactly as the database counts it', async () => {
  const now = new Date('2018-06-01T10:00:00Z');
  const deps = await pipelineDeps(pg.database, withCapacity({ arnhem: 3 }), now);
  const series = deps.catalogue.series;
  for (const [i, status] of (['confirmed', 'confirmed', 'waitlisted', 'waitlisted'] as const).entries()) {
    await pg.database.db.transaction(async (tx) => {
      const before = await loadSeriesState(tx, series);
      const arnhem = before.find((s) => s.slug === 'arnhem')!;
      const row = await createRegistration(tx, {
        sessionId: arnhem.id, series, email: `r${i}@rheden.nl`, name: `R ${i}`, municipality: 'Rheden', attendees: 1 + (i % 2),
        names: [], language: 'nl', status, calendarUid: `uid-${i}@test`, now,
      });
      assert.deepEqual(withCreated(before, row), await loadSeriesState(tx, series));
    });
  }
});

it('records a message said to be above the cursor once, however often it is handled', async () => {
  const deps = await pipelineDeps(pg.database, withCapacity({}), new Date('2018-06-01T10:00:00Z'));
  await resetCursor(pg.database.db, inbox.path, Number(inbox.uidValidity), 499, new Date());
  const msg = {
    uid: 500, size: 300, internalDate: null, truncated: false, aboveCursor: true,
    source: signup('boven@zeist.nl', 'Graag aanmelden voor Utrecht, 14 juni.'),
  };
  const first = await handleMessage(deps, inbox, msg);
  const again = await handleMessage(deps, inbox, msg); // wrongly still "above": the unique key holds
  assert.equal(first.outboxIds.length, 1);
  assert.equal(again.outcome, 'already-recorded');
  assert.deepEqual(again.outboxIds, []);
  assert.equal((await pg.database.db.select().from(inboundMessages)).filter((r) => r.uid === 500).length, 1);
  assert.equal((await getCursor(pg.database.db, inbox.path))?.lastUid, 500); // moved with the record
});

it('writes a new registration, its change-log row and the message\'s link to it in one statement, as three did', async () => {
  const deps = await pipelineDeps(pg.database, withCapacity({}), new Date('2018-06-01T10:00:00Z'));
  const source = signup('nieuw@epe.nl', 'Graag aanmelden voor Arnhem, 22 juni, met z\'n tweeën.');
  const handled = await handleMessage(deps, inbox, { uid: 700, size: source.length, internalDate: null, truncated: false, source });
  assert.equal(handled.outcome, 'registered');
  const [registration] = await pg.database.db.select().from(registrations).where(eq(registrations.email, 'nieuw@epe.nl'));
  const [inbound] = await pg.database.db.select().from(inboundMessages).where(eq(inboundMessages.uid, 700));
  assert.equal(inbound?.registrationId, registration!.id);
  const changes = await changesOfInbound(pg.database.db, inbound!.id);
  assert.deepEqual(changes.map((c) => [c.action, c.registrationId, c.session, c.origin, c.detail]),
    [['registered', registration!.id, 'arnhem', 'mail', { session: 'arnhem', attendees: registration!.attendees }]]);
  assert.equal(changes[0]!.at.toISOString(), '2018-06-01T10:00:00.000Z');
});

it('decides and records a signup in three statements besides BEGIN and COMMIT, and sends its reply in one', async () => {
  const statements: string[] = [];
  const sql = postgres(testDb.url, { max: 2, onnotice: () => {} });
  const db = drizzle(sql, { schema, logger: { logQuery: (query) => statements.push(query) } }) as unknown as Db;
  const opened = await openDatabase({ url: testDb.url, dataDir: '' });
  try {
    const counted: Database = { ...opened, db };
    const deps = await pipelineDeps(counted, withCapacity({}), new Date('2018-06-01T10:00:00Z'));
    const sent: string[] = [];
    deps.sender = { send: async (m) => { sent.push(m.to); return { response: '250 ok' }; } };
    await resetCursor(db, inbox.path, Number(inbox.uidValidity), 799, new Date());
    const source = signup('geteld@epe.nl', 'Graag aanmelden voor Arnhem, 22 juni.');
    statements.length = 0;
    // As the worker's sync does: the reply written claimed for its send lane.
    const handled = await handleMessage(deps, inbox, {
      uid: 800, size: source.length, internalDate: null, truncated: false, source, aboveCursor: true,
    }, { claim: true });
    assert.equal(handled.outcome, 'registered');
    // the series lock; the decision's inputs; the record (with the cursor), the registration
    // (with its change-log row and the link) and the reply, written claimed, in one
    assert.equal(statements.length, 3, statements.join('\n'));
    assert.deepEqual(handled.claimed?.map((r) => [r.id, r.toAddress, r.attempts]), [[handled.outboxIds[0], 'geteld@epe.nl', 1]]);
    const [claimed] = await db.select().from(outbox).where(eq(outbox.id, handled.outboxIds[0]!));
    assert.deepEqual([claimed?.status, claimed?.attempts], ['sending', 1]);
    assert.equal(claimed?.raw, handled.claimed?.[0]?.raw); // the lane sends what is stored
    statements.length = 0;
    const lane = createSendLane(deps);
    lane.push(handled.outboxIds, null, () => {}, handled.claimed);
    await lane.settle();
    assert.deepEqual(sent, ['geteld@epe.nl']);
    assert.equal(statements.length, 1, statements.join('\n')); // the sent mark; no claim
    const [after] = await db.select().from(outbox).where(eq(outbox.id, handled.outboxIds[0]!));
    assert.equal(after?.status, 'sent');
    // Without a lane of its own (a command, a test): written pending, then claimed and marked sent.
    const other = signup('los@epe.nl', 'Graag aanmelden voor Arnhem, 22 juni.');
    const pending = await handleMessage(deps, inbox, { uid: 801, size: other.length, internalDate: null, truncated: false, source: other, aboveCursor: true });
    assert.equal(pending.claimed, undefined);
    statements.length = 0;
    await deliverDue(deps, null, pending.outboxIds);
    assert.deepEqual(sent, ['geteld@epe.nl', 'los@epe.nl']);
    assert.equal(statements.length, 2, statements.join('\n')); // the claim, the sent mark

    // On the wire: BEGIN goes out with the lock and the decision's inputs (db/transaction.ts), so
    // deciding and recording a signup is three writes to the server (and three round trips):
    // BEGIN, lock and inputs; the record with its registration and reply; COMMIT.
    const writes = countWrites(Number(new URL(testDb.url).port || 5432));
    try {
      const third = signup('draad@epe.nl', 'Graag aanmelden voor Arnhem, 22 juni.');
      const done = await handleMessage(deps, inbox, {
        uid: 802, size: third.length, internalDate: null, truncated: false, source: third, aboveCursor: true,
      }, { claim: true });
      assert.equal(done.outcome, 'registered');
      assert.equal(writes.count, 3);
    } finally {
      writes.stop();
    }
  } finally {
    await sql.end({ timeout: 1 });
    await opened.close();
  }
});

/** Counts the writes to sockets connected to `port` until stop(). */
function countWrites(port: number): { count: number; stop(): void } {
  const original = Socket.prototype.write;
  const counter = { count: 0, stop: () => { Socket.prototype.write = original; } };
  Socket.prototype.write = function (this: Socket, ...args: unknown[]) {
    if (this.remotePort === port) counter.count++;
    return (original as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof original;
  return counter;
}
