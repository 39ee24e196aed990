// `dloket-bot replay`: a message through the whole pipeline (understanding, rules, registration
// changes, replies) against the current database, inside a transaction that is rolled back.
// Nothing is written, nothing is sent (delivery is never called), no IMAP is touched.
import { and, eq } from 'drizzle-orm';
import { changesOfInbound, type ChangeListing } from '../db/change-log.js';
import type { Db } from '../db/client.js';
import { findOutboxRows, type OutboxRow } from '../db/outbox.js';
import { inboundMessages, type OutboxStatus } from '../db/schema.js';
import type { MailboxStatus } from '../mailbox/types.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { handleMessage } from '../pipeline/handle-message.js';

export interface ReplayResult {
  outcome: string;
  /** The verdict as recorded (intent, session, evidence...); null when the message could not be read. */
  understanding: Record<string, unknown> | null;
  reason: string | null;
  error: string | null;
  keywords: string[];
  changes: ChangeListing[];
  replies: (OutboxRow & { status: OutboxStatus })[];
}

// A folder name no server uses, so the replayed copy never meets a recorded one by its UID.
const box: MailboxStatus = { path: '(replay)', uidValidity: '1', uidNext: 2, exists: 1, keywordsAllowed: false };

class RolledBack extends Error {}

export async function replayMessage(deps: PipelineDeps, source: Buffer): Promise<ReplayResult> {
  let result: ReplayResult | null = null;
  try {
    await deps.database.db.transaction(async (tx) => {
      // The pipeline opens its own transactions on this one: they become savepoints inside it.
      const inside: PipelineDeps = { ...deps, database: { ...deps.database, db: tx as unknown as Db } };
      const handled = await handleMessage(inside, box, {
        uid: 1, size: source.length, internalDate: null, source: source.subarray(0, deps.mail.maxMessageBytes),
        truncated: source.length > deps.mail.maxMessageBytes,
      });
      const [row] = await tx.select().from(inboundMessages)
        .where(and(eq(inboundMessages.mailbox, box.path), eq(inboundMessages.uid, 1)));
      result = {
        outcome: handled.outcome,
        understanding: (row?.understanding as Record<string, unknown> | null) ?? null,
        reason: row?.reason ?? null,
        error: row?.error ?? null,
        keywords: handled.keywords,
        changes: row ? await changesOfInbound(tx, row.id) : [],
        replies: await findOutboxRows(tx, handled.outboxIds),
      };
      throw new RolledBack('replay: nothing is kept');
    });
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
  }
  if (!result) throw new Error('replay produced no result');
  return result;
}
