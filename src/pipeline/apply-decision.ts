// Carries out the rules' changes inside the message's transaction.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/client.js';
import {
  cancelRegistration, createRegistration, moveRegistration, promoteRegistration, recordCalendarResponse, setAttendees,
} from '../db/registrations.js';
import type { Change, SessionState } from '../rules/types.js';
import type { Understanding } from '../understanding/types.js';

export interface ChangeContext {
  series: string;
  sessions: SessionState[];
  registrant: { email: string; name: string | null };
  understanding: Understanding;
  now: Date;
  /** Domain for calendar UIDs: the mailbox's own. */
  domain: string;
}

/** Applies the changes in order; returns the id of the registration created, if any. */
export async function applyChanges(tx: Tx, changes: Change[], ctx: ChangeContext): Promise<{ createdId: number | null }> {
  let createdId: number | null = null;
  const sessionId = (slug: string) => {
    const s = ctx.sessions.find((x) => x.slug === slug);
    if (!s) throw new Error(`the rules named an unknown session "${slug}"`);
    return s.id;
  };
  for (const change of changes) {
    switch (change.type) {
      case 'create': {
        const row = await createRegistration(tx, {
          sessionId: sessionId(change.session), series: ctx.series, email: ctx.registrant.email, name: ctx.registrant.name,
          municipality: ctx.understanding.municipality, attendees: change.attendees, names: ctx.understanding.names,
          language: ctx.understanding.language, status: change.status,
          // Stable for the registration's whole life: updates and cancellations reuse it.
          calendarUid: `${randomUUID()}@${ctx.domain}`, now: ctx.now,
        });
        createdId = row.id;
        break;
      }
      case 'move':
        await moveRegistration(tx, change.id, {
          sessionId: sessionId(change.session), attendees: change.attendees, status: change.status,
        }, ctx.now);
        break;
      case 'set-attendees':
        await setAttendees(tx, change.id, change.attendees, ctx.now);
        break;
      case 'cancel':
        await cancelRegistration(tx, change.id, ctx.now);
        break;
      case 'promote':
        await promoteRegistration(tx, change.id, ctx.now);
        break;
      case 'calendar-response':
        await recordCalendarResponse(tx, change.id, change.response, change.attention, ctx.now);
        break;
    }
  }
  return { createdId };
}
