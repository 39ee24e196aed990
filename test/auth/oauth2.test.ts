// The token source against a real token endpoint (test/support/oauth2-server.ts): both grants,
// caching, renewal ahead of expiry, refusals, rotation of refresh tokens, and backing off
// when the endpoint refuses. Its clock is injected, so hours pass in no time.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTokenSource, renewTime, TokenError } from '../../src/auth/oauth2.js';
import type { OAuth2Config } from '../../src/config/config.js';
import { memoryLogger } from '../mailbox/helpers.js';
import { getFreePort } from '../support/ports.js';
import { startOAuth2Server, type OAuth2TestServer } from '../support/oauth2-server.js';

describe('OAuth2 token source', () => {
  let server: OAuth2TestServer;
  before(async () => {
    server = await startOAuth2Server({ ttlSeconds: 3600 });
    server.addClient({ id: 'app', secret: 'app-secret', username: 'd-loket@vng.nl' });
    server.addClient({ id: 'google', secret: 'google-secret', username: 'd-loket@vng.nl', refreshToken: 'rt-initial' });
    server.addClient({ id: 'public', username: 'd-loket@vng.nl', refreshToken: 'rt-public-0', rotateRefreshToken: true });
  });
  after(() => server.close());

  const settings = (over: Partial<OAuth2Config> = {}): OAuth2Config => ({
    provider: null, tokenUrl: server.tokenUrl, clientId: 'app', clientSecret: 'app-secret',
    scope: 'https://outlook.office365.com/.default', refreshToken: null, ...over,
  });
  const clock = (start = Date.now()) => {
    const c = { t: start, now: () => c.t };
    return c;
  };
  const requestsFor = (clientId: string) => server.tokenRequests.filter((r) => r.clientId === clientId);

  it('renews a token a quarter of its life before it expires, and at most five minutes before', () => {
    assert.equal(renewTime(0, 3_600_000), 3_300_000);
    assert.equal(renewTime(0, 4000), 3000);
  });

  it('client credentials: one request for many callers, a new token when renewal is due or a server refused it', async () => {
    const c = clock();
    const log = memoryLogger();
    const requests = requestsFor('app').length;
    const tokens = createTokenSource(settings(), { logger: log.logger, now: c.now });
    const [a, b] = await Promise.all([tokens.get(), tokens.get()]);
    assert.equal(a!.value, b!.value);
    assert.equal(requestsFor('app').length, requests + 1, 'concurrent callers share one request');
    const request = requestsFor('app').at(-1)!;
    assert.deepEqual([request.grant, request.scope, request.clientAuth], ['client_credentials', 'https://outlook.office365.com/.default', 'post']);
    assert.equal(a!.expiresAt - c.t, 3_600_000);
    assert.equal(a!.renewAt - c.t, 3_300_000);

    c.t += 3_299_000;
    assert.equal((await tokens.get()).value, a!.value, 'cached until renewal is due');
    c.t += 1000;
    const renewed = await tokens.get();
    assert.notEqual(renewed.value, a!.value);

    tokens.rejected(a!.value); // an old token: nothing changes
    assert.equal((await tokens.get()).value, renewed.value);
    tokens.rejected(renewed.value);
    const afterRefusal = await tokens.get();
    assert.notEqual(afterRefusal.value, renewed.value);
    assert.equal(requestsFor('app').length, requests + 3);
    assert.deepEqual(log.events().filter((e) => e.startsWith('oauth2.')), [
      'oauth2.token_refreshed', 'oauth2.token_refreshed', 'oauth2.token_rejected', 'oauth2.token_refreshed',
    ]);
    assert.ok(!log.lines.join('\n').includes('app-secret'), 'no secret in the log');
    for (const t of server.issued) assert.ok(!log.lines.join('\n').includes(t.value), 'no token in the log');
  });

  it('refresh token (Google): asks with the refresh token and the scope; keeps a rotated refresh token (Microsoft)', async () => {
    const google = createTokenSource(settings({
      clientId: 'google', clientSecret: 'google-secret', refreshToken: 'rt-initial', scope: 'https://mail.google.com/',
    }), { logger: memoryLogger().logger });
    const token = await google.get();
    const issued = server.issued.find((t) => t.value === token.value)!;
    assert.deepEqual([issued.grant, issued.scope, issued.clientId], ['refresh_token', 'https://mail.google.com/', 'google']);

    const c = clock();
    const log = memoryLogger();
    const pub = createTokenSource(settings({ clientId: 'public', clientSecret: null, refreshToken: 'rt-public-0', scope: null }), {
      logger: log.logger, now: c.now,
    });
    await pub.get();
    c.t += 3_600_000;
    await pub.get(); // only works with the refresh token the first answer brought
    c.t += 3_600_000;
    await pub.get();
    assert.deepEqual(requestsFor('public').map((r) => [r.clientAuth, r.error]), [['none', null], ['none', null], ['none', null]]);
    assert.ok(log.lines.some((l) => l.includes('"refreshTokenRotated":true')));
    assert.ok(!log.lines.join('\n').includes('rt-public'), 'no refresh token in the log');
  });

  it('a refused secret: one clear error, then the same error without asking again until the wait is over', async () => {
    server.addClient({ id: 'revoked', secret: 'new-secret', username: 'd-loket@vng.nl' });
    const c = clock();
    const log = memoryLogger();
    const results: string[] = [];
    const tokens = createTokenSource(settings({ clientId: 'revoked', clientSecret: 'old-secret' }), {
      logger: log.logger, now: c.now, onRequest: (r) => results.push(r), retry: { initialMs: 5000, maxMs: 20_000 },
    });
    const first = await tokens.get().catch((e: unknown) => e);
    assert.ok(first instanceof TokenError);
    assert.deepEqual([first.code, first.status, first.credentialsRefused], ['invalid_client', 401, true]);
    assert.match(first.message, /refused the client_credentials grant \(invalid_client, HTTP 401\): Invalid client secret provided\.; check OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET/);
    assert.equal(tokens.failure()?.code, 'invalid_client');

    // Callers keep asking (the mailbox loop, every reply); the endpoint hears from us at 0, 5, 15, 35, 55 s.
    for (let s = 0; s <= 60; s++) {
      c.t += 1000;
      await assert.rejects(tokens.get(), TokenError);
    }
    assert.equal(requestsFor('revoked').length, 5);
    assert.deepEqual(results, ['failure', 'failure', 'failure', 'failure', 'failure']);
    const failed = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'oauth2.token_failed');
    assert.deepEqual(failed.map((l) => l.retryInSeconds), [5, 10, 20, 20, 20]);
    assert.equal(failed[0]!.level, 'error');
    assert.ok(!log.lines.join('\n').includes('old-secret'), 'no secret in the log');

    // The admin fixes it: the next due request succeeds and the failure is over.
    server.setSecret('revoked', 'old-secret');
    c.t += 20_000;
    await tokens.get();
    assert.equal(tokens.failure(), null);
    assert.ok(log.events().includes('oauth2.recovered'));
  });

  it('a token still valid is used while the endpoint fails; an expired refresh token says what to do', async () => {
    const c = clock();
    server.addClient({ id: 'flaky', secret: 'flaky-secret', username: 'd-loket@vng.nl' });
    const tokens = createTokenSource(settings({ clientId: 'flaky', clientSecret: 'flaky-secret' }), { logger: memoryLogger().logger, now: c.now });
    const good = await tokens.get();
    server.setSecret('flaky', 'rotated');
    c.t = good.renewAt + 1000;
    assert.equal((await tokens.get()).value, good.value, 'due for renewal but still valid: used');
    assert.equal(tokens.failure(), null, 'ready while a valid token remains');
    c.t = good.expiresAt + 1;
    await assert.rejects(tokens.get(), TokenError);
    assert.notEqual(tokens.failure(), null);

    const stale = createTokenSource(settings({ clientId: 'google', clientSecret: 'google-secret', refreshToken: 'rt-withdrawn' }), {
      logger: memoryLogger().logger,
    });
    await assert.rejects(stale.get(), /invalid_grant.*obtain a new one and set OAUTH2_REFRESH_TOKEN/);
  });

  it('an endpoint that cannot be reached is a passing failure, named as such', async () => {
    const port = await getFreePort();
    const tokens = createTokenSource(settings({ tokenUrl: `http://127.0.0.1:${port}/token` }), { logger: memoryLogger().logger });
    const err = await tokens.get().catch((e: unknown) => e);
    assert.ok(err instanceof TokenError);
    assert.equal(err.credentialsRefused, false);
    assert.match(err.message, /could not get an access token from the token endpoint: ECONNREFUSED/);
  });
});
