// A message's transaction with BEGIN written together with its first statements.
//
// Drizzle's transaction() on postgres.js is postgres.js's begin(), which sends BEGIN and waits for
// its answer before the transaction's first statement goes out: a round trip, and one more
// wake-up of the server, for every message, with the series lock waiting behind it. The server
// runs a connection's statements in the order they arrive, so nothing needs that answer first:
// here the transaction runs on a reserved connection of the pool, BEGIN goes out with whatever the
// transaction sends first (postgres.js writes statements issued together in one write), and
// COMMIT, or ROLLBACK after a failure, ends it as begin() would. A failed BEGIN fails the
// statements behind it, and with them the transaction. Savepoints (tx.transaction) work as with
// Drizzle's. On PGlite it is Drizzle's own transaction().
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js';
import type { Db, Tx } from './client.js';
import type { Sql } from './postgres-client.js';

type Reserved = Awaited<ReturnType<Sql['reserve']>>;

interface SessionParts {
  client: Sql;
  dialect: ConstructorParameters<typeof PostgresJsSession>[1];
  schema: ConstructorParameters<typeof PostgresJsSession>[2];
  options: ConstructorParameters<typeof PostgresJsSession>[3];
}

export async function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const session = db._.session as unknown;
  // Not postgres.js, or already inside a transaction (replay runs the pipeline in one it rolls
  // back; its handle cannot reserve a connection): Drizzle's own, a savepoint there.
  if (!(session instanceof PostgresJsSession)) return db.transaction(fn);
  const s = session as unknown as SessionParts;
  if (typeof s.client.reserve !== 'function') return db.transaction(fn);
  const reserved = await s.client.reserve();
  try {
    // Written now, sent with the transaction's first statement; its answer is awaited below.
    const begun = reserved.unsafe('begin').execute();
    begun.catch(() => {}); // a failure also fails the statements behind it; reported below
    let result: T;
    try {
      result = await fn(open(reserved, s, 0));
      await begun;
    } catch (err) {
      await reserved.unsafe('rollback').catch(() => {});
      throw err;
    }
    await reserved.unsafe('commit');
    return result;
  } finally {
    reserved.release();
  }
}

/** Drizzle's transaction object over the reserved connection; a nested transaction() is a savepoint. */
function open(reserved: Reserved, s: SessionParts, depth: number): Tx {
  // Drizzle types these for begin()'s handle; the reserved one differs only in savepoint(), replaced below.
  const txSession = new (PostgresJsSession as unknown as New<object>)(reserved, s.dialect, s.schema, s.options);
  const tx = new (PostgresJsTransaction as unknown as New<Tx>)(s.dialect, txSession, s.schema, depth);
  // postgres.js's savepoint() belongs to begin()'s handle, which a reserved connection has not.
  (tx as unknown as { transaction: (nested: (sp: Tx) => Promise<unknown>) => Promise<unknown> }).transaction = async (nested) => {
    const name = `s${depth + 1}`;
    await reserved.unsafe(`savepoint ${name}`);
    try {
      const result = await nested(open(reserved, s, depth + 1));
      await reserved.unsafe(`release savepoint ${name}`);
      return result;
    } catch (err) {
      await reserved.unsafe(`rollback to savepoint ${name}`);
      throw err;
    }
  };
  return tx;
}

type New<T> = new (...args: unknown[]) => T;
