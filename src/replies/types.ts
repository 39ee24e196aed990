// What the rules ask the replies stage to write. Plain data: the rules decide, this stage words it.
import type { Language } from '../understanding/types.js';

export const replyKinds = [
  'confirmed', // registered for a session with free seats
  'waitlisted', // the session is full: on its waiting list, with the open alternatives
  'promoted', // moved from the waiting list into the session
  'moved', // an existing registration switched to another session
  'already-registered', // same session again (attendees may have been updated)
  'cancelled', // registration withdrawn
  'no-registration', // a cancellation from an address with no registration
  'alternatives', // no single open session follows: the numbered list of open sessions
  'session-closed', // the asked-for session has started or its signup deadline passed
  'acknowledgement', // optional "we received your question" for mail left to organisers
  'reminder', // a few days before the session: the practical details and the invite again
] as const;
export type ReplyKind = (typeof replyKinds)[number];

/** A session as a reply shows it. */
export interface SessionView {
  slug: string;
  city: string;
  region: string;
  date: string; // YYYY-MM-DD
  start: string; // HH:MM
  end: string; // HH:MM
  venue: string;
  address: string;
  programme: { from: string; to: string; item: string }[];
  seatsLeft: number;
}

export interface ReplyModel {
  kind: ReplyKind;
  language: Language;
  recipient: { name: string | null; address: string };
  /** The session the reply is about (confirmed, waitlisted, moved-to, cancelled, closed...). */
  session: SessionView | null;
  /** For 'moved': the session left. */
  previousSession: SessionView | null;
  /**
   * A session the sender asked for but did not get while `session` (their registration) stays:
   * full, for 'alternatives'; not the one they are registered for, for 'no-registration'.
   */
  requested: SessionView | null;
  /** Seats held by the registration the reply is about. */
  attendees: number | null;
  /** For 'already-registered': the number of attendees before this mail changed it, else null. */
  previousAttendees: number | null;
  /** Numbered options, already filtered (open, free seats) and ordered (nearest first). */
  alternatives: SessionView[];
  /** For 'session-closed': why (organisers closed it: 'closed'). */
  closedBecause: 'started' | 'deadline' | 'closed' | null;
  series: string;
  organiser: string;
  mailbox: string; // the address people reply to
}

export interface RenderedReply {
  subject: string; // the template's own subject; threading uses "Re: <original>" when there is one
  text: string;
  html: string;
}

export interface CalendarInvite {
  method: 'REQUEST' | 'CANCEL';
  uid: string; // stable per registration
  sequence: number;
  session: SessionView;
  timezone: string; // Europe/Amsterdam
  summary: string;
  organizer: { name: string; email: string };
  attendee: { name: string | null; email: string };
  stamp: Date; // DTSTAMP: injected clock
  /** Language of the DESCRIPTION that buildInvite writes; default 'nl'. */
  language?: Language;
  /** Replaces that DESCRIPTION. */
  description?: string;
}
