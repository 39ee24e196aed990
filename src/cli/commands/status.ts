import { Command, InvalidArgumentError } from 'commander';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { listInbound } from '../../db/inbound-messages.js';
import { listSuppressions } from '../../db/bounces.js';
import { outboxCounts } from '../../db/outbox.js';
import { heldReviews } from '../../db/reviews.js';
import { inboundMessages, mailboxState } from '../../db/schema.js';
import { commandContext, reportFailure, withDatabase } from '../context.js';

// Outcomes a person has to look at: the bot recorded them and did not (fully) answer.
const needsPeople = ['escalated', 'error', 'oversized', 'rate-limited', 'too-slow', 'bounced', 'dmarc-failed'];

function minutes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of minutes');
  return n;
}

function age(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  return minutes < 48 * 60 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 1440)} days`;
}

async function summary(db: Executor) {
  const mailboxes = await db.select().from(mailboxState);
  const outcomes = await db.select({ outcome: inboundMessages.outcome, n: sql<number>`count(*)::int` })
    .from(inboundMessages).groupBy(inboundMessages.outcome);
  return {
    mailboxes: mailboxes.map((m) => ({ mailbox: m.mailbox, uidValidity: m.uidValidity, lastUid: m.lastUid, lastSyncAt: m.lastSyncAt })),
    messages: Object.fromEntries(outcomes.map((o) => [o.outcome, o.n])),
    outbox: await outboxCounts(db),
  };
}

export function statusCommand(): Command {
  return new Command('status')
    .description('what the bot has done: mailbox position, messages by outcome, replies by state, and the mail left for people')
    .option('--json', 'print one JSON object')
    .option('--stale-after <minutes>', 'exit 1 when the mailbox was not checked for this long (a health check)', minutes)
    .action((opts: { json?: boolean; staleAfter?: number }) => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      await withDatabase(ctx, async ({ db }) => {
        const s = await summary(db);
        const attention = await listInbound(db, { outcome: needsPeople, limit: 50 });
        const held = (await heldReviews(db)).map((h) => ({
          message: h.message, heldAt: h.heldAt, ageMinutes: Math.floor((ctx.clock().getTime() - h.heldAt.getTime()) / 60_000),
          why: h.why, fromAddress: h.fromAddress, subject: h.subject, outcome: String(h.decision.outcome),
        }));
        const suppressed = await listSuppressions(db);
        const undelivered = (s.outbox.failed ?? 0) + (s.outbox.unknown ?? 0) + (s.outbox.bounced ?? 0);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...s, attention, held, suppressed })}\n`);
        } else {
          for (const m of s.mailboxes) {
            process.stdout.write(`mailbox ${m.mailbox}: UIDVALIDITY ${m.uidValidity}, last UID ${m.lastUid}, last checked ${m.lastSyncAt?.toISOString() ?? 'never'}\n`);
          }
          process.stdout.write(`messages: ${Object.entries(s.messages).map(([k, v]) => `${k} ${v}`).join(', ') || 'none yet'}\n`);
          process.stdout.write(`replies: ${Object.entries(s.outbox).map(([k, v]) => `${k} ${v}`).join(', ') || 'none yet'}\n`);
          if (undelivered > 0) process.stdout.write(`${undelivered} replies could not be delivered (failed, unknown or bounced): see the outbox table\n`);
          if (suppressed.length > 0) {
            process.stdout.write(`no more mail to ${suppressed.length} address(es) that bounced hard:\n`);
            for (const x of suppressed) process.stdout.write(`  ${x.createdAt.toISOString()}  ${x.address}  ${x.reason}\n`);
          }
          process.stdout.write(`left for people (${attention.length}):\n`);
          for (const a of attention) {
            process.stdout.write(`  ${a.processedAt.toISOString()}  ${a.outcome.padEnd(12)} ${a.fromAddress ?? '?'}  ${a.subject ?? ''}\n`);
            // Why, for the outcomes whose line alone does not say it.
            const why = ['bounced', 'dmarc-failed', 'too-slow'].includes(a.outcome) ? a.error ?? a.reason : null;
            if (why) process.stdout.write(`      ${why.slice(0, 200)}\n`);
          }
          process.stdout.write(`held for review (${held.length})${held.length ? ': dloket-bot review' : ''}\n`);
          for (const h of held) {
            process.stdout.write(`  ${String(h.message).padStart(5)}  held ${h.heldAt.toISOString()}, ${age(h.ageMinutes)} ago  ${h.outcome.padEnd(18)} ${h.fromAddress ?? '?'}  ${h.subject ?? ''}\n`);
          }
        }
        if (opts.staleAfter !== undefined) {
          const last = Math.max(0, ...s.mailboxes.map((m) => m.lastSyncAt?.getTime() ?? 0));
          if (Date.now() - last > opts.staleAfter * 60_000) {
            process.stderr.write(`dloket-bot: the mailbox was not checked in the last ${opts.staleAfter} minutes\n`);
            process.exitCode = 1;
          }
        }
      });
    }));
}
