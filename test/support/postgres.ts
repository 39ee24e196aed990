// A fresh, uniquely named database per test file on the local PostgreSQL server.
// The admin connection comes from TEST_PG_ADMIN_URL, else the first role that logs in over
// trust auth on 127.0.0.1:5432 and may create databases.

import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { after, before } from 'node:test';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/db/client.js';

export interface TestDatabase {
  url: string;
  /** Ends leftover connections and drops the database. */
  drop(): Promise<void>;
}

type Sql = ReturnType<typeof postgres>;

const quiet = { max: 1, onnotice: () => {}, connect_timeout: 5 } as const;

function adminCandidates(): string[] {
  const fromEnv = process.env.TEST_PG_ADMIN_URL;
  if (fromEnv) return [fromEnv];
  const roles = ['postgres', userInfo().username, 'root'];
  return [...new Set(roles)].map((role) => `postgres://${role}@127.0.0.1:5432/postgres`);
}

let adminUrl: Promise<string> | null = null;

async function findAdminUrl(): Promise<string> {
  const problems: string[] = [];
  for (const url of adminCandidates()) {
    const sql = postgres(url, quiet);
    try {
      const [row] = await sql<{ can: boolean }[]>`select rolcreatedb or rolsuper as can from pg_roles where rolname = current_user`;
      if (row?.can) return url;
      problems.push(`${url}: role may not create databases`);
    } catch (err) {
      problems.push(`${url}: ${(err as Error).message}`);
    } finally {
      await sql.end({ timeout: 1 });
    }
  }
  throw new Error(`no PostgreSQL admin connection for tests; set TEST_PG_ADMIN_URL. Tried:\n  ${problems.join('\n  ')}`);
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function withAdmin<T>(run: (sql: Sql) => Promise<T>): Promise<T> {
  adminUrl ??= findAdminUrl();
  const sql = postgres(await adminUrl, quiet);
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `dloket_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((sql) => sql.unsafe(`create database "${name}"`));
  const url = withDatabase(await adminUrl!, name);
  let dropped: Promise<void> | null = null;
  return {
    url,
    drop() {
      dropped ??= withAdmin(async (sql) => {
        // a pool the test forgot to end must not keep the database alive
        await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      });
      return dropped;
    },
  };
}

/**
 * A fresh database for the calling test file (or suite), opened through the bot's own client in
 * before() and closed and dropped in after(); read `.database` inside the tests.
 */
export function databaseForTests(): { readonly database: Database } {
  let pg: TestDatabase | undefined;
  let database: Database | undefined;
  before(async () => {
    pg = await createTestDatabase();
    database = await openDatabase({ url: pg.url, dataDir: '' });
  });
  after(async () => {
    await database?.close();
    await pg?.drop();
  });
  return {
    get database(): Database {
      if (!database) throw new Error('databaseForTests: the database is opened in before()');
      return database;
    },
  };
}
