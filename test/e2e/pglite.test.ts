// The embedded default: the same worker, rules and replies on PGlite instead of PostgreSQL.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, it } from 'node:test';
import { outbox, registrations } from '../../src/db/schema.js';
import { answer, exchange, invite } from './conversation.js';
import { mail, startHarness, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness({ database: 'pglite' });
});
after(async () => {
  await h.close();
  await rm(h.env.DATA_DIR!, { recursive: true, force: true });
});

it('registers, answers a follow-up in context and records it all on PGlite', async () => {
  const worker = h.startWorker();
  await worker.ready();
  const confirmed = await exchange(h, mail({
    from: 'w.bakker@assen.nl', name: 'Bakker, Wendy', subject: 'Aanmelding ontwerpsessie 28 juni',
    text: 'Goedemorgen,\r\n\r\nIk meld mij graag aan voor de sessie op 28 juni.\r\n\r\nMet vriendelijke groet,\r\nWendy Bakker\r\nGemeente Assen',
  }));
  assert.match(confirmed.parsed.text ?? '', /aangemeld voor de ontwerpsessie in Assen/);
  assert.match(confirmed.parsed.text ?? '', /Beste Wendy Bakker/);
  assert.equal(invite(confirmed).method, 'REQUEST');
  const cancelled = await exchange(h, answer(confirmed, 'w.bakker@assen.nl', 'Het lukt mij toch niet, ik meld mij af.'));
  assert.equal(invite(cancelled).method, 'CANCEL');
  await worker.stop();

  await h.query(async ({ db, kind }) => {
    assert.equal(kind, 'pglite');
    const regs = await db.select().from(registrations);
    assert.deepEqual(regs.map((r) => [r.email, r.status, r.municipality]), [['w.bakker@assen.nl', 'cancelled', 'Assen']]);
    assert.deepEqual((await db.select().from(outbox)).map((r) => [r.kind, r.status]), [['confirmed', 'sent'], ['cancelled', 'sent']]);
  });
});
