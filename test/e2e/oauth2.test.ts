// OAuth2 end to end, as on Microsoft 365 or Gmail: the worker gets tokens from a token endpoint
// (client-credentials grant), Dovecot's oauth2 passdb checks every IMAP login's token at the
// introspection endpoint, and the SMTP sink accepts only AUTH XOAUTH2 with a valid token.
// Tokens live seconds here instead of an hour, so renewals happen during the test.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, it } from 'node:test';
import { inboundMessages, outbox } from '../../src/db/schema.js';
import { getFreePort } from '../support/ports.js';
import { mail, startHarness, type Harness } from './harness.js';

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const count = (h: Harness, event: string) => h.logs.filter((l) => l.event === event).length;

const signups = [
  { from: 'a.jansen@ede.nl', city: 'Arnhem', date: '22 juni' },
  { from: 'b.smit@venlo.nl', city: 'Venlo', date: '29 juni' },
  { from: 'c.bakker@breda.nl', city: 'Breda', date: '3 juli' },
  { from: 'd.visser@assen.nl', city: 'Assen', date: '28 juni' },
];

function signup(s: { from: string; city: string; date: string }): string {
  return mail({ from: s.from, subject: `Aanmelding ${s.city}`, text: `Graag meld ik mij aan voor ${s.city} op ${s.date}.` });
}

