// The bot's tables. drizzle-kit generates the SQL migrations in drizzle/ from this file.
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const signupsOverrides = ['auto', 'open', 'closed'] as const;
export type SignupsOverride = (typeof signupsOverrides)[number];

/** The catalogue: one row per session, updated by slug on re-import. */
export const sessions = pgTable('sessions', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  series: text('series').notNull(),
  /** Who organises the series: signs the replies. */
  organiser: text('organiser'),
  region: text('region').notNull(),
  city: text('city').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  start: text('start').notNull(),
  end: text('end').notNull(),
  venue: text('venue').notNull(),
  address: text('address').notNull(),
  capacity: integer('capacity').notNull(),
  programme: jsonb('programme').$type<{ from: string; to: string; item: string }[]>().notNull().default([]),
  signupDeadline: timestamp('signup_deadline', { withTimezone: true }),
  timezone: text('timezone').notNull().default('Europe/Amsterdam'),
  /** Organisers' override of the signup deadline: 'open' ignores it, 'closed' takes no signups. */
  signups: text('signups').$type<SignupsOverride>().notNull().default('auto'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** One row per registrant address per series while active; cancelled rows stay for the record. */
export const registrations = pgTable('registrations', {
  id: serial('id').primaryKey(),
  sessionId: integer('session_id').notNull().references(() => sessions.id),
  series: text('series').notNull(),
  email: text('email').notNull(), // lowercased From address: the registrant's identity
  name: text('name'),
  municipality: text('municipality'),
  attendees: integer('attendees').notNull(),
  names: jsonb('names').$type<string[]>().notNull().default([]),
  /** Language of the signup mail: later mail to this registrant (a promotion) uses it too. */
  language: text('language').notNull().default('nl'),
  status: text('status').$type<RegistrationStatus>().notNull(),
  /** Queue position on the waiting list: earliest first. */
  waitlistedAt: timestamp('waitlisted_at', { withTimezone: true }),
  calendarUid: text('calendar_uid').notNull().unique(),
  calendarSequence: integer('calendar_sequence').notNull().default(0),
  /** Answer to our calendar invite: accepted, declined, tentative. */
  calendarResponse: text('calendar_response'),
  calendarResponseAt: timestamp('calendar_response_at', { withTimezone: true }),
  /** Something organisers should look at (e.g. the invite was declined). */
  attention: text('attention'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  /** When the reminder before the session was written: one per registration. */
  remindedAt: timestamp('reminded_at', { withTimezone: true }),
  /** Retention removed the name and address; the counts stay. */
  purgedAt: timestamp('purged_at', { withTimezone: true }),
}, (t) => [
  // "One registration per e-mail address per series", enforced by the database as well.
  uniqueIndex('registrations_one_active_per_address').on(t.series, t.email).where(sql`${t.status} <> 'cancelled'`),
  index('registrations_session_status').on(t.sessionId, t.status),
]);

/**
 * Every message the bot has seen in the mailbox, with what it made of it: the new text it read
 * (for organisers' `messages show`), never the quoted rest, attachments or raw bytes.
 */
export const inboundMessages = pgTable('inbound_messages', {
  id: serial('id').primaryKey(),
  mailbox: text('mailbox').notNull(),
  uidValidity: bigint('uid_validity', { mode: 'number' }).notNull(),
  uid: bigint('uid', { mode: 'number' }).notNull(),
  messageId: text('message_id'),
  fromAddress: text('from_address'),
  fromName: text('from_name'),
  subject: text('subject'),
  sentAt: timestamp('sent_at', { withTimezone: true }), // the Date: header
  receivedAt: timestamp('received_at', { withTimezone: true }), // IMAP INTERNALDATE
  size: integer('size'),
  intent: text('intent'),
  sessionSlug: text('session_slug'),
  /** What the bot did: registered, waitlisted, alternatives, escalated, ignored, error... */
  outcome: text('outcome').notNull(),
  reason: text('reason'),
  /** The verdict with its evidence, for organisers and audits. */
  understanding: jsonb('understanding'),
  error: text('error'),
  registrationId: integer('registration_id').references(() => registrations.id),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  /** What the sender wrote now: quotes and signature split off. */
  newText: text('new_text'),
  /** The decision left (part of) this message for a person (keyword DLoket-Attention). */
  leftForPeople: boolean('left_for_people').notNull().default(false),
  /** An organiser marked it dealt with (`messages done`): the digest stops listing it. */
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  resolvedBy: text('resolved_by'),
  /** Retention removed what identifies the sender; the key that prevents a second answer stays. */
  purgedAt: timestamp('purged_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('inbound_messages_mailbox_uid').on(t.mailbox, t.uidValidity, t.uid),
  index('inbound_messages_message_id').on(t.messageId),
]);

// held: written while replies are switched off (REPLIES_ENABLED=false), never sent; or the
// preview of a decision waiting for an organiser's review (see `reviews`), never sent as such.
// bounced: sent, then returned by a delivery report; suppressed: not sent, the address bounced hard before.
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'unknown', 'held', 'bounced', 'suppressed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** Replies the bot owes or sent. A row is committed with the decision, before any SMTP. */
export const outbox = pgTable('outbox', {
  id: serial('id').primaryKey(),
  inboundId: integer('inbound_id').references(() => inboundMessages.id),
  registrationId: integer('registration_id').references(() => registrations.id),
  kind: text('kind').notNull(),
  toAddress: text('to_address').notNull(),
  fromAddress: text('from_address').notNull(),
  subject: text('subject').notNull(),
  messageId: text('message_id').notNull().unique(),
  inReplyTo: text('in_reply_to'),
  /** The complete MIME message: a retry sends exactly these bytes, with the same Message-ID. */
  raw: text('raw').notNull(),
  /** What this mail offered, so a reply to it can be read in context. */
  thread: jsonb('thread'),
  status: text('status').$type<OutboxStatus>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  lastError: text('last_error'),
  smtpResponse: text('smtp_response'),
  copiedToSent: boolean('copied_to_sent').notNull().default(false),
  createdAt: createdAt(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  /** Retention removed the address and the body (the Message-ID stays). */
  purgedAt: timestamp('purged_at', { withTimezone: true }),
}, (t) => [
  index('outbox_due').on(t.status, t.nextAttemptAt),
  index('outbox_to_created').on(t.toAddress, t.createdAt),
]);

/** Addresses that bounced hard: no more mail goes to them (the outbox records such replies as suppressed). */
export const suppressions = pgTable('suppressions', {
  /** Lower case. */
  address: text('address').primaryKey(),
  /** Why, for organisers: the status and diagnostic of the bounce. */
  reason: text('reason').notNull(),
  /** The delivery report that caused it, and the reply it returned. */
  inboundId: integer('inbound_id').references(() => inboundMessages.id),
  outboxId: integer('outbox_id').references(() => outbox.id),
  createdAt: createdAt(),
});

/** Where the bot is in each watched folder. */
export const mailboxState = pgTable('mailbox_state', {
  mailbox: text('mailbox').primaryKey(),
  uidValidity: bigint('uid_validity', { mode: 'number' }).notNull(),
  lastUid: bigint('last_uid', { mode: 'number' }).notNull(),
  /** When the bot first saw this folder (or its UIDVALIDITY changed): older mail is history. */
  baselineAt: timestamp('baseline_at', { withTimezone: true }).notNull(),
  lastSyncAt: timestamp('last_sync_at', { withTimezone: true }),
  updatedAt: updatedAt(),
});

/**
 * Every change to registrations and sessions, by mail or by hand, with who made it: the audit
 * trail, and what the daily digest reports since the last one.
 */
export const changeLog = pgTable('change_log', {
  id: serial('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  /** 'mail' (the worker), 'organiser' (a command) or 'schedule' (reminders, retention). */
  origin: text('origin').notNull(),
  /** The organiser who ran the command (`--by`, else the OS user); null for the bot. */
  actor: text('actor'),
  /** registered, waitlisted, moved, attendees, cancelled, promoted, calendar-response, capacity, signups */
  action: text('action').notNull(),
  sessionId: integer('session_id').references(() => sessions.id),
  registrationId: integer('registration_id').references(() => registrations.id),
  inboundId: integer('inbound_id').references(() => inboundMessages.id),
  /** Plain facts of the change (sessions, counts); never names or addresses. */
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [
  index('change_log_at').on(t.at),
  index('change_log_registration').on(t.registrationId),
]);

/** One row per day a digest was written (Europe/Amsterdam date): once a day, across restarts. */
export const digests = pgTable('digests', {
  day: date('day', { mode: 'string' }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** The changes it reported started here (the previous digest's time). */
  since: timestamp('since', { withTimezone: true }).notNull(),
  recipients: integer('recipients').notNull(),
});

export const reviewStatuses = ['held', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** How the bot answers a held message once approved: addressed and threaded as the worker would. */
export interface ReviewReplyTo {
  /** Reply-To, else From; null when there is no safe address to answer. */
  address: string | null;
  /** The sender's display name, for the greeting and the registration. */
  name: string | null;
  subject: string;
  /** The message's own Message-ID (null when it had none) and References. */
  messageId: string | null;
  references: string[];
}

/**
 * Decisions held for an organiser (REVIEW=uncertain|all): the registration change is not made
 * and the replies wait in the outbox as `held` previews until `dloket-bot review` approves,
 * rejects or corrects them. One row per held message, kept afterwards as the record.
 */
export const reviews = pgTable('reviews', {
  id: serial('id').primaryKey(),
  inboundId: integer('inbound_id').notNull().references(() => inboundMessages.id).unique(),
  /** Lowercased From: later mail from the same address is held behind this one. */
  sender: text('sender'),
  reply: jsonb('reply').$type<ReviewReplyTo>(),
  /** Why it was held: 'all', 'uncertain' (confidence below REVIEW_CONFIDENCE) or 'sender' (an earlier one is held). */
  why: text('why').notNull(),
  status: text('status').$type<ReviewStatus>().notNull().default('held'),
  heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
  /** The decision as last shown (outcome, changes, planned replies, keywords, note); no personal data. */
  decision: jsonb('decision').$type<Record<string, unknown>>().notNull(),
  /** Fingerprint of what was shown: outcome, changes, and each reply's kind, recipient, subject and text. */
  shown: text('shown').notNull(),
  /** The outbox rows of the preview (state held). */
  outboxIds: jsonb('outbox_ids').$type<number[]>().notNull().default([]),
  previewAt: timestamp('preview_at', { withTimezone: true }).notNull(),
  /** An organiser's corrected verdict: intent, session, attendees. */
  correction: jsonb('correction').$type<{ intent: string; session: string | null; attendees: number | null }>(),
  /** approved, rejected or corrected; by whom (`--by`, else the OS user) and when. */
  action: text('action'),
  decidedBy: text('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
}, (t) => [
  index('reviews_status_sender').on(t.status, t.sender),
]);
