// Review mode (REVIEW=uncertain|all): the pipeline's one choice between "apply now" and "wait
// for an organiser". A held decision changes no registration and sends nothing. Its replies are
// rendered exactly as they would go out (the changes are made in a savepoint that is rolled
// back) and kept in the outbox as `held` previews; `dloket-bot review` (src/organisers/review.ts)
// later decides again under the series lock and carries it out with the same functions.
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import type { ReviewConfig } from '../config/config.js';
import type { Actor } from '../db/change-log.js';
import type { Tx } from '../db/client.js';
import { recordInbound, setInboundRegistration, type NewInbound } from '../db/inbound-messages.js';
import { advanceCursor } from '../db/mailbox-state.js';
import { enqueueReply, findOutboxRows, type OutboxRow } from '../db/outbox.js';
import { insertReview } from '../db/reviews.js';
import type { ReviewReplyTo } from '../db/schema.js';
import { loadSeriesState } from '../db/sessions.js';
import type { Logger } from '../observability/logger.js';
import { keywords, type ActiveRegistration, type Decision, type SessionState } from '../rules/types.js';
import { personName } from '../understanding/person-name.js';
import type { InboundMail, Understanding } from '../understanding/types.js';
import { applyChanges } from './apply-decision.js';
import type { PipelineDeps } from './deps.js';
import { writeReplies } from './write-replies.js';

/** Why a decision waits: REVIEW=all, a confidence below REVIEW_CONFIDENCE, or an earlier held message from the sender. */
export type HoldReason = 'all' | 'uncertain' | 'sender';

/**
 * Only decisions about a person's mail that change or send something are held. Machine mail is
 * never answered; an escalation is already left for a person, and its optional acknowledgement
 * promises nothing but that a person will answer.
 */
function reviewable(u: Understanding, d: Decision): boolean {
  return u.intent !== 'ignore' && u.intent !== 'escalate' && (d.changes.length > 0 || d.replies.length > 0);
}

/** What the setting alone says (pure). */
export function holdReason(policy: ReviewConfig | undefined, u: Understanding, d: Decision): 'all' | 'uncertain' | null {
  if (!policy || policy.mode === 'off' || !reviewable(u, d)) return null;
  if (policy.mode === 'all') return 'all';
  return u.confidence < policy.confidence ? 'uncertain' : null;
}

/**
 * Hold or apply. Mail from someone whose earlier message is still held waits too (whatever the
 * setting), so one person's messages are decided in the order they wrote them.
 */
export function reviewHold(
  policy: ReviewConfig | undefined, u: Understanding, d: Decision, senderHasHeld: boolean,
): HoldReason | null {
  if (!reviewable(u, d)) return null;
  return holdReason(policy, u, d) ?? (senderHasHeld ? 'sender' : null);
}

export interface Hold {
  deps: PipelineDeps;
  log: Logger;
  /** The message's record as the pipeline would write it. */
  record: NewInbound;
  mail: InboundMail;
  understanding: Understanding;
  decision: Decision;
  sessions: SessionState[];
  registration: ActiveRegistration | null;
  replyAddress: string | null;
  why: HoldReason;
  domain: string;
  now: Date;
}

/** Records the message as held, with the preview of its replies; nothing is changed or sent. */
export async function holdForReview(tx: Tx, h: Hold): Promise<{ outcome: string; keywords: string[]; outboxIds: number[] }> {
  const inboundId = await recordInbound(tx, {
    ...h.record, outcome: 'held', leftForPeople: false, reason: `${h.record.reason}; held for review (${h.why})`,
  });
  if (inboundId === null) return { outcome: 'already-recorded', keywords: [], outboxIds: [] };
  const sender = h.record.fromAddress ?? '';
  const reply: ReviewReplyTo = {
    address: h.replyAddress, name: h.mail.from?.name || null, subject: h.mail.subject,
    messageId: h.mail.messageId, references: h.mail.references,
  };
  const preview = await rehearse(tx, h.deps, {
    inboundId, sender, reply, understanding: h.understanding, registration: h.registration, sessions: h.sessions,
    actor: { origin: 'mail', name: null }, domain: h.domain, now: h.now,
  }, h.decision, () => false);
  const outboxIds = await storePreview(tx, preview.rows, preview.createdId);
  await insertReview(tx, {
    inboundId, sender: sender || null, reply, why: h.why, status: 'held', heldAt: h.now, decision: { ...h.decision },
    shown: preview.fingerprint, outboxIds, previewAt: h.now,
  });
  await advanceCursor(tx, h.record.mailbox, h.record.uidValidity, h.record.uid, h.now);
  h.log.info({
    event: 'review.held', message: inboundId, why: h.why, outcome: h.decision.outcome, confidence: h.understanding.confidence,
  }, 'held for review');
  // The preview ids let replay show them; delivery never claims a held row.
  return { outcome: 'held', keywords: [keywords.review], outboxIds };
}

