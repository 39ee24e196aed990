// The same committed migrations on PostgreSQL and PGlite; concurrent starts do not race.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { importCatalogue, listSessionsWithSeats } from '../../src/db/sessions.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const tables = ['change_log', 'digests', 'inbound_messages', 'mailbox_state', 'outbox', 'registrations', 'reviews', 'sessions', 'suppressions'];

async function tableNames(database: Database): Promise<string[]> {
  const res = await database.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`);
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { table_name: string }[];
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  let pg: TestDatabase;
  before(async () => {
    pg = await createTestDatabase();
  });
  after(() => pg.drop());

  it('apply once on PostgreSQL even when several instances start together', async () => {
    const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ url: pg.url, dataDir: '' })));
    try {
      await Promise.all(instances.map((d) => d.migrate()));
      assert.deepEqual(await tableNames(instances[0]!), tables);
    } finally {
      await Promise.all(instances.map((d) => d.close()));
    }
  });

  it('give PGlite the same tables, and catalogue imports update by slug', async () => {
    const lite = await openDatabase({ url: null, dataDir: '', inMemory: true });
    try {
      await lite.migrate();
      assert.deepEqual(await tableNames(lite), tables);
      assert.deepEqual(await importCatalogue(lite.db, shippedCatalogue), { inserted: 6, updated: 0 });
      const renamed = { ...shippedCatalogue, sessions: shippedCatalogue.sessions.map((s) => (s.slug === 'breda' ? { ...s, venue: 'Chassé Theater', capacity: 80 } : s)) };
      assert.deepEqual(await importCatalogue(lite.db, renamed), { inserted: 0, updated: 6 });
      const breda = (await listSessionsWithSeats(lite.db)).find((s) => s.slug === 'breda');
      assert.equal(breda?.venue, 'Chassé Theater');
      assert.equal(breda?.capacity, 80);
    } finally {
      await lite.close();
    }
  });
});
