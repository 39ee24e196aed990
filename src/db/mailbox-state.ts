// Where the bot is in the watched folder: UIDVALIDITY and the highest UID it has dealt with.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from './client.js';
import { mailboxState } from './schema.js';

export type MailboxCursor = typeof mailboxState.$inferSelect;

export async function getCursor(db: Executor, mailbox: string): Promise<MailboxCursor | null> {
  const [row] = await db.select().from(mailboxState).where(eq(mailboxState.mailbox, mailbox));
  return row ?? null;
}

/** Sets the cursor outright: first start, or a new UIDVALIDITY. */
export async function resetCursor(
  db: Executor, mailbox: string, uidValidity: number, lastUid: number, now: Date,
): Promise<void> {
  const values = { mailbox, uidValidity, lastUid, baselineAt: now, updatedAt: now };
  await db.insert(mailboxState).values(values).onConflictDoUpdate({ target: mailboxState.mailbox, set: values });
}

/** Moves the cursor forward only (inside the message's own transaction). */
export async function advanceCursor(db: Executor, mailbox: string, uidValidity: number, uid: number, now: Date): Promise<void> {
  await advanceCursorQuery(db, mailbox, uidValidity, uid, now);
}

/** The statement of advanceCursor (recordInbound writes the same update with its insert). */
export function advanceCursorQuery(db: Executor, mailbox: string, uidValidity: number, uid: number, now: Date) {
  return db.update(mailboxState)
    .set({ lastUid: sql`greatest(${mailboxState.lastUid}, ${uid})`, updatedAt: now })
    .where(sql`${mailboxState.mailbox} = ${mailbox} and ${mailboxState.uidValidity} = ${uidValidity}`);
}

export async function markSynced(db: Executor, mailbox: string, now: Date): Promise<void> {
  await db.update(mailboxState).set({ lastSyncAt: now }).where(eq(mailboxState.mailbox, mailbox));
}
