// The bot's tables. drizzle-kit generates the SQL migrations in drizzle/ from this file.
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

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
}, (t) => [
  // "One registration per e-mail address per series", enforced by the database as well.
  uniqueIndex('registrations_one_active_per_address').on(t.series, t.email).where(sql`${t.status} <> 'cancelled'`),
  index('registrations_session_status').on(t.sessionId, t.status),
]);

/** Every message the bot has seen in the mailbox, with what it made of it. Never the body. */
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
}, (t) => [
  uniqueIndex('inbound_messages_mailbox_uid').on(t.mailbox, t.uidValidity, t.uid),
  index('inbound_messages_message_id').on(t.messageId),
]);

// held: written while replies are switched off (REPLIES_ENABLED=false); never sent.
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
