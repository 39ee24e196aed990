// What deciding one message reads about its sender, in one statement: the message runs under the
// series lock, and every statement there is a round trip the next message waits for. The lock is
// taken by a statement of its own before this one, so what this reads is what the lock protects
// (a statement sees the database as it was when the statement began).
import { and, asc, eq, gte, sql, type Placeholder } from 'drizzle-orm';
import type { ActiveRegistration, SessionState } from '../rules/types.js';
import type { Executor } from './client.js';
import { stillHeld } from './reviews.js';
import { seriesStateColumns, toSessionState, type SeriesStateRow } from './sessions.js';
import { statement } from './statement.js';
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

/** Each value of a SenderQuery, or a placeholder for it (the statement below). */
type SenderValues = { [K in keyof SenderQuery]: SenderQuery[K] | Placeholder };

/**
 * readSenderFacts and loadSeriesState (sessions.ts) in one statement: the series' sessions, each
 * with the sender's facts beside it (a series without sessions still gets its one row of facts).
 * Every message reads this: Drizzle builds it once (statement.ts).
 */
const decisionInputs = statement<SenderFacts & SeriesStateRow>('decision_inputs', (tx) => {
  const q: SenderValues = {
    messageId: sql.placeholder('messageId'), series: sql.placeholder('series'), sender: sql.placeholder('sender'),
    replyAddress: sql.placeholder('replyAddress'), since: sql.placeholder('since'),
  };
  const facts = tx.select(senderFactColumns(tx, q)).from(sql`(select 1) as one`).as('facts');
  return tx
    .select({
      handledCopy: facts.handledCopy, registration: facts.registration, repliesSince: facts.repliesSince, heldReview: facts.heldReview,
      ...seriesStateColumns(q.series),
    })
    .from(facts)
    .leftJoin(sessions, eq(sessions.series, q.series))
    .orderBy(asc(sessions.date));
});

export async function readDecisionInputs(
  tx: Executor, q: SenderQuery,
): Promise<{ facts: SenderFacts; sessions: SessionState[] }> {
  // Placeholders in conditions get no column mapping: values go in as the driver takes them.
  const rows = await decisionInputs(tx, { ...q, since: q.since.toISOString() });
  const [first] = rows;
  if (!first) throw new Error('reading the decision inputs returned nothing');
  const { handledCopy, registration, repliesSince, heldReview } = first;
  return {
    facts: { handledCopy, registration, repliesSince, heldReview },
    sessions: rows.flatMap(({ session, taken, waitlist }) => (session ? [toSessionState({ session, taken, waitlist })] : [])),
  };
}

// One shape whatever the values (no reply address: no reply counts; no sender: nothing held),
// so that the statement above can be built once with placeholders.
function senderFactColumns(tx: Executor, q: SenderValues) {
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
  // A null reply address matches no row (= null is never true): 0.
  const replies = sql`(select count(*) from ${outbox} where ${outbox.toAddress} = ${q.replyAddress} and ${gte(outbox.createdAt, q.since)})`;
  const held = tx.select({ one: sql`1` }).from(reviews)
    .innerJoin(inboundMessages, eq(inboundMessages.id, reviews.inboundId))
    .where(and(stillHeld(), eq(reviews.sender, q.sender)));
  return {
    handledCopy: sql<boolean>`exists (${handledCopy})`.as('handled_copy'),
    registration: sql<ActiveRegistration | null>`(${registration})`.as('registration'),
    repliesSince: sql<number>`${replies}::int`.as('replies_since'),
    heldReview: sql<boolean>`(${q.sender}::text <> '' and exists (${held}))`.as('held_review'),
  };
}
