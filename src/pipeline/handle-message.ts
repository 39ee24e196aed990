// One message, end to end: read it (parse, understand, the envelope: no lock, no writes), then
// decide and record the decision with the replies it owes in one transaction under the series
// lock. Sending happens after the commit (see deliver.ts, send-lane.ts).
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Tx } from '../db/client.js';
import { readDecisionInputs } from '../db/decision-inputs.js';
import { clip, isRecorded, recordInbound, setInboundRegistration, type NewInbound } from '../db/inbound-messages.js';
import { claimedReply, findThread, type ClaimedReply } from '../db/outbox.js';
import {
  findByCalendarUid, lockSeries, recordWithRegistration, recordWithRegistrationAndReply, registrationToBe, type RegistrationRow,
} from '../db/registrations.js';
import { loadSeriesState } from '../db/sessions.js';
import { transaction } from '../db/transaction.js';
import type { MailboxStatus } from '../mailbox/types.js';
import type { Logger } from '../observability/logger.js';
import { decide } from '../rules/decide.js';
import { keywords, type Decision } from '../rules/types.js';
import { splitNewText } from '../understanding/new-text.js';
import { parseMail } from '../understanding/parse.js';
import { personName } from '../understanding/person-name.js';
import type { InboundMail, Understanding } from '../understanding/types.js';
import { deadlineIn, pastDeadline, TimeLimitError } from '../understanding/time-limit.js';
import { understand } from '../understanding/understand.js';
import { applyChanges, creationOf, withCreated, type ChangeContext } from './apply-decision.js';
import type { PipelineDeps } from './deps.js';
import { readEnvelope, screenDecision, type Envelope } from './envelope.js';
import { replyAddressOf } from './reply-address.js';
import { holdForReview, reviewHold } from './review-hold.js';
import { releaseUnsent } from './unrecorded.js';
import { replyRow, writeReplies } from './write-replies.js';

export interface IncomingMessage {
  uid: number;
  size: number;
  internalDate: Date | null;
  source: Buffer;
  /** The message was larger than MAX_MESSAGE_BYTES and was cut off. */
  truncated: boolean;
  /**
   * Its UID is above the cursor the sync read before listing it (sync.ts): then it cannot be
   * recorded yet, and the check that would skip it is a round trip saved.
   */
  aboveCursor?: boolean;
}

export interface Handled {
  outcome: string;
  keywords: string[];
  outboxIds: number[];
  /**
   * With `claim` (the worker's sync): the replies of outboxIds that were written already claimed
   * for its send lane, to be sent from here (the others are held or suppressed, not to be sent).
   */
  claimed?: ClaimedReply[];
}

export interface RecordOptions {
  /** The caller's send lane sends the replies: write them claimed (see ClaimedReply, outbox.ts). */
  claim?: boolean;
}

const nothing = (outcome: string): Handled => ({ outcome, keywords: [], outboxIds: [] });

/**
 * What reading a message (outside any lock) leaves to record: a verdict for organisers, or
 * everything the decision needs. Reading writes nothing, so a sync may read the next message
 * while this one's transaction runs, and still record them one by one in UID order.
 */
export type ReadMessage =
  | { kind: 'done'; handled: Handled }
  | { kind: 'organisers'; log: Logger; row: NewInbound }
  | { kind: 'decide'; step: Omit<Step, 'deps' | 'claimed'> };

export async function handleMessage(deps: PipelineDeps, box: MailboxStatus, msg: IncomingMessage, opts: RecordOptions = {}): Promise<Handled> {
  return recordMessage(deps, await readMessage(deps, box, msg), opts);
}

