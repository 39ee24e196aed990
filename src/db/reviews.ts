// Decisions held for an organiser's review: one row per held message. The row says why it was
// held, what was last shown (the decision and a fingerprint of its replies) and, once decided,
// who approved, rejected or corrected it.
import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Executor } from './client.js';
import { inboundMessages, outbox, reviews } from './schema.js';

export type ReviewRow = typeof reviews.$inferSelect;
export type NewReview = typeof reviews.$inferInsert;

export async function insertReview(tx: Executor, row: NewReview): Promise<number> {
  const [inserted] = await tx.insert(reviews).values(row).returning({ id: reviews.id });
  if (!inserted) throw new Error('insert into reviews returned nothing');
  return inserted.id;
}

export async function updateReview(tx: Executor, id: number, fields: Partial<NewReview>): Promise<void> {
  await tx.update(reviews).set(fields).where(eq(reviews.id, id));
}

/** The review of a message (by its number, as `messages list` shows it). */
export async function reviewOfMessage(db: Executor, inboundId: number): Promise<ReviewRow | null> {
  const [row] = await db.select().from(reviews).where(eq(reviews.inboundId, inboundId));
  return row ?? null;
}

/** Held and still readable: retention may have removed what it was about. */
export const stillHeld = () => and(eq(reviews.status, 'held'), isNull(inboundMessages.purgedAt));

/** Whether mail from this address is waiting for review: then the next one waits behind it. */
export async function hasHeldReview(db: Executor, sender: string): Promise<boolean> {
  const [row] = await db.select({ id: reviews.id }).from(reviews)
    .innerJoin(inboundMessages, eq(inboundMessages.id, reviews.inboundId))
    .where(and(stillHeld(), eq(reviews.sender, sender))).limit(1);
  return Boolean(row);
}

/** An earlier held message from the same sender, if any: it is reviewed first. */
export async function earlierHeldOf(db: Executor, sender: string, inboundId: number): Promise<number | null> {
  const [row] = await db.select({ id: reviews.inboundId }).from(reviews)
    .innerJoin(inboundMessages, eq(inboundMessages.id, reviews.inboundId))
    .where(and(stillHeld(), eq(reviews.sender, sender), lt(reviews.inboundId, inboundId)))
    .orderBy(asc(reviews.inboundId)).limit(1);
  return row?.id ?? null;
}

export interface HeldListing {
  message: number;
  heldAt: Date;
  why: string;
  fromAddress: string | null;
  subject: string | null;
  decision: Record<string, unknown>;
  confidence: number | null;
}

/** Everything waiting for review, in the order the mail arrived: the fair order to decide it in. */
export async function heldReviews(db: Executor): Promise<HeldListing[]> {
  const rows = await db
    .select({
      message: reviews.inboundId, heldAt: reviews.heldAt, why: reviews.why, fromAddress: inboundMessages.fromAddress,
      subject: inboundMessages.subject, decision: reviews.decision, understanding: inboundMessages.understanding,
    })
    .from(reviews)
    .innerJoin(inboundMessages, eq(inboundMessages.id, reviews.inboundId))
    .where(stillHeld())
    .orderBy(asc(reviews.inboundId));
  return rows.map(({ understanding, ...r }) => {
    const confidence = (understanding as { confidence?: unknown } | null)?.confidence;
    return { ...r, confidence: typeof confidence === 'number' ? confidence : null };
  });
}

/** Removes outbox rows that were only a preview (never sent, never to be sent as they are). */
export async function dropPreviews(tx: Executor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(outbox).where(and(inArray(outbox.id, ids), eq(outbox.status, 'held')));
}

/** Retention: the sender's address and the reply context of these messages go. */
export async function purgeReviews(tx: Executor, inboundIds: number[]): Promise<void> {
  if (inboundIds.length === 0) return;
  await tx.update(reviews).set({ sender: null, reply: null }).where(inArray(reviews.inboundId, inboundIds));
}
