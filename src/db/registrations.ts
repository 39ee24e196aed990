// Registrations: created, moved, cancelled and promoted only inside the pipeline's transaction.
import { and, asc, eq, getTableColumns, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { NewChange } from './change-log.js';
import type { ActiveRegistration } from '../rules/types.js';
import type { Executor } from './client.js';
import { changeLog, inboundMessages, outbox, registrations, sessions } from './schema.js';
import { cursorMovedCte, driverValues, prepareRecord, recordValues, type NewInbound } from './inbound-messages.js';
import { replyInsert, replyValues, type NewReply } from './outbox.js';
import { statement } from './statement.js';
import { jsonWithoutNul, withoutNul } from './text.js';

export type RegistrationRow = typeof registrations.$inferSelect;

/**
 * Serialises every seat-changing transaction of one series: the last seat goes to exactly one.
 * Built once (statement.ts), as the read that a message sends right behind it (decision-inputs.ts):
 * the two take the same path to the driver, so the lock's statement is sent first.
 */
export async function lockSeries(tx: Executor, series: string): Promise<void> {
  await seriesLock(tx, { key: 'dloket:series:' + series });
}

const seriesLock = statement('series_lock', (tx) =>
  tx.select({ locked: sql`pg_advisory_xact_lock(hashtext(${sql.placeholder('key')}::text))` }).from(sql`(select 1) as one`));

export async function activeRegistration(db: Executor, series: string, email: string): Promise<ActiveRegistration | null> {
  const [row] = await db
    .select({
      id: registrations.id, session: sessions.slug, status: registrations.status, attendees: registrations.attendees,
      calendarSequence: registrations.calendarSequence,
    })
    .from(registrations)
    .innerJoin(sessions, eq(sessions.id, registrations.sessionId))
    .where(and(eq(registrations.series, series), eq(registrations.email, email), sql`${registrations.status} <> 'cancelled'`));
  if (!row || row.status === 'cancelled') return null;
  return { ...row, status: row.status };
}

/** An active registration by its number (for organisers' commands), with its address. */
export async function activeRegistrationById(
  db: Executor, series: string, id: number,
): Promise<(ActiveRegistration & { email: string }) | null> {
  const [row] = await db
    .select({
      id: registrations.id, session: sessions.slug, status: registrations.status, attendees: registrations.attendees,
      calendarSequence: registrations.calendarSequence, email: registrations.email,
    })
    .from(registrations)
    .innerJoin(sessions, eq(sessions.id, registrations.sessionId))
    .where(and(eq(registrations.series, series), eq(registrations.id, id)));
  if (!row || row.status === 'cancelled') return null;
  return { ...row, status: row.status };
}

export async function findRegistration(db: Executor, id: number): Promise<RegistrationRow | null> {
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id));
  return row ?? null;
}

export async function findByCalendarUid(db: Executor, uid: string): Promise<RegistrationRow | null> {
  const [row] = await db.select().from(registrations).where(eq(registrations.calendarUid, uid));
  return row ?? null;
}

export interface NewRegistration {
  sessionId: number;
  series: string;
  email: string;
  name: string | null;
  municipality: string | null;
  attendees: number;
  names: string[];
  language: 'nl' | 'en';
  status: 'confirmed' | 'waitlisted';
  calendarUid: string;
  now: Date;
}

/**
 * What else a new registration's statement writes: its change-log row and, for a registration a
 * message created, the message's link to it. One statement instead of three: the message's
 * transaction holds the series lock, and every round trip there is one the next message waits for.
 */
export interface CreationRecord {
  change: Omit<NewChange, 'registrationId' | 'sessionId'>;
  /** The inbound message that created it: its record points at the new registration. */
  inboundId: number | null;
}

export async function createRegistration(tx: Executor, r: NewRegistration, record?: CreationRecord): Promise<RegistrationRow> {
  const values = {
    sessionId: r.sessionId, series: r.series, email: r.email, name: withoutNul(r.name), municipality: r.municipality,
    attendees: r.attendees, names: jsonWithoutNul(r.names), language: r.language, status: r.status, calendarUid: r.calendarUid,
    waitlistedAt: r.status === 'waitlisted' ? r.now : null, createdAt: r.now, updatedAt: r.now,
  };
  const [row] = record
    ? await createWithRecord(tx, {
      ...values, names: JSON.stringify(values.names), waitlistedAt: values.waitlistedAt?.toISOString() ?? null,
      createdAt: r.now.toISOString(), updatedAt: r.now.toISOString(),
      changeAt: record.change.at.toISOString(), origin: record.change.origin, actor: record.change.actor ?? null,
      action: record.change.action, changeInboundId: record.change.inboundId ?? null, detail: JSON.stringify(record.change.detail ?? {}),
      inboundId: record.inboundId,
    })
    : await tx.insert(registrations).values(values).returning();
  if (!row) throw new Error('insert into registrations returned nothing');
  return row;
}