/** Parse, understand, read the envelope: everything before the series lock. Writes nothing. */
export async function readMessage(deps: PipelineDeps, box: MailboxStatus, msg: IncomingMessage): Promise<ReadMessage> {
  const uidValidity = Number(box.uidValidity);
  // Only saves the work on a message already recorded: should one slip through, its record's
  // insert finds the (mailbox, UIDVALIDITY, UID) key taken and nothing is changed or sent.
  if (!msg.aboveCursor && await isRecorded(deps.database.db, box.path, uidValidity, msg.uid)) {
    return { kind: 'done', handled: nothing('already-recorded') };
  }
  const log = deps.logger.child({ uid: msg.uid });
  const now = deps.clock();
  const base: NewInbound = {
    mailbox: box.path, uidValidity, uid: msg.uid, size: msg.size, receivedAt: msg.internalDate, processedAt: now, outcome: '',
  };
  const forOrganisers = (row: NewInbound): ReadMessage => ({ kind: 'organisers', log, row });
  if (msg.truncated) {
    return forOrganisers({ ...base, outcome: 'oversized', error: `larger than ${deps.mail.maxMessageBytes} bytes` });
  }
  // Reading one message (parse, understand, the envelope) has a time limit (time-limit.ts).
  let deadline = deadlineIn(deps.mail.messageTimeLimitMs);
  let mail: InboundMail;
  try {
    mail = await parseMail(msg.source, { deadline });
  } catch (err) {
    return forOrganisers({ ...base, ...unreadable(err, deps) });
  }
  // Without a Message-ID the content itself identifies the message, so a rescan still knows it.
  const messageKey = mail.messageId ?? `<sha256-${createHash('sha256').update(msg.source).digest('hex')}@dloket-bot.invalid>`;
  const about: NewInbound = {
    ...base, messageId: messageKey, fromAddress: mail.from?.address.toLowerCase() ?? null,
    fromName: mail.from?.name || null, subject: mail.subject, sentAt: validDate(mail.date),
  };
  log.info({ event: 'message.received', messageId: messageKey, size: msg.size }, 'message received');

  // A thread is the bot's own mail, committed before it was sent: one this message answers was
  // committed before it arrived, so reading it ahead of the messages before it misses nothing.
  const left = deadline - performance.now();
  const thread = await findThread(deps.database.db, [mail.inReplyTo, ...mail.references].filter((id): id is string => !!id));
  deadline = deadlineIn(left); // the database's time does not count against the message
  let understanding: Understanding;
  try {
    understanding = understand(mail, {
      now, catalogue: deps.catalogue, ownAddresses: deps.mail.ownAddresses, thread: thread?.thread ?? null,
    });
  } catch (err) {
    return forOrganisers({ ...about, outcome: 'error', error: `not understood: ${(err as Error).message}` });
  }
  let envelope: Envelope;
  try {
    if (pastDeadline(deadline)) throw new TimeLimitError('understanding the message took longer than the time limit');
    envelope = await readEnvelope(mail, msg.source, understanding, deps.mail, deadline);
  } catch (err) {
    return forOrganisers({ ...about, ...unreadable(err, deps) });
  }
  return { kind: 'decide', step: { log, mail, about, understanding, envelope, now } };
}

/** Records what was read: for organisers, or decided under the series lock in one transaction. */
export async function recordMessage(deps: PipelineDeps, read: ReadMessage, opts: RecordOptions = {}): Promise<Handled> {
  if (read.kind === 'done') return read.handled;
  if (read.kind === 'organisers') return recordForOrganisers(deps, read.log, read.row);
  const { log, about, understanding } = read.step;
  // Replies written claimed for the caller's lane: if the transaction fails after writing them, its
  // COMMIT may still have gone through (the connection broke before its answer); then nobody would
  // send them until a restart, so they go back to pending (a no-op for rows rolled back).
  const claimed = opts.claim ? [] as ClaimedReply[] : undefined;
  let result: Handled;
  try {
    // BEGIN goes out with the series lock's statement (db/transaction.ts): a round trip less per message.
    result = await transaction(deps.database.db, (tx) => decideAndRecord(tx, { ...read.step, deps, claimed }));
  } catch (err) {
    if (claimed && claimed.length > 0) await releaseUnsent(deps, claimed.map((r) => r.id));
    throw err;
  }
  if (result.outcome !== 'already-recorded') {
    log.info({ event: 'message.recorded', messageId: about.messageId, outcome: result.outcome, replies: result.outboxIds.length }, 'recorded');
    deps.metrics?.messageRecorded(result.outcome, understanding.intent);
    if (!deps.mail.repliesEnabled) deps.metrics?.repliesHeld(result.outboxIds.length);
  }
  return result;
}

interface Step {
  deps: PipelineDeps;
  log: Logger;
  mail: InboundMail;
  about: NewInbound;
  understanding: Understanding;
  envelope: Envelope;
  now: Date;
  /** Given: the replies are written claimed for the caller's send lane, and added here (see RecordOptions). */
  claimed: ClaimedReply[] | undefined;
}

/** Stands for the number of a registration not inserted yet (registrationToBe); never a real one. */
const PENDING_ID = -1;

