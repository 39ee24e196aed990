import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import postgres from 'postgres';
import { createTestDatabase } from '../support/postgres.js';

describe('test/support/postgres', () => {
  it('creates two separate databases and drops them, even with connections left open', async () => {
    const [one, two] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    assert.notEqual(one.url, two.url);
    const sql = postgres(one.url, { max: 1, onnotice: () => {} });
    const other = postgres(two.url, { max: 1, onnotice: () => {} });
    try {
      await sql`create table t (id int primary key)`;
      await sql`insert into t values (1)`;
      assert.deepEqual((await sql`select id from t`).map((r) => r.id), [1]);
      // the second database does not see the first one's table
      const [row] = await other`select count(*)::int as n from information_schema.tables where table_name = 't'`;
      assert.equal(row?.n, 0);
      await one.drop(); // while `sql` still holds a connection
      await two.drop();
    } finally {
      await Promise.all([sql.end({ timeout: 1 }), other.end({ timeout: 1 })]);
    }
    const admin = postgres(one.url.replace(/\/[^/]+$/, '/postgres'), { max: 1 });
    try {
      const names = [new URL(one.url).pathname.slice(1), new URL(two.url).pathname.slice(1)];
      const rows = await admin`select datname from pg_database where datname in ${admin(names)}`;
      assert.equal(rows.length, 0);
    } finally {
      await admin.end({ timeout: 1 });
    }
  });
});
