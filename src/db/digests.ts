// The digest's day record: claimed in the transaction that writes the digest, so it goes out
// once per day even when the worker restarts, or two instances race.
import { desc } from 'drizzle-orm';
import type { Executor } from './client.js';
import { digests } from './schema.js';

export type DigestRow = typeof digests.$inferSelect;

export async function lastDigest(db: Executor): Promise<DigestRow | null> {
  const [row] = await db.select().from(digests).orderBy(desc(digests.day)).limit(1);
  return row ?? null;
}

/** Records the day's digest; false when that day already has one. */
export async function claimDigestDay(tx: Executor, row: DigestRow): Promise<boolean> {
  const inserted = await tx.insert(digests).values(row).onConflictDoNothing().returning({ day: digests.day });
  return inserted.length > 0;
}
