import { createHash } from 'node:crypto';
// One message, end to end: parse, understand, decide, and record the decision with the
// replies it owes in one transaction. Sending happens after the commit (see deliver.ts).
import type { Tx } from '../db/client.js';
import { findHandledCopy, isRecorded, recordInbound, setInboundRegistration, type NewInbound } from '../db/inbound-messages.js';
import { advanceCursor } from '../db/mailbox-state.js';
import { countRepliesTo, findThread } from '../db/outbox.js';
import { activeRegistration, findByCalendarUid, lockSeries } from '../db/registrations.js';
import { loadSeriesState } from '../db/sessions.js';
import type { MailboxStatus } from '../mailbox/types.js';
import { decide } from '../rules/decide.js';
import { keywords, type Decision } from '../rules/types.js';
import { parseMail } from '../understanding/parse.js';
import type { InboundMail, Understanding } from '../understanding/types.js';
import { personName } from '../understanding/person-name.js';
import { understand } from '../understanding/understand.js';
import { applyChanges } from './apply-decision.js';
import type { PipelineDeps } from './deps.js';
import { replyAddressOf } from './reply-address.js';
import { writeReplies } from './write-replies.js';

export interface IncomingMessage {
  uid: number;
  size: number;
  internalDate: Date | null;
  source: Buffer;
  /** The message was larger than MAX_MESSAGE_BYTES and was cut off. */
  truncated: boolean;
}

export interface Handled {
  outcome: string;
  keywords: string[];
  outboxIds: number[];
}

/** A fault in the message or in our handling of it, not in the infrastructure: retrying won't help. */
export class PoisonMessageError extends Error {}

