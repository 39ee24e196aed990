// The record of every message the bot has seen: the unique (mailbox, UIDVALIDITY, UID) key
// is what makes handling a message twice impossible.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from './client.js';
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

/** Inserts the record; false when this (mailbox, UIDVALIDITY, UID) is already recorded. */
export async function recordInbound(tx: Executor, row: NewInbound): Promise<number | null> {
  const [inserted] = await tx
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

export async function listInbound(db: Executor, filter: { outcome?: string[]; limit: number }): Promise<InboundListing[]> {
  return db
    .select({
      id: inboundMessages.id, processedAt: inboundMessages.processedAt, fromAddress: inboundMessages.fromAddress,
      subject: inboundMessages.subject, intent: inboundMessages.intent, sessionSlug: inboundMessages.sessionSlug,
      outcome: inboundMessages.outcome, reason: inboundMessages.reason, error: inboundMessages.error,
    })
    .from(inboundMessages)
    .where(filter.outcome?.length ? inArray(inboundMessages.outcome, filter.outcome) : undefined)
    .orderBy(desc(inboundMessages.id))
    .limit(filter.limit);
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
