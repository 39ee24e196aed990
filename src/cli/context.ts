// What every command builds first: configuration, a logger, and (when asked) the database.
import pino from 'pino';
import { ConfigError, loadConfig, loadDotEnv, type Config } from '../config/config.js';
import { openDatabase, type Database } from '../db/client.js';
import { prepareDatabase } from '../db/setup.js';
import { batchedDestination, createLogger, type Logger } from '../observability/logger.js';

export interface CommandContext {
  config: Config;
  logger: Logger;
  /** Now; DLOKET_NOW (an ISO date-time) fixes it, for tests and what-if runs against the 2018 sessions. */
  clock: () => Date;
}

/** Loads .env and validates the environment; the worker logs to stdout, other commands to stderr. */
/** flushLog writes out the log lines still held (the worker's are written in batches). */
export function commandContext(opts: { mail: boolean; logTo: 'stdout' | 'stderr' }): CommandContext & { flushLog: () => void } {
  loadDotEnv();
  const config = loadConfig(process.env, { mail: opts.mail });
  // One-shot commands print their result; their log stays quiet unless LOG_LEVEL asks otherwise.
  const level = opts.logTo === 'stderr' && !process.env.LOG_LEVEL ? 'warn' : config.logLevel;
  // The worker's lines are written in batches (flushed on exit); a one-shot command's go out
  // one by one, in order with what it prints to stderr itself.
  const destination = opts.logTo === 'stdout' ? batchedDestination(1) : pino.destination(2);
  const logger = createLogger(level, destination);
  return { config, logger, clock: fixedClock(process.env.DLOKET_NOW), flushLog: () => destination.flushSync() };
}

function fixedClock(value: string | undefined): () => Date {
  if (!value) return () => new Date();
  const fixed = new Date(value);
  if (Number.isNaN(fixed.getTime())) throw new ConfigError([`DLOKET_NOW: not a date-time: ${value}`]);
  return () => fixed;
}

export async function withDatabase<T>(ctx: CommandContext, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(ctx.config.database);
  try {
    await prepareDatabase(database, { sessionsFile: ctx.config.sessionsFile, logger: ctx.logger });
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** A command used wrongly (an unknown session, a bad option value): its message is all the user needs. */
export class CommandError extends Error {}

/** Prints a short message for expected failures (bad settings, bad files) instead of a stack. */
export async function reportFailure(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const e = err as Error;
    const expected = ['ConfigError', 'CatalogueError', 'CommandError'].includes(e.constructor.name);
    const text = expected ? e.message : (e.stack ?? e.message);
    process.stderr.write(`${text.startsWith('dloket-bot') ? '' : 'dloket-bot: '}${text}\n`);
    process.exitCode = expected ? 2 : 1;
  }
}