/**
 * The insert with its change-log row and the message's link (none when inboundId is null), in
 * one statement that every signup sends: built once (statement.ts).
 */
const createWithRecord = statement<RegistrationRow>('create_registration', (tx) => {
  const v = (name: string) => sql.placeholder(name);
  const insert = tx.insert(registrations).values({
    sessionId: sql`${v('sessionId')}::int`, series: sql`${v('series')}::text`, email: sql`${v('email')}::text`,
    name: sql`${v('name')}::text`, municipality: sql`${v('municipality')}::text`, attendees: sql`${v('attendees')}::int`,
    names: sql`${v('names')}::jsonb`, language: sql`${v('language')}::text`, status: sql`${v('status')}::text`,
    calendarUid: sql`${v('calendarUid')}::text`, waitlistedAt: sql`${v('waitlistedAt')}::timestamptz`,
    createdAt: sql`${v('createdAt')}::timestamptz`, updatedAt: sql`${v('updatedAt')}::timestamptz`,
  }).returning();
  const created = tx.$with('created', getTableColumns(registrations)).as(insert.getSQL());
  const logged = tx.$with('logged', {}).as(sql`insert into ${changeLog}
    (at, origin, actor, action, session_id, registration_id, inbound_id, detail)
    select ${v('changeAt')}::timestamptz, ${v('origin')}::text, ${v('actor')}::text, ${v('action')}::text, created.session_id, created.id,
      ${v('changeInboundId')}::int, ${v('detail')}::jsonb from created`);
  // No message (an organiser's change): the update matches no row.
  const linked = tx.$with('linked', {}).as(sql`update ${inboundMessages}
    set registration_id = created.id from created where ${inboundMessages.id} = ${v('inboundId')}::int`);
  return tx.with(created, logged, linked).select().from(created);
});

/**
 * A signup's record and the registration it makes, in one statement instead of two: the message's
 * record (and the cursor's move, as recordInbound), the registration, its change-log row, and the
 * record's link to it (its number is drawn first, so the record is written with it). Null when the
 * message is recorded already: then nothing else is written either. Every signup sends this
 * under the series lock, where each round trip is one the next message waits for; built once.
 */
export async function recordWithRegistration(
  tx: Executor, record: NewInbound, cursorAt: Date, r: NewRegistration, change: Omit<NewChange, 'registrationId' | 'sessionId'>,
): Promise<{ inboundId: number; created: RegistrationRow } | null> {
  const [row] = await signupStatement(tx, signupValues(record, cursorAt, r, change));
  if (!row) return null;
  const { inboundId, ...created } = row;
  return { inboundId, created };
}

/**
 * recordWithRegistration with the signup's one reply in the same statement: its outbox row is
 * linked to the record and to the registration by the statement itself. Null as there.
 */
export async function recordWithRegistrationAndReply(
  tx: Executor, record: NewInbound, cursorAt: Date, r: NewRegistration, change: Omit<NewChange, 'registrationId' | 'sessionId'>,
  reply: Omit<NewReply, 'inboundId' | 'registrationId'>,
): Promise<{ inboundId: number; created: RegistrationRow; outboxId: number; outboxStatus: string } | null> {
  const [row] = await signupWithReplyStatement(tx, { ...signupValues(record, cursorAt, r, change), ...replyValues(reply, 'reply_') });
  if (!row) return null;
  const { inboundId, outboxId, outboxStatus, ...created } = row;
  return { inboundId, outboxId, outboxStatus, created };
}

/**
 * The registration a signup is about to insert, as the insert will return it (for composing its
 * reply before the statement that writes both); its number is not known yet.
 */
export function registrationToBe(r: NewRegistration, id: number): RegistrationRow {
  return {
    id, sessionId: r.sessionId, series: r.series, email: r.email, name: withoutNul(r.name) ?? null, municipality: r.municipality,
    attendees: r.attendees, names: jsonWithoutNul(r.names), language: r.language, status: r.status,
    waitlistedAt: r.status === 'waitlisted' ? r.now : null, calendarUid: r.calendarUid, calendarSequence: 0, calendarResponse: null,
    calendarResponseAt: null, attention: null, createdAt: r.now, updatedAt: r.now, cancelledAt: null, remindedAt: null, purgedAt: null,
  };
}

