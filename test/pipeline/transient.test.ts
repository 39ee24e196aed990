// Which failures keep the cursor (transient) and which count towards setting a message aside.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import postgres from 'postgres';
import { isDriverWriteFault, renewingPool } from '../../src/db/postgres-client.js';
import { isTransient } from '../../src/pipeline/transient.js';

const coded = (code: string, name = 'Error') => Object.assign(new Error(code), { code, name });

it('treats lost connections, server shutdowns and conflicts as transient, wrapped or not', () => {
  for (const code of ['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', 'NoConnection', 'EConnectionClosed', 'ETIMEOUT']) {
    assert.equal(isTransient(coded(code)), true, code);
  }
  for (const sqlState of ['57P01', '57P02', '57P03', '08006', '08001', '53300', '40001', '40P01']) {
    assert.equal(isTransient(coded(sqlState, 'PostgresError')), true, sqlState);
  }
  // Drizzle wraps the driver's error in its own, with the original as the cause.
  assert.equal(isTransient(new Error('Failed query: select 1', { cause: coded('57P01', 'PostgresError') })), true);
});

it('treats the message\'s own faults and programming errors as not transient', () => {
  assert.equal(isTransient(new Error('the rules named an unknown session')), false);
  assert.equal(isTransient(coded('23505', 'PostgresError')), false, 'unique violation');
  assert.equal(isTransient(coded('22P05', 'PostgresError')), false, 'untranslatable character');
  assert.equal(isTransient(coded('08006')), false, 'an SQLSTATE only counts on a PostgresError');
  assert.equal(isTransient(null), false);
  const loop: Error & { cause?: unknown } = new Error('loop');
  loop.cause = loop;
  assert.equal(isTransient(loop), false, 'a cause cycle ends');
});

it('recognises only postgres.js\'s write to a closed socket as the known driver fault', () => {
  const fault = new TypeError("Cannot read properties of null (reading 'write')");
  fault.stack = `TypeError: ${fault.message}\n    at Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:483:21)`;
  assert.equal(isDriverWriteFault(fault), true);
  const ours = new TypeError("Cannot read properties of null (reading 'write')");
  ours.stack = `TypeError: ${ours.message}\n    at send (file:///app/dist/pipeline/deliver.js:10:5)`;
  assert.equal(isDriverWriteFault(ours), false);
  assert.equal(isDriverWriteFault(new Error('nextWrite postgres/src/connection.js')), false);
});

it('keeps the known driver fault from the listeners that were there before (a test runner\'s), and passes them everything else', async () => {
  const fault = new TypeError("Cannot read properties of null (reading 'write')");
  fault.stack = `TypeError: ${fault.message}\n    at Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)`;
  const other = new Error('something else went wrong');
  const seen: Error[] = [];
  const earlier = (err: Error) => { seen.push(err); };
  // Stand in for the runner's own listener while this runs, so the errors emitted here stay ours.
  const runner = process.listeners('uncaughtException');
  for (const l of runner) process.removeListener('uncaughtException', l);
  process.on('uncaughtException', earlier);
  try {
    const pool = renewingPool(postgres, 'postgres://127.0.0.1:1/none', {}, () => {});
    // What process.emit('uncaughtException') does: call each listener.
    const raise = (err: Error) => { for (const l of process.listeners('uncaughtException')) l(err, 'uncaughtException'); };
    raise(fault);
    raise(other);
    await pool.end();
    assert.deepEqual(seen, [other]);
    assert.deepEqual(process.listeners('uncaughtException'), [earlier], 'the earlier listener is back on its own');
  } finally {
    process.removeListener('uncaughtException', earlier);
    for (const l of runner) process.on('uncaughtException', l);
  }
});
