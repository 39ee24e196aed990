// `dloket-bot review`: an organiser approves, rejects or corrects a decision the worker held
// (REVIEW=uncertain|all). Seats may have changed since the hold, so an approval decides again,
// under the series lock, with the current state and the (corrected) verdict, through the same
// rules and the same code that writes the changes and the replies. What comes out is kept and
// sent only when it is what the organiser saw (or, for a correction, what they asked for);
// otherwise nothing is changed or sent, and the new decision becomes the item's preview.
import { eq } from 'drizzle-orm';
import { recordChange } from '../db/change-log.js';
import type { Tx } from '../db/client.js';
import { findInbound, type InboundRow } from '../db/inbound-messages.js';
import { findOutboxRows, type OutboxRow } from '../db/outbox.js';
import { activeRegistration, lockSeries } from '../db/registrations.js';
import { dropPreviews, earlierHeldOf, reviewOfMessage, updateReview, type ReviewRow } from '../db/reviews.js';
import { inboundMessages } from '../db/schema.js';
import { loadSeriesState } from '../db/sessions.js';
import { deliverDue, type DeliveryReport } from '../pipeline/deliver.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { domainOf, guardReplies } from '../pipeline/handle-message.js';
import { rehearse, storePreview } from '../pipeline/review-hold.js';
import { decide } from '../rules/decide.js';
import { keywords, type ActiveRegistration, type Decision } from '../rules/types.js';
import type { Understanding } from '../understanding/types.js';

export const correctableIntents = ['register', 'cancel', 'alternatives', 'escalate'] as const;
export type CorrectableIntent = (typeof correctableIntents)[number];

/** An organiser's verdict instead of the bot's: another intent, session or number of people. */
export interface Correction {
  intent: CorrectableIntent;
  /** For register (required unless the verdict names one) and cancel (optional: their only registration). */
  session: string | null;
  attendees: number | null;
}

export type ReviewAction = { type: 'approve' } | { type: 'reject' } | { type: 'correct'; correction: Correction };

/** IMAP keywords the message should carry now (set by the command, a hint as everywhere). */
export interface KeywordUpdate {
  mailbox: string;
  uidValidity: number;
  uid: number;
  add: string[];
  remove: string[];
}

export type ReviewResult =
  /** Applied; its replies were written (and sent, when delivery worked). */
  | { result: 'approved' | 'corrected'; message: number; decision: Decision; replies: OutboxRow[]; delivery: DeliveryReport | null; keywords: KeywordUpdate }
  /** Left for a person: nothing changed or sent. */
  | { result: 'rejected'; message: number; keywords: KeywordUpdate }
  /** Not carried out: the decision now differs from what was shown; it is the new preview, still held. */
  | { result: 'changed'; message: number; decision: Decision; why: string }
  /** Nothing done, for the reason given. */
  | { result: 'refused'; message: number; why: string };

/** The bot's verdict with the organiser's correction in its place (pure). */
export function correctedVerdict(u: Understanding & { candidate?: string | null }, c: Correction, by: string): Understanding {
  const session = c.intent === 'register' ? c.session ?? u.session ?? u.candidate ?? u.requested ?? null
    : c.intent === 'cancel' ? c.session ?? (u.intent === 'cancel' ? u.session : null) : null;
  const sameIntent = c.intent === u.intent;
  const said = [c.intent, session, c.attendees === null ? null : `${c.attendees} people`].filter(Boolean).join(', ');
  return {
    ...u, intent: c.intent, session,
    attendees: c.attendees ?? (sameIntent ? u.attendees : null),
    attendeesAdded: c.attendees === null && sameIntent && u.attendeesAdded,
    requested: null, replaces: null, reason: 'corrected', confidence: 1,
    evidence: [...u.evidence, `corrected in review by ${by}: ${said}`],
  };
}

/** Whether the rules gave what a correction asked for: that registration, that cancellation, that list (pure). */
export function givesWhatWasAsked(d: Decision, u: Understanding, asked: Correction, before: ActiveRegistration | null): boolean {
  switch (u.intent) {
    case 'register': {
      const placed = d.changes.find((c) => (c.type === 'create' || c.type === 'move') && c.session === u.session);
      if (placed && (placed.type === 'create' || placed.type === 'move')) {
        return placed.status === 'confirmed' && (asked.attendees === null || placed.attendees === asked.attendees);
      }
      if (d.outcome !== 'already-registered' || before?.session !== u.session || before.status !== 'confirmed') return false;
      const set = d.changes.find((c) => c.type === 'set-attendees');
      const people = set?.type === 'set-attendees' ? set.attendees : before.attendees;
      return asked.attendees === null || people === asked.attendees;
    }
    case 'cancel':
      return d.outcome === 'cancelled';
    case 'alternatives':
      return d.outcome === 'alternatives';
    default:
      return false;
  }
}

