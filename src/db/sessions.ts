// The session catalogue in the database, and the seat counts the rules work with.
import { asc, eq, sql, type Placeholder } from 'drizzle-orm';
import type { Catalogue, Session } from '../catalogue/catalogue.js';
import type { SessionState, WaitlistEntry } from '../rules/types.js';
import type { Executor } from './client.js';
import { registrations, sessions } from './schema.js';

type SessionRow = typeof sessions.$inferSelect;

/** Inserts new sessions and updates existing ones by slug; seats already taken stay. */
export async function importCatalogue(db: Executor, catalogue: Catalogue): Promise<{ inserted: number; updated: number }> {
  const existing = new Set((await db.select({ slug: sessions.slug }).from(sessions)).map((r) => r.slug));
  for (const s of catalogue.sessions) {
    const values = {
      slug: s.slug, series: catalogue.series, organiser: catalogue.organiser ?? null, region: s.region, city: s.city, date: s.date, start: s.start, end: s.end,
      venue: s.venue, address: s.address, capacity: s.capacity, programme: s.programme ?? [],
      signupDeadline: s.signupDeadline ? new Date(s.signupDeadline) : null, timezone: catalogue.timezone,
    };
    await db.insert(sessions).values(values).onConflictDoUpdate({
      target: sessions.slug,
      set: { ...values, updatedAt: sql`now()` },
    });
  }
  const inserted = catalogue.sessions.filter((s) => !existing.has(s.slug)).length;
  return { inserted, updated: catalogue.sessions.length - inserted };
}

export async function countSessions(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(sessions);
  return row?.n ?? 0;
}

function toSession(r: SessionRow): Session {
  return {
    slug: r.slug, region: r.region, city: r.city, date: r.date, start: r.start, end: r.end, venue: r.venue,
    address: r.address, capacity: r.capacity, programme: r.programme,
    ...(r.signupDeadline ? { signupDeadline: r.signupDeadline.toISOString() } : {}),
  };
}

/**
 * The catalogue as the database holds it now. With several series, the one with the latest
 * session is current: that is the one people write about.
 */
export async function currentCatalogue(db: Executor): Promise<Catalogue | null> {
  const rows = await db.select().from(sessions).orderBy(asc(sessions.date), asc(sessions.start));
  const last = rows.at(-1);
  if (!last) return null;
  const current = rows.filter((r) => r.series === last.series);
  return {
    series: last.series, timezone: last.timezone, sessions: current.map(toSession),
    ...(last.organiser ? { organiser: last.organiser } : {}),
  };
}

/** Every session of a series with its confirmed seats and waiting list (queue order). */
export async function loadSeriesState(db: Executor, series: string): Promise<SessionState[]> {
  const rows = await db.select(seriesStateColumns(series)).from(sessions).where(eq(sessions.series, series)).orderBy(asc(sessions.date));
  return rows.map(toSessionState);
}

/**
 * A session row with its seats taken and its waiting list. Summed and built by the database, in
 * the statement that reads the sessions: every decision reads this, and a row per registration
 * through the driver made each one slower than the last as a backlog's registrations grew (the
 * worker's profile). Also read with the sender's facts (decision-inputs.ts).
 */
export function seriesStateColumns(series: string | Placeholder) {
  return {
    session: sessions,
    taken: sql<number>`coalesce((select sum(r.attendees) from ${registrations} r
      where r.session_id = "sessions"."id" and r.series = ${series} and r.status = 'confirmed'), 0)::int`.as('taken'),
    waitlist: sql<WaitlistEntry[]>`coalesce((select json_agg(json_build_object('id', r.id, 'email', r.email, 'name', r.name,
      'attendees', r.attendees) order by r.waitlisted_at, r.id) from ${registrations} r
      where r.session_id = "sessions"."id" and r.series = ${series} and r.status = 'waitlisted'), '[]'::json)`.as('waitlist'),
  };
}

export interface SeriesStateRow {
  session: SessionRow;
  taken: number;
  waitlist: WaitlistEntry[];
}

export function toSessionState({ session: r, taken, waitlist }: SeriesStateRow): SessionState {
  return {
    ...toSession(r),
    id: r.id,
    timezone: r.timezone,
    signupDeadline: r.signupDeadline?.toISOString(),
    signups: r.signups,
    taken,
    waitlist,
  };
}

export interface SessionSeats {
  slug: string;
  city: string;
  date: string;
  start: string;
  end: string;
  venue: string;
  capacity: number;
  taken: number;
  waitlisted: number;
  registrations: number;
  /** Organisers' override: 'auto' (the deadline decides), 'open' or 'closed'. */
  signups: string;
}

export async function listSessionsWithSeats(db: Executor): Promise<SessionSeats[]> {
  const rows = await db
    .select({
      slug: sessions.slug, city: sessions.city, date: sessions.date, start: sessions.start, end: sessions.end,
      venue: sessions.venue, capacity: sessions.capacity, signups: sessions.signups,
      taken: sql<number>`coalesce(sum(${registrations.attendees}) filter (where ${registrations.status} = 'confirmed'), 0)::int`,
      waitlisted: sql<number>`coalesce(sum(${registrations.attendees}) filter (where ${registrations.status} = 'waitlisted'), 0)::int`,
      registrations: sql<number>`count(${registrations.id}) filter (where ${registrations.status} = 'confirmed')::int`,
    })
    .from(sessions)
    .leftJoin(registrations, eq(registrations.sessionId, sessions.id))
    .groupBy(sessions.id)
    .orderBy(asc(sessions.date), asc(sessions.start));
  return rows;
}

export async function setCapacity(tx: Executor, slug: string, capacity: number, now: Date): Promise<number | null> {
  const [row] = await tx.update(sessions).set({ capacity, updatedAt: now }).where(eq(sessions.slug, slug))
    .returning({ id: sessions.id });
  return row?.id ?? null;
}

export async function setSignups(tx: Executor, slug: string, signups: 'open' | 'closed', now: Date): Promise<number | null> {
  const [row] = await tx.update(sessions).set({ signups, updatedAt: now }).where(eq(sessions.slug, slug))
    .returning({ id: sessions.id });
  return row?.id ?? null;
}
