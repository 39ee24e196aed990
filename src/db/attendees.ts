// The attendee list as organisers export it: each registration with its session and where it
// came from (the signup mail, or an organiser's command).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from './client.js';
import { changeLog, inboundMessages, registrations, sessions, type RegistrationStatus } from './schema.js';

export interface AttendeeRow {
  id: number;
  session: string; // slug
  city: string;
  date: string; // YYYY-MM-DD
  capacity: number;
  status: RegistrationStatus;
  name: string | null;
  email: string;
  municipality: string | null;
  attendees: number;
  names: string[];
  createdAt: Date;
  /** Message-ID and subject of the mail that made the registration; null when made by hand. */
  messageId: string | null;
  subject: string | null;
  /** The organiser who added it by hand, else null. */
  addedBy: string | null;
  purged: boolean;
}

export async function attendeeRows(
  db: Executor, filter: { session?: string; statuses: RegistrationStatus[]; series?: string },
): Promise<AttendeeRow[]> {
  const conditions = [
    inArray(registrations.status, filter.statuses),
    ...(filter.session ? [eq(sessions.slug, filter.session)] : []),
    ...(filter.series ? [eq(registrations.series, filter.series)] : []),
  ];
  const firstInbound = (column: typeof inboundMessages.messageId | typeof inboundMessages.subject) => sql<string | null>`(
    select ${column} from ${inboundMessages} where ${inboundMessages.registrationId} = ${registrations.id}
    order by ${inboundMessages.id} limit 1)`;
  const rows = await db
    .select({
      id: registrations.id, session: sessions.slug, city: sessions.city, date: sessions.date, capacity: sessions.capacity,
      status: registrations.status, name: registrations.name, email: registrations.email,
      municipality: registrations.municipality, attendees: registrations.attendees, names: registrations.names,
      createdAt: registrations.createdAt, purgedAt: registrations.purgedAt,
      messageId: firstInbound(inboundMessages.messageId),
      subject: firstInbound(inboundMessages.subject),
      addedBy: sql<string | null>`(
        select coalesce(${changeLog.actor}, 'organiser') from ${changeLog}
        where ${changeLog.registrationId} = ${registrations.id} and ${changeLog.origin} = 'organiser'
          and ${changeLog.action} in ('registered', 'waitlisted')
        order by ${changeLog.id} limit 1)`,
    })
    .from(registrations)
    .innerJoin(sessions, eq(sessions.id, registrations.sessionId))
    .where(and(...conditions))
    .orderBy(
      asc(sessions.date), asc(sessions.start),
      sql`case ${registrations.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`,
      asc(registrations.waitlistedAt), asc(registrations.createdAt), asc(registrations.id),
    );
  return rows.map(({ purgedAt, ...r }) => ({
    ...r, purged: purgedAt !== null,
    // Made by hand: a later mail of theirs is not where the registration came from.
    ...(r.addedBy ? { messageId: null, subject: null } : {}),
  }));
}
