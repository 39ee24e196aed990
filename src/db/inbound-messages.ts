// The record of every message the bot has seen: the unique (mailbox, UIDVALIDITY, UID) key
// is what makes handling a message twice impossible.
import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from './client.js';
import { advanceCursorQuery } from './mailbox-state.js';
import { inboundMessages } from './schema.js';
import { jsonWithoutNul, withoutNul } from './text.js';

export type InboundRow = typeof inboundMessages.$inferSelect;
export type NewInbound = typeof inboundMessages.$inferInsert;

export async function isRecorded(db: Executor, mailbox: string, uidValidity: number, uid: number): Promise<boolean> {
  const [row] = await db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.mailbox, mailbox), eq(inboundMessages.uidValidity, uidValidity), eq(inboundMessages.uid, uid)));
  return Boolean(row);
}

/** An earlier copy of the same message (same Message-ID) that the bot already acted on. */
export async function findHandledCopy(db: Executor, messageId: string): Promise<InboundRow | null> {
  const [row] = await db
    .select()
    .from(inboundMessages)
    .where(and(eq(inboundMessages.messageId, messageId), sql`${inboundMessages.outcome} not in ('duplicate', 'error')`))
    .orderBy(inboundMessages.id)
    .limit(1);
  return row ?? null;
}

/**
 * Inserts the record; null when this (mailbox, UIDVALIDITY, UID) is already recorded. With
 * `advanceCursorAt`, the same statement moves the folder's cursor past the message (mailbox-state.ts),
 * as the message's transaction must: one round trip instead of two.
 */
export async function recordInbound(tx: Executor, row: NewInbound, advanceCursorAt?: Date): Promise<number | null> {
  const cursorMoved = advanceCursorAt
    ? tx.$with('cursor_moved', {}).as(advanceCursorQuery(tx, row.mailbox, row.uidValidity, row.uid, advanceCursorAt).getSQL())
    : null;
  const [inserted] = await (cursorMoved ? tx.with(cursorMoved) : tx)
    .insert(inboundMessages)
    .values({
      ...row, subject: row.subject ? clip(row.subject, 998) : row.subject, messageId: withoutNul(row.messageId),
      fromAddress: withoutNul(row.fromAddress), fromName: withoutNul(row.fromName), reason: withoutNul(row.reason),
      error: withoutNul(row.error), understanding: jsonWithoutNul(row.understanding),
    })
    .onConflictDoNothing()
    .returning({ id: inboundMessages.id });
  return inserted?.id ?? null;
}

export async function setInboundRegistration(tx: Executor, id: number, registrationId: number): Promise<void> {
  await tx.update(inboundMessages).set({ registrationId }).where(eq(inboundMessages.id, id));
}

export interface InboundListing {
  id: number;
  processedAt: Date;
  fromAddress: string | null;
  subject: string | null;
  intent: string | null;
  sessionSlug: string | null;
  outcome: string;
  reason: string | null;
  error: string | null;
}

// Outcomes that leave a message to a person, also for rows recorded before left_for_people existed.
const leftOutcomes = ['escalated', 'error', 'oversized', 'rate-limited'];

/** Left for a person and not yet marked done by an organiser (nor purged: then nothing is left to do). */
const waitingForPeople = () => and(
  or(
    and(or(eq(inboundMessages.leftForPeople, true), inArray(inboundMessages.outcome, leftOutcomes)), isNull(inboundMessages.resolvedAt)),
    // Held for review: it waits for an organiser until `dloket-bot review` decides it.
    eq(inboundMessages.outcome, 'held'),
  ),
  isNull(inboundMessages.purgedAt),
);

const listingColumns = {
  id: inboundMessages.id, processedAt: inboundMessages.processedAt, fromAddress: inboundMessages.fromAddress,
  subject: inboundMessages.subject, intent: inboundMessages.intent, sessionSlug: inboundMessages.sessionSlug,
  outcome: inboundMessages.outcome, reason: inboundMessages.reason, error: inboundMessages.error,
};

export async function listInbound(
  db: Executor, filter: { outcome?: string[]; since?: Date; waiting?: boolean; limit: number },
): Promise<InboundListing[]> {
  const conditions = [
    ...(filter.outcome?.length ? [inArray(inboundMessages.outcome, filter.outcome)] : []),
    ...(filter.since ? [gte(inboundMessages.processedAt, filter.since)] : []),
    ...(filter.waiting ? [waitingForPeople()] : []),
  ];
  return db.select(listingColumns).from(inboundMessages)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(inboundMessages.id))
    .limit(filter.limit);
}

/** Every message still waiting for a person, oldest first (the daily digest lists them with their age). */
export async function waitingMessages(db: Executor): Promise<InboundListing[]> {
  return db.select(listingColumns).from(inboundMessages).where(waitingForPeople()).orderBy(asc(inboundMessages.id));
}

export async function findInbound(db: Executor, id: number): Promise<InboundRow | null> {
  const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, id));
  return row ?? null;
}

/** An organiser dealt with these messages: they leave the digest's list. Returns the ids marked. */
export async function markResolved(db: Executor, ids: number[], by: string, now: Date): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.update(inboundMessages).set({ resolvedAt: now, resolvedBy: by })
    .where(and(inArray(inboundMessages.id, ids), isNull(inboundMessages.resolvedAt)))
    .returning({ id: inboundMessages.id });
  return rows.map((r) => r.id);
}

// PostgreSQL text cannot hold NUL; headers from the wild sometimes do.
export function clip(value: string, max: number): string {
  const clean = value.replace(/\0/g, '');
  return clean.length > max ? clean.slice(0, max) : clean;
}

/** The message that created a registration: later mail about it joins that thread. */
export async function firstInboundOf(db: Executor, registrationId: number): Promise<InboundRow | null> {
  const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.registrationId, registrationId))
    .orderBy(inboundMessages.id).limit(1);
  return row ?? null;
}

/** When a message arrived in the mailbox (IMAP INTERNALDATE), for the reply latency metric. */
export async function receivedAtOf(db: Executor, id: number): Promise<Date | null> {
  const [row] = await db.select({ receivedAt: inboundMessages.receivedAt }).from(inboundMessages).where(eq(inboundMessages.id, id));
  return row?.receivedAt ?? null;
}
