// 1,000 hostile messages (fast-check, pinned seed) through the real worker on Dovecot, the SMTP
// sink and PostgreSQL: each ends recorded with an outcome, the worker goes on, and nothing is
// answered that should not be (checked against classify on the bytes Dovecot serves).
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, it } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { inboundMessages, outbox } from '../../src/db/schema.js';
import { replyAddressOf } from '../../src/pipeline/reply-address.js';
import { ParseError, parseMail } from '../../src/understanding/parse.js';
import { classify } from '../../src/understanding/understand.js';
import { exchange } from '../e2e/conversation.js';
import { BOT_ADDRESS, mail, startHarnessWithWorker, type Harness, type RunningHarness } from '../e2e/harness.js';
import { hostileMessage } from './hostile-mail.js';
import { deliverAll, orShowLogs, waitFor } from '../faults/helpers.js';

const SAMPLE = 1_000;
const SEED = 20180602;

let h: RunningHarness;
before(async () => {
  h = await startHarnessWithWorker();
});
after(() => h?.stopAll());

const count = async (query: ReturnType<typeof sql>) => h.query(async ({ db }) => {
  const res = await db.execute(query);
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { n: number }[];
  return Number(rows[0]?.n ?? 0);
});

it(`the worker records all of ${SAMPLE} hostile messages, answers only what it should, and goes on`, { timeout: 900_000 }, async () => {
  // A mailbox cannot hold an empty message (Dovecot refuses to store one); classify sees those.
  const raws = fc.sample(hostileMessage.filter((raw) => raw.length > 0), { seed: SEED, numRuns: SAMPLE });
  const started = Date.now();
  const uids = await deliverAll(h, raws);
  await orShowLogs(h, waitFor('every message recorded', async () => (await count(sql`select count(*) as n from inbound_messages`)) >= SAMPLE, 600_000));
  await waitFor('the outbox drained', async () => (await count(sql`select count(*) as n from outbox where status in ('pending', 'sending')`)) === 0, 120_000);
  const elapsedMs = Date.now() - started;
  // The worker goes on: ordinary mail afterwards is answered as ever.
  const after = await exchange(h, mail({ from: 'na.de.storm@ede.example', subject: 'Aanmelding Arnhem', text: 'Graag meld ik mij aan voor de sessie in Arnhem.' }), 60_000);
  assert.deepEqual(after.envelope.to, ['na.de.storm@ede.example']);
  await sleep(500);

  const rows = await h.query(({ db }) => db.select({
    id: inboundMessages.id, uid: inboundMessages.uid, outcome: inboundMessages.outcome, intent: inboundMessages.intent, error: inboundMessages.error,
  }).from(inboundMessages));
  const replies = await h.query(({ db }) => db.select({
    inboundId: outbox.inboundId, to: outbox.toAddress, status: outbox.status, messageId: outbox.messageId,
  }).from(outbox));
  const byUid = new Map(rows.map((r) => [Number(r.uid), r]));
  for (const uid of uids) assert.ok(byUid.has(uid), `UID ${uid} recorded`);
  assert.equal(rows.length, SAMPLE + 1, 'each message recorded exactly once');

  // What the worker read is what Dovecot serves: judge those bytes, as of the worker's clock.
  const served = await fetchSources(h, uids);
  const own = [BOT_ADDRESS.toLowerCase(), h.box.address.toLowerCase()];
  const repliesOf = new Map<number, typeof replies>();
  for (const r of replies) repliesOf.set(r.inboundId!, [...(repliesOf.get(r.inboundId!) ?? []), r]);
  const outcomes = new Map<string, number>();
  for (const uid of uids) {
    const row = byUid.get(uid)!;
    outcomes.set(row.outcome, (outcomes.get(row.outcome) ?? 0) + 1);
    const source = served.get(uid)!;
    const verdict = await classify(source, { catalogue: shippedCatalogue, ownAddresses: own, now: h.clock.now }).catch((e: Error) => e);
    const answered = (repliesOf.get(row.id) ?? []).filter((r) => r.status !== 'suppressed');
    if (verdict instanceof Error) {
      assert.ok(verdict instanceof ParseError, `UID ${uid}: classify crashed: ${verdict.message}`);
      assert.deepEqual(answered, [], `UID ${uid}: unreadable mail is never answered`);
      continue;
    }
    assert.notEqual(row.outcome, 'error', `UID ${uid}: readable mail (${verdict.intent}) set aside: ${row.error}`);
    if (verdict.intent === 'ignore') assert.deepEqual(answered, [], `UID ${uid}: machine mail (${verdict.reason}) is never answered`);
    if (['error', 'oversized', 'too-slow', 'ignored', 'duplicate', 'escalated', 'rate-limited', 'dmarc-failed', 'bounced'].includes(row.outcome)) {
      assert.deepEqual(answered, [], `UID ${uid}: outcome ${row.outcome} owes no reply`);
    }
    // To the sender at most once, and only at the address a reply may go to.
    const sender = replyAddressOf(await parseMail(source), own);
    const toSender = answered.filter((r) => r.to === sender);
    assert.ok(toSender.length <= 1, `UID ${uid}: answered ${toSender.length} times`);
    for (const r of answered) assert.ok(!own.includes(r.to) && !/^(mailer-daemon|postmaster|no-?reply)@/i.test(r.to), `UID ${uid}: reply to ${r.to}`);
  }
  // What left over SMTP is exactly the outbox's sent rows, each once.
  const sentIds = h.sink.messages.map((m) => m.parsed.messageId);
  assert.equal(new Set(sentIds).size, sentIds.length, 'no reply sent twice');
  const sentRows = new Set(replies.filter((r) => r.status === 'sent').map((r) => r.messageId));
  assert.deepEqual(new Set(sentIds), sentRows);
  process.stdout.write(`# ${SAMPLE} messages handled in ${elapsedMs} ms; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; ${sentIds.length} replies\n`);
});

/** The bytes Dovecot serves for each UID (it may normalise line ends). */
async function fetchSources(harness: Harness, uids: number[]): Promise<Map<number, Buffer>> {
  const client = await harness.dovecot.connect(harness.box.user);
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const out = new Map<number, Buffer>();
      for (const m of await client.fetchAll(uids.join(','), { uid: true, source: true }, { uid: true })) out.set(m.uid, m.source!);
      return out;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
