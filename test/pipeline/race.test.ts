// Signups racing for the last seats, as concurrent transactions on the real PostgreSQL server:
// the advisory lock per series makes exactly `capacity` of them win.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { it } from 'node:test';
import { createRegistration, lockSeries } from '../../src/db/registrations.js';
import { loadSeriesState } from '../../src/db/sessions.js';
import { registrations } from '../../src/db/schema.js';
import { handleMessage } from '../../src/pipeline/handle-message.js';
import { databaseForTests } from '../support/postgres.js';
import { inbox, pipelineDeps, signup, withCapacity } from './deps.js';

const pg = databaseForTests();

it('gives the last seats to exactly as many people as fit; the others are waitlisted', async () => {
  const deps = await pipelineDeps(pg.database, withCapacity({ arnhem: 3 }), new Date('2018-06-01T10:00:00Z'));
  const people = Array.from({ length: 8 }, (_, i) => `raadslid${i}@rheden.nl`);
  const results = await Promise.all(people.map((from, i) => handleMessage(deps, inbox, {
    uid: 100 + i, size: 300, internalDate: null, truncated: false,
    source: signup(from, 'Graag meld ik mij aan voor de sessie in Arnhem op 22 juni.'),
  })));
  const outcomes = results.map((r) => r.outcome).sort();
  assert.deepEqual(outcomes, ['registered', 'registered', 'registered', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted']);
  const rows = await pg.database.db.select().from(registrations);
  assert.equal(rows.filter((r) => r.status === 'confirmed').reduce((n, r) => n + r.attendees, 0), 3);
  // Queue order is the order the transactions committed in, so it is strictly increasing.
  const queue = rows.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistedAt!.getTime());
  assert.equal(queue.length, 5);
});

it('handles the same message delivered twice at once only once', async () => {
  const deps = await pipelineDeps(pg.database, withCapacity({}), new Date('2018-06-01T10:00:00Z'));
  const raw = signup('dubbel@zeist.nl', 'Graag aanmelden voor Utrecht, 14 juni.');
  const [a, b] = await Promise.all([
    handleMessage(deps, inbox, { uid: 500, size: raw.length, internalDate: null, truncated: false, source: raw }),
    handleMessage(deps, inbox, { uid: 500, size: raw.length, internalDate: null, truncated: false, source: raw }),
  ]);
  assert.deepEqual([a.outcome, b.outcome].filter((o) => o === 'registered'), ['registered']);
  assert.equal([...a.outboxIds, ...b.outboxIds].length, 1);
});

it('answers two copies of one message (same Message-ID, different UIDs) once', async () => {
  const deps = await pipelineDeps(pg.database, withCapacity({}), new Date('2018-06-01T10:00:00Z'));
  const raw = signup('kopie@houten.nl', 'Graag aanmelden voor Breda op 3 juli.');
  const results = await Promise.all([600, 601, 602].map((uid) =>
    handleMessage(deps, inbox, { uid, size: raw.length, internalDate: null, truncated: false, source: raw })));
  assert.deepEqual(results.map((r) => r.outcome).sort(), ['duplicate', 'duplicate', 'registered']);
  assert.equal(results.flatMap((r) => r.outboxIds).length, 1);
});

it('reads, once it holds the series lock, what the transaction that held it before committed', async () => {
  const now = new Date('2018-06-01T10:00:00Z');
  const deps = await pipelineDeps(pg.database, withCapacity({ venlo: 1 }), now);
  const series = deps.catalogue.series;
  let taken!: () => void;
  const lockTaken = new Promise<void>((resolve) => (taken = resolve));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // An organiser's change, say, holds the lock and takes Venlo's only seat.
  const other = pg.database.db.transaction(async (tx) => {
    await lockSeries(tx, series);
    const venlo = (await loadSeriesState(tx, series)).find((s) => s.slug === 'venlo')!;
    await createRegistration(tx, {
      sessionId: venlo.id, series, email: 'eerst@venlo.nl', name: null, municipality: 'Venlo', attendees: 1, names: [],
      language: 'nl', status: 'confirmed', calendarUid: 'eerst@test', now,
    });
    taken();
    await held;
  });
  await lockTaken;
  const source = signup('later@venlo.nl', 'Graag aanmelden voor Venlo, 29 juni.');
  // The message's lock and reads go out together; the server runs the reads once the lock is held.
  const handling = handleMessage(deps, inbox, { uid: 900, size: source.length, internalDate: null, truncated: false, source });
  await sleep(300);
  release();
  await other;
  assert.equal((await handling).outcome, 'waitlisted');
});
