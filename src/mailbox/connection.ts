// The mailbox loop: connect, sync, wait for new mail, repeat; reconnect after any loss.
//
// One connection at a time. Each gets a fresh ImapFlow (instances are single-use) with its
// 'error' listener attached before connect(): an unhandled ETIMEOUT would end the process.
// A sync runs right after connecting, on EXISTS (at once: a reply within a second is the point
// of IDLE; EXISTS that arrive during a sync bring one more sync, however many they are) and at
// least every poll interval, because IDLE can go quiet without any error (postalsys/imapflow#14).
// Between syncs no mailbox lock is held, so imapflow can IDLE (or poll with NOOP).

import type { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import type { MailConfig } from '../config/config.js';
import { type Backoff, createBackoff } from './backoff.js';
import { createImapClient } from './client.js';
import { createMailboxSession } from './session.js';
import type { MailboxLoopOptions } from './types.js';

export interface Clock {
  now(): number;
}

export interface RunMailboxOptions extends MailboxLoopOptions {
  backoff?: Backoff;
  clock?: Clock;
  /** How long to gather EXISTS notifications before syncing (default 0: sync at once). */
  debounceMs?: number;
}

const LOGOUT_TIMEOUT_MS = 5000;

/** Runs until `options.signal` aborts; then finishes the running sync, logs out and resolves. */
export async function runMailbox(config: MailConfig, logger: Logger, options: RunMailboxOptions): Promise<void> {
  const log = logger.child({ component: 'mailbox', mailbox: config.imap.mailbox });
  const backoff = options.backoff ?? createBackoff();
  const clock = options.clock ?? { now: Date.now };
  const { signal } = options;

  while (!signal.aborted) {
    const { uptimeMs, renewLogin } = await runConnection(config, log, options, backoff, clock);
    if (signal.aborted) break;
    if (renewLogin) continue; // a planned new login with a fresh token: no wait
    backoff.connectionUptime(uptimeMs);
    const delayMs = backoff.nextDelay();
    options.monitor?.reconnectScheduled();
    log.warn({ event: 'imap.reconnect_scheduled', delayMs, attempt: backoff.attempts });
    await sleep(delayMs, signal);
  }
  log.info({ event: 'imap.stopped' });
}

/**
 * One connection from connect to close: how long it was up (0 if it never was), and whether it
 * ended to log in again with a fresh OAuth2 token.
 */
async function runConnection(
  config: MailConfig, log: Logger, options: RunMailboxOptions, backoff: Backoff, clock: Clock,
): Promise<{ uptimeMs: number; renewLogin: boolean }> {
  const { signal, tokens } = options;
  let token: { value: string; renewAt: number } | null = null;
  try {
    token = tokens ? await tokens.get() : null;
  } catch (err) {
    // The token source logged why and backs off on its own; this loop waits as after any failure.
    if (!signal.aborted) log.warn({ event: 'imap.token_unavailable', err: errorFields(err) });
    return { uptimeMs: 0, renewLogin: false };
  }
  const client = createImapClient(config.imap, log, token?.value);
  const wakeup = createWakeup();
  let closed = false;
  client.on('error', (err: Error) => log.warn({ event: 'imap.error', err: errorFields(err) }));
  client.on('close', () => {
    closed = true;
    wakeup.notify();
  });

  // Stopping must not wait for a slow server to answer (connectionTimeout is 30 s).
  const abortConnect = () => client.close();
  signal.addEventListener('abort', abortConnect);
  try {
    await client.connect();
  } catch (err) {
    const fields = errorFields(err);
    if (!signal.aborted) log[fields.authenticationFailed ? 'error' : 'warn']({ event: 'imap.connect_failed', err: fields });
    if (token && fields.authenticationFailed) tokens?.rejected(token.value);
    client.close();
    return { uptimeMs: 0, renewLogin: false };
  } finally {
    signal.removeEventListener('abort', abortConnect);
  }
  const connectedAt = clock.now();
  const debounceMs = options.debounceMs ?? 0;
  const pollMs = config.pollIntervalSeconds * 1000;
  log.info({ event: 'imap.connected', host: config.imap.host, port: config.imap.port, idle: client.capabilities.has('IDLE') });
  options.monitor?.connectionChanged(true);
  // Servers such as Microsoft 365 end a session once its token expires: log in again before.
  // A token already past that point (the endpoint is failing) is used until the server objects.
  const renewAt = token && token.renewAt > clock.now() ? token.renewAt : Infinity;
  let renewLogin = false;

  let dueAt = clock.now(); // sync at once
  client.on('exists', (info: { count: number; prevCount: number }) => {
    log.debug({ event: 'imap.exists', count: info.count, prevCount: info.prevCount });
    dueAt = Math.min(dueAt, clock.now() + debounceMs);
    wakeup.notify();
  });
  const onAbort = () => wakeup.notify();
  signal.addEventListener('abort', onAbort);

  const session = createMailboxSession(client, config.imap, log);
  try {
    while (!signal.aborted && !closed && client.usable) {
      if (clock.now() >= renewAt) {
        renewLogin = true;
        break;
      }
      const waitMs = Math.min(dueAt, renewAt) - clock.now();
      if (waitMs > 0) {
        await wakeup.sleep(waitMs);
        continue;
      }
      // Set before the sync, so an EXISTS during the sync brings the next one forward.
      dueAt = clock.now() + pollMs;
      try {
        await syncOnce(client, config.imap.mailbox, () => options.sync(session));
        backoff.connectionUptime(clock.now() - connectedAt);
      } catch (err) {
        log.error({ event: 'imap.sync_failed', err: errorFields(err) });
        if (closed || !client.usable) break; // the reconnect path backs off
        const delayMs = backoff.nextDelay();
        log.warn({ event: 'imap.sync_retry_scheduled', delayMs, attempt: backoff.attempts });
        dueAt = clock.now() + delayMs;
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }

  const uptimeMs = clock.now() - connectedAt;
  options.monitor?.connectionChanged(false);
  if (closed || !client.usable) {
    log.warn({ event: 'imap.disconnected', uptimeMs });
    renewLogin = false;
  } else {
    await logout(client, log);
    log.info({ event: renewLogin ? 'imap.token_renewal' : 'imap.logged_out', uptimeMs });
  }
  return { uptimeMs, renewLogin };
}

/** Selects the folder under imapflow's mailbox lock for the length of one sync. */
async function syncOnce(client: ImapFlow, path: string, sync: () => Promise<void>): Promise<void> {
  const lock = await client.getMailboxLock(path);
  try {
    await sync();
  } finally {
    lock.release();
  }
}

async function logout(client: ImapFlow, log: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, LOGOUT_TIMEOUT_MS);
  });
  try {
    await Promise.race([client.logout(), timeout]);
  } catch (err) {
    log.debug({ event: 'imap.logout_failed', err: errorFields(err) });
  } finally {
    clearTimeout(timer);
    client.close(); // a no-op after a clean LOGOUT
  }
}

/** A sleep that notify() cuts short. */
function createWakeup(): { sleep(ms: number): Promise<void>; notify(): void } {
  let wake: (() => void) | null = null;
  return {
    sleep(ms) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      });
    },
    notify() {
      wake?.();
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** The parts of an imapflow error worth logging; never the command text, which may hold data. */
function errorFields(err: unknown): { message: string; code?: string; responseStatus?: string; authenticationFailed?: boolean } {
  if (!(err instanceof Error)) return { message: String(err) };
  const extra = err as Error & { code?: unknown; responseStatus?: unknown; authenticationFailed?: unknown; serverResponseCode?: unknown };
  return {
    // A failed database query (the sync's own) carries its parameters: a subject, quoted text.
    message: err.message.split('\nparams:')[0]!,
    ...(typeof extra.code === 'string' ? { code: extra.code } : {}),
    ...(typeof extra.responseStatus === 'string' ? { responseStatus: extra.responseStatus } : {}),
    ...(extra.authenticationFailed === true ? { authenticationFailed: true } : {}),
  };
}
