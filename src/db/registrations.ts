// Registrations: created, moved, cancelled and promoted only inside the pipeline's transaction.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { ActiveRegistration } from '../rules/types.js';
import type { Executor } from './client.js';
import { registrations, sessions } from './schema.js';
import { jsonWithoutNul, withoutNul } from './text.js';

export type RegistrationRow = typeof registrations.$inferSelect;

/** Serialises every seat-changing transaction of one series: the last seat goes to exactly one. */
export async function lockSeries(tx: Executor, series: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'dloket:series:' + series}))`);
}

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

export async function createRegistration(tx: Executor, r: NewRegistration): Promise<RegistrationRow> {
  const [row] = await tx
    .insert(registrations)
    .values({
      sessionId: r.sessionId, series: r.series, email: r.email, name: withoutNul(r.name), municipality: r.municipality,
      attendees: r.attendees, names: jsonWithoutNul(r.names), language: r.language, status: r.status, calendarUid: r.calendarUid,
      waitlistedAt: r.status === 'waitlisted' ? r.now : null, createdAt: r.now, updatedAt: r.now,
    })
    .returning();
  if (!row) throw new Error('insert into registrations returned nothing');
  return row;
}

/** Moves to another session; the calendar event is updated, so its SEQUENCE goes up. */
export async function moveRegistration(
  tx: Executor, id: number, to: { sessionId: number; attendees: number; status: 'confirmed' | 'waitlisted' }, now: Date,
): Promise<void> {
  await tx.update(registrations).set({
    sessionId: to.sessionId, attendees: to.attendees, status: to.status,
    waitlistedAt: to.status === 'waitlisted' ? now : null,
    calendarSequence: sql`${registrations.calendarSequence} + 1`, calendarResponse: null, updatedAt: now,
  }).where(eq(registrations.id, id));
}

export async function setAttendees(tx: Executor, id: number, attendees: number, now: Date): Promise<void> {
  await tx.update(registrations).set({ attendees, updatedAt: now }).where(eq(registrations.id, id));
}

export async function cancelRegistration(tx: Executor, id: number, now: Date): Promise<void> {
  await tx.update(registrations).set({
    status: 'cancelled', cancelledAt: now, updatedAt: now, calendarSequence: sql`${registrations.calendarSequence} + 1`,
  }).where(eq(registrations.id, id));
}

export async function promoteRegistration(tx: Executor, id: number, now: Date): Promise<void> {
  await tx.update(registrations).set({ status: 'confirmed', waitlistedAt: null, updatedAt: now })
    .where(and(eq(registrations.id, id), eq(registrations.status, 'waitlisted')));
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
