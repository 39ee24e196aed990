// The change log: one row per change to a registration or a session, with who made it.
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Executor } from './client.js';
import { changeLog, registrations, sessions } from './schema.js';

export type NewChange = typeof changeLog.$inferInsert;

/** Who made a change: the worker reading mail, an organiser's command, or the schedule. */
export interface Actor {
  origin: 'mail' | 'organiser' | 'schedule';
  /** The organiser's name; null for the bot. */
  name: string | null;
}

export async function recordChange(tx: Executor, row: NewChange): Promise<void> {
  await tx.insert(changeLog).values(row);
}

export interface ChangeListing {
  id: number;
  at: Date;
  origin: string;
  actor: string | null;
  action: string;
  session: string | null;
  city: string | null;
  registrationId: number | null;
  email: string | null;
  name: string | null;
  municipality: string | null;
  attendees: number | null;
  detail: Record<string, unknown>;
}

function listing(db: Executor) {
  return db
    .select({
      id: changeLog.id, at: changeLog.at, origin: changeLog.origin, actor: changeLog.actor, action: changeLog.action,
      session: sessions.slug, city: sessions.city, registrationId: changeLog.registrationId, email: registrations.email,
      name: registrations.name, municipality: registrations.municipality, attendees: registrations.attendees,
      detail: changeLog.detail,
    })
    .from(changeLog)
    .leftJoin(sessions, eq(sessions.id, changeLog.sessionId))
    .leftJoin(registrations, eq(registrations.id, changeLog.registrationId));
}

/** Changes after `since` of the given kinds, oldest first. */
export async function changesSince(db: Executor, since: Date, actions: string[]): Promise<ChangeListing[]> {
  return listing(db).where(and(gt(changeLog.at, since), inArray(changeLog.action, actions))).orderBy(asc(changeLog.id));
}

/** What a message changed. */
export async function changesOfInbound(db: Executor, inboundId: number): Promise<ChangeListing[]> {
  return listing(db).where(eq(changeLog.inboundId, inboundId)).orderBy(asc(changeLog.id));
}
