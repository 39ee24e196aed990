// A message that keeps failing is set aside quickly (three tries in place, then recorded as an
// error for organisers); a connection failure is never held against the message.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { eq } from 'drizzle-orm';
import { resetCursor } from '../../src/db/mailbox-state.js';
import { inboundMessages } from '../../src/db/schema.js';
import type { MailboxSession } from '../../src/mailbox/types.js';
import { createSync } from '../../src/pipeline/sync.js';
import { databaseForTests } from '../support/postgres.js';
import { inbox, pipelineDeps, signup, withCapacity } from './deps.js';

const pg = databaseForTests();

/** A folder with one message whose FETCH fails the way `fail` says (as a server answering NO would). */
function session(fail: () => Error, uid: number): MailboxSession & { fetches: number } {
  const s = {
    fetches: 0,
    status: () => ({ ...inbox, uidNext: uid + 1 }),
    listAfter: async (after: number) => (after < uid ? [{ uid, size: 300, internalDate: null, flags: [] }] : []),
    listSince: async () => [],
    download: async () => {
      s.fetches++;
      throw fail();
    },
    addKeywords: async () => true,
    appendSent: async () => {},
  };
  return s;
}

it('sets a message that fails three times aside as an error, and moves on', async () => {
  const deps = await pipelineDeps(pg.database, withCapacity({}), new Date('2018-06-01T10:00:00Z'));
  await resetCursor(pg.database.db, 'INBOX', 7, 40, new Date('2018-06-01T09:00:00Z'));
  const box = session(() => Object.assign(new Error('Message is corrupted'), { code: 'NO' }), 41);
  await createSync(deps)(box);
  assert.equal(box.fetches, 3);
  const [row] = await pg.database.db.select().from(inboundMessages).where(eq(inboundMessages.uid, 41));
  assert.equal(row?.outcome, 'error');
  assert.match(row?.error ?? '', /gave up after repeated failures: Message is corrupted/);
});

it('never holds a lost connection against the message: the sync fails, the cursor stays', async () => {
  const deps = await pipelineDeps(pg.database, withCapacity({}), new Date('2018-06-01T10:00:00Z'));
  const box = session(() => Object.assign(new Error('Connection not available'), { code: 'NoConnection' }), 42);
  for (let i = 0; i < 5; i++) await assert.rejects(createSync(deps)(box), /Connection not available/);
  assert.equal(box.fetches, 5, 'one try per sync, however often');
  assert.deepEqual(await pg.database.db.select().from(inboundMessages).where(eq(inboundMessages.uid, 42)), []);
  // It comes back: the message is handled as ever.
  const raw = signup('terug@ede.nl', 'Graag aanmelden voor Arnhem.');
  const ok = { ...box, download: async () => ({ source: raw, truncated: false }) };
  await createSync(deps)(ok);
  const [row] = await pg.database.db.select().from(inboundMessages).where(eq(inboundMessages.uid, 42));
  assert.equal(row?.outcome, 'registered');
});
