// /healthz, /readyz and /metrics during a real run against Dovecot, the SMTP sink and
// PostgreSQL: the counters move with the mail, readiness follows the mailbox and the database.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { outbox } from '../../src/db/schema.js';
import { getFreePort } from '../support/ports.js';
import { has, parseExposition, total, type Sample } from '../support/prometheus.js';
import { mail, startHarness, type Harness, type Worker } from './harness.js';

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('health and metrics of a running worker', () => {
  let h: Harness;
  let port: number;
  let worker: Worker;
  const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
  const scrape = async (): Promise<Sample[]> => {
    const res = await get('/metrics');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return parseExposition(await res.text());
  };
  const readyz = async () => {
    const res = await get('/readyz');
    return { status: res.status, body: (await res.json()) as Record<string, { ok: boolean; detail: string }> };
  };

  before(async () => {
    port = await getFreePort();
    h = await startHarness({ env: { HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', READY_RECONNECT_SECONDS: '2' } });
  });
  after(() => h.close());

  it('counts messages, replies and their latency, and reports ready while mailbox and database answer', async () => {
    worker = h.startWorker();
    await worker.ready();
    assert.equal((await get('/healthz')).status, 200);
    const ready = await readyz();
    assert.equal(ready.status, 200);
    assert.deepEqual([ready.body.database?.ok, ready.body.mailbox?.ok], [true, true]);
    assert.equal(ready.body.oauth2, undefined, 'no token check with passwords');
    const start = await scrape();
    assert.equal(total(start, 'dloket_imap_connected'), 1);
    assert.equal(total(start, 'dloket_replies_total', { result: 'sent' }), 0);
    assert.ok(has(start, 'process_cpu_user_seconds_total') && has(start, 'nodejs_eventloop_lag_seconds'), 'default process metrics');

    await h.deliver(mail({ from: 'k.visser@ede.nl', subject: 'Aanmelding Arnhem', text: 'Graag meld ik mij aan voor Arnhem op 22 juni.' }));
    await h.deliver(mail({
      from: 'j.devries@zundert.nl', subject: 'Automatisch antwoord: uitnodiging', text: 'Ik ben afwezig tot 1 juli.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    }));
    await h.sink.waitFor(1, 15_000);
    await h.waitForRecorded(2);
    // The next reply is refused for now (451): it waits in the outbox for a retry.
    h.sink.failNext(1, 451, 'Try again later');
    await h.deliver(mail({ from: 'p.bos@venlo.nl', subject: 'Aanmelding Venlo', text: 'Graag aanmelden voor Venlo op 29 juni.' }));
    await until(() => h.logs.some((l) => l.event === 'reply.retry_scheduled'), 'the refused reply');

    const m = await scrape();
    assert.equal(total(m, 'dloket_messages_total', { outcome: 'registered', intent: 'register' }), 2);
    assert.equal(total(m, 'dloket_messages_total', { outcome: 'ignored', intent: 'ignore' }), 1);
    assert.equal(total(m, 'dloket_messages_total'), 3);
    assert.equal(total(m, 'dloket_replies_total', { result: 'sent' }), 1);
    assert.equal(total(m, 'dloket_replies_total', { result: 'retry' }), 1);
    assert.equal(total(m, 'dloket_replies_total', { result: 'failed' }), 0);
    // Arrival (Dovecot's INTERNALDATE, whole seconds) to acceptance by the sink: one reply, seconds at most.
    assert.equal(total(m, 'dloket_reply_latency_seconds_count'), 1);
    const latency = total(m, 'dloket_reply_latency_seconds_sum');
    assert.ok(latency >= 0 && latency < 60, `latency ${latency} s`);
    assert.equal(total(m, 'dloket_reply_latency_seconds_bucket', { le: '+Inf' }), 1);
    // The outbox as the database has it.
    assert.equal(total(m, 'dloket_outbox_depth'), 1);
    assert.equal(total(m, 'dloket_outbox_replies', { status: 'pending' }), 1);
    assert.equal(total(m, 'dloket_outbox_replies', { status: 'sent' }), 1);
    await h.query(async ({ db }) => {
      const rows = await db.select().from(outbox);
      assert.deepEqual(rows.map((r) => r.status).sort(), ['pending', 'sent']);
    });
  });

  it('stays ready while the mailbox reconnects for a short while, then fails', async () => {
    await h.dovecot.stop();
    await until(async () => total(await scrape(), 'dloket_imap_connected') === 0, 'the lost connection');
    const reconnecting = await readyz();
    assert.equal(reconnecting.status, 200, JSON.stringify(reconnecting.body));
    assert.match(reconnecting.body.mailbox!.detail, /reconnecting/);
    await until(async () => (await readyz()).status === 503, 'readiness to fail after READY_RECONNECT_SECONDS');
    const down = await readyz();
    assert.equal(down.body.mailbox!.ok, false);
    assert.equal(down.body.database!.ok, true);
    assert.ok(total(await scrape(), 'dloket_imap_reconnects_total') >= 1);
    assert.equal((await get('/healthz')).status, 200, 'the process itself is fine');
    assert.equal((await get('/nowhere')).status, 404);
    await worker.stop();
    await assert.rejects(get('/healthz'), 'the endpoints stop with the worker');
  });
});
