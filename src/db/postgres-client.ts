// A postgres.js pool that survives a PostgreSQL restart. postgres.js 3.4.9 does not, on its own
// (porsager/postgres#1208, #1154, #1066, open):
//  - a query sent on a connection whose socket has closed throws from a setImmediate, an
//    uncaught TypeError that ends the process. postgres.js sends such a query itself: the
//    ROLLBACK after a transaction's statement failed because the server went away;
//  - a connection that closes while a write is queued keeps the write's timer and bytes, so its
//    next connection attempts hang until connect_timeout or send garbage.
// So after any connection closes, the whole pool is replaced by a fresh one (new connection
// objects, nothing stale), and that one TypeError is recognised and logged instead of ending
// the worker. Queries in flight on the old pool fail as connection errors, which the pipeline
// treats as transient (keep the cursor, back off, retry).
import type { Logger } from 'pino';
import type postgresFactory from 'postgres';

export type Postgres = typeof postgresFactory;
export type Sql = ReturnType<Postgres>;
type Options = NonNullable<Parameters<Postgres>[1]>;

export interface RenewingPool {
  /** The current pool: read it for every use, it changes after a connection loss. */
  readonly sql: Sql;
  /** Ends the pool for good. */
  end(): Promise<void>;
}

// A pool whose connections all just died is replaced once, not once per connection.
const MIN_RENEW_INTERVAL_MS = 250;

export function renewingPool(
  postgres: Postgres, url: string, options: Options, onRenew: (sql: Sql) => void, logger?: Logger,
): RenewingPool {
  let ended = false;
  let current: Sql;
  let createdAt = 0;
  const make = (): Sql => {
    const pool: Sql = postgres(url, {
      ...options,
      onclose: () => {
        // Our own end(), an old pool winding down, or a pool made moments ago: nothing to renew.
        if (ended || pool !== current || Date.now() - createdAt < MIN_RENEW_INTERVAL_MS) return;
        renew();
      },
    });
    createdAt = Date.now();
    return pool;
  };
  const renew = () => {
    const old = current;
    current = make();
    onRenew(current);
    logger?.warn({ event: 'db.pool_renewed' }, 'a database connection closed: using fresh connections');
    // In-flight queries of the old pool get a moment to finish.
    old.end({ timeout: 5 }).catch(() => {});
  };
  current = make();
  const releaseGuard = guardDriverFault(logger);
  return {
    get sql() {
      return current;
    },
    async end() {
      ended = true;
      releaseGuard();
      await current.end({ timeout: 5 });
    },
  };
}

/** The TypeError postgres.js throws from nextWrite when it writes to a closed socket. */
export function isDriverWriteFault(err: unknown): boolean {
  return err instanceof TypeError && /reading 'write'|evaluating 'socket\.write'/.test(err.message)
    && /nextWrite/.test(err.stack ?? '') && /postgres[\\/](cjs[\\/])?src[\\/]connection\.js/.test(err.stack ?? '');
}

let guards = 0;
let guardLogger: Logger | undefined;
// The listeners that were there before the guard (a test runner's, say): they get every other
// error, but never the driver fault, which is handled and must not fail a test or a process.
let before: NodeJS.UncaughtExceptionListener[] = [];

function onUncaught(err: Error, origin: NodeJS.UncaughtExceptionOrigin): void {
  if (isDriverWriteFault(err)) {
    // The query it belonged to was already rejected (the pool was renewed when the socket closed).
    guardLogger?.warn({ event: 'db.driver_fault', error: err.message }, 'postgres.js wrote to a closed connection; ignored');
    return;
  }
  // Anything else: to whoever listened before, else what Node does when nobody listens.
  if (before.length) {
    for (const listener of before) listener(err, origin);
    return;
  }
  if (process.listenerCount('uncaughtException') > 1) return;
  process.stderr.write(`${err.stack ?? String(err)}\n`);
  process.exit(1);
}

// The same fault can also surface as a rejection nobody awaits: when the write that fails is
// postgres.js's own Sync after a first failed write of the same query (connection.js, execute's
// catch), the promise of Query.handle rejects. The query was rejected by the first failure.
let beforeRejection: NodeJS.UnhandledRejectionListener[] = [];

function onUnhandled(reason: unknown, promise: Promise<unknown>): void {
  if (isDriverWriteFault(reason)) {
    guardLogger?.warn({ event: 'db.driver_fault', error: (reason as Error).message }, 'postgres.js wrote to a closed connection; ignored');
    return;
  }
  if (beforeRejection.length) {
    for (const listener of beforeRejection) listener(reason, promise);
    return;
  }
  if (process.listenerCount('unhandledRejection') > 1) return;
  // What Node does when nobody listens (--unhandled-rejections=throw, the default).
  throw reason;
}

/** Installs the process-wide handlers while at least one pool is open; returns its release. */
function guardDriverFault(logger?: Logger): () => void {
  if (guards++ === 0) {
    before = process.listeners('uncaughtException');
    for (const listener of before) process.removeListener('uncaughtException', listener);
    process.on('uncaughtException', onUncaught);
    beforeRejection = process.listeners('unhandledRejection');
    for (const listener of beforeRejection) process.removeListener('unhandledRejection', listener);
    process.on('unhandledRejection', onUnhandled);
  }
  guardLogger = logger ?? guardLogger;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--guards === 0) {
      process.removeListener('uncaughtException', onUncaught);
      for (const listener of before) process.on('uncaughtException', listener);
      before = [];
      process.removeListener('unhandledRejection', onUnhandled);
      for (const listener of beforeRejection) process.on('unhandledRejection', listener);
      beforeRejection = [];
    }
  };
}
