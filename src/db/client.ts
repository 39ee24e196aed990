// Opens the database: PostgreSQL through postgres.js when DATABASE_URL is set, embedded
// PGlite under DATA_DIR otherwise. Both speak the same SQL and run the same migrations.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { Logger } from '../observability/logger.js';
import { renewingPool, type Postgres } from './postgres-client.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A repository function runs on the database or inside a caller's transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Applies the committed migrations in drizzle/, serialised across instances. */
  migrate(): Promise<void>;
  /**
   * Holds a lock that makes this process the mailbox's only consumer, until release().
   * Resolves false when another instance holds it.
   */
  tryConsumerLock(mailbox: string): Promise<ConsumerLock | null>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Advisory lock keys (two-int form): one namespace for the bot, one key per purpose.
const LOCK_NAMESPACE = 0x444c4b54; // "DLKT"
const MIGRATIONS_LOCK = 1;

export interface ConsumerLock {
  /** False once the lock's session is gone (the server restarted): take it again before going on. */
  held(): Promise<boolean>;
  release(): Promise<void>;
}

export interface DatabaseOptions {
  url: string | null;
  dataDir: string;
  /** PGlite in memory (tests, classify-only use). */
  inMemory?: boolean;
  /** Reports connection renewals after a loss (PostgreSQL only). */
  logger?: Logger;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.logger) : openPglite(opts.inMemory ? null : resolve(opts.dataDir, 'pglite'));
}

async function openPostgres(url: string, logger?: Logger): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  // No connection lifetime (postgres.js recycles connections after 30-60 minutes by default):
  // here every closed connection is a fault, and renews the pool.
  const options = { max: 5, max_lifetime: 0, onnotice: () => {}, connection: { application_name: 'dloket-bot' } };
  // The pool is replaced after a connection loss (postgres-client.ts), and the Drizzle instance with it.
  let db: Db;
  const pool = renewingPool(postgres, url, options, (sql) => {
    db = drizzle(sql, { schema }) as unknown as Db;
  }, logger);
  db = drizzle(pool.sql, { schema }) as unknown as Db;
  return {
    get db() {
      return db;
    },
    kind: 'postgres',
    async migrate() {
      // drizzle's migrate() takes no lock (drizzle-orm#874): two instances starting together
      // would race. One connection holds a session lock for the whole run.
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${LOCK_NAMESPACE}, ${MIGRATIONS_LOCK})`;
        await migrate(drizzle(single, { schema }), { migrationsFolder });
        await single`select pg_advisory_unlock(${LOCK_NAMESPACE}, ${MIGRATIONS_LOCK})`;
      } finally {
        await single.end();
      }
    },
    tryConsumerLock: (mailbox: string) => consumerLock(postgres, url, mailbox),
    close: () => pool.end(),
  };
}

/**
 * The session lock that makes one process the mailbox's consumer, on a connection of its own.
 * Not a reserve()d connection of the pool: a query on a reserved connection whose server went
 * away ends the process (porsager/postgres#1208). After a restart the lock is gone with its
 * connection; held() says so, and the worker takes it again (or waits) before it goes on.
 */
async function consumerLock(postgres: Postgres, url: string, mailbox: string) {
  const key = 'mailbox:' + mailbox;
  // No lifetime (0): a recycled connection would drop the lock silently.
  const sql = postgres(url, { max: 1, onnotice: () => {}, max_lifetime: 0, connection: { application_name: 'dloket-bot lock' } });
  const [row] = await sql`select pg_try_advisory_lock(${LOCK_NAMESPACE}, hashtext(${key})) as ok`.catch(async (err: unknown) => {
    await sql.end({ timeout: 0 });
    throw err;
  });
  if (!row?.ok) {
    await sql.end({ timeout: 1 });
    return null;
  }
  let lost = false;
  return {
    async held() {
      if (lost) return false;
      try {
        // A connection that was re-established after a restart is a new session without the lock.
        const [r] = await sql`select exists (
          select 1 from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted
            and classid = ${LOCK_NAMESPACE}::int::oid and objid = hashtext(${key})::oid and objsubid = 2) as held`;
        lost = !r?.held;
      } catch {
        lost = true;
      }
      if (lost) await sql.end({ timeout: 0 }).catch(() => {});
      return !lost;
    },
    async release() {
      if (lost) return;
      lost = true;
      // Ending the session releases the lock even when the unlock cannot be sent.
      await sql`select pg_advisory_unlock(${LOCK_NAMESPACE}, hashtext(${key}))`.catch(() => {});
      await sql.end({ timeout: 1 }).catch(() => {});
    },
  };
}

async function openPglite(dir: string | null): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dir) await mkdir(dir, { recursive: true });
  const client = dir ? new PGlite(dir) : new PGlite();
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    // One connection, one process: callers in this process simply queue behind each other.
    migrate: serialised(async () => {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    }),
    // PGlite is one process's embedded database: there is no second consumer to keep out.
    async tryConsumerLock() {
      return { async held() { return true; }, async release() {} };
    },
    close: () => client.close(),
  };
}

function serialised(fn: () => Promise<void>): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return () => {
    const next = last.then(fn, fn);
    last = next.catch(() => {});
    return next;
  };
}
