// The outbox: every reply is committed here with the decision that caused it, then sent.
// A crash between the two leaves a pending row that the next start sends; a row is never
// sent twice on purpose (a retry resends the same bytes with the same Message-ID).
import { and, asc, desc, eq, gt, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { ThreadContext } from '../understanding/types.js';
import { unlessSuppressed } from './bounces.js';
import type { Executor } from './client.js';
import { outbox, suppressions } from './schema.js';
import { statement } from './statement.js';

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutbox = typeof outbox.$inferInsert;

export async function enqueueReply(tx: Executor, row: NewOutbox): Promise<number> {
  // An address that bounced hard gets no more mail: the row is kept, as 'suppressed'.
  const [inserted] = await tx.insert(outbox).values({ ...row, ...unlessSuppressed(row.toAddress, row.status ?? 'pending') })
    .returning({ id: outbox.id });
  if (!inserted) throw new Error('insert into outbox returned nothing');
  return inserted.id;
}

/**
 * What a new reply (or notice) sets; the other columns start at their defaults. Status 'sending':
 * written already claimed by the worker that will send it (see ClaimedReply).
 */
export type NewReply = Pick<NewOutbox, 'inboundId' | 'registrationId' | 'kind' | 'toAddress' | 'fromAddress' | 'subject'
  | 'messageId' | 'inReplyTo' | 'raw' | 'thread' | 'createdAt' | 'nextAttemptAt'>
  & { status: 'pending' | 'held' | 'sending'; createdAt: Date; nextAttemptAt: Date };

/**
 * A reply the worker wrote already claimed (state 'sending', first attempt), in the transaction
 * of the message it answers: its send lane sends it from memory after the commit, without a claim
 * of its own (a round trip per message). What the lane cannot send it puts back to 'pending'
 * (releaseClaimed); a crash leaves it 'sending', and the next start requeues it (requeueInterrupted).
 */
export type ClaimedReply = Pick<OutboxRow, 'id' | 'kind' | 'fromAddress' | 'toAddress' | 'messageId' | 'attempts' | 'inboundId' | 'raw'>;

/** A new reply as its claim would have returned it (for a reply written with status 'sending'). */
export function claimedReply(id: number, row: NewReply): ClaimedReply {
  return {
    id, kind: row.kind, fromAddress: row.fromAddress, toAddress: row.toAddress, messageId: row.messageId, attempts: 1,
    inboundId: row.inboundId ?? null, raw: row.raw,
  };
}

/**
 * enqueueReply for a new reply: the statement every answered message sends, built once
 * (statement.ts). The status it got: 'suppressed' for an address that bounced hard.
 */
export async function enqueueNewReply(tx: Executor, row: NewReply): Promise<{ id: number; status: string }> {
  const [inserted] = await insertReply(tx, {
    inboundId: row.inboundId ?? null, registrationId: row.registrationId ?? null, ...replyValues(row),
  });
  if (!inserted) throw new Error('insert into outbox returned nothing');
  return inserted;
}

/**
 * A new reply's values as replyInsert's placeholders take them (but its links), each name after
 * `prefix` (a statement that writes other rows too keeps their names apart).
 */
export function replyValues(row: Omit<NewReply, 'inboundId' | 'registrationId'>, prefix = ''): Record<string, unknown> {
  const values = {
    kind: row.kind, toAddress: row.toAddress, fromAddress: row.fromAddress, subject: row.subject, messageId: row.messageId,
    inReplyTo: row.inReplyTo ?? null, raw: row.raw,
    thread: row.thread === undefined || row.thread === null ? null : JSON.stringify(row.thread), status: row.status,
    // A reply written claimed is on its first attempt, as a claim would have counted it.
    attempts: row.status === 'sending' ? 1 : 0, createdAt: row.createdAt.toISOString(), nextAttemptAt: row.nextAttemptAt.toISOString(),
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [prefix + k, v]));
}

const insertReply = statement<{ id: number; status: string }>('outbox_insert', (tx) =>
  replyInsert(tx, { inboundId: sql`${sql.placeholder('inboundId')}::int`, registrationId: sql`${sql.placeholder('registrationId')}::int` }));

/** The insert of a new reply with placeholders (replyValues), its links given as SQL. */
export function replyInsert(tx: Executor, links: { inboundId: SQL; registrationId: SQL }, prefix = '') {
  const v = (name: string) => sql.placeholder(prefix + name);
  const to = sql`${v('toAddress')}::text`;
  const bounced = sql`exists (select 1 from ${suppressions} where ${suppressions.address} = ${to})`;
  return tx.insert(outbox).values({
    inboundId: links.inboundId, registrationId: links.registrationId, kind: sql`${v('kind')}::text`,
    toAddress: to, fromAddress: sql`${v('fromAddress')}::text`, subject: sql`${v('subject')}::text`,
    messageId: sql`${v('messageId')}::text`, inReplyTo: sql`${v('inReplyTo')}::text`, raw: sql`${v('raw')}::text`,
    thread: sql`${v('thread')}::jsonb`, createdAt: sql`${v('createdAt')}::timestamptz`,
    nextAttemptAt: sql`${v('nextAttemptAt')}::timestamptz`, attempts: sql`${v('attempts')}::int`,
    // As unlessSuppressed (bounces.ts): an address that bounced hard gets no more mail.
    status: sql`case when ${bounced} then 'suppressed' else ${v('status')}::text end`,
    lastError: sql`case when ${bounced} then 'not sent: ' || ${to} || ' bounced hard' end`,
  }).returning({ id: outbox.id, status: outbox.status });
}

