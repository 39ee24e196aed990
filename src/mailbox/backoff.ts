// Reconnect and retry delays for the mailbox loop: capped exponential growth with jitter, as
// EmailEngine does (lib/email-client/reconnect-backoff.js). Pure apart from `random`.
//
// The count only resets after a connection proved healthy for a while: resetting as soon as a
// login succeeds makes a server that accepts the login and then drops us a tight reconnect loop.

export interface BackoffOptions {
  /** First delay, before jitter. */
  initialMs?: number;
  factor?: number;
  /** Cap, before jitter. */
  maxMs?: number;
  /** Up to this much is added at random, so restarted workers do not reconnect in step. */
  jitterMs?: number;
  /** A connection that lived this long counts as healthy and resets the count. */
  healthyAfterMs?: number;
  /** Returns a number in [0, 1); Math.random by default. */
  random?: () => number;
}

export interface Backoff {
  /** The wait before the next attempt; every call makes the following one longer, up to the cap. */
  nextDelay(): number;
  /** Reports how long the current connection has been up; a healthy one resets the count. */
  connectionUptime(uptimeMs: number): void;
  /** Failed attempts since the last reset. */
  readonly attempts: number;
}

export const defaultBackoff = {
  initialMs: 2000,
  factor: 1.5,
  maxMs: 30_000,
  jitterMs: 1000,
  healthyAfterMs: 5 * 60_000,
} as const;

// Keeps factor^attempts finite during a long outage; the cap is reached far earlier.
const MAX_EXPONENT = 30;

/** min(maxMs, initialMs * factor^attempt) plus jitter in [0, jitterMs). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { initialMs, factor, maxMs, jitterMs } = { ...defaultBackoff, ...options };
  const random = options.random ?? Math.random;
  const base = Math.min(maxMs, initialMs * factor ** Math.min(attempt, MAX_EXPONENT));
  return Math.round(base + random() * jitterMs);
}

export function createBackoff(options: BackoffOptions = {}): Backoff {
  const healthyAfterMs = options.healthyAfterMs ?? defaultBackoff.healthyAfterMs;
  let attempts = 0;
  return {
    nextDelay() {
      return backoffDelay(attempts++, options);
    },
    connectionUptime(uptimeMs) {
      if (uptimeMs >= healthyAfterMs) attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
