// Sends what the outbox owes. At-least-once by construction (rows are committed before SMTP)
// and at-most-once in practice: a row is claimed before sending, and an answer that may
// have arrived (failure after DATA) is never resent blindly.
import type { Executor } from '../db/client.js';
import { receivedAtOf } from '../db/inbound-messages.js';
import {
  claimDue, markCopiedToSent, markSent, markUndelivered, scheduleRetry, sentNotCopied, type ClaimedReply,
} from '../db/outbox.js';
import type { MailboxSession } from '../mailbox/types.js';
import type { PipelineDeps } from './deps.js';
import { flushOutcomes, recordOutcome } from './unrecorded.js';

const MAX_ATTEMPTS = 8;
const BATCH = 25;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/** Retry delays: 1, 2, 4 ... minutes, at most an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60, 2 ** Math.max(0, attempt - 1)) * 60_000;
}

/**
 * Sends due replies (all, or just `onlyIds`), then files copies in Sent when a session is given
 * (the worker passes none: its follow-ups file them after the reply, see follow-ups.ts).
 */
export async function deliverDue(
  deps: PipelineDeps, session: MailboxSession | null, onlyIds?: number[], arrivedAt?: (outboxId: number) => Date | null,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const { db } = deps.database;
  await flushOutcomes(deps);
  for (;;) {
    const rows = await claimDue(db, deps.clock(), BATCH, onlyIds);
    if (rows.length === 0) break;
    for (const row of rows) await sendReply(deps, row, report, arrivedAt);
    if (rows.length < BATCH) break;
  }
  if (session && deps.mail.imap.sentCopy) await copyToSent(deps, session);
  return report;
}

/**
 * One claimed reply over SMTP, and its outcome recorded; false when that record had to wait for
 * the database (deliverDue goes on; the send lane stops there).
 */
export async function sendReply(
  deps: PipelineDeps, row: ClaimedReply, report: DeliveryReport, arrivedAt?: (outboxId: number) => Date | null,
): Promise<boolean> {
  let response: string;
  try {
    ({ response } = await deps.sender.send({ from: row.fromAddress, to: row.toAddress, raw: Buffer.from(row.raw, 'utf8') }));
  } catch (err) {
    // deps.database.db is read when the record is written: the pool may have been renewed since.
    return recordOutcome(deps, row.id, () => recordFailure(deps, deps.database.db, row, err, report));
  }
  // Accepted by SMTP: from here on a database failure must never lead to a second send.
  const sentAt = deps.clock();
  const recorded = await recordOutcome(deps, row.id, () => markSent(deps.database.db, row.id, response, sentAt));
  report.sent++;
  deps.logger.info({ event: 'reply.sent', outboxId: row.id, kind: row.kind, messageId: row.messageId, attempt: row.attempts }, 'reply sent');
  // Sent is recorded: nothing the metric needs may turn this into a failure (and a resend).
  // `arrivedAt`: the caller knows when the messages these replies answer arrived (onlyIds).
  if (deps.metrics) {
    deps.metrics.replySent(row.inboundId === null ? null
      : arrivedAt ? arrivedAt(row.id) : await receivedAtOf(deps.database.db, row.inboundId).catch(() => null));
  }
  return recorded;
}

async function recordFailure(
  deps: PipelineDeps, db: Executor, row: { id: number; attempts: number; kind: string; messageId: string },
  err: unknown, report: DeliveryReport,
): Promise<void> {
  const e = err as Error & { kind?: string };
  const kind = e.kind === 'permanent' || e.kind === 'unknown' ? e.kind : 'transient';
  const fields = { outboxId: row.id, kind: row.kind, messageId: row.messageId, attempt: row.attempts, failure: kind, error: e.message };
  if (kind === 'transient' && row.attempts < MAX_ATTEMPTS) {
    await scheduleRetry(db, row.id, e.message, new Date(deps.clock().getTime() + retryDelayMs(row.attempts)));
    report.retrying++;
    deps.metrics?.replyFailed('retry');
    deps.logger.warn({ event: 'reply.retry_scheduled', ...fields }, 'reply not sent yet; will retry');
    return;
  }
  await markUndelivered(db, row.id, kind === 'unknown' ? 'unknown' : 'failed', e.message);
  report.failed++;
  deps.metrics?.replyFailed(kind === 'unknown' ? 'unknown' : 'failed');
  deps.logger.error({ event: 'reply.failed', ...fields }, 'reply could not be delivered: organisers must follow up');
}

/**
 * Organisers see the bot's answers in Sent, as they would see a colleague's. Files every copy
 * owed, and records the copies filed once per batch (one statement, not one per copy): a crash
 * in between files those copies again, which costs organisers a second copy, never a resend.
 */
export async function copyToSent(deps: PipelineDeps, session: MailboxSession): Promise<void> {
  for (;;) {
    const rows = await sentNotCopied(deps.database.db, BATCH);
    const filed: number[] = [];
    try {
      for (const row of rows) {
        await session.appendSent(Buffer.from(row.raw, 'utf8'));
        filed.push(row.id);
      }
    } catch (err) {
      // The reply went out; a missing copy is retried at the next sync, never worth a resend.
      const outboxId = rows[filed.length]?.id;
      deps.logger.warn({ event: 'reply.sent_copy_failed', outboxId, error: (err as Error).message }, 'could not file the copy in Sent');
      await markCopiedToSent(deps.database.db, filed);
      return;
    }
    await markCopiedToSent(deps.database.db, filed);
    if (rows.length < BATCH) return;
  }
}
