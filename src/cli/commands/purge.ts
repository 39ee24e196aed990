// `dloket-bot purge`: retention by hand (RETENTION_DAYS does the same in the worker, daily).
import { Command, InvalidArgumentError } from 'commander';
import { shippedCatalogue } from '../../catalogue/catalogue.js';
import { zonedInstant } from '../../catalogue/time.js';
import { lockSeries } from '../../db/registrations.js';
import { purgeEnded, type PurgeReport } from '../../db/retention.js';
import { currentCatalogue } from '../../db/sessions.js';
import { CommandError, commandContext, reportFailure, withDatabase } from '../context.js';

const DAY_MS = 86_400_000;
const units: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

/** "90d", "12w", "6m" (30 days each), "1y" (365 days): how long after a session ended. */
export function parseDuration(value: string): number {
  const m = /^(\d+)\s*([dwmy])$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a duration such as 90d, 12w, 6m or 1y');
  return Number(m[1]) * (units[m[2]!.toLowerCase()] ?? 1) * DAY_MS;
}

function day(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('expected a date such as 2018-09-01');
  return value;
}

function print(report: PurgeReport, dryRun: boolean): void {
  const verb = dryRun ? 'would remove' : 'removed';
  process.stdout.write(`sessions that ended before ${report.cutoff.toISOString()}: ${report.sessions.length}\n`);
  for (const s of report.sessions) {
    process.stdout.write(`  ${s.slug.padEnd(12)} ${s.date}  ${verb} names and addresses of ${s.registrations} registrations (${s.people} people), `
      + `${s.messages} messages, ${s.replies} replies\n`);
  }
  process.stdout.write(`mail tied to no session, from before then: ${verb} ${report.otherMessages} messages, ${report.otherReplies} replies\n`);
  if (report.unsentReplies > 0) process.stdout.write(`${report.unsentReplies} replies are still waiting to be sent: left alone, purged by a later run\n`);
  process.stdout.write('kept: per session and municipality the number of registrations and people; the Message-IDs that keep the bot from answering twice\n');
  if (dryRun) process.stdout.write('dry run: nothing was changed\n');
}

export function purgeCommand(): Command {
  return new Command('purge')
    .description('remove names, addresses, message texts and reply bodies of sessions that ended (AVG retention)')
    .option('--ended-before <date>', 'sessions that ended before this date', day)
    .option('--older-than <duration>', 'sessions that ended more than this long ago (90d, 12w, 6m, 1y)', parseDuration)
    .option('--dry-run', 'only say what would be removed')
    .option('--json', 'print the report as JSON')
    .action((opts: { endedBefore?: string; olderThan?: number; dryRun?: boolean; json?: boolean }) => reportFailure(async () => {
      if ((opts.endedBefore === undefined) === (opts.olderThan === undefined)) {
        throw new CommandError('give either --ended-before DATE or --older-than DURATION');
      }
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      await withDatabase(ctx, async ({ db }) => {
        const catalogue = (await currentCatalogue(db)) ?? shippedCatalogue;
        const now = ctx.clock();
        const cutoff = opts.endedBefore ? zonedInstant(opts.endedBefore, '00:00', catalogue.timezone) : new Date(now.getTime() - opts.olderThan!);
        const report = await db.transaction(async (tx) => {
          await lockSeries(tx, catalogue.series);
          return purgeEnded(tx, cutoff, now, !opts.dryRun);
        });
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...report, dryRun: Boolean(opts.dryRun) })}\n`);
        else print(report, Boolean(opts.dryRun));
        ctx.logger.info({ event: 'retention.purged', cutoff: cutoff.toISOString(), dryRun: Boolean(opts.dryRun), sessions: report.sessions.map((s) => s.slug) }, 'purge');
      });
    }));
}
