// The send lane (send-lane.ts): replies go out in the order their messages were decided while
// the next messages are decided, on PostgreSQL and on PGlite (one connection: the lane's
// statements wait between the transactions); a failing lane leaves its rows to the end-of-sync
// pass; and replies committed but not sent when the worker dies go out once at the next start.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { asc } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '../../src/db/client.js';
import { claimDue, requeueInterrupted } from '../../src/db/outbox.js';
import { outbox } from '../../src/db/schema.js';
import { deliverDue } from '../../src/pipeline/deliver.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { handleMessage } from '../../src/pipeline/handle-message.js';
import { createSendLane } from '../../src/pipeline/send-lane.js';
import { databaseForTests } from '../support/postgres.js';
import { inbox, pipelineDeps, signup, withCapacity } from './deps.js';

const now = new Date('2018-06-01T10:00:00Z');

/** A sender that takes a little while (longer for some) and notes what it accepted. */
function recordingSender() {
  const sent: { to: string; messageId: string }[] = [];
  return {
    sent,
    async send(m: { to: string; raw: Buffer }) {
      await sleep(m.to.startsWith('a') ? 15 : 2);
      sent.push({ to: m.to, messageId: /^Message-ID: (.*)$/im.exec(m.raw.toString())![1]!.trim() });
      return { response: '250 ok' };
    },
  };
}

let uid = 1000;
const message = (from: string, text: string) => {
  const source = signup(from, text);
  return { uid: uid++, size: source.length, internalDate: now, truncated: false, source, aboveCursor: true };
};

