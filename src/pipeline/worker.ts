// The long-running worker: prepares the database, becomes the mailbox's only consumer, and
// runs the mailbox loop with the sync pass until asked to stop.
import { setTimeout as sleep } from 'node:timers/promises';
import { shippedCatalogue } from '../catalogue/catalogue.js';
import type { Config, MailConfig } from '../config/config.js';
import { openDatabase, type ConsumerLock, type Database } from '../db/client.js';
import { outboxCounts, requeueInterrupted } from '../db/outbox.js';
import { currentCatalogue } from '../db/sessions.js';
import { prepareDatabase } from '../db/setup.js';
import { runMailbox } from '../mailbox/connection.js';
import type { Logger } from '../observability/logger.js';
import { startMonitoring, type Monitoring } from '../observability/monitoring.js';
import { loadTemplates } from '../replies/render.js';
import { createSmtpSender } from '../replies/transport.js';
import type { PipelineDeps, ReplySender } from './deps.js';
import { deliverDue } from './deliver.js';
import { createSchedule, startSchedule } from './schedule.js';
import { createSync } from './sync.js';
import { flushOutcomes, unrecordedOutboxIds } from './unrecorded.js';

export interface WorkerOptions {
  config: Config & { mail: MailConfig };
  logger: Logger;
  signal: AbortSignal;
  clock?: () => Date;
  since?: Date | null;
  /** Replaces the SMTP sender built from the config (tests inject faults with it). */
  sender?: ReplySender & { close?(): void };
  /** Mailbox loop tuning (none by default: a sync starts as soon as new mail is announced). */
  mailbox?: { debounceMs?: number };
  /** How often the digest, reminders and retention are checked (default a minute; tests shorten it). */
  scheduleIntervalMs?: number;
}

export async function runWorker(opts: WorkerOptions): Promise<void> {
  const { config, logger, signal } = opts;
  const clock = opts.clock ?? (() => new Date());
  const database = await openDatabase({ ...config.database, logger });
  // With HTTP_PORT: metrics and health. With MAIL_AUTH=oauth2: one token source for IMAP and SMTP.
  // (Their libraries load only when configured: start-up stays quick.)
  const metrics = config.http
    ? (await import('../observability/metrics.js')).createMetrics({ outboxCounts: () => outboxCounts(database.db) })
    : null;
  const oauth2 = config.mail.oauth2;
  const tokens = oauth2
    ? (await import('../auth/oauth2.js')).createTokenSource(oauth2, { logger, onRequest: (result) => metrics?.tokenRequest(result) })
    : undefined;
  const smtp = opts.sender ?? createSmtpSender(config.mail.smtp, logger, undefined, tokens);
  let monitoring: Monitoring | null = null;
  try {
    if (config.http && metrics) monitoring = await startMonitoring(config.http, { database, metrics, tokens, logger, signal });
    await prepareDatabase(database, { sessionsFile: config.sessionsFile, logger });
    const templates = await loadTemplates(config.templatesDir ?? undefined);
    let lock = await waitForConsumerLock(database, config.mail.imap.mailbox, logger, signal);
    if (!lock) return;
    try {
      const requeued = await requeueInterrupted(database.db);
      if (requeued > 0) logger.warn({ event: 'outbox.requeued', count: requeued }, 'replies interrupted by a crash will be sent again');
      const deps: PipelineDeps = {
        database, logger, clock, mail: config.mail, templates, sender: smtp,
        catalogue: (await currentCatalogue(database.db)) ?? shippedCatalogue,
        policy: config.rules, review: config.review, ...(metrics ? { metrics } : {}),
      };
      // Replies owed from before a restart go out even if the mailbox is unreachable.
      await deliverDue(deps, null);
      logger.info({ event: 'worker.started', mailbox: config.mail.imap.mailbox, database: database.kind }, 'dloket-bot running');
      const schedule = startSchedule(createSchedule(deps, config.schedule), opts.scheduleIntervalMs ?? 60_000);
      const sync = createSync(deps, { since: opts.since ?? null });
      try {
        await runMailbox(config.mail, logger, {
          ...opts.mailbox, signal, tokens, monitor: monitoring?.mailbox,
          sync: async (session) => {
            lock = await keepConsumerLock(database, lock!, config.mail.imap.mailbox, logger);
            await sync(session);
          },
        });
      } finally {
        await schedule.stop();
      }
      await settleUnrecorded(deps);
    } finally {
      await lock.release();
    }
  } finally {
    smtp.close?.();
    await monitoring?.close();
    await database.close();
    logger.info({ event: 'worker.stopped' }, 'dloket-bot stopped');
  }
}

/**
 * The lock dies with its database session (a PostgreSQL restart): take it again before a sync,
 * or fail the sync (the loop backs off and asks again) while another instance holds it.
 */
async function keepConsumerLock(database: Database, lock: ConsumerLock, mailbox: string, logger: Logger): Promise<ConsumerLock> {
  if (await lock.held()) return lock;
  logger.warn({ event: 'worker.lock_lost', mailbox }, 'the mailbox lock was lost with its database session');
  const again = await database.tryConsumerLock(mailbox);
  if (!again) throw new Error('another dloket-bot took this mailbox over while the database was away');
  logger.info({ event: 'worker.lock_regained', mailbox }, 'mailbox lock taken again');
  return again;
}

/** A second instance on the same mailbox waits here instead of answering mail twice. */
async function waitForConsumerLock(
  database: Database, mailbox: string, logger: Logger, signal: AbortSignal,
) {
  for (let attempt = 0; !signal.aborted; attempt++) {
    const lock = await database.tryConsumerLock(mailbox);
    if (lock) return lock;
    if (attempt === 0) logger.warn({ event: 'worker.waiting_for_lock', mailbox }, 'another dloket-bot handles this mailbox; waiting');
    await sleep(5_000, undefined, { signal }).catch(() => {});
  }
  return null;
}

/** Replies sent while the database was away get their record now; an admin hears of any that cannot. */
async function settleUnrecorded(deps: PipelineDeps): Promise<void> {
  try {
    await flushOutcomes(deps);
  } catch {
    deps.logger.error({ event: 'reply.unrecorded', outboxIds: unrecordedOutboxIds(deps.database) },
      'stopping with replies sent but not recorded: the next start sends them again');
  }
}