/** Claims due rows for sending (SKIP LOCKED: two senders never take the same row). */
export async function claimDue(db: Executor, now: Date, limit: number, onlyIds?: number[]): Promise<OutboxRow[]> {
  const claimed = await statementsOf(db).claim.execute({ now: now.toISOString(), limit, ids: onlyIds ?? null });
  // RETURNING has no order of its own: send in the order the replies were written.
  return claimed.sort((a, b) => a.id - b.id);
}

export async function markSent(db: Executor, id: number, response: string, now: Date): Promise<void> {
  await statementsOf(db).markSent.execute({ id, at: now.toISOString(), response: response.slice(0, 500) });
}

// Every reply is claimed and marked sent on the database handle (never inside a transaction):
// these two are built once per handle (the pool's Drizzle instance is replaced after a
// connection loss, so per handle) instead of for every reply. Building the claim took about a
// millisecond of Drizzle's time per reply in the worker's profile.
const statements = new WeakMap<Executor, ReturnType<typeof prepareStatements>>();

function statementsOf(db: Executor) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepareStatements(db)));
  return s;
}

function prepareStatements(db: Executor) {
  const ids = sql.placeholder('ids');
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(
      eq(outbox.status, 'pending'), sql`${outbox.nextAttemptAt} <= ${sql.placeholder('now')}::timestamptz`,
      // null: every due row; else only these (none for an empty list)
      sql`(${ids}::int[] is null or ${outbox.id} = any(${ids}::int[]))`,
    ))
    .orderBy(asc(outbox.id))
    .limit(sql.placeholder('limit'))
    .for('update', { skipLocked: true });
  return {
    claim: db
      .update(outbox)
      .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, due))
      .returning()
      .prepare('outbox_claim'),
    markSent: db
      .update(outbox)
      .set({
        status: 'sent', sentAt: sql`${sql.placeholder('at')}::timestamptz`, smtpResponse: sql`${sql.placeholder('response')}`,
        lastError: null,
      })
      .where(sql`${outbox.id} = ${sql.placeholder('id')}`)
      .prepare('outbox_mark_sent'),
  };
}

export async function scheduleRetry(db: Executor, id: number, error: string, at: Date): Promise<void> {
  await db.update(outbox).set({ status: 'pending', nextAttemptAt: at, lastError: error.slice(0, 500) })
    .where(eq(outbox.id, id));
}

/** failed: the server refused for good; unknown: it may have arrived, so no blind resend. */
export async function markUndelivered(db: Executor, id: number, status: 'failed' | 'unknown', error: string): Promise<void> {
  await db.update(outbox).set({ status, lastError: error.slice(0, 500) }).where(eq(outbox.id, id));
}

export async function markCopiedToSent(db: Executor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(outbox).set({ copiedToSent: true }).where(inArray(outbox.id, ids));
}

/**
 * Replies this worker claimed but did not send (its send lane stopped: the database went away)
 * go back to pending, for the closing pass of a later sync. Only rows still 'sending': none of
 * them reached the SMTP server.
 */
export async function releaseClaimed(db: Executor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(outbox).set({ status: 'pending' }).where(and(inArray(outbox.id, ids), eq(outbox.status, 'sending')));
}

/**
 * Rows a crash left in 'sending' go back to pending: nobody can tell whether they left, and a
 * reply owed must not be lost. The retry reuses the Message-ID, so mail clients show one message.
 */
export async function requeueInterrupted(db: Executor): Promise<number> {
  const rows = await db.update(outbox).set({ status: 'pending' }).where(eq(outbox.status, 'sending'))
    .returning({ id: outbox.id });
  return rows.length;
}

export async function sentNotCopied(db: Executor, limit: number): Promise<OutboxRow[]> {
  // A purged row has no body left to file.
  return db.select().from(outbox).where(and(eq(outbox.status, 'sent'), eq(outbox.copiedToSent, false), isNull(outbox.purgedAt)))
    .orderBy(asc(outbox.id)).limit(limit);
}

/** The bot's own mail that a message answers: the newest of the ids it refers to. */
export async function findThread(
  db: Executor, messageIds: string[],
): Promise<{ thread: ThreadContext; registrationId: number | null; kind: string } | null> {
  if (messageIds.length === 0) return null;
  const [row] = await db
    .select({ thread: outbox.thread, registrationId: outbox.registrationId, kind: outbox.kind })
    .from(outbox)
    .where(inArray(outbox.messageId, messageIds))
    .orderBy(desc(outbox.id))
    .limit(1);
  if (!row || !row.thread) return null;
  return { thread: row.thread as ThreadContext, registrationId: row.registrationId, kind: row.kind };
}

export async function countRepliesTo(db: Executor, address: string, since: Date): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox)
    .where(and(eq(outbox.toAddress, address), gte(outbox.createdAt, since)));
  return row?.n ?? 0;
}

export async function outboxCounts(db: Executor): Promise<Record<string, number>> {
  const rows = await db.select({ status: outbox.status, n: sql<number>`count(*)::int` }).from(outbox).groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function findOutboxRows(db: Executor, ids: number[]): Promise<OutboxRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(outbox).where(inArray(outbox.id, ids)).orderBy(asc(outbox.id));
}

/** The replies a message caused, with their state. */
export async function repliesOfInbound(db: Executor, inboundId: number): Promise<OutboxRow[]> {
  return db.select().from(outbox).where(eq(outbox.inboundId, inboundId)).orderBy(asc(outbox.id));
}

/** Replies that could not be delivered (refused, or fate unknown) written after `since`, oldest first. */
export async function undeliveredSince(db: Executor, since: Date): Promise<OutboxRow[]> {
  return db.select().from(outbox)
    .where(and(inArray(outbox.status, ['failed', 'unknown']), gt(outbox.createdAt, since)))
    .orderBy(asc(outbox.id));
}
