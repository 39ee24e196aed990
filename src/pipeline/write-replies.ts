// Turns the rules' planned replies into finished MIME messages in the outbox, inside the
// message's transaction: what is committed is exactly what will be sent.
import type { Catalogue } from '../catalogue/catalogue.js';
import type { MailConfig } from '../config/config.js';
import type { Tx } from '../db/client.js';
import { firstInboundOf } from '../db/inbound-messages.js';
import { claimedReply, enqueueNewReply, type ClaimedReply, type NewReply } from '../db/outbox.js';
import { findRegistration, type RegistrationRow } from '../db/registrations.js';
import { buildInvite } from '../replies/calendar.js';
import { composeReply } from '../replies/compose.js';
import { renderReply, type Templates } from '../replies/render.js';
import type { ReplyModel, SessionView } from '../replies/types.js';
import { seatsLeft } from '../rules/availability.js';
import type { PlannedReply, SessionState } from '../rules/types.js';
import { personName } from '../understanding/person-name.js';
import type { InboundMail, Language } from '../understanding/types.js';

export interface ReplyContext {
  /** The message answered; null for an organiser's change or a reminder. */
  inboundId: number | null;
  mail: InboundMail | null;
  /** Where answers to the sender go (Reply-To, else From); null when no safe address exists. */
  replyAddress: string | null;
  language: Language;
  createdId: number | null;
  /**
   * The registration this transaction just created, as its insert returned it: no later change
   * of the same decision can touch it (the rules only name registrations that existed), so it
   * need not be read again.
   */
  created?: RegistrationRow | null;
  senderRegistrationId: number | null;
  /** Session states after the changes, for seat counts. */
  sessions: SessionState[];
  catalogue: Catalogue;
  mailConfig: MailConfig;
  templates: Templates;
  now: Date;
  /**
   * The worker's send lane sends what this message owes: the replies are written already claimed
   * by it (state 'sending'), and each one that is to go out (not held, not to an address that
   * bounced hard) is added here. Without it they are written pending, for deliverDue to claim.
   */
  claimed?: ClaimedReply[];
}

export function sessionView(s: SessionState): SessionView {
  return {
    slug: s.slug, city: s.city, region: s.region, date: s.date, start: s.start, end: s.end, venue: s.venue,
    address: s.address, programme: s.programme ?? [], seatsLeft: seatsLeft(s),
  };
}

/** Writes each reply to the outbox; returns the outbox ids. */
export async function writeReplies(tx: Tx, replies: PlannedReply[], ctx: ReplyContext): Promise<number[]> {
  const ids: number[] = [];
  for (const planned of replies) {
    const id = await writeReply(tx, planned, ctx);
    if (id !== null) ids.push(id);
  }
  return ids;
}

async function writeReply(tx: Tx, planned: PlannedReply, ctx: ReplyContext): Promise<number | null> {
  const row = await replyRow(tx, planned, ctx);
  if (!row) return null;
  const { id, status } = await enqueueNewReply(tx, row);
  if (status === 'sending') ctx.claimed?.push(claimedReply(id, row));
  return id;
}

/** One planned reply as its outbox row (rendered and composed); null when it has nobody to go to. */
export async function replyRow(tx: Tx, planned: PlannedReply, ctx: ReplyContext): Promise<NewReply | null> {
  const view = (slug: string | null) => {
    const s = slug ? ctx.sessions.find((x) => x.slug === slug) : null;
    return s ? sessionView(s) : null;
  };
  const registrationId = planned.registration === 'new' ? ctx.createdId : planned.registration;
  const registration = registrationId === null ? null
    : ctx.created?.id === registrationId ? ctx.created : await findRegistration(tx, registrationId);
  const addressee = await addresseeOf(tx, planned, ctx, registration);
  if (!addressee) return null;

  const from = ctx.mailConfig.from;
  const model: ReplyModel = {
    kind: planned.kind,
    language: addressee.language,
    recipient: { name: addressee.name, address: addressee.address },
    session: view(planned.session),
    previousSession: view(planned.previousSession),
    requested: view(planned.requested),
    attendees: planned.attendees,
    previousAttendees: planned.previousAttendees,
    alternatives: planned.alternatives.map(view).filter((v): v is SessionView => v !== null),
    closedBecause: planned.closedBecause,
    series: ctx.catalogue.series,
    organiser: ctx.catalogue.organiser ?? from.name,
    mailbox: from.address,
  };
  const rendered = renderReply(model, ctx.templates);
  const invite = planned.invite && registration && model.session
    ? buildInvite({
      method: planned.invite,
      uid: registration.calendarUid,
      sequence: registration.calendarSequence,
      session: model.session,
      timezone: ctx.catalogue.timezone,
      summary: `${ctx.catalogue.series}: ${model.session.city}`,
      organizer: { name: from.name, email: from.address },
      attendee: { name: registration.name, email: registration.email },
      stamp: ctx.now,
      language: addressee.language,
    })
    : null;
  const composed = await composeReply({
    // A reminder is news, not an answer: RFC 3834 calls that auto-generated.
    autoSubmitted: planned.kind === 'reminder' ? 'auto-generated' : 'auto-replied',
    from,
    to: { name: addressee.name ?? '', address: addressee.address },
    originalSubject: addressee.subject,
    rendered,
    inReplyTo: addressee.inReplyTo,
    references: addressee.references,
    date: ctx.now,
    invite: invite && planned.invite ? { method: planned.invite, ics: invite } : null,
  });
  return {
    inboundId: ctx.inboundId,
    registrationId,
    kind: planned.kind,
    toAddress: addressee.address,
    fromAddress: from.address,
    subject: composed.subject,
    messageId: composed.messageId,
    inReplyTo: addressee.inReplyTo,
    raw: composed.raw.toString('utf8'),
    thread: planned.thread,
    status: !ctx.mailConfig.repliesEnabled ? 'held' : ctx.claimed ? 'sending' : 'pending',
    createdAt: ctx.now,
    nextAttemptAt: ctx.now,
  };
}

interface Addressee {
  address: string;
  name: string | null;
  language: Language;
  subject: string;
  inReplyTo: string | null;
  references: string[];
}

async function addresseeOf(
  tx: Tx, planned: PlannedReply, ctx: ReplyContext, registration: RegistrationRow | null,
): Promise<Addressee | null> {
  if (planned.to === 'sender') {
    if (!ctx.replyAddress || !ctx.mail) return null;
    const m = ctx.mail;
    return {
      address: ctx.replyAddress, name: personName(m.from?.name), language: ctx.language, subject: m.subject,
      inReplyTo: m.messageId, references: m.messageId ? [...m.references, m.messageId] : m.references,
    };
  }
  // A registration's own address (a promotion, an organiser's change, a reminder): in the
  // thread of their signup, when it came by mail.
  if (!registration || (planned.to !== 'registrant' && registration.id !== planned.to)) return null;
  const signup = await firstInboundOf(tx, registration.id);
  return {
    address: registration.email, name: registration.name,
    language: registration.language === 'en' ? 'en' : 'nl',
    // A reminder keeps its own subject ("Herinnering: …"); the rest answer as "Re: <signup>".
    subject: planned.kind === 'reminder' ? '' : signup?.subject ?? '',
    inReplyTo: signup?.messageId ?? null,
    references: signup?.messageId ? [signup.messageId] : [],
  };
}
