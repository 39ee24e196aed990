// Retention (AVG): after sessions end, the personal data about them goes. What stays:
// - registrations: session, status, head count, municipality, language (counts per session and
//   municipality), the calendar UID; name, address, names and notes are removed;
// - inbound messages: the (mailbox, UIDVALIDITY, UID) key, the Message-ID and the outcome, which
//   are what keeps the bot from answering a message twice; sender, subject, text, verdict go;
// - outbox rows: the Message-ID, kind and state; recipient, subject and body go.
// Mail not tied to any session (questions, machine mail) goes when it is older than the cutoff.
// Replies still waiting to be sent are left alone, and purged by a later run.
import { and, eq, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { zonedInstant } from '../catalogue/time.js';
import type { Executor } from './client.js';
import { purgeReviews } from './reviews.js';
import { inboundMessages, outbox, registrations, sessions, type OutboxStatus } from './schema.js';

export interface PurgeSessionReport {
  slug: string;
  city: string;
  date: string;
  registrations: number;
  people: number;
  messages: number;
  replies: number;
}

export interface PurgeReport {
  cutoff: Date;
  sessions: PurgeSessionReport[];
  /** Messages and replies tied to no session, from before the cutoff. */
  otherMessages: number;
  otherReplies: number;
  /** Replies not sent yet: left for the outbox, purged by a later run. */
  unsentReplies: number;
}

const unsent: OutboxStatus[] = ['pending', 'sending'];

/** What a purge of everything about sessions that ended before `cutoff` removes; with `apply`, removes it. */
export async function purgeEnded(tx: Executor, cutoff: Date, now: Date, apply: boolean): Promise<PurgeReport> {
  const ended = (await tx.select().from(sessions))
    .filter((s) => zonedInstant(s.date, s.end, s.timezone).getTime() < cutoff.getTime())
    .sort((a, b) => a.date.localeCompare(b.date));
  const endedIds = ended.map((s) => s.id);
  const endedSlugs = ended.map((s) => s.slug);
  const none = [-1]; // inArray needs at least one value

  const regs = endedIds.length === 0 ? [] : await tx
    .select({ id: registrations.id, sessionId: registrations.sessionId, attendees: registrations.attendees, purgedAt: registrations.purgedAt })
    .from(registrations).where(inArray(registrations.sessionId, endedIds));
  const regIds = regs.map((r) => r.id);
  const sessionOfReg = new Map(regs.map((r) => [r.id, r.sessionId]));

  const inbound = await tx
    .select({ id: inboundMessages.id, registrationId: inboundMessages.registrationId, sessionSlug: inboundMessages.sessionSlug, purgedAt: inboundMessages.purgedAt })
    .from(inboundMessages)
    .where(or(
      inArray(inboundMessages.registrationId, regIds.length ? regIds : none),
      and(isNull(inboundMessages.registrationId), or(
        inArray(inboundMessages.sessionSlug, endedSlugs.length ? endedSlugs : ['']),
        and(isNull(inboundMessages.sessionSlug), lt(inboundMessages.processedAt, cutoff)),
      )),
    ));
  const inboundIds = inbound.map((m) => m.id);
  const sessionOfInbound = new Map(inbound.map((m) => [
    m.id, m.registrationId !== null ? sessionOfReg.get(m.registrationId) ?? null : ended.find((s) => s.slug === m.sessionSlug)?.id ?? null,
  ]));

  const replies = await tx
    .select({ id: outbox.id, registrationId: outbox.registrationId, inboundId: outbox.inboundId, status: outbox.status })
    .from(outbox)
    .where(and(isNull(outbox.purgedAt), or(
      inArray(outbox.registrationId, regIds.length ? regIds : none),
      inArray(outbox.inboundId, inboundIds.length ? inboundIds : none),
      // Mail of the bot's own tied to nobody, such as the digest with its attendee list.
      and(isNull(outbox.registrationId), isNull(outbox.inboundId), lt(outbox.createdAt, cutoff)),
    )));
  const sessionOfReply = (r: (typeof replies)[number]) =>
    (r.registrationId !== null ? sessionOfReg.get(r.registrationId) : undefined)
    ?? (r.inboundId !== null ? sessionOfInbound.get(r.inboundId) : undefined) ?? null;

  const liveRegs = regs.filter((r) => r.purgedAt === null);
  const liveInbound = inbound.filter((m) => m.purgedAt === null);
  const sendable = replies.filter((r) => !unsent.includes(r.status));
  const report: PurgeReport = {
    cutoff,
    sessions: ended.map((s) => {
      const mine = liveRegs.filter((r) => r.sessionId === s.id);
      return {
        slug: s.slug, city: s.city, date: s.date, registrations: mine.length, people: mine.reduce((n, r) => n + r.attendees, 0),
        messages: liveInbound.filter((m) => sessionOfInbound.get(m.id) === s.id).length,
        replies: sendable.filter((r) => sessionOfReply(r) === s.id).length,
      };
    }),
    otherMessages: liveInbound.filter((m) => sessionOfInbound.get(m.id) === null).length,
    otherReplies: sendable.filter((r) => sessionOfReply(r) === null).length,
    unsentReplies: replies.length - sendable.length,
  };
  if (!apply) return report;

  if (liveRegs.length) {
    await tx.update(registrations).set({
      // Not an address: the unique index (series, address) still holds, and nobody can write from it.
      email: sql`'purged:' || ${registrations.id}`, name: null, names: [], attention: null, purgedAt: now,
    }).where(inArray(registrations.id, liveRegs.map((r) => r.id)));
  }
  if (liveInbound.length) {
    await purgeReviews(tx, liveInbound.map((m) => m.id));
    await tx.update(inboundMessages).set({
      fromAddress: null, fromName: null, subject: null, sentAt: null, receivedAt: null, size: null, reason: null,
      understanding: null, error: null, newText: null, resolvedBy: null, purgedAt: now,
    }).where(inArray(inboundMessages.id, liveInbound.map((m) => m.id)));
  }
  if (sendable.length) {
    await tx.update(outbox).set({
      toAddress: '', subject: '', raw: '', inReplyTo: null, thread: null, lastError: null, smtpResponse: null, purgedAt: now,
    }).where(and(inArray(outbox.id, sendable.map((r) => r.id)), notInArray(outbox.status, unsent)));
  }
  return report;
}

/** Registrations per session and municipality: what retention keeps. */
export async function countsByMunicipality(db: Executor): Promise<{ session: string; municipality: string | null; status: string; registrations: number; people: number }[]> {
  return db
    .select({
      session: sessions.slug, municipality: registrations.municipality, status: registrations.status,
      registrations: sql<number>`count(*)::int`, people: sql<number>`sum(${registrations.attendees})::int`,
    })
    .from(registrations)
    .innerJoin(sessions, eq(sessions.id, registrations.sessionId))
    .groupBy(sessions.slug, registrations.municipality, registrations.status)
    .orderBy(sessions.slug, registrations.municipality, registrations.status);
}
