// What SMTP said about a reply, held until the database can take it. When the database is
// down just after the SMTP server accepted a reply, the row stays 'sending' (never claimed
// again, so never sent twice) and the record is written as soon as the database is back:
// at the start of the next delivery. Only a process that dies before then loses the record;
// its next start sends that reply once more (the at-most-once window, see README).
import type { Database } from '../db/client.js';
import type { Logger } from '../observability/logger.js';
import { isTransient } from './transient.js';

type Record = () => Promise<void>;

// Per database, so two workers in one process (tests) never mix their outbox ids.
const pending = new WeakMap<Database, Map<number, Record>>();

/** Writes a send's outcome; a passing database fault keeps it for later instead of failing the batch. */
export async function recordOutcome(
  deps: { database: Database; logger: Logger }, outboxId: number, record: Record,
): Promise<void> {
  try {
    await record();
  } catch (err) {
    if (!isTransient(err)) throw err;
    let held = pending.get(deps.database);
    if (!held) pending.set(deps.database, (held = new Map()));
    held.set(outboxId, record);
    deps.logger.warn({ event: 'reply.record_deferred', outboxId, error: (err as Error).message }, 'database unavailable: the reply\'s outcome is written when it is back');
  }
}

/** Writes the outcomes held back; throws (and keeps the rest) while the database is still away. */
export async function flushOutcomes(deps: { database: Database; logger: Logger }): Promise<void> {
  const held = pending.get(deps.database);
  if (!held || held.size === 0) return;
  for (const [outboxId, record] of held) {
    await record();
    held.delete(outboxId);
    deps.logger.info({ event: 'reply.record_written', outboxId }, 'deferred reply outcome written');
  }
}

/** Outbox ids whose outcome is still only in memory (logged at stop, so an admin knows). */
export function unrecordedOutboxIds(database: Database): number[] {
  return [...(pending.get(database)?.keys() ?? [])];
}
