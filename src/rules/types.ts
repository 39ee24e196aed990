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
  /** Organisers' override of the signup deadline (`sessions open|close`); 'auto' when absent. */
  signups?: 'auto' | 'open' | 'closed';
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

/** The state of the series a decision starts from: the same for a mail and for an organiser's command. */
export interface SeriesInput {
  now: Date;
  sessions: SessionState[];
  /** The sender's active registration (for a command: the one it is about), if any. */
  registration: ActiveRegistration | null;
  /** Municipality to order alternatives by (understanding's, else the registration's). */
  municipality: string | null;
  policy: Policy;
}

/** An understood mail. */
export interface RulesInput extends SeriesInput {
  understanding: Understanding;
  /** The registration a calendar response refers to (matched by the invite's UID). */
  calendarRegistration: { id: number; email: string } | null;
  /** The registrant's address (lowercased From) for matching a calendar response. */
  senderAddress: string;
  repliesToSenderLastHour: number;
}

/** What organisers change by hand (`dloket-bot registrations …`, `sessions …`). */
export type OrganiserCommand =
  | { type: 'add'; email: string; session: string; attendees: number }
  | { type: 'cancel' }
  | { type: 'move'; session: string }
  | { type: 'set-attendees'; attendees: number }
  | { type: 'capacity'; session: string; capacity: number }
  | { type: 'signups'; session: string; signups: 'open' | 'closed' };

/** An organiser's command instead of a mail; `registration` is the one it is about (or, for add, the address's). */
export interface CommandInput extends SeriesInput {
  command: OrganiserCommand;
}

export type Change =
  | { type: 'create'; session: string; attendees: number; status: 'confirmed' | 'waitlisted' }
  | { type: 'move'; id: number; session: string; attendees: number; status: 'confirmed' | 'waitlisted' }
  | { type: 'set-attendees'; id: number; attendees: number }
  | { type: 'cancel'; id: number }
  | { type: 'promote'; id: number }
  | { type: 'calendar-response'; id: number; response: string; attention: string | null }
  | { type: 'set-capacity'; session: string; capacity: number }
  | { type: 'set-signups'; session: string; signups: 'open' | 'closed' };

/** Which registration a reply or change is about: the one this decision creates, or an existing one. */
export type RegistrationRef = 'new' | number | null;

export interface PlannedReply {
  kind: ReplyKind;
  /**
   * 'sender' answers the message; 'registrant' writes to the address of the registration the
   * reply is about (an organiser's change); a number writes to that registration's address (promotion).
   */
  to: 'sender' | 'registrant' | number;
  registration: RegistrationRef;
  session: string | null;
  previousSession: string | null;
  attendees: number | null;
  previousAttendees: number | null;
  alternatives: string[];
  closedBecause: ClosedReason | null;
  /** Session the sender asked for but could not get (full, or closed) while keeping `session`. */
  requested: string | null;
  invite: 'REQUEST' | 'CANCEL' | null;
  /** What this mail offers, so that an answer to it can be read in context. */
  thread: ThreadContext;
}

/** Why a session takes no signups: it started, its deadline passed, or organisers closed it. */
export type ClosedReason = 'started' | 'deadline' | 'closed';

export const outcomes = [
  'registered', 'waitlisted', 'moved', 'already-registered', 'cancelled', 'no-registration',
  'alternatives', 'session-closed', 'escalated', 'ignored', 'calendar-response', 'rate-limited',
  // organisers' commands only: a session changed, or the command could not be carried out
  'updated', 'refused',
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

/** IMAP keywords: answered (or resolved) by the bot, left for a person, machine mail, or held for review. */
export const keywords = {
  handled: 'DLoket-Handled',
  attention: 'DLoket-Attention',
  ignored: 'DLoket-Ignored',
  review: 'DLoket-Review',
} as const;
