import { Command, InvalidArgumentError } from 'commander';
import type { MailConfig } from '../../config/config.js';
import { runWorker } from '../../pipeline/worker.js';
import { commandContext, reportFailure } from '../context.js';

function parseDate(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError('expected a date such as 2018-05-18');
  return d;
}

export function runCommand(): Command {
  return new Command('run')
    .description('watch the mailbox and answer signups (the worker; also `npm start`)')
    .option('--since <date>', 'also handle mail that arrived from this date on (backfill on purpose)', parseDate)
    .action((opts: { since?: Date }) => reportFailure(async () => {
      const { config, logger, flushLog } = commandContext({ mail: true, logTo: 'stdout' });
      const controller = new AbortController();
      let signals = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        signals++;
        if (signals === 1) {
          // First signal: finish the message in hand, close connections, exit.
          logger.info({ event: 'worker.stopping', signal }, 'stopping after the current message');
          controller.abort();
        } else {
          logger.warn({ event: 'worker.forced_exit', signal }, 'second signal: exiting now');
          process.exit(130);
        }
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
      try {
        await runWorker({
          config: config as typeof config & { mail: MailConfig }, logger, signal: controller.signal, since: opts.since ?? null,
        });
      } finally {
        // The last lines (worker.stopped) go out now, not only when the process exits.
        flushLog();
      }
    }));
}
