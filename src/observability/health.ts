// Readiness: can the worker do its job right now? The database must answer, the mailbox must
// be connected (or have been, and be reconnecting for less than READY_RECONNECT_SECONDS), and
// with OAuth2 the token endpoint must not be refusing us. Liveness is just "the process answers".
import type { MailboxMonitor } from '../mailbox/types.js';

export interface Check {
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: Check; mailbox: Check; oauth2?: Check };
}

export interface HealthOptions {
  /** Resolves when the database answers a trivial query. */
  pingDatabase(): Promise<void>;
  /** With OAuth2: why no token can be had, or null. */
  tokenFailure?: () => { message: string } | null;
  readyReconnectSeconds: number;
  now?: () => number;
  /** Time given to the database to answer. */
  timeoutMs?: number;
}

export interface Health extends MailboxMonitor {
  readiness(): Promise<Readiness>;
  /** Stopping: not ready any more, whatever the checks say. */
  stopping(): void;
}

export function createHealth(opts: HealthOptions): Health {
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? 2000;
  let up = false;
  let downSince: number | null = null; // null: never connected yet
  let stopping = false;

  async function database(): Promise<Check> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        opts.pingDatabase(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return { ok: true, detail: 'answers' };
    } catch (err) {
      // drizzle wraps the driver's error; its own message only repeats the query
      const e = err as Error & { cause?: Error };
      return { ok: false, detail: `not answering: ${e.cause?.message ?? e.message}` };
    } finally {
      clearTimeout(timer);
    }
  }

  function mailbox(): Check {
    if (up) return { ok: true, detail: 'connected' };
    if (downSince === null) return { ok: false, detail: 'not connected yet' };
    const seconds = Math.round((now() - downSince) / 1000);
    return seconds < opts.readyReconnectSeconds
      ? { ok: true, detail: `reconnecting for ${seconds} s` }
      : { ok: false, detail: `disconnected for ${seconds} s` };
  }

  return {
    connectionChanged(isUp) {
      if (up && !isUp) downSince = now();
      up = isUp;
    },
    reconnectScheduled() {},
    stopping() {
      stopping = true;
    },
    async readiness() {
      const checks: Readiness['checks'] = { database: await database(), mailbox: mailbox() };
      if (opts.tokenFailure) {
        const failure = opts.tokenFailure();
        checks.oauth2 = failure ? { ok: false, detail: failure.message } : { ok: true, detail: 'tokens available' };
      }
      if (stopping) checks.mailbox = { ok: false, detail: 'stopping' };
      return { ready: Object.values(checks).every((c) => c.ok), checks };
    },
  };
}