function signupValues(record: NewInbound, cursorAt: Date, r: NewRegistration, change: Omit<NewChange, 'registrationId' | 'sessionId'>) {
  return {
    ...driverValues(prepareRecord(record)), cursorAt: cursorAt.toISOString(),
    sessionId: r.sessionId, series: r.series, email: r.email, name: withoutNul(r.name), municipality: r.municipality,
    attendees: r.attendees, names: JSON.stringify(jsonWithoutNul(r.names)), language: r.language, status: r.status,
    calendarUid: r.calendarUid, waitlistedAt: r.status === 'waitlisted' ? r.now.toISOString() : null,
    createdAt: r.now.toISOString(), updatedAt: r.now.toISOString(),
    changeAt: change.at.toISOString(), origin: change.origin, actor: change.actor ?? null, action: change.action,
    detail: JSON.stringify(change.detail ?? {}),
  };
}

/** The CTEs of a signup's statement: the cursor, the registration's number, the record, the registration, its change-log row. */
function signupCtes(tx: Executor) {
  const v = (name: string) => sql.placeholder(name);
  const nextId = tx.$with('next_id', {}).as(sql`select nextval(pg_get_serial_sequence('registrations', 'id'))::int as id`);
  const rec = tx.$with('rec', {}).as(tx.insert(inboundMessages)
    .values({ ...recordValues(), registrationId: sql`(select id from next_id)` })
    .onConflictDoNothing()
    .returning({ id: inboundMessages.id, registrationId: inboundMessages.registrationId })
    .getSQL());
  const created = tx.$with('created', getTableColumns(registrations)).as(sql`insert into ${registrations}
    (id, session_id, series, email, name, municipality, attendees, names, language, status, calendar_uid, waitlisted_at, created_at, updated_at)
    select rec.registration_id, ${v('sessionId')}::int, ${v('series')}::text, ${v('email')}::text, ${v('name')}::text,
      ${v('municipality')}::text, ${v('attendees')}::int, ${v('names')}::jsonb, ${v('language')}::text, ${v('status')}::text,
      ${v('calendarUid')}::text, ${v('waitlistedAt')}::timestamptz, ${v('createdAt')}::timestamptz, ${v('updatedAt')}::timestamptz
    from rec returning *`);
  const logged = tx.$with('logged', {}).as(sql`insert into ${changeLog}
    (at, origin, actor, action, session_id, registration_id, inbound_id, detail)
    select ${v('changeAt')}::timestamptz, ${v('origin')}::text, ${v('actor')}::text, ${v('action')}::text, created.session_id, created.id,
      rec.id, ${v('detail')}::jsonb from created, rec`);
  const columns = Object.fromEntries(Object.keys(getTableColumns(registrations)).map((k) => [k, created[k as keyof typeof created]]));
  return { ctes: [cursorMovedCte(tx), nextId, rec, created, logged], created, columns: columns as unknown as typeof created._.selectedFields };
}

const signupStatement = statement<RegistrationRow & { inboundId: number }>('record_signup', (tx) => {
  const { ctes, created, columns } = signupCtes(tx);
  return tx.with(...ctes)
    .select({ ...columns, inboundId: sql<number>`(select id from rec)`.as('inbound_id') })
    .from(created);
});

const signupWithReplyStatement = statement<RegistrationRow & { inboundId: number; outboxId: number; outboxStatus: string }>('record_signup_reply', (tx) => {
  const { ctes, created, columns } = signupCtes(tx);
  // The reply's placeholders are named reply_…: the record has a subject, a Message-ID and a status of its own.
  const reply = tx.$with('reply', {}).as(replyInsert(tx, { inboundId: sql`(select id from rec)`, registrationId: sql`(select id from created)` }, 'reply_')
    .getSQL());
  return tx.with(...ctes, reply)
    .select({
      ...columns, inboundId: sql<number>`(select id from rec)`.as('inbound_id'), outboxId: sql<number>`(select id from reply)`.as('outbox_id'),
      outboxStatus: sql<string>`(select status from reply)`.as('outbox_status'),
    })
    .from(created);
});

