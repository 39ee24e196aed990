// Types shared by the understanding stage and its callers. Understanding imports nothing
// else from src/ but the catalogue: it turns a parsed message into a verdict, it does not log
// and it never touches I/O.
import type { Catalogue } from '../catalogue/catalogue.js';

export interface Address {
  address: string; // as written; compare lowercased
  name: string; // display name, '' when absent
}

export interface AttachmentInfo {
  filename: string | null;
  contentType: string;
  size: number;
  /** An image shown inside the HTML (cid: link, multipart/related), e.g. a signature logo. */
  inline?: boolean;
}

export interface CalendarPart {
  method: string | null; // METHOD of the iCalendar object (REPLY, REQUEST, CANCEL...), upper case
  content: string;
}

/** What parsing makes of a raw message: everything the later stages need. */
export interface InboundMail {
  messageId: string | null; // with angle brackets, as in the header
  inReplyTo: string | null;
  references: string[];
  from: Address | null;
  sender: Address | null;
  replyTo: Address | null;
  returnPath: string | null; // '' for the null path <>
  to: Address[];
  cc: Address[];
  subject: string; // decoded, '' when absent
  date: Date | null;
  /** Header lines by lowercased name, decoded values in order of appearance. */
  headers: Record<string, string[]>;
  /** Readable text of the body: text/plain, or the HTML converted to text. */
  text: string;
  html: string | null;
  attachments: AttachmentInfo[];
  calendar: CalendarPart[];
  /** report-type of a multipart/report (delivery-status, disposition-notification), else null. */
  reportType: string | null;
  size: number; // bytes of the raw message
}

export type Intent = 'register' | 'cancel' | 'alternatives' | 'escalate' | 'ignore';
export type Language = 'nl' | 'en';

export type AutomatedKind =
  | 'auto-reply' // out of office, vacation, RFC 3834 Auto-Submitted
  | 'bounce' // delivery status notification, MAILER-DAEMON
  | 'read-receipt'
  | 'calendar-reply'
  | 'list' // newsletters, mailing lists, bulk
  | 'spam'
  | 'report' // complaint and feedback reports (ARF), abuse reports
  | 'notification' // ticket systems, trackers, monitoring, cron, feeds
  | 'own'; // sent by the bot's own mailbox

/** The bot's earlier mail that this message answers, found by In-Reply-To/References. */
export interface ThreadContext {
  about: 'confirmation' | 'alternatives' | 'waitlist' | 'cancellation' | 'acknowledgement' | 'other';
  /** The session that mail was about (confirmed, waitlisted, cancelled...). */
  session: string | null;
  /** The numbered options that mail offered, in order: "2" picks options[1]. */
  options: string[];
  /** A single session that mail proposed as a yes/no question: "ja" takes it. */
  proposal: string | null;
}

export interface UnderstandingContext {
  /** Judge as of this instant (the message's Date: header, or an injected clock). */
  now: Date;
  catalogue: Catalogue;
  /** Addresses of the bot's own mailbox and aliases, lowercased. */
  ownAddresses: string[];
  thread?: ThreadContext | null;
}

export interface CalendarReply {
  uid: string;
  partstat: string; // ACCEPTED, DECLINED, TENTATIVE...
  attendee: string | null;
}

export interface Understanding {
  intent: Intent;
  /** Session slug for register and cancel; null otherwise or when none is named. */
  session: string | null;
  /** For register: how many people this message signs up. */
  attendees: number | null;
  /** Those people join the sender's existing registration ("mijn collega komt ook"): add, don't replace. */
  attendeesAdded: boolean;
  /** Official CBS name of the registrant's municipality, or null. */
  municipality: string | null;
  language: Language;
  /** Stable code for why (e.g. 'auto-submitted', 'one-session', 'several-sessions', 'question'). */
  reason: string;
  /** Short human-readable notes of what was found. */
  evidence: string[];
  /** 0..1: how sure the verdict is. */
  confidence: number;
  /** Register that also asks a question a person should answer. */
  question: boolean;
  /** For ignore: what kind of machine sent it. */
  automated: AutomatedKind | null;
  /** For calendar responses: the invite it answers and the answer. */
  calendarReply: CalendarReply | null;
  /** Session the sender asked for but cannot get (already started, no such date...). */
  requested: string | null;
  /** For a switch: the session given up. */
  replaces: string | null;
  /** Names of the people signed up, when the mail lists them. */
  names: string[];
}