function lanes(name: string, database: () => Database) {
  describe(name, () => {
    it('sends the replies in the order their messages were decided, while the next ones are decided', async () => {
      const sender = recordingSender();
      const deps: PipelineDeps = { ...await pipelineDeps(database(), withCapacity({}), now), sender };
      const lane = createSendLane(deps);
      const people = ['anna@ede.nl', 'bert@ede.nl', 'anna@ede.nl', 'cor@ede.nl', 'bert@ede.nl', 'anna@ede.nl'];
      const texts = ['Graag aanmelden voor Arnhem, 22 juni.', 'Ik kom toch niet.', 'Graag met twee personen.'];
      const done: number[] = [];
      const ids: number[] = [];
      for (const [i, from] of people.entries()) {
        // As the sync does: decide, commit, hand the ids to the lane, go on with the next message.
        const handled = await handleMessage(deps, inbox, message(from, texts[i % 3]!));
        ids.push(...handled.outboxIds);
        lane.push(handled.outboxIds, now, () => done.push(i));
      }
      await lane.settle();
      assert.deepEqual(done, [0, 1, 2, 3, 4, 5]);
      const rows = await database().db.select().from(outbox).orderBy(asc(outbox.id));
      const mine = rows.filter((r) => ids.includes(r.id));
      assert.ok(mine.length >= people.length - 1, 'most messages got a reply');
      assert.ok(mine.every((r) => r.status === 'sent'));
      // Exactly once each, in the order written: nobody's later reply overtook an earlier one.
      assert.deepEqual(sender.sent.map((s) => s.messageId), mine.map((r) => r.messageId));
    });

    it('stops when the database fails while sending, and leaves the rest to the end-of-sync pass, each sent once', async () => {
      const sender = recordingSender();
      const deps: PipelineDeps = { ...await pipelineDeps(database(), withCapacity({}), now), sender };
      let failures = 1;
      // The first claim fails as a lost connection would; everything else reaches the database.
      const flaky: Db = new Proxy(database().db, {
        get(target, prop, receiver) {
          if (prop === 'update' && failures > 0) {
            failures--;
            return () => { throw Object.assign(new Error('connection lost'), { code: 'ECONNRESET' }); };
          }
          const value = Reflect.get(target, prop, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const lane = createSendLane({ ...deps, database: { ...database(), db: flaky } });
      const first = await handleMessage(deps, inbox, message('dirk@ede.nl', 'Graag aanmelden voor Arnhem, 22 juni.'));
      const second = await handleMessage(deps, inbox, message('eva@ede.nl', 'Graag aanmelden voor Arnhem, 22 juni.'));
      const done: number[] = [];
      lane.push(first.outboxIds, now, () => done.push(1));
      lane.push(second.outboxIds, now, () => done.push(2));
      await assert.rejects(lane.settle(), /connection lost/);
      assert.deepEqual(done, []);
      assert.equal(sender.sent.length, 0);
      // The sync fails and ends; the next one's closing pass sends what is owed, once, in order.
      const report = await deliverDue(deps, null);
      assert.equal(report.sent, 2);
      assert.equal((await deliverDue(deps, null)).sent, 0);
      assert.deepEqual(sender.sent.map((s) => s.to), ['dirk@ede.nl', 'eva@ede.nl']);
      await lane.settle(); // the failure was reported once; the lane is usable again
    });

    it('sends replies written claimed for it without claiming them, in order with ids it claims itself', async () => {
      const sender = recordingSender();
      const deps: PipelineDeps = { ...await pipelineDeps(database(), withCapacity({}), now), sender };
      const lane = createSendLane(deps);
      const people = ['hans@ede.nl', 'ilse@ede.nl', 'hans@ede.nl', 'joop@ede.nl'];
      const texts = ['Graag aanmelden voor Arnhem, 22 juni.', 'Graag aanmelden voor Arnhem, 22 juni.', 'Graag met twee personen.', 'Graag aanmelden voor Arnhem, 22 juni.'];
      const ids: number[] = [];
      const done: number[] = [];
      for (const [i, from] of people.entries()) {
        // The third is written pending and pushed by id (as a command's would be): claimed by the lane.
        const claim = i !== 2;
        const handled = await handleMessage(deps, inbox, message(from, texts[i]!), { claim });
        assert.equal(handled.claimed !== undefined, claim);
        ids.push(...handled.outboxIds);
        lane.push(handled.outboxIds, now, () => done.push(i), handled.claimed);
      }
      await lane.settle();
      assert.deepEqual(done, [0, 1, 2, 3]);
      const mine = (await database().db.select().from(outbox).orderBy(asc(outbox.id))).filter((r) => ids.includes(r.id));
      assert.equal(mine.length, 4);
      assert.ok(mine.every((r) => r.status === 'sent' && r.attempts === 1), JSON.stringify(mine.map((r) => [r.status, r.attempts])));
      assert.deepEqual(sender.sent.map((s) => s.messageId), mine.map((r) => r.messageId));
      assert.equal((await deliverDue(deps, null)).sent, 0);
    });

    it('puts the replies claimed for it back to pending when the database fails while sending, each sent once', async () => {
      const sender = recordingSender();
      const deps: PipelineDeps = { ...await pipelineDeps(database(), withCapacity({}), now), sender };
      let failures = 1;
      // The first sent mark fails as a lost connection would; everything else reaches the database.
      const flaky: Db = new Proxy(database().db, {
        get(target, prop, receiver) {
          if (prop === 'update' && failures > 0) {
            failures--;
            return () => { throw Object.assign(new Error('connection lost'), { code: 'ECONNRESET' }); };
          }
          const value = Reflect.get(target, prop, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const flakyDeps: PipelineDeps = { ...deps, database: { ...database(), db: flaky } };
      const lane = createSendLane(flakyDeps);
      const first = await handleMessage(deps, inbox, message('kees@ede.nl', 'Graag aanmelden voor Arnhem, 22 juni.'), { claim: true });
      const second = await handleMessage(deps, inbox, message('lies@ede.nl', 'Graag aanmelden voor Arnhem, 22 juni.'), { claim: true });
      const done: number[] = [];
      lane.push(first.outboxIds, now, () => done.push(1), first.claimed);
      lane.push(second.outboxIds, now, () => done.push(2), second.claimed);
      while (!lane.failure()) await sleep(5);
      // Decided while the lane had stopped (before the sync saw it): back to pending too, not stuck as claimed.
      const third = await handleMessage(deps, inbox, message('mien@ede.nl', 'Graag aanmelden voor Arnhem, 22 juni.'), { claim: true });
      lane.push(third.outboxIds, now, () => done.push(3), third.claimed);
      await assert.rejects(lane.settle(), /database went away/);
      // The first went out (its outcome waits in memory); the others never reached SMTP.
      assert.deepEqual(sender.sent.map((s) => s.to), ['kees@ede.nl']);
      assert.equal(done.length, 0);
      const state = async (ids: number[]) => (await database().db.select().from(outbox).orderBy(asc(outbox.id)))
        .filter((r) => ids.includes(r.id)).map((r) => r.status);
      await sleep(50); // the third's release is not awaited by anybody
      assert.deepEqual(await state([...first.outboxIds, ...second.outboxIds, ...third.outboxIds]), ['sending', 'pending', 'pending']);
      // The next sync's closing pass: the first's outcome written, the others sent, each once.
      const report = await deliverDue(flakyDeps, null);
      assert.equal(report.sent, 2);
      assert.equal((await deliverDue(flakyDeps, null)).sent, 0);
      assert.deepEqual(sender.sent.map((s) => s.to), ['kees@ede.nl', 'lies@ede.nl', 'mien@ede.nl']);
      assert.deepEqual(await state([...first.outboxIds, ...second.outboxIds, ...third.outboxIds]), ['sent', 'sent', 'sent']);
      await lane.settle(); // the failure was reported once; the lane is usable again
    });

    it('puts a reply written claimed back to pending when its commit went through but its answer was lost', async () => {
      const sender = recordingSender();
      const deps: PipelineDeps = { ...await pipelineDeps(database(), withCapacity({}), now), sender };
      // Commits, then fails as a connection lost before COMMIT's answer would: the message fails
      // (the sync backs off), but its reply is committed, claimed for a lane that never gets it.
      const real = database().db;
      const lost: Db = new Proxy(real, {
        get(target, prop, receiver) {
          if (prop === '_') return { ...target._, session: {} }; // not postgres.js: Drizzle's transaction() below
          if (prop === 'transaction') {
            return async (fn: Parameters<Db['transaction']>[0]) => {
              await target.transaction(fn);
              throw Object.assign(new Error('connection lost'), { code: 'ECONNRESET' });
            };
          }
          const value = Reflect.get(target, prop, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const msg = message('olga@ede.nl', 'Graag aanmelden voor Arnhem, 22 juni.');
      await assert.rejects(handleMessage({ ...deps, database: { ...database(), db: lost } }, inbox, msg, { claim: true }), /connection lost/);
      const rows = (await real.select().from(outbox).orderBy(asc(outbox.id))).filter((r) => r.toAddress === 'olga@ede.nl');
      assert.deepEqual(rows.map((r) => r.status), ['pending']);
      // The retry finds it recorded; the closing pass of the sync sends the reply, once.
      assert.equal((await handleMessage(deps, inbox, { ...msg, aboveCursor: false }, { claim: true })).outcome, 'already-recorded');
      assert.equal((await deliverDue(deps, null)).sent, 1);
      assert.equal((await deliverDue(deps, null)).sent, 0);
      assert.deepEqual(sender.sent.map((s) => s.to), ['olga@ede.nl']);
    });

    it('sends a reply written claimed when the worker died before sending it, once, at the next start', async () => {
      const sender = recordingSender();
      const deps: PipelineDeps = { ...await pipelineDeps(database(), withCapacity({}), now), sender };
      // Committed claimed for a lane that never sent it: the process died right after the commit.
      const claimed = await handleMessage(deps, inbox, message('nel@ede.nl', 'Graag aanmelden voor Arnhem, 22 juni.'), { claim: true });
      assert.equal(claimed.claimed?.length, 1);
      assert.equal((await deliverDue(deps, null)).sent, 0, 'claimed rows are not anybody else\'s to send');
      assert.equal(await requeueInterrupted(database().db), 1);
      assert.equal((await deliverDue(deps, null)).sent, 1);
      assert.equal((await deliverDue(deps, null)).sent, 0);
      assert.deepEqual(sender.sent.map((s) => s.to), ['nel@ede.nl']);
    });

    it('sends a reply committed but not yet sent when the worker died, once, at the next start', async () => {
      const sender = recordingSender();
      const deps: PipelineDeps = { ...await pipelineDeps(database(), withCapacity({}), now), sender };
      // Committed, never handed to a lane: the process died right after the commit.
      const unsent = await handleMessage(deps, inbox, message('fien@ede.nl', 'Graag aanmelden voor Arnhem, 22 juni.'));
      // Claimed and cut off before SMTP saw it: the process died in between.
      const claimed = await handleMessage(deps, inbox, message('gijs@ede.nl', 'Graag aanmelden voor Arnhem, 22 juni.'));
      assert.equal((await claimDue(database().db, now, 10, claimed.outboxIds)).length, 1);
      // The next start (worker.ts): interrupted rows back to pending, then everything owed.
      assert.equal(await requeueInterrupted(database().db), 1);
      assert.equal((await deliverDue(deps, null)).sent, 2);
      assert.equal((await deliverDue(deps, null)).sent, 0);
      assert.deepEqual(sender.sent.map((s) => s.to).sort(), ['fien@ede.nl', 'gijs@ede.nl']);
      assert.equal(unsent.outboxIds.length, 1);
    });
  });
}

const pg = databaseForTests();
lanes('on PostgreSQL', () => pg.database);

let embedded: Database;
before(async () => {
  embedded = await openDatabase({ url: null, dataDir: '', inMemory: true });
});
after(() => embedded?.close());
lanes('on PGlite', () => embedded);
