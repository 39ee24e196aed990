// The registration rules' inputs and outputs: plain data, so deciding stays a pure function.
import type { Session } from '../catalogue/catalogue.js';
import type { ReplyKind } from '../replies/types.js';
import type { ThreadContext, Understanding } from '../understanding/types.js';

export interface WaitlistEntry {
  id: number;
  email: string;
  name: string | null;
  attendees: number;
}

/** A session with its live seat count and waiting list (queue order). */
export interface SessionState extends Session {
  id: number;
  timezone: string;
  /** Seats held by confirmed registrations. */
  taken: number;
  waitlist: WaitlistEntry[];
}

/** The sender's active (not cancelled) registration in the series. */
export interface ActiveRegistration {
  id: number;
  session: string; // slug
  status: 'confirmed' | 'waitlisted';
  attendees: number;
  calendarSequence: number;
}

export interface Policy {
  /** Signups close this many hours before a session starts (0: at the start). */
  signupDeadlineHours: number;
  /** Send a short "we received your question" to mail left for organisers. */
  acknowledgeQuestions: boolean;
  /** At most this many replies to one address per hour; beyond it organisers take over. */
  replyLimitPerHour: number;
}

export interface RulesInput {
  understanding: Understanding;
  now: Date;
  sessions: SessionState[];
  /** The sender's active registration, if any. */
  registration: ActiveRegistration | null;
  /** The registration a calendar response refers to (matched by the invite's UID). */
  calendarRegistration: { id: number; email: string } | null;
  /** The registrant's address (lowercased From) for matching a calendar response. */
  senderAddress: string;
  /** Municipality to order alternatives by (understanding's, else the registration's). */
  municipality: string | null;
  repliesToSenderLastHour: number;
  policy: Policy;
}

export type Change =
  | { type: 'create'; session: string; attendees: number; status: 'confirmed' | 'waitlisted' }
  | { type: 'move'; id: number; session: string; attendees: number; status: 'confirmed' | 'waitlisted' }
  | { type: 'set-attendees'; id: number; attendees: number }
  | { type: 'cancel'; id: number }
  | { type: 'promote'; id: number }
  | { type: 'calendar-response'; id: number; response: string; attention: string | null };

/** Which registration a reply or change is about: the one this decision creates, or an existing one. */
export type RegistrationRef = 'new' | number | null;

export interface PlannedReply {
  kind: ReplyKind;
  /** 'sender' answers the message; a number writes to that registration's address (promotion). */
  to: 'sender' | number;
  registration: RegistrationRef;
  session: string | null;
  previousSession: string | null;
  attendees: number | null;
  previousAttendees: number | null;
  alternatives: string[];
  closedBecause: 'started' | 'deadline' | null;
  /** Session the sender asked for but could not get (full, or closed) while keeping `session`. */
  requested: string | null;
  invite: 'REQUEST' | 'CANCEL' | null;
  /** What this mail offers, so that an answer to it can be read in context. */
  thread: ThreadContext;
}

export const outcomes = [
  'registered', 'waitlisted', 'moved', 'already-registered', 'cancelled', 'no-registration',
  'alternatives', 'session-closed', 'escalated', 'ignored', 'calendar-response', 'rate-limited',
  'bounced', // a delivery report of one of our replies (rules/bounce.ts)
  'dmarc-failed', // our receiving server says the From domain's DMARC check failed (rules/safeguards.ts)
] as const;
export type Outcome = (typeof outcomes)[number];

export interface Decision {
  outcome: Outcome;
  changes: Change[];
  replies: PlannedReply[];
  /** IMAP keywords for the message, so organisers can filter on it. */
  keywords: string[];
  /** One line for people: why. */
  note: string;
}

/** IMAP keywords: answered (or resolved) by the bot, left for a person, or machine mail. */
export const keywords = {
  handled: 'DLoket-Handled',
  attention: 'DLoket-Attention',
  ignored: 'DLoket-Ignored',
} as const;