describe('OAuth2 logins to IMAP and SMTP', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('logs in with XOAUTH2 tokens and renews them before they expire, without losing or doubling a message', async () => {
    h = await startHarness({ oauth2: { ttlSeconds: 4, mechanisms: ['xoauth2'] } });
    const oauth2 = h.oauth2!;
    const worker = h.startWorker();
    await worker.ready();
    const firstToken = oauth2.issued[0]!;

    // Mail keeps arriving while tokens expire and the IMAP session logs in anew.
    for (const s of signups) {
      await h.deliver(signup(s));
      await sleep(1000);
    }
    await until(() => Date.now() > firstToken.expiresAt + 500, 'the first token to expire');
    const late = { from: 'e.mulder@haarlem.nl', city: 'Haarlem', date: '21 juni' };
    await h.deliver(signup(late));
    const replies = await h.sink.waitFor(signups.length + 1, 20_000);
    await h.waitForRecorded(signups.length + 1);
    await sleep(300);
    await worker.stop();

    // Each message answered exactly once.
    assert.deepEqual(replies.map((r) => r.envelope.to[0]).sort(), [...signups, late].map((s) => s.from).sort());
    assert.equal(h.sink.messages.length, signups.length + 1);
    await h.query(async ({ db }) => {
      const inbound = await db.select().from(inboundMessages);
      assert.equal(inbound.length, signups.length + 1);
      assert.ok(inbound.every((m) => m.outcome === 'registered'), inbound.map((m) => m.outcome).join());
      const rows = await db.select().from(outbox);
      assert.deepEqual(rows.map((r) => r.status), rows.map(() => 'sent'));
    });

    // Tokens were renewed ahead of expiry: several tokens, none refused anywhere.
    assert.ok(oauth2.issued.length >= 2, `tokens issued: ${oauth2.issued.length}`);
    assert.ok(oauth2.issued.every((t) => t.grant === 'client_credentials'));
    // SMTP connections are kept (a pool) but retired when their token is due: several logins.
    assert.ok(h.sink.auths.length >= 2, `SMTP logins: ${h.sink.auths.length}`);
    assert.ok(h.sink.auths.every((a) => a.method === 'XOAUTH2' && a.ok), 'every SMTP login used a valid token');
    assert.ok(new Set(h.sink.auths.map((a) => a.accessToken)).size >= 2, 'SMTP used more than one token');
    // Every login, IMAP or SMTP, was checked at the endpoint: the rest are Dovecot's.
    const imapLogins = oauth2.introspections.length - h.sink.auths.length;
    assert.ok(imapLogins >= 2 && imapLogins === count(h, 'imap.connected'), `IMAP logins: ${imapLogins}`);
    assert.ok(oauth2.introspections.every((i) => i.active), 'Dovecot and the sink never saw an expired token');
    assert.ok(count(h, 'imap.token_renewal') >= 1, 'the IMAP session logged in anew before its token expired');
    assert.equal(count(h, 'imap.connect_failed'), 0);
    assert.equal(count(h, 'oauth2.token_rejected'), 0);

    // No token or secret in the log.
    const logText = JSON.stringify(h.logs);
    assert.ok(!logText.includes('client-secret-1'), 'no client secret in the log');
    for (const t of oauth2.issued) assert.ok(!logText.includes(t.value), 'no access token in the log');
  });

  it('replaces a token a server refuses: at once for SMTP, at the next login for IMAP', async () => {
    h = await startHarness({ oauth2: {} });
    const oauth2 = h.oauth2!;
    oauth2.refuseNextIntrospections(1); // Dovecot refuses the first login's token
    const worker = h.startWorker();
    await worker.ready();
    assert.equal(count(h, 'imap.connect_failed'), 1);
    assert.equal(count(h, 'oauth2.token_rejected'), 1);
    assert.equal(oauth2.issued.length, 2, 'a second token after the refusal');

    // Every token so far is withdrawn: the SMTP server refuses the cached one, the bot asks
    // for a new one on the same connection and the reply goes out.
    oauth2.revoke();
    await h.deliver(signup(signups[0]!));
    const [reply] = await h.sink.waitFor(1, 15_000);
    assert.deepEqual(reply!.envelope.to, [signups[0]!.from]);
    assert.deepEqual(h.sink.auths.map((a) => a.ok), [false, true]);
    assert.equal(h.sink.auths[0]!.accessToken, oauth2.issued[1]!.value);
    assert.equal(h.sink.auths[1]!.accessToken, oauth2.issued[2]!.value);
    assert.equal(count(h, 'oauth2.token_rejected'), 2);
    await worker.stop();
    assert.equal(h.sink.messages.length, 1);
  });

  it('a revoked client secret: a clear log line, /readyz failing, and no hammering of the token endpoint', async () => {
    const port = await getFreePort();
    h = await startHarness({ oauth2: { ttlSeconds: 3 }, env: { HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' } });
    const oauth2 = h.oauth2!;
    const readyz = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      return { status: res.status, body: (await res.json()) as Record<string, { ok: boolean; detail: string } | string> };
    };
    const worker = h.startWorker();
    await worker.ready();
    assert.equal((await readyz()).status, 200);

    // The admin revokes the secret in the tenant; the cached token still works until it expires.
    oauth2.setSecret('dloket-bot', 'client-secret-2');
    await until(() => count(h!, 'oauth2.token_failed') > 0, 'the refused token request', 15_000);
    const failed = h.logs.find((l) => l.event === 'oauth2.token_failed')!;
    assert.equal(failed.level, 'error');
    assert.equal(failed.code, 'invalid_client');
    assert.match(String(failed.msg), /refused the client_credentials grant \(invalid_client, HTTP 401\).*OAUTH2_CLIENT_SECRET/);
    const lastToken = oauth2.issued.at(-1)!;
    await until(() => Date.now() > lastToken.expiresAt, 'the last good token to expire');
    const notReady = await readyz();
    assert.equal(notReady.status, 503);
    assert.match(JSON.stringify(notReady.body.oauth2), /invalid_client/);

    // Mail that arrives meanwhile is recorded; its reply waits in the outbox, nothing is lost.
    await h.deliver(signup(signups[1]!));
    await h.waitForRecorded(1);
    await until(() => count(h!, 'reply.retry_scheduled') > 0, 'the reply to be kept for a retry');
    await worker.stop();
    await h.query(async ({ db }) => {
      const rows = await db.select().from(outbox);
      assert.deepEqual(rows.map((r) => r.status), ['pending']);
    });

    // Started again with the revoked secret, the worker keeps running and waits: the mailbox
    // loop retries every few seconds, the token endpoint is asked far less often.
    const requestsBefore = oauth2.tokenRequests.length;
    const unavailableBefore = count(h, 'imap.token_unavailable');
    const restarted = h.startWorker();
    let exited = false;
    void restarted.done.then(() => (exited = true), () => (exited = true));
    await until(() => count(h!, 'imap.token_unavailable') - unavailableBefore >= 3, 'three mailbox attempts', 20_000);
    const requests = oauth2.tokenRequests.slice(requestsBefore);
    assert.ok(requests.length >= 1 && requests.length <= 2, `token requests while the secret is revoked: ${requests.length}`);
    assert.ok(requests.every((r) => r.error === 'invalid_client'));
    assert.equal(exited, false, 'the worker does not exit');
    const stillNotReady = await readyz();
    assert.equal(stillNotReady.status, 503);
    assert.equal((stillNotReady.body.mailbox as { ok: boolean }).ok, false);
    await restarted.stop();

    const logText = JSON.stringify(h.logs);
    assert.ok(!logText.includes('client-secret-1') && !logText.includes('client-secret-2'), 'no client secret in the log');
  });
});
