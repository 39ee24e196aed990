// Who gets a reminder before their session. Pure: the schedule loads the candidates under the
// series lock, asks here, and writes what comes back.
import { sessionStart } from '../catalogue/time.js';
import type { PlannedReply, SessionState } from './types.js';

/** A confirmed registration that has not had its reminder yet. */
export interface ReminderCandidate {
  id: number;
  session: string; // slug
  attendees: number;
  /** A confirmation, promotion or move with the invite went out in the last day: that mail said it all. */
  recentlyConfirmed: boolean;
}

export interface ReminderPlan {
  replies: PlannedReply[];
  /** Registrations that count as reminded without a mail (they just had the details). */
  markOnly: number[];
}

const DAY_MS = 86_400_000;

/** Reminders due at `now`: from `days` before a session's start until it starts, never after. */
export function planReminders(now: Date, sessions: SessionState[], candidates: ReminderCandidate[], days: number): ReminderPlan {
  const plan: ReminderPlan = { replies: [], markOnly: [] };
  for (const c of candidates) {
    const s = sessions.find((x) => x.slug === c.session);
    if (!s) continue;
    const start = sessionStart(s, s.timezone).getTime();
    if (now.getTime() >= start || now.getTime() < start - days * DAY_MS) continue;
    if (c.recentlyConfirmed) {
      plan.markOnly.push(c.id);
      continue;
    }
    plan.replies.push({
      kind: 'reminder', to: c.id, registration: c.id, session: s.slug, previousSession: null, attendees: c.attendees,
      previousAttendees: null, alternatives: [], closedBecause: null, requested: null, invite: 'REQUEST',
      // An answer to the reminder ("ik kan toch niet") is read as about this registration's session.
      thread: { about: 'confirmation', session: s.slug, options: [], proposal: null },
    });
  }
  return plan;
}
