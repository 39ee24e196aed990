// When a session takes signups, how many seats it has left, and what to offer instead.
import { coordinatesOf, distanceKm } from '../catalogue/geo.js';
import { sessionStart, zonedInstant } from '../catalogue/time.js';
import type { ClosedReason, Policy, SessionState } from './types.js';

export function seatsLeft(s: SessionState): number {
  return Math.max(0, s.capacity - s.taken);
}

/** Why a session takes no signups at `now`, or null while it is open. */
export function closedBecause(s: SessionState, now: Date, policy: Policy): ClosedReason | null {
  const start = sessionStart(s, s.timezone).getTime();
  if (now.getTime() >= start) return 'started';
  // Organisers may close a session early, or keep it open past its deadline; never past its start.
  if (s.signups === 'closed') return 'closed';
  if (s.signups === 'open') return null;
  const deadline = s.signupDeadline
    ? Date.parse(s.signupDeadline)
    : start - policy.signupDeadlineHours * 3_600_000;
  return now.getTime() >= deadline ? 'deadline' : null;
}

export function isOpen(s: SessionState, now: Date, policy: Policy): boolean {
  return closedBecause(s, now, policy) === null;
}

/**
 * Sessions someone could still join with `attendees` seats: open, with room, nearest first to
 * the municipality when we know where it is, else soonest first.
 */
export function openAlternatives(
  sessions: SessionState[],
  opts: { now: Date; policy: Policy; attendees: number; exclude?: string | null; municipality: string | null },
): string[] {
  const home = coordinatesOf(opts.municipality);
  const candidates = sessions.filter(
    (s) => s.slug !== opts.exclude && isOpen(s, opts.now, opts.policy) && seatsLeft(s) >= opts.attendees,
  );
  const when = (s: SessionState) => zonedInstant(s.date, s.start, s.timezone).getTime();
  const far = (s: SessionState) => {
    const place = coordinatesOf(s.city);
    return home && place ? distanceKm(home, place) : 0;
  };
  return candidates.sort((a, b) => far(a) - far(b) || when(a) - when(b)).map((s) => s.slug);
}