/** Under the series lock: load the state, decide, and write the decision and its replies. */
async function decideAndRecord(tx: Tx, s: Step): Promise<Handled> {
  const { deps, about, understanding, now } = s;
  const { claimed } = s;
  const series = deps.catalogue.series;
  const registrant = about.fromAddress ?? '';
  const replyAddress = replyAddressOf(s.mail, deps.mail.ownAddresses);
  // Everything the decision reads (the sender, the series' seats), in one statement under the
  // lock. The lock's statement is issued first and the reads' right behind it, without waiting
  // (one write, one round trip): the server runs a connection's statements in order, so the
  // reads' snapshot is taken once the lock is held and sees what the lock protects.
  const [, { facts, sessions }] = await Promise.all([
    lockSeries(tx, series),
    readDecisionInputs(tx, {
      messageId: about.messageId!, series, sender: registrant, replyAddress: understanding.intent !== 'ignore' ? replyAddress : null,
      since: new Date(now.getTime() - 3_600_000),
    }),
  ]);
  // The same message again (a copy, or a rescan after UIDVALIDITY changed): never a second answer.
  if (facts.handledCopy) {
    const recorded = await recordInbound(tx, { ...about, outcome: 'duplicate', reason: 'same Message-ID already handled' }, now);
    return nothing(recorded === null ? 'already-recorded' : 'duplicate');
  }
  const registration = registrant ? facts.registration : null;
  const calendarRow = understanding.calendarReply ? await findByCalendarUid(tx, understanding.calendarReply.uid) : null;
  const planned = guardReplies(decide({
    understanding, now, sessions, registration,
    calendarRegistration: calendarRow ? { id: calendarRow.id, email: calendarRow.email } : null,
    senderAddress: registrant,
    municipality: understanding.municipality,
    repliesToSenderLastHour: facts.repliesSince,
    policy: deps.policy,
  }), replyAddress);
  // DMARC failed: nothing changes; a report of one of our replies: a bounce.
  const screened = await screenDecision(tx, planned, s.envelope, now);
  const { decision } = screened;
  s.log.info({
    event: 'message.decided', intent: understanding.intent, session: understanding.session, reason: understanding.reason,
    confidence: understanding.confidence, outcome: decision.outcome,
  }, decision.note);

  const record: NewInbound = {
    ...about, intent: understanding.intent, sessionSlug: understanding.session, outcome: decision.outcome,
    reason: `${understanding.reason}; ${decision.note}`, understanding: { ...understanding },
    // What the sender wrote now, for organisers (`messages show`); retention removes it.
    newText: clip(splitNewText(s.mail.text).body, 20_000),
    leftForPeople: decision.keywords.includes(keywords.attention),
  };
  // Review mode: an organiser approves the decision before anything is changed or sent.
  const why = reviewHold(deps.review, understanding, decision, facts.heldReview);
  if (why) {
    return holdForReview(tx, {
      deps, log: s.log, record, mail: s.mail, understanding, decision, sessions, registration, replyAddress, why,
      domain: domainOf(deps.mail.from.address), now,
    });
  }
  const changeContext = (inboundId: number | null): ChangeContext => ({
    series, sessions, now, domain: domainOf(deps.mail.from.address), actor: { origin: 'mail', name: null }, inboundId,
    registrant: {
      email: registrant, name: personName(s.mail.from?.name), municipality: understanding.municipality,
      names: understanding.names, language: understanding.language,
    },
  });
  let inboundId: number | null;
  let createdId: number | null = null;
  let created: RegistrationRow | null = null;
  const [only] = decision.changes;
  if (decision.changes.length === 1 && only?.type === 'create' && !screened.writesAfterRecord) {
    // A signup: its record (and the cursor's move), the registration, its change-log row and the
    // link between them, in one statement (registrations.ts); with its reply too, when it has one.
    const creation = creationOf(only, changeContext(null));
    const [planned] = decision.replies;
    if (decision.replies.length === 1 && planned?.to === 'sender' && planned.registration === 'new') {
      // Composed before the statement, from the registration as the insert will return it: the
      // reply names no number of it, and the statement links the reply to it and to the record.
      const toBe = registrationToBe(creation.registration, PENDING_ID);
      const reply = await replyRow(tx, planned, {
        inboundId: null, mail: s.mail, replyAddress, language: understanding.language, createdId: PENDING_ID, created: toBe,
        senderRegistrationId: PENDING_ID, sessions: withCreated(sessions, toBe), catalogue: deps.catalogue, mailConfig: deps.mail,
        templates: deps.templates, now, ...(claimed ? { claimed } : {}),
      });
      if (reply) {
        const done = await recordWithRegistrationAndReply(tx, record, now, creation.registration, creation.change, reply);
        if (done === null) return nothing('already-recorded'); // another instance recorded it first
        if (claimed && done.outboxStatus === 'sending') claimed.push(claimedReply(done.outboxId, { ...reply, inboundId: done.inboundId }));
        return { outcome: decision.outcome, keywords: decision.keywords, outboxIds: [done.outboxId], ...(claimed ? { claimed } : {}) };
      }
    }
    const done = await recordWithRegistration(tx, record, now, creation.registration, creation.change);
    if (done === null) return nothing('already-recorded'); // another instance recorded it first
    ({ inboundId, created } = done);
    createdId = created.id;
  } else {
    // Recorded, and the cursor moved past it, in one statement.
    inboundId = await recordInbound(tx, record, now);
    if (inboundId === null) return nothing('already-recorded'); // another instance recorded it first
    await screened.afterRecord(inboundId);
    ({ createdId, created } = await applyChanges(tx, decision.changes, changeContext(inboundId)));
  }
  const senderRegistrationId = createdId ?? registration?.id ?? calendarRow?.id ?? null;
  // A registration it created was linked to it by its insert (apply-decision.ts).
  if (createdId === null && senderRegistrationId !== null) await setInboundRegistration(tx, inboundId, senderRegistrationId);
  // Replies show seats left after this decision's changes: a new registration alone is added
  // to what was read; other changes, the state is read again.
  const outboxIds = decision.replies.length === 0 ? [] : await writeReplies(tx, decision.replies, {
    inboundId, mail: s.mail, replyAddress, language: understanding.language, createdId, created, senderRegistrationId,
    sessions: decision.changes.length === 0 ? sessions
      : decision.changes.length === 1 && created ? withCreated(sessions, created)
        : await loadSeriesState(tx, series),
    catalogue: deps.catalogue, mailConfig: deps.mail, templates: deps.templates, now, ...(claimed ? { claimed } : {}),
  });
  return { outcome: decision.outcome, keywords: decision.keywords, outboxIds, ...(claimed ? { claimed } : {}) };
}