/** Moves to another session; the calendar event is updated, so its SEQUENCE goes up. Returns the session left. */
export async function moveRegistration(
  tx: Executor, id: number, to: { sessionId: number; attendees: number; status: 'confirmed' | 'waitlisted' }, now: Date,
): Promise<number | null> {
  const [before] = await tx.select({ sessionId: registrations.sessionId }).from(registrations).where(eq(registrations.id, id));
  await tx.update(registrations).set({
    sessionId: to.sessionId, attendees: to.attendees, status: to.status,
    waitlistedAt: to.status === 'waitlisted' ? now : null,
    calendarSequence: sql`${registrations.calendarSequence} + 1`, calendarResponse: null, updatedAt: now,
  }).where(eq(registrations.id, id));
  return before?.sessionId ?? null;
}

// The updates below return the registration's session, for the change log.

export async function setAttendees(tx: Executor, id: number, attendees: number, now: Date): Promise<number | null> {
  const [row] = await tx.update(registrations).set({ attendees, updatedAt: now }).where(eq(registrations.id, id))
    .returning({ sessionId: registrations.sessionId });
  return row?.sessionId ?? null;
}

export async function cancelRegistration(tx: Executor, id: number, now: Date): Promise<number | null> {
  const [row] = await tx.update(registrations).set({
    status: 'cancelled', cancelledAt: now, updatedAt: now, calendarSequence: sql`${registrations.calendarSequence} + 1`,
  }).where(eq(registrations.id, id)).returning({ sessionId: registrations.sessionId });
  return row?.sessionId ?? null;
}

export async function promoteRegistration(tx: Executor, id: number, now: Date): Promise<number | null> {
  const [row] = await tx.update(registrations).set({ status: 'confirmed', waitlistedAt: null, updatedAt: now })
    .where(and(eq(registrations.id, id), eq(registrations.status, 'waitlisted')))
    .returning({ sessionId: registrations.sessionId });
  return row?.sessionId ?? null;
}

export async function recordCalendarResponse(
  tx: Executor, id: number, response: string, attention: string | null, now: Date,
): Promise<void> {
  await tx.update(registrations).set({
    calendarResponse: response, calendarResponseAt: now, updatedAt: now, ...(attention ? { attention } : {}),
  }).where(eq(registrations.id, id));
}

export interface RegistrationListing {
  id: number;
  session: string;
  email: string;
  name: string | null;
  municipality: string | null;
  attendees: number;
  status: string;
  calendarResponse: string | null;
  attention: string | null;
  createdAt: Date;
}

export async function listRegistrations(db: Executor, filter: { session?: string; all?: boolean } = {}): Promise<RegistrationListing[]> {
  const conditions = [
    ...(filter.session ? [eq(sessions.slug, filter.session)] : []),
    ...(filter.all ? [] : [sql`${registrations.status} <> 'cancelled'`]),
  ];
  return db
    .select({
      id: registrations.id, session: sessions.slug, email: registrations.email, name: registrations.name,
      municipality: registrations.municipality, attendees: registrations.attendees, status: registrations.status,
      calendarResponse: registrations.calendarResponse, attention: registrations.attention, createdAt: registrations.createdAt,
    })
    .from(registrations)
    .innerJoin(sessions, eq(sessions.id, registrations.sessionId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(sessions.date), asc(registrations.status), asc(registrations.createdAt));
}

/** Confirmed registrations of a series still owed a reminder, with whether the invite just went out. */
export async function reminderCandidates(db: Executor, series: string, now: Date): Promise<{
  id: number; session: string; attendees: number; recentlyConfirmed: boolean;
}[]> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const rows = await db
    .select({ id: registrations.id, session: sessions.slug, attendees: registrations.attendees })
    .from(registrations)
    .innerJoin(sessions, eq(sessions.id, registrations.sessionId))
    .where(and(
      eq(registrations.series, series), eq(registrations.status, 'confirmed'),
      isNull(registrations.remindedAt), isNull(registrations.purgedAt),
    ))
    .orderBy(asc(registrations.id));
  if (rows.length === 0) return [];
  const recent = await db.selectDistinct({ id: outbox.registrationId }).from(outbox).where(and(
    inArray(outbox.registrationId, rows.map((r) => r.id)),
    inArray(outbox.kind, ['confirmed', 'promoted', 'moved']),
    gte(outbox.createdAt, dayAgo),
  ));
  const fresh = new Set(recent.map((r) => r.id));
  return rows.map((r) => ({ ...r, recentlyConfirmed: fresh.has(r.id) }));
}

export async function markReminded(tx: Executor, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(registrations).set({ remindedAt: now }).where(inArray(registrations.id, ids));
}
