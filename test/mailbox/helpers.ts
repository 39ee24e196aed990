// Shared pieces of the mailbox tests: a MailConfig for a test server, a logger that keeps
// its lines, a running loop that can be stopped, and polling for a condition.

import type { Logger } from 'pino';
import type { MailConfig } from '../../src/config/config.js';
import { createBackoff } from '../../src/mailbox/backoff.js';
import { runMailbox, type RunMailboxOptions } from '../../src/mailbox/connection.js';
import type { MailboxSession } from '../../src/mailbox/types.js';
import { createLogger } from '../../src/observability/logger.js';

export function mailConfig(server: { host: string; port: number }, user: string, password: string, overrides: Partial<MailConfig['imap']> & { pollIntervalSeconds?: number } = {}): MailConfig {
  const { pollIntervalSeconds = 60, ...imap } = overrides;
  return {
    imap: {
      host: server.host, port: server.port, user, password, tls: false, rejectUnauthorized: true,
      mailbox: 'INBOX', sentCopy: true, sentMailbox: null, keywords: true, ...imap,
    },
    smtp: { host: '127.0.0.1', port: 25, user: null, password: null, tls: false, rejectUnauthorized: true },
    from: { address: user, name: 'D-Loket' },
    ownAddresses: [user.toLowerCase()],
    pollIntervalSeconds,
    maxMessageBytes: 10 * 1024 * 1024,
    repliesEnabled: true,
    trustedAuthservIds: [],
    messageTimeLimitMs: 10_000,
  };
}

export interface MemoryLog {
  logger: Logger;
  lines: string[];
  events(): string[];
}

/** The project's logger (redaction included), writing into memory. */
export function memoryLogger(level = 'trace'): MemoryLog {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  return {
    logger,
    lines,
    events: () => lines.map((line) => (JSON.parse(line) as { event?: string }).event).filter((e): e is string => !!e),
  };
}

export interface RunningLoop {
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Starts runMailbox with fast retries; stop() aborts and waits for it to resolve. */
export function startLoop(config: MailConfig, logger: Logger, sync: (session: MailboxSession) => Promise<void>, options: Partial<RunMailboxOptions> = {}): RunningLoop {
  const controller = new AbortController();
  const done = runMailbox(config, logger, {
    sync,
    signal: controller.signal,
    backoff: createBackoff({ initialMs: 20, maxMs: 100, jitterMs: 10 }),
    debounceMs: 100,
    ...options,
  });
  return {
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}