export async function reviewMessage(deps: PipelineDeps, message: number, action: ReviewAction, by: string): Promise<ReviewResult> {
  const now = deps.clock();
  const r = await deps.database.db.transaction((tx) => decideHeld(tx, deps, message, action, by, now));
  const log = deps.logger;
  switch (r.result) {
    case 'approved':
    case 'corrected': {
      log.info({
        event: `review.${r.result}`, message, by, outcome: r.decision.outcome, replies: r.ids.length,
        ...(action.type === 'correct' ? { intent: action.correction.intent, session: action.correction.session, attendees: action.correction.attendees } : {}),
      }, r.decision.note);
      // Sent now, as changes by hand are; what cannot go now stays pending for the worker.
      const delivery = r.ids.length > 0 ? await deliverDue(deps, null, r.ids) : null;
      return { result: r.result, message, decision: r.decision, keywords: r.keywords, delivery, replies: await findOutboxRows(deps.database.db, r.ids) };
    }
    case 'rejected':
      log.info({ event: action.type === 'correct' ? 'review.corrected' : 'review.rejected', message, by, intent: 'escalate' }, 'left for a person');
      return r;
    case 'changed':
      log.info({ event: 'review.changed', message, by, outcome: r.decision.outcome }, r.why);
      return r;
    case 'refused':
      log.warn({ event: 'review.refused', message, by }, r.why);
      return r;
  }
}

type Decided =
  | { result: 'approved' | 'corrected'; decision: Decision; ids: number[]; keywords: KeywordUpdate }
  | Exclude<ReviewResult, { result: 'approved' | 'corrected' }>;

