// What SMTP said about a reply, held until the database can take it. When the database is
// down just after the SMTP server accepted a reply, the row stays 'sending' (never claimed
// again, so never sent twice) and the record is written as soon as the database is back:
// at the start of the next delivery. Only a process that dies before then loses the record;
// its next start sends that reply once more (the at-most-once window, see README).
// Likewise the replies the send lane held claimed but could not send: they go back to pending
// when the database is back (a process that dies first leaves them to requeueInterrupted).
import type { Database } from '../db/client.js';
import { releaseClaimed } from '../db/outbox.js';
import type { Logger } from '../observability/logger.js';
import { isTransient } from './transient.js';

type Record = () => Promise<void>;

// Per database, so two workers in one process (tests) never mix their outbox ids.
const pending = new WeakMap<Database, Map<number, Record>>();
const unreleased = new WeakMap<Database, Set<number>>();

/**
 * Writes a send's outcome; a passing database fault keeps it for later instead of failing the
 * batch. False when it was kept: the caller should send nothing more until the database is back.
 */
export async function recordOutcome(
  deps: { database: Database; logger: Logger }, outboxId: number, record: Record,
): Promise<boolean> {
  try {
    await record();
    return true;
  } catch (err) {
    if (!isTransient(err)) throw err;
    let held = pending.get(deps.database);
    if (!held) pending.set(deps.database, (held = new Map()));
    held.set(outboxId, record);
    deps.logger.warn({ event: 'reply.record_deferred', outboxId, error: (err as Error).message }, 'database unavailable: the reply\'s outcome is written when it is back');
    return false;
  }
}

/**
 * Puts replies claimed but not sent back to pending (releaseClaimed); while the database is
 * away they are kept and released by the next flushOutcomes. Never throws.
 */
export async function releaseUnsent(deps: { database: Database; logger: Logger }, outboxIds: number[]): Promise<void> {
  if (outboxIds.length === 0) return;
  try {
    await releaseClaimed(deps.database.db, outboxIds);
  } catch (err) {
    let held = unreleased.get(deps.database);
    if (!held) unreleased.set(deps.database, (held = new Set()));
    for (const id of outboxIds) held.add(id);
    deps.logger.warn({ event: 'reply.release_deferred', outboxIds, error: (err as Error).message }, 'replies not sent go back to pending when the database is back');
  }
}

/**
 * Writes the outcomes held back, then releases the replies kept claimed; throws (and keeps the
 * rest) while the database is still away.
 */
export async function flushOutcomes(deps: { database: Database; logger: Logger }): Promise<void> {
  const held = pending.get(deps.database);
  for (const [outboxId, record] of held ?? []) {
    await record();
    held!.delete(outboxId);
    deps.logger.info({ event: 'reply.record_written', outboxId }, 'deferred reply outcome written');
  }
  const claimed = unreleased.get(deps.database);
  if (claimed && claimed.size > 0) {
    const ids = [...claimed];
    await releaseClaimed(deps.database.db, ids);
    for (const id of ids) claimed.delete(id);
    deps.logger.info({ event: 'reply.released', outboxIds: ids }, 'replies not sent back to pending');
  }
}

/** Outbox ids whose outcome is still only in memory (logged at stop, so an admin knows). */
export function unrecordedOutboxIds(database: Database): number[] {
  return [...(pending.get(database)?.keys() ?? [])];
}