export async function handleMessage(deps: PipelineDeps, box: MailboxStatus, msg: IncomingMessage): Promise<Handled> {
  const { db } = deps.database;
  const uidValidity = Number(box.uidValidity);
  if (await isRecorded(db, box.path, uidValidity, msg.uid)) return { outcome: 'already-recorded', keywords: [], outboxIds: [] };
  const now = deps.clock();
  const base: NewInbound = {
    mailbox: box.path, uidValidity, uid: msg.uid, size: msg.size, receivedAt: msg.internalDate, processedAt: now, outcome: '',
  };
  if (msg.truncated) {
    return recordOnly(deps, { ...base, outcome: 'oversized', error: `larger than ${deps.mail.maxMessageBytes} bytes` }, [keywords.attention]);
  }

  let mail: InboundMail;
  try {
    mail = await parseMail(msg.source);
  } catch (err) {
    return recordOnly(deps, { ...base, outcome: 'error', error: `unreadable: ${(err as Error).message}` }, [keywords.attention]);
  }
  // Without a Message-ID the content itself identifies the message, so a rescan still knows it.
  const messageKey = mail.messageId ?? `<sha256-${createHash('sha256').update(msg.source).digest('hex')}@dloket-bot.invalid>`;
  const about: NewInbound = {
    ...base, messageId: messageKey, fromAddress: mail.from?.address.toLowerCase() ?? null,
    fromName: mail.from?.name || null, subject: mail.subject, sentAt: validDate(mail.date),
  };
  // The same message a second time (a copy, or a rescan after UIDVALIDITY changed): never a second answer.
  if (await findHandledCopy(db, messageKey)) {
    return recordOnly(deps, { ...about, outcome: 'duplicate', reason: 'same Message-ID already handled' }, []);
  }

  const referred = [mail.inReplyTo, ...mail.references].filter((id): id is string => Boolean(id));
  const thread = await findThread(db, referred);
  let understanding: Understanding;
  try {
    understanding = understand(mail, {
      now, catalogue: deps.catalogue, ownAddresses: deps.mail.ownAddresses, thread: thread?.thread ?? null,
    });
  } catch (err) {
    return recordOnly(deps, { ...about, outcome: 'error', error: `not understood: ${(err as Error).message}` }, [keywords.attention]);
  }

  const registrant = about.fromAddress ?? '';
  const replyAddress = replyAddressOf(mail, deps.mail.ownAddresses);
  const series = deps.catalogue.series;
  const result = await db.transaction(async (tx) => {
    await lockSeries(tx, series);
    // Checked again under the lock: two copies handled at once still get one answer.
    if (await findHandledCopy(tx, messageKey)) {
      await recordInbound(tx, { ...about, outcome: 'duplicate', reason: 'same Message-ID already handled' });
      await advanceCursor(tx, box.path, uidValidity, msg.uid, now);
      return 'duplicate' as const;
    }
    const sessions = await loadSeriesState(tx, series);
    const registration = registrant ? await activeRegistration(tx, series, registrant) : null;
    const calendarRow = understanding.calendarReply ? await findByCalendarUid(tx, understanding.calendarReply.uid) : null;
    const decision = guardReplies(decide({
      understanding, now, sessions, registration,
      calendarRegistration: calendarRow ? { id: calendarRow.id, email: calendarRow.email } : null,
      senderAddress: registrant,
      municipality: understanding.municipality,
      repliesToSenderLastHour: replyAddress ? await countRepliesTo(tx, replyAddress, new Date(now.getTime() - 3_600_000)) : 0,
      policy: deps.policy,
    }), replyAddress);

    const inboundId = await recordInbound(tx, {
      ...about, intent: understanding.intent, sessionSlug: understanding.session, outcome: decision.outcome,
      reason: `${understanding.reason}; ${decision.note}`, understanding: { ...understanding },
    });
    if (inboundId === null) return null; // another instance recorded it first
    const { createdId } = await applyChanges(tx, decision.changes, {
      series, sessions, registrant: { email: registrant, name: personName(mail.from?.name) }, understanding, now,
      domain: domainOf(deps.mail.from.address),
    });
    const senderRegistrationId = createdId ?? registration?.id ?? calendarRow?.id ?? null;
    if (senderRegistrationId !== null) await setInboundRegistration(tx, inboundId, senderRegistrationId);
    const outboxIds = await writeReplies(tx, decision.replies, {
      inboundId, mail, replyAddress, language: understanding.language, createdId, senderRegistrationId,
      sessions: await loadSeriesState(tx, series), catalogue: deps.catalogue, mailConfig: deps.mail,
      templates: deps.templates, now,
    });
    await advanceCursor(tx, box.path, uidValidity, msg.uid, now);
    return { decision, outboxIds };
  });
  if (!result) return { outcome: 'already-recorded', keywords: [], outboxIds: [] };
  if (result === 'duplicate') return { outcome: 'duplicate', keywords: [], outboxIds: [] };
  deps.logger.info({
    event: 'message.decided', uid: msg.uid, messageId: mail.messageId, intent: understanding.intent,
    session: understanding.session, reason: understanding.reason, outcome: result.decision.outcome,
    replies: result.outboxIds.length,
  }, result.decision.note);
  return { outcome: result.decision.outcome, keywords: result.decision.keywords, outboxIds: result.outboxIds };
}

/** No safe address to answer (none, our own, a machine's): keep the decision, drop the replies. */
function guardReplies(decision: Decision, replyAddress: string | null): Decision {
  if (replyAddress || !decision.replies.some((r) => r.to === 'sender')) return decision;
  return {
    ...decision,
    replies: decision.replies.filter((r) => r.to !== 'sender'),
    keywords: [...new Set([...decision.keywords, keywords.attention])],
    note: `${decision.note}; no address to answer`,
  };
}

async function recordOnly(deps: PipelineDeps, row: NewInbound, kw: string[]): Promise<Handled> {
  await deps.database.db.transaction(async (tx: Tx) => {
    await recordInbound(tx, row);
    await advanceCursor(tx, row.mailbox, row.uidValidity, row.uid, deps.clock());
  });
  deps.logger.warn({ event: 'message.recorded', uid: row.uid, messageId: row.messageId, outcome: row.outcome, error: row.error },
    `recorded without reply: ${row.outcome}`);
  return { outcome: row.outcome, keywords: kw, outboxIds: [] };
}

function validDate(d: Date | null): Date | null {
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

function domainOf(address: string): string {
  return address.split('@')[1]?.toLowerCase() ?? 'dloket-bot.invalid';
}
