// Opens the database: PostgreSQL through postgres.js when DATABASE_URL is set, embedded
// PGlite under DATA_DIR otherwise. Both speak the same SQL and run the same migrations.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
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
  tryConsumerLock(mailbox: string): Promise<{ release(): Promise<void> } | null>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Advisory lock keys (two-int form): one namespace for the bot, one key per purpose.
const LOCK_NAMESPACE = 0x444c4b54; // "DLKT"
const MIGRATIONS_LOCK = 1;

export interface DatabaseOptions {
  url: string | null;
  dataDir: string;
  /** PGlite in memory (tests, classify-only use). */
  inMemory?: boolean;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url) : openPglite(opts.inMemory ? null : resolve(opts.dataDir, 'pglite'));
}

async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, { max: 5, onnotice: () => {}, connection: { application_name: 'dloket-bot' } });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
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
    async tryConsumerLock(mailbox: string) {
      const reserved = await client.reserve();
      const [row] = await reserved`select pg_try_advisory_lock(${LOCK_NAMESPACE}, hashtext(${'mailbox:' + mailbox})) as ok`;
      if (!row?.ok) {
        reserved.release();
        return null;
      }
      return {
        async release() {
          await reserved`select pg_advisory_unlock(${LOCK_NAMESPACE}, hashtext(${'mailbox:' + mailbox}))`;
          reserved.release();
        },
      };
    },
    close: () => client.end({ timeout: 5 }),
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
      return { async release() {} };
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
