// The message's transaction with BEGIN written ahead of its first statement (db/transaction.ts):
// it commits, rolls back on a failure, keeps its savepoints' outcomes, and is Drizzle's own on PGlite.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.js';
import { transaction } from '../../src/db/transaction.js';
import { databaseForTests } from '../support/postgres.js';

function cases(name: string, database: () => Database) {
  describe(name, () => {
    // postgres.js gives the rows, PGlite an object holding them.
    const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
    const insert = (tx: { execute: Database['db']['execute'] }, k: string) => tx.execute(sql`insert into tx_test (k) values (${k})`);
    const exists = async (k: string) => rows(await database().db.execute(sql`select k from tx_test where k = ${k}`)).length === 1;
    before(async () => {
      await database().db.execute(sql`create table if not exists tx_test (k text primary key)`);
    });

    it('commits what it wrote, and is one transaction (its own snapshot, its own backend)', async () => {
      const result = await transaction(database().db, async (tx) => {
        const [a] = rows(await tx.execute(sql`select now()::text as now`));
        await insert(tx, `${name}-commit`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        const [b] = rows(await tx.execute(sql`select now()::text as now`));
        assert.equal(a?.now, b?.now, 'now() is the transaction\'s start: both in one transaction');
        return 7;
      });
      assert.equal(result, 7);
      assert.ok(await exists(`${name}-commit`));
    });

    it('rolls back everything when the transaction fails', async () => {
      await assert.rejects(transaction(database().db, async (tx) => {
        await insert(tx, `${name}-rollback`);
        throw new Error('the decision failed');
      }), /the decision failed/);
      assert.equal(await exists(`${name}-rollback`), false);
      // A failing statement too, and the connection goes on working afterwards.
      await assert.rejects(transaction(database().db, async (tx) => {
        await insert(tx, `${name}-rollback`);
        await tx.execute(sql`select 1/0`);
      }));
      assert.equal(await exists(`${name}-rollback`), false);
      assert.equal(await transaction(database().db, async () => 'again'), 'again');
    });

    it('runs inside a caller\'s transaction (replay) as a savepoint of it', async () => {
      await database().db.transaction(async (outer) => {
        await transaction(outer as unknown as Database['db'], async (tx) => {
          await insert(tx, `${name}-inside`);
        });
        assert.equal(rows(await outer.execute(sql`select k from tx_test where k = ${`${name}-inside`}`)).length, 1);
        outer.rollback();
      }).catch(() => {});
      assert.equal(await exists(`${name}-inside`), false);
    });

    it('keeps or rolls back a savepoint (tx.transaction) as Drizzle does', async () => {
      await transaction(database().db, async (tx) => {
        await tx.transaction(async (sp) => {
          await insert(sp, `${name}-kept`);
        });
        await tx.transaction(async (sp) => {
          await insert(sp, `${name}-undone`);
          throw new Error('rehearsal only');
        }).catch(() => {});
      });
      assert.ok(await exists(`${name}-kept`));
      assert.equal(await exists(`${name}-undone`), false);
    });
  });
}

const pg = databaseForTests();
cases('on PostgreSQL', () => pg.database);

let embedded: Database;
before(async () => {
  embedded = await openDatabase({ url: null, dataDir: '', inMemory: true });
  await embedded.migrate();
});
after(() => embedded?.close());
cases('on PGlite', () => embedded);