/** No safe address to answer (none, our own, a machine's): keep the decision, drop the replies. */
export function guardReplies(decision: Decision, replyAddress: string | null): Decision {
  if (replyAddress || !decision.replies.some((r) => r.to === 'sender')) return decision;
  return {
    ...decision,
    replies: decision.replies.filter((r) => r.to !== 'sender'),
    keywords: [...new Set([...decision.keywords, keywords.attention])],
    note: `${decision.note}; no address to answer`,
  };
}

/** Oversized, unreadable or failing: recorded for organisers, never answered. */
export async function recordForOrganisers(deps: PipelineDeps, log: Logger, row: NewInbound): Promise<Handled> {
  await deps.database.db.transaction(async (tx: Tx) => {
    await recordInbound(tx, { ...row, leftForPeople: true }, deps.clock());
  });
  log.warn({ event: 'message.recorded', messageId: row.messageId, outcome: row.outcome, error: row.error }, `left for organisers: ${row.outcome}`);
  deps.metrics?.messageRecorded(row.outcome, null);
  return { outcome: row.outcome, keywords: [keywords.attention], outboxIds: [] };
}

/** Parse failures are errors; running out of time is its own outcome. */
function unreadable(err: unknown, deps: PipelineDeps): Pick<NewInbound, 'outcome' | 'error'> {
  if (err instanceof TimeLimitError) {
    return { outcome: 'too-slow', error: `reading it took longer than ${deps.mail.messageTimeLimitMs / 1000} s (MESSAGE_TIME_LIMIT_SECONDS)` };
  }
  return { outcome: 'error', error: `unreadable: ${(err as Error).message}` };
}

// A Date header of the year 99999 parses, but PostgreSQL cannot store what toISOString() makes of it.
function validDate(d: Date | null): Date | null {
  return d && !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1000 && d.getUTCFullYear() <= 9999 ? d : null;
}

export function domainOf(address: string): string {
  return address.split('@')[1]?.toLowerCase() ?? 'dloket-bot.invalid';
}
