// Readiness rules: the database must answer (a real PostgreSQL database, then the same one
// dropped, then a server that never answers), the mailbox must be connected or reconnecting
// within the bound, a failing token endpoint and a stop make the worker unready.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/db/client.js';
import { createHealth } from '../../src/observability/health.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const ping = (database: Database) => async () => {
  await database.db.execute(sql`select 1`);
};

describe('readiness', () => {
  let pg: TestDatabase;
  let database: Database;
  before(async () => {
    pg = await createTestDatabase();
    database = await openDatabase({ url: pg.url, dataDir: '' });
  });
  after(async () => {
    await database.close();
    await pg.drop();
  });

  it('follows the mailbox connection: not before the first login, for a while during a reconnect, never while stopping', async () => {
    let t = 0;
    const health = createHealth({ pingDatabase: ping(database), readyReconnectSeconds: 120, now: () => t });
    let r = await health.readiness();
    assert.deepEqual([r.ready, r.checks.database.ok, r.checks.mailbox.detail], [false, true, 'not connected yet']);
    health.connectionChanged(true);
    assert.equal((await health.readiness()).ready, true);
    health.connectionChanged(false);
    t += 119_000;
    r = await health.readiness();
    assert.deepEqual([r.ready, r.checks.mailbox.detail], [true, 'reconnecting for 119 s']);
    t += 1000;
    r = await health.readiness();
    assert.deepEqual([r.ready, r.checks.mailbox.detail], [false, 'disconnected for 120 s']);
    health.connectionChanged(true);
    assert.equal((await health.readiness()).ready, true);
    health.stopping();
    assert.deepEqual((await health.readiness()).checks.mailbox, { ok: false, detail: 'stopping' });
  });

  it('is not ready while no token can be had', async () => {
    let failure: { message: string } | null = null;
    const health = createHealth({ pingDatabase: ping(database), readyReconnectSeconds: 120, tokenFailure: () => failure });
    health.connectionChanged(true);
    assert.deepEqual((await health.readiness()).checks.oauth2, { ok: true, detail: 'tokens available' });
    failure = { message: 'the token endpoint refused the client_credentials grant (invalid_client, HTTP 401)' };
    const r = await health.readiness();
    assert.equal(r.ready, false);
    assert.match(r.checks.oauth2!.detail, /invalid_client/);
  });

  it('fails when the database is gone or does not answer in time', async () => {
    const other = await createTestDatabase();
    const gone = await openDatabase({ url: other.url, dataDir: '' });
    try {
      const health = createHealth({ pingDatabase: ping(gone), readyReconnectSeconds: 120 });
      health.connectionChanged(true);
      assert.equal((await health.readiness()).ready, true);
      await other.drop();
      const r = await health.readiness();
      assert.equal(r.ready, false);
      assert.match(r.checks.database.detail, /^not answering: .*(terminat|does not exist)/);
    } finally {
      await gone.close().catch(() => {});
    }

    // A server that accepts the connection and then says nothing (a network that dropped us).
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const { port } = silent.address() as net.AddressInfo;
    const client = postgres(`postgres://dloket@127.0.0.1:${port}/dloket`, { max: 1, onnotice: () => {} });
    try {
      const health = createHealth({ pingDatabase: async () => void (await client`select 1`), readyReconnectSeconds: 120, timeoutMs: 300 });
      const r = await health.readiness();
      assert.deepEqual(r.checks.database, { ok: false, detail: 'not answering: no answer within 300 ms' });
    } finally {
      await client.end({ timeout: 0 });
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
