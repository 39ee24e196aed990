// The record of every message the bot has seen: the unique (mailbox, UIDVALIDITY, UID) key
// is what makes handling a message twice impossible.
import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from './client.js';
import { inboundMessages, mailboxState } from './schema.js';
import { statement } from './statement.js';
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
 * as the message's transaction must: one round trip instead of two. That statement, which every
 * message sends, is built once (statement.ts).
 */
export async function recordInbound(tx: Executor, row: NewInbound, advanceCursorAt?: Date): Promise<number | null> {
  const values = prepareRecord(row);
  if (advanceCursorAt) {
    const [inserted] = await recordWithCursor(tx, { ...driverValues(values), cursorAt: advanceCursorAt.toISOString() });
    return inserted?.id ?? null;
  }
  const [inserted] = await tx.insert(inboundMessages).values(values).onConflictDoNothing().returning({ id: inboundMessages.id });
  return inserted?.id ?? null;
}

/** A record as it is stored: the subject clipped, no NUL anywhere. */
export function prepareRecord(row: NewInbound): NewInbound {
  return {
    ...row, subject: row.subject ? clip(row.subject, 998) : row.subject, messageId: withoutNul(row.messageId),
    fromAddress: withoutNul(row.fromAddress), fromName: withoutNul(row.fromName), reason: withoutNul(row.reason),
    error: withoutNul(row.error), understanding: jsonWithoutNul(row.understanding),
  };
}

/** Every column a record may set, as the driver takes it; a column left out gets its default. */
export function driverValues(r: NewInbound): Record<(typeof recordColumns)[number], unknown> {
  const time = (d: Date | null | undefined) => d?.toISOString() ?? null;
  return {
    mailbox: r.mailbox, uidValidity: r.uidValidity, uid: r.uid, messageId: r.messageId ?? null, fromAddress: r.fromAddress ?? null,
    fromName: r.fromName ?? null, subject: r.subject ?? null, sentAt: time(r.sentAt), receivedAt: time(r.receivedAt), size: r.size ?? null,
    intent: r.intent ?? null, sessionSlug: r.sessionSlug ?? null, outcome: r.outcome, reason: r.reason ?? null,
    understanding: r.understanding === undefined || r.understanding === null ? null : JSON.stringify(r.understanding),
    error: r.error ?? null, registrationId: r.registrationId ?? null, processedAt: time(r.processedAt), newText: r.newText ?? null,
    leftForPeople: r.leftForPeople ?? null,
  };
}

export const recordColumns = [
  'mailbox', 'uidValidity', 'uid', 'messageId', 'fromAddress', 'fromName', 'subject', 'sentAt', 'receivedAt', 'size', 'intent',
  'sessionSlug', 'outcome', 'reason', 'understanding', 'error', 'registrationId', 'processedAt', 'newText', 'leftForPeople',
] as const;

const recordWithCursor = statement<{ id: number }>('record_inbound', (tx) =>
  tx.with(cursorMovedCte(tx)).insert(inboundMessages).values(recordValues()).onConflictDoNothing().returning({ id: inboundMessages.id }));

/** The cursor's move past the record's UID (placeholders uid, cursorAt, mailbox, uidValidity), as a CTE. */
export function cursorMovedCte(tx: Executor) {
  const v = (name: string) => sql.placeholder(name);
  return tx.$with('cursor_moved', {}).as(tx.update(mailboxState)
    .set({ lastUid: sql`greatest(${mailboxState.lastUid}, ${v('uid')}::bigint)`, updatedAt: sql`${v('cursorAt')}::timestamptz` })
    .where(sql`${mailboxState.mailbox} = ${v('mailbox')}::text and ${mailboxState.uidValidity} = ${v('uidValidity')}::bigint`)
    .getSQL());
}

/** The record's values as placeholders named as in driverValues. */
export function recordValues() {
  const v = (name: (typeof recordColumns)[number]) => sql.placeholder(name);
  return {
    mailbox: sql`${v('mailbox')}::text`, uidValidity: sql`${v('uidValidity')}::bigint`, uid: sql`${v('uid')}::bigint`,
    messageId: sql`${v('messageId')}::text`, fromAddress: sql`${v('fromAddress')}::text`, fromName: sql`${v('fromName')}::text`,
    subject: sql`${v('subject')}::text`, sentAt: sql`${v('sentAt')}::timestamptz`, receivedAt: sql`${v('receivedAt')}::timestamptz`,
    size: sql`${v('size')}::int`, intent: sql`${v('intent')}::text`, sessionSlug: sql`${v('sessionSlug')}::text`,
    outcome: sql`${v('outcome')}::text`, reason: sql`${v('reason')}::text`, understanding: sql`${v('understanding')}::jsonb`,
    error: sql`${v('error')}::text`, registrationId: sql`${v('registrationId')}::int`,
    processedAt: sql`coalesce(${v('processedAt')}::timestamptz, now())`, newText: sql`${v('newText')}::text`,
    leftForPeople: sql`coalesce(${v('leftForPeople')}::boolean, false)`,
  };
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
