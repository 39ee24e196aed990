// What deciding one message reads about its sender, in one statement: the message runs under the
// series lock, and every statement there is a round trip the next message waits for. The lock is
// taken by a statement of its own before this one, so what this reads is what the lock protects
// (a statement sees the database as it was when the statement began).
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { ActiveRegistration, SessionState } from '../rules/types.js';
import type { Executor } from './client.js';
import { stillHeld } from './reviews.js';
import { seriesStateColumns, toSessionState } from './sessions.js';
import { inboundMessages, outbox, registrations, reviews, sessions } from './schema.js';

export interface SenderFacts {
  /** An earlier copy of the same message (same Message-ID) was already acted on. */
  handledCopy: boolean;
  /** The sender's active registration in the series, if any. */
  registration: ActiveRegistration | null;
  /** Replies written to the reply address since `since` (0 without a reply address). */
  repliesSince: number;
  /** Mail from the sender waits for review: the next one waits behind it. */
  heldReview: boolean;
}

export interface SenderQuery {
  messageId: string;
  series: string;
  /** The lowercased From; empty when there is none. */
  sender: string;
  replyAddress: string | null;
  since: Date;
}

/** findHandledCopy, activeRegistration, countRepliesTo and hasHeldReview, as one statement. */
export async function readSenderFacts(tx: Executor, q: SenderQuery): Promise<SenderFacts> {
  const [row] = await tx.select(senderFactColumns(tx, q)).from(sql`(select 1) as one`);
  if (!row) throw new Error('reading the sender facts returned nothing');
  return row;
}

/**
 * readSenderFacts and loadSeriesState (sessions.ts) in one statement: the series' sessions, each
 * with the sender's facts beside it (a series without sessions still gets its one row of facts).
 */
export async function readDecisionInputs(
  tx: Executor, q: SenderQuery,
): Promise<{ facts: SenderFacts; sessions: SessionState[] }> {
  const facts = tx.select(senderFactColumns(tx, q)).from(sql`(select 1) as one`).as('facts');
  const rows = await tx
    .select({
      handledCopy: facts.handledCopy, registration: facts.registration, repliesSince: facts.repliesSince, heldReview: facts.heldReview,
      ...seriesStateColumns(q.series),
    })
    .from(facts)
    .leftJoin(sessions, eq(sessions.series, q.series))
    .orderBy(asc(sessions.date));
  const [first] = rows;
  if (!first) throw new Error('reading the decision inputs returned nothing');
  const { handledCopy, registration, repliesSince, heldReview } = first;
  return {
    facts: { handledCopy, registration, repliesSince, heldReview },
    sessions: rows.flatMap(({ session, taken, waitlist }) => (session ? [toSessionState({ session, taken, waitlist })] : [])),
  };
}

function senderFactColumns(tx: Executor, q: SenderQuery) {
  const handledCopy = tx.select({ one: sql`1` }).from(inboundMessages)
    .where(and(eq(inboundMessages.messageId, q.messageId), sql`${inboundMessages.outcome} not in ('duplicate', 'error')`));
  const registration = tx.select({
    row: sql`json_build_object('id', ${registrations.id}, 'session', ${sessions.slug}, 'status', ${registrations.status},
      'attendees', ${registrations.attendees}, 'calendarSequence', ${registrations.calendarSequence})`,
  })
    .from(registrations)
    .innerJoin(sessions, eq(sessions.id, registrations.sessionId))
    .where(and(eq(registrations.series, q.series), eq(registrations.email, q.sender), sql`${registrations.status} <> 'cancelled'`))
    .limit(1);
  const replies = q.replyAddress
    ? sql`(select count(*) from ${outbox} where ${and(eq(outbox.toAddress, q.replyAddress), gte(outbox.createdAt, q.since))})`
    : sql`0`;
  const held = tx.select({ one: sql`1` }).from(reviews)
    .innerJoin(inboundMessages, eq(inboundMessages.id, reviews.inboundId))
    .where(and(stillHeld(), eq(reviews.sender, q.sender)));
  return {
    handledCopy: sql<boolean>`exists (${handledCopy})`.as('handled_copy'),
    registration: sql<ActiveRegistration | null>`(${registration})`.as('registration'),
    repliesSince: sql<number>`${replies}::int`.as('replies_since'),
    heldReview: sql<boolean>`${q.sender ? sql`exists (${held})` : sql`false`}`.as('held_review'),
  };
}