/** A held message and what its decision needs to be carried out as the worker would have. */
export interface Carry {
  inboundId: number;
  sender: string;
  reply: ReviewReplyTo;
  understanding: Understanding;
  registration: ActiveRegistration | null;
  sessions: SessionState[];
  actor: Actor;
  domain: string;
  now: Date;
}

/** Makes the decision's changes and writes its replies (state pending, or held when replies are off). */
export async function carryOut(tx: Tx, deps: PipelineDeps, c: Carry, decision: Decision): Promise<{ createdId: number | null; ids: number[] }> {
  const u = c.understanding;
  const series = deps.catalogue.series;
  const { createdId } = await applyChanges(tx, decision.changes, {
    series, sessions: c.sessions, now: c.now, domain: c.domain, actor: c.actor, inboundId: c.inboundId,
    registrant: { email: c.sender, name: personName(c.reply.name), municipality: u.municipality, names: u.names, language: u.language },
  });
  const senderRegistrationId = createdId ?? c.registration?.id ?? null;
  // A registration it created was linked to it by its insert (apply-decision.ts).
  if (createdId === null && senderRegistrationId !== null) await setInboundRegistration(tx, c.inboundId, senderRegistrationId);
  const ids = decision.replies.length === 0 ? [] : await writeReplies(tx, decision.replies, {
    inboundId: c.inboundId, mail: replyMail(c.reply, c.sender), replyAddress: c.reply.address, language: u.language,
    createdId, senderRegistrationId,
    sessions: decision.changes.length ? await loadSeriesState(tx, series) : c.sessions,
    catalogue: deps.catalogue, mailConfig: deps.mail, templates: deps.templates, now: c.now,
  });
  return { createdId, ids };
}

export interface Rehearsal {
  /** The changes and replies were kept (`keep` said yes); otherwise all of it was rolled back. */
  kept: boolean;
  rows: OutboxRow[];
  ids: number[];
  createdId: number | null;
  fingerprint: string;
}

class RolledBack extends Error {}

/**
 * Carries the decision out in a savepoint and keeps it only when `keep` approves of what came
 * out (its fingerprint); otherwise rolls it back, returning the replies as they would have gone.
 */
export async function rehearse(
  tx: Tx, deps: PipelineDeps, c: Carry, decision: Decision, keep: (fingerprint: string) => boolean,
): Promise<Rehearsal> {
  let result: Rehearsal | null = null;
  try {
    await tx.transaction(async (sp) => {
      const { createdId, ids } = await carryOut(sp as unknown as Tx, deps, c, decision);
      const rows = await findOutboxRows(sp, ids);
      const print = await fingerprint(decision, rows);
      result = { kept: keep(print), rows, ids, createdId, fingerprint: print };
      if (!result.kept) throw new RolledBack();
    });
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
  }
  if (!result) throw new Error('rehearsal produced nothing');
  return result;
}

/** Keeps rehearsed replies as held previews; a registration that was rolled back is not referred to. */
export async function storePreview(tx: Tx, rows: OutboxRow[], createdId: number | null): Promise<number[]> {
  const ids: number[] = [];
  for (const { id: _id, ...row } of rows) {
    ids.push(await enqueueReply(tx, {
      ...row, status: 'held', registrationId: row.registrationId === createdId ? null : row.registrationId,
    }));
  }
  return ids;
}

/**
 * What an organiser sees of a decision: its outcome, changes and keywords, and each reply's kind,
 * recipient, subject and text. Message-ID, Date and the invite's DTSTAMP and UID are made when
 * the mail is written and are not part of it.
 */
export async function fingerprint(decision: Decision, rows: OutboxRow[]): Promise<string> {
  const replies: string[][] = [];
  for (const r of rows) {
    const parsed = await simpleParser(r.raw);
    replies.push([r.kind, r.toAddress, parsed.subject ?? '', (parsed.text ?? '').trimEnd()]);
  }
  const seen = { outcome: decision.outcome, changes: decision.changes, keywords: [...decision.keywords].sort(), replies };
  return createHash('sha256').update(JSON.stringify(seen)).digest('hex');
}

/** The parts of the original mail that addressing and threading a reply use. */
function replyMail(reply: ReviewReplyTo, sender: string): InboundMail {
  return {
    messageId: reply.messageId, inReplyTo: null, references: reply.references,
    from: { address: sender, name: reply.name ?? '' }, sender: null, replyTo: null, returnPath: null, to: [], cc: [],
    subject: reply.subject, date: null, headers: {}, text: '', html: null, attachments: [], calendar: [], reportType: null, size: 0,
  };
}
