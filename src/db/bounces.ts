// Bounces of the bot's own replies: which outbox rows a delivery report returns, and what
// follows from it (the reply undeliverable, the registration flagged, a hard-bounced address
// suppressed), all inside the report's own transaction.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { BouncePlan, BouncedReply } from '../rules/bounce.js';
import type { BounceReport } from '../understanding/bounce.js';
import type { Executor } from './client.js';
import { inboundMessages, outbox, registrations, suppressions } from './schema.js';

const reply = {
  outboxId: outbox.id, registrationId: outbox.registrationId, toAddress: outbox.toAddress, kind: outbox.kind,
  status: outbox.status, messageId: outbox.messageId,
};

/**
 * The replies a report returns: by the Message-IDs it quotes, or, when it quotes none, the
 * latest reply sent to each address it names (plain-text bounces that return nothing).
 */
export async function findBouncedReplies(db: Executor, report: BounceReport): Promise<{ replies: BouncedReply[]; by: 'message-id' | 'recipient' }> {
  if (report.messageIds.length > 0) {
    return { by: 'message-id', replies: await db.select(reply).from(outbox).where(inArray(outbox.messageId, report.messageIds)).orderBy(outbox.id) };
  }
  const replies: BouncedReply[] = [];
  for (const address of new Set(report.recipients.flatMap((r) => [r.address, r.original ?? r.address]))) {
    const [row] = await db.select(reply).from(outbox)
      .where(and(eq(outbox.toAddress, address), inArray(outbox.status, ['sent', 'unknown', 'bounced'])))
      .orderBy(desc(outbox.id)).limit(1);
    if (row) replies.push(row);
  }
  return { by: 'recipient', replies };
}

/** Carries out the plan; `inboundId` is the report's own record. */
export async function applyBouncePlan(tx: Executor, plan: BouncePlan, inboundId: number, now: Date): Promise<void> {
  for (const u of plan.undeliverable) {
    await tx.update(outbox).set({ status: 'bounced', lastError: u.error.slice(0, 500) }).where(eq(outbox.id, u.outboxId));
  }
  for (const f of plan.flag) {
    await tx.update(registrations).set({ attention: f.attention.slice(0, 500), updatedAt: now }).where(eq(registrations.id, f.registrationId));
  }
  if (plan.registrationId !== null) {
    await tx.update(inboundMessages).set({ registrationId: plan.registrationId }).where(eq(inboundMessages.id, inboundId));
  }
  for (const s of plan.suppress) {
    await tx.insert(suppressions).values({ address: s.address, reason: s.reason.slice(0, 500), inboundId, outboxId: s.outboxId, createdAt: now })
      .onConflictDoNothing();
    // Replies already waiting for that address (a retry, a promotion) are not sent either.
    await tx.update(outbox).set({ status: 'suppressed', lastError: `not sent: ${s.address} bounced hard` })
      .where(and(eq(outbox.toAddress, s.address), inArray(outbox.status, ['pending', 'held'])));
  }
}

export interface SuppressionListing {
  address: string;
  reason: string;
  createdAt: Date;
}

export async function listSuppressions(db: Executor, limit = 100): Promise<SuppressionListing[]> {
  return db.select({ address: suppressions.address, reason: suppressions.reason, createdAt: suppressions.createdAt })
    .from(suppressions).orderBy(desc(suppressions.createdAt)).limit(limit);
}

/** For a new outbox row: 'suppressed', and why, when the address bounced hard (no extra round trip). */
export function unlessSuppressed(address: string, status: string) {
  const bounced = sql`exists (select 1 from ${suppressions} where ${suppressions.address} = ${address})`;
  return {
    status: sql`case when ${bounced} then 'suppressed' else ${status} end`,
    lastError: sql`case when ${bounced} then ${`not sent: ${address} bounced hard`} end`,
  };
}