async function decideHeld(tx: Tx, deps: PipelineDeps, message: number, action: ReviewAction, by: string, now: Date): Promise<Decided> {
  const series = deps.catalogue.series;
  const refused = (why: string) => ({ result: 'refused' as const, message, why });
  await lockSeries(tx, series);
  const review = await reviewOfMessage(tx, message);
  if (!review) return refused(`message ${message} was not held for review`);
  if (review.status !== 'held') {
    return refused(`message ${message} was already ${review.action ?? review.status}${review.decidedBy ? ` by ${review.decidedBy}` : ''}`);
  }
  const inbound = await findInbound(tx, message);
  if (!inbound?.understanding || inbound.purgedAt || !review.reply) {
    return refused(`the personal data of message ${message} was removed (retention): nothing left to answer`);
  }
  const earlier = review.sender ? await earlierHeldOf(tx, review.sender, message) : null;
  if (earlier !== null) return refused(`message ${earlier} from the same sender came first and is still held: review it first`);

  const correction = action.type === 'correct' ? action.correction : review.correction as Correction | null;
  const verdict = inbound.understanding as Understanding;
  const u = correction ? correctedVerdict(verdict, correction, by) : verdict;
  if (correction && u.intent === 'register' && !u.session) return refused('say which session (--session)');
  const slugs = deps.catalogue.sessions.map((s) => s.slug);
  if (u.session && !slugs.includes(u.session)) return refused(`there is no session "${u.session}" (${slugs.join(', ')})`);
  const was = { intent: verdict.intent, session: verdict.session, attendees: verdict.attendees, confidence: verdict.confidence };
  const keywordsNow = (add: string[]): KeywordUpdate => ({
    mailbox: inbound.mailbox, uidValidity: inbound.uidValidity, uid: inbound.uid, add, remove: [keywords.review],
  });

  if (action.type === 'reject' || u.intent === 'escalate') {
    // Left for a person like an escalation: no reply at all, not even an acknowledgement.
    await dropPreviews(tx, review.outboxIds);
    await setInbound(tx, inbound, {
      intent: u.intent === 'escalate' ? 'escalate' : inbound.intent, outcome: 'escalated', leftForPeople: true,
      reason: `${inbound.reason ?? ''}; ${action.type === 'reject' ? 'rejected' : 'corrected to escalate'} in review by ${by}`,
      ...(correction ? { understanding: { ...u } } : {}),
    });
    await updateReview(tx, review.id, {
      status: 'rejected', action: action.type === 'reject' ? 'rejected' : 'corrected', decidedBy: by, decidedAt: now, outboxIds: [], correction,
    });
    await recordChange(tx, {
      at: now, origin: 'organiser', actor: by, action: action.type === 'reject' ? 'review-rejected' : 'review-corrected', inboundId: message,
      detail: { was, ...(correction ? { correction } : {}) },
    });
    return { result: 'rejected', message, keywords: keywordsNow([keywords.attention]) };
  }

  const sessions = await loadSeriesState(tx, series);
  const sender = review.sender ?? '';
  const registration = sender ? await activeRegistration(tx, series, sender) : null;
  const decision = guardReplies(decide({
    understanding: u, now, sessions, registration, calendarRegistration: null, senderAddress: sender,
    municipality: u.municipality, policy: deps.policy,
    // The loop guard is for the bot answering by itself; this answer is an organiser's.
    repliesToSenderLastHour: 0,
  }), review.reply.address);
  const shown = review.decision as unknown as Decision;
  const attempt = await rehearse(tx, deps, {
    inboundId: message, sender, reply: review.reply, understanding: u, registration, sessions,
    // The change came by mail; the change log names who let it through.
    actor: { origin: 'mail', name: by }, domain: domainOf(deps.mail.from.address), now,
  }, decision, (print) => (action.type === 'correct' ? givesWhatWasAsked(decision, u, action.correction, registration) : print === review.shown));

  if (!attempt.kept) {
    // The state moved on (or the correction gives something else): nobody saw this decision yet.
    await dropPreviews(tx, review.outboxIds);
    const outboxIds = await storePreview(tx, attempt.rows, attempt.createdId);
    await updateReview(tx, review.id, { decision: { ...decision }, shown: attempt.fingerprint, outboxIds, previewAt: now, correction });
    const why = action.type === 'correct'
      ? `the rules give "${decision.outcome}: ${decision.note}", not what the correction asked for`
      : decision.outcome !== shown.outcome || decision.note !== shown.note
        ? `the decision is now "${decision.outcome}: ${decision.note}" (it was "${shown.outcome}: ${shown.note}")`
        : 'the replies would read differently now (seats or open sessions changed)';
    return { result: 'changed', message, decision, why };
  }

  await dropPreviews(tx, review.outboxIds);
  await setInbound(tx, inbound, {
    intent: u.intent, sessionSlug: u.session, outcome: decision.outcome,
    reason: `${u.reason}; ${decision.note}; ${action.type === 'correct' ? 'corrected' : 'approved'} in review by ${by}`,
    leftForPeople: decision.keywords.includes(keywords.attention),
    ...(correction ? { understanding: { ...u } } : {}),
  });
  await updateReview(tx, review.id, {
    status: 'approved', action: action.type === 'correct' ? 'corrected' : 'approved', decidedBy: by, decidedAt: now,
    decision: { ...decision }, shown: attempt.fingerprint, outboxIds: attempt.ids, correction,
  });
  await recordChange(tx, {
    at: now, origin: 'organiser', actor: by, action: action.type === 'correct' ? 'review-corrected' : 'review-approved',
    inboundId: message, registrationId: attempt.createdId ?? registration?.id ?? null,
    detail: { outcome: decision.outcome, was, ...(correction ? { correction } : {}) },
  });
  return {
    result: action.type === 'correct' ? 'corrected' : 'approved', decision, ids: attempt.ids,
    keywords: keywordsNow(decision.keywords.length ? decision.keywords : [keywords.handled]),
  };
}

async function setInbound(tx: Tx, inbound: InboundRow, fields: Partial<typeof inboundMessages.$inferInsert>): Promise<void> {
  await tx.update(inboundMessages).set(fields).where(eq(inboundMessages.id, inbound.id));
}

/** One held item with everything `review show` prints. */
export interface ReviewItem {
  review: ReviewRow;
  inbound: InboundRow;
  replies: OutboxRow[];
}

export async function reviewItem(deps: Pick<PipelineDeps, 'database'>, message: number): Promise<ReviewItem | null> {
  const { db } = deps.database;
  const review = await reviewOfMessage(db, message);
  const inbound = review ? await findInbound(db, message) : null;
  if (!review || !inbound) return null;
  return { review, inbound, replies: await findOutboxRows(db, review.outboxIds) };
}
