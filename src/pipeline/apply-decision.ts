// Carries out the rules' changes inside the message's (or the command's) transaction, and
// writes each one to the change log with who made it.
import { randomUUID } from 'node:crypto';
import { recordChange, type Actor, type NewChange } from '../db/change-log.js';
import type { Tx } from '../db/client.js';
import {
  cancelRegistration, createRegistration, moveRegistration, promoteRegistration, recordCalendarResponse, setAttendees,
  type NewRegistration, type RegistrationRow,
} from '../db/registrations.js';
import { setCapacity, setSignups } from '../db/sessions.js';
import type { Change, SessionState } from '../rules/types.js';
import type { Language } from '../understanding/types.js';

export interface ChangeContext {
  series: string;
  sessions: SessionState[];
  /** Whom a new registration belongs to: the sender of the mail, or the address an organiser gave. */
  registrant: { email: string; name: string | null; municipality: string | null; names: string[]; language: Language };
  now: Date;
  /** Domain for calendar UIDs: the mailbox's own. */
  domain: string;
  /** Who made the change, for the change log. */
  actor: Actor;
  /** The message that caused it, if any: a registration it creates is linked to it too. */
  inboundId: number | null;
}

/** Applies the changes in order; returns the registration created, if any, as the insert returned it. */
export async function applyChanges(
  tx: Tx, changes: Change[], ctx: ChangeContext,
): Promise<{ createdId: number | null; created: RegistrationRow | null }> {
  let created: RegistrationRow | null = null;
  const sessionId = (slug: string) => {
    const s = ctx.sessions.find((x) => x.slug === slug);
    if (!s) throw new Error(`the rules named an unknown session "${slug}"`);
    return s.id;
  };
  const slugOf = (id: number | null) => ctx.sessions.find((x) => x.id === id)?.slug ?? null;
  const entry = (action: string, session: number | null, detail: Record<string, unknown>) => ({
    at: ctx.now, origin: ctx.actor.origin, actor: ctx.actor.name, action, inboundId: ctx.inboundId,
    detail: { session: slugOf(session), ...detail },
  });
  const log = (action: string, session: number | null, registrationId: number | null, detail: Record<string, unknown>) =>
    recordChange(tx, { ...entry(action, session, detail), sessionId: session, registrationId });
  for (const change of changes) {
    switch (change.type) {
      case 'create': {
        // Its change-log row, and the message's link to it, go with the insert (registrations.ts).
        const { registration, change: logged } = creationOf(change, ctx);
        created = await createRegistration(tx, registration, { change: logged, inboundId: ctx.inboundId });
        break;
      }
      case 'move': {
        const to = sessionId(change.session);
        const from = await moveRegistration(tx, change.id, { sessionId: to, attendees: change.attendees, status: change.status }, ctx.now);
        await log('moved', to, change.id, { from: slugOf(from), attendees: change.attendees, status: change.status });
        break;
      }
      case 'set-attendees':
        await log('attendees', await setAttendees(tx, change.id, change.attendees, ctx.now), change.id, { attendees: change.attendees });
        break;
      case 'cancel':
        await log('cancelled', await cancelRegistration(tx, change.id, ctx.now), change.id, {});
        break;
      case 'promote':
        await log('promoted', await promoteRegistration(tx, change.id, ctx.now), change.id, {});
        break;
      case 'calendar-response':
        await recordCalendarResponse(tx, change.id, change.response, change.attention, ctx.now);
        await log('calendar-response', null, change.id, { response: change.response });
        break;
      case 'set-capacity': {
        const before = ctx.sessions.find((s) => s.slug === change.session)?.capacity ?? null;
        await log('capacity', await setCapacity(tx, change.session, change.capacity, ctx.now), null, { from: before, capacity: change.capacity });
        break;
      }
      case 'set-signups':
        await log('signups', await setSignups(tx, change.session, change.signups, ctx.now), null, { signups: change.signups });
        break;
    }
  }
  return { createdId: created?.id ?? null, created };
}

/** The registration a 'create' change makes, and its change-log entry. */
export function creationOf(
  change: Extract<Change, { type: 'create' }>, ctx: ChangeContext,
): { registration: NewRegistration; change: Omit<NewChange, 'registrationId' | 'sessionId'> } {
  const r = ctx.registrant;
  const session = ctx.sessions.find((x) => x.slug === change.session);
  if (!session) throw new Error(`the rules named an unknown session "${change.session}"`);
  return {
    registration: {
      sessionId: session.id, series: ctx.series, email: r.email, name: r.name,
      municipality: r.municipality, attendees: change.attendees, names: r.names,
      language: r.language, status: change.status,
      // Stable for the registration's whole life: updates and cancellations reuse it.
      calendarUid: `${randomUUID()}@${ctx.domain}`, now: ctx.now,
    },
    change: {
      at: ctx.now, origin: ctx.actor.origin, actor: ctx.actor.name, action: change.status === 'confirmed' ? 'registered' : 'waitlisted',
      inboundId: ctx.inboundId, detail: { session: session.slug, attendees: change.attendees },
    },
  };
}

/**
 * The series' state after a decision whose only change created `row`, as loadSeriesState would
 * read it now (the series lock keeps everyone else out): its seats are taken, or it is queued
 * last (the newest on the waiting list). Saves reading the whole series again for every signup.
 */
export function withCreated(sessions: SessionState[], row: RegistrationRow): SessionState[] {
  return sessions.map((s) => {
    if (s.id !== row.sessionId) return s;
    if (row.status === 'confirmed') return { ...s, taken: s.taken + row.attendees };
    if (row.status === 'waitlisted') {
      return { ...s, waitlist: [...s.waitlist, { id: row.id, email: row.email, name: row.name, attendees: row.attendees }] };
    }
    return s;
  });
}
