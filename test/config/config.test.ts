import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, settingNames } from '../../src/config/config.js';

const mailEnv = { IMAP_HOST: 'imap.vng.nl', IMAP_USER: 'D-Loket@VNG.nl', IMAP_PASSWORD: 'geheim', SMTP_HOST: 'smtp.vng.nl' };

describe('configuration from the environment', () => {
  it('names every missing or malformed setting in one message', () => {
    const err = (() => {
      try {
        loadConfig({ IMAP_PORT: 'abc', IMAP_TLS: 'misschien', SMTP_PORT: '70000', LOG_LEVEL: 'loud' }, { mail: true });
      } catch (e) {
        return e as ConfigError;
      }
      return null;
    })();
    assert.ok(err instanceof ConfigError);
    for (const name of ['IMAP_HOST is missing', 'IMAP_USER is missing', 'IMAP_PASSWORD is missing', 'SMTP_HOST is missing', 'IMAP_PORT', 'IMAP_TLS', 'SMTP_PORT', 'LOG_LEVEL']) {
      assert.ok(err.problems.some((p) => p.startsWith(name)), `mentions ${name}: ${err.problems.join(' | ')}`);
    }
    assert.ok(!err.message.includes('geheim'));
  });

  it('fills the documented defaults', () => {
    const c = loadConfig(mailEnv, { mail: true });
    assert.equal(c.mail?.imap.port, 993);
    assert.equal(c.mail?.imap.tls, true);
    assert.equal(c.mail?.imap.mailbox, 'INBOX');
    assert.equal(c.mail?.from.address, 'D-Loket@VNG.nl', 'MAIL_FROM defaults to the IMAP user');
    assert.deepEqual(c.mail?.ownAddresses, ['d-loket@vng.nl']);
    assert.equal(c.mail?.pollIntervalSeconds, 60);
    assert.deepEqual(c.database, { url: null, dataDir: './data' });
    assert.equal(c.rules.signupDeadlineHours, 0);
  });

  it('reads booleans, aliases and the database URL', () => {
    const c = loadConfig({
      ...mailEnv, IMAP_TLS: 'false', SMTP_TLS: 'yes', MAIL_FROM: 'd-loket@vng.nl', OWN_ADDRESSES: 'dloket@vng.nl, D-LOKET@minbzk.nl',
      DATABASE_URL: 'postgres://u:p@db:5432/dloket', ACKNOWLEDGE_QUESTIONS: '1', SMTP_USER: 'u', SMTP_PASSWORD: 'p',
    }, { mail: true });
    assert.equal(c.mail?.imap.tls, false);
    assert.equal(c.mail?.smtp.tls, true);
    assert.deepEqual(c.mail?.ownAddresses, ['d-loket@vng.nl', 'dloket@vng.nl', 'd-loket@minbzk.nl']);
    assert.equal(c.database.url, 'postgres://u:p@db:5432/dloket');
    assert.equal(c.rules.acknowledgeQuestions, true);
  });

  it('wants SMTP credentials in pairs, and treats empty values as unset', () => {
    assert.throws(() => loadConfig({ ...mailEnv, SMTP_USER: 'u' }, { mail: true }), /SMTP_USER and SMTP_PASSWORD go together/);
    const c = loadConfig({ ...mailEnv, SMTP_USER: '', SMTP_PASSWORD: '', DATABASE_URL: '' }, { mail: true });
    assert.equal(c.mail?.smtp.user, null);
    assert.equal(c.database.url, null);
  });

  it('reads the review mode and its threshold, off by default', () => {
    assert.deepEqual(loadConfig({}, { mail: false }).review, { mode: 'off', confidence: 0.9 });
    assert.deepEqual(loadConfig({ REVIEW: 'Uncertain', REVIEW_CONFIDENCE: '0.85' }, { mail: false }).review, { mode: 'uncertain', confidence: 0.85 });
    assert.throws(() => loadConfig({ REVIEW: 'sometimes', REVIEW_CONFIDENCE: '90' }, { mail: false }),
      (e: ConfigError) => e.problems.some((p) => p.startsWith('REVIEW: expected off, uncertain or all'))
        && e.problems.some((p) => p.startsWith('REVIEW_CONFIDENCE: expected a number from 0 to 1')));
  });

  it('reads the trusted authserv-ids and the time limit on reading a message', () => {
    const c = loadConfig({ ...mailEnv, TRUSTED_AUTHSERV_ID: 'MX.vng.nl, mx2.vng.nl', MESSAGE_TIME_LIMIT_SECONDS: '2.5' }, { mail: true });
    assert.deepEqual(c.mail?.trustedAuthservIds, ['mx.vng.nl', 'mx2.vng.nl']);
    assert.equal(c.mail?.messageTimeLimitMs, 2500);
    const defaults = loadConfig(mailEnv, { mail: true });
    assert.deepEqual(defaults.mail?.trustedAuthservIds, [], 'unset: Authentication-Results are not read');
    assert.equal(defaults.mail?.messageTimeLimitMs, 10_000);
    assert.throws(() => loadConfig({ ...mailEnv, MESSAGE_TIME_LIMIT_SECONDS: '0' }, { mail: true }), /MESSAGE_TIME_LIMIT_SECONDS/);
  });

  it('asks nothing about mail of commands that do not use it', () => {
    assert.equal(loadConfig({}, { mail: false }).mail, null);
  });

  it('takes MAIL_FROM as a bare address or with a display name', () => {
    const named = loadConfig({ ...mailEnv, MAIL_FROM: 'D-Loket <D-Loket@VNG.nl>' }, { mail: true });
    assert.deepEqual(named.mail?.from, { address: 'D-Loket@VNG.nl', name: 'D-Loket' });
    const quoted = loadConfig({ ...mailEnv, MAIL_FROM: '"VNG, D-Loket" <d-loket@vng.nl>' }, { mail: true });
    assert.deepEqual(quoted.mail?.from, { address: 'd-loket@vng.nl', name: 'VNG, D-Loket' });
    const bare = loadConfig({ ...mailEnv, MAIL_FROM: 'd-loket@vng.nl', MAIL_FROM_NAME: 'Democratie in Actie' }, { mail: true });
    assert.deepEqual(bare.mail?.from, { address: 'd-loket@vng.nl', name: 'Democratie in Actie' });
    assert.deepEqual(loadConfig({ ...mailEnv, MAIL_FROM: 'D-Loket <d@vng.nl>', MAIL_FROM_NAME: 'D-Loket' }, { mail: true }).mail?.from.name, 'D-Loket');
    for (const wrong of ['D-Loket', 'a@vng.nl, b@vng.nl', 'Loket: a@vng.nl;', 'D-Loket <>']) {
      assert.throws(() => loadConfig({ ...mailEnv, MAIL_FROM: wrong }, { mail: true }), /MAIL_FROM: expected one address/, wrong);
    }
    assert.throws(() => loadConfig({ ...mailEnv, MAIL_FROM: 'D-Loket <d@vng.nl>', MAIL_FROM_NAME: 'VNG' }, { mail: true }),
      /MAIL_FROM names the sender "D-Loket" and MAIL_FROM_NAME says "VNG"/);
  });

  const oauthEnv = { IMAP_HOST: 'outlook.office365.com', IMAP_USER: 'D-Loket@VNG.nl', SMTP_HOST: 'smtp.office365.com', MAIL_AUTH: 'oauth2' };
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env, { mail: true });
    } catch (e) {
      return (e as ConfigError).problems;
    }
    return [];
  };

  it('fills in Microsoft 365 app-only access from the tenant, and Google from a refresh token', () => {
    const ms = loadConfig({ ...oauthEnv, OAUTH2_PROVIDER: 'microsoft', OAUTH2_TENANT: 'vng.nl', OAUTH2_CLIENT_ID: 'app-id', OAUTH2_CLIENT_SECRET: 's3cret' }, { mail: true });
    assert.deepEqual(ms.mail?.oauth2, {
      provider: 'microsoft', tokenUrl: 'https://login.microsoftonline.com/vng.nl/oauth2/v2.0/token', clientId: 'app-id',
      clientSecret: 's3cret', scope: 'https://outlook.office365.com/.default', refreshToken: null,
    });
    assert.equal(ms.mail?.imap.password, null);
    assert.deepEqual([ms.mail?.smtp.user, ms.mail?.smtp.password], ['D-Loket@VNG.nl', null], 'SMTP acts for the mailbox');
    const delegated = loadConfig({ ...oauthEnv, OAUTH2_PROVIDER: 'microsoft', OAUTH2_TENANT: 'vng.nl', OAUTH2_CLIENT_ID: 'app-id', OAUTH2_REFRESH_TOKEN: 'rt' }, { mail: true });
    assert.match(delegated.mail?.oauth2?.scope ?? '', /IMAP\.AccessAsUser\.All .*SMTP\.Send offline_access/);
    assert.equal(delegated.mail?.oauth2?.clientSecret, null, 'a public client needs no secret');
    const google = loadConfig({
      ...oauthEnv, IMAP_HOST: 'imap.gmail.com', SMTP_HOST: 'smtp.gmail.com', OAUTH2_PROVIDER: 'google', OAUTH2_CLIENT_ID: 'id.apps.googleusercontent.com',
      OAUTH2_CLIENT_SECRET: 'g', OAUTH2_REFRESH_TOKEN: '1//rt', SMTP_USER: 'd-loket@vng.nl',
    }, { mail: true });
    assert.deepEqual([google.mail?.oauth2?.tokenUrl, google.mail?.oauth2?.scope, google.mail?.smtp.user],
      ['https://oauth2.googleapis.com/token', 'https://mail.google.com/', 'd-loket@vng.nl']);
    const custom = loadConfig({ ...oauthEnv, OAUTH2_TOKEN_URL: 'https://idp.vng.nl/token', OAUTH2_CLIENT_ID: 'c', OAUTH2_CLIENT_SECRET: 's', OAUTH2_SCOPE: 'mail' }, { mail: true });
    assert.deepEqual([custom.mail?.oauth2?.provider, custom.mail?.oauth2?.tokenUrl, custom.mail?.oauth2?.scope], [null, 'https://idp.vng.nl/token', 'mail']);
  });

  it('says what an OAuth2 set-up lacks or has too much of, all at once', () => {
    assert.deepEqual(problems({ ...oauthEnv, OAUTH2_PROVIDER: 'microsoft' }), [
      'OAUTH2_CLIENT_ID is missing: MAIL_AUTH=oauth2 needs the application (client) id',
      'OAUTH2_CLIENT_SECRET is missing: app-only access (no OAUTH2_REFRESH_TOKEN) logs in with the client secret',
      'OAUTH2_TENANT is missing: OAUTH2_PROVIDER=microsoft needs the directory (tenant) id or domain',
    ]);
    assert.deepEqual(problems({ ...oauthEnv, OAUTH2_PROVIDER: 'google', OAUTH2_CLIENT_ID: 'c', OAUTH2_CLIENT_SECRET: 's' }), [
      "OAUTH2_REFRESH_TOKEN is missing: google grants mail access to an OAuth client only with a user's refresh token",
    ]);
    assert.deepEqual(problems({ ...oauthEnv, OAUTH2_CLIENT_ID: 'c', OAUTH2_CLIENT_SECRET: 's' }), [
      'OAUTH2_TOKEN_URL is missing: give the token endpoint, or OAUTH2_PROVIDER=microsoft|google',
    ]);
    assert.deepEqual(problems({ ...oauthEnv, OAUTH2_TOKEN_URL: 'http://idp.vng.nl/token', OAUTH2_CLIENT_ID: 'c', OAUTH2_CLIENT_SECRET: 's' }), [
      'OAUTH2_TOKEN_URL: expected https:// (plain http only to this machine)',
    ]);
    assert.deepEqual(problems({ ...oauthEnv, OAUTH2_TOKEN_URL: 'http://127.0.0.1:8080/token', OAUTH2_CLIENT_ID: 'c', OAUTH2_CLIENT_SECRET: 's' }), []);
    assert.deepEqual(problems({
      ...oauthEnv, OAUTH2_PROVIDER: 'microsoft', OAUTH2_TENANT: 'vng.nl', OAUTH2_CLIENT_ID: 'c', OAUTH2_CLIENT_SECRET: 's',
      IMAP_PASSWORD: 'geheim', SMTP_PASSWORD: 'geheim',
    }), ['IMAP_PASSWORD is not used with MAIL_AUTH=oauth2: remove it', 'SMTP_PASSWORD is not used with MAIL_AUTH=oauth2: remove it']);
    assert.deepEqual(problems({ ...oauthEnv, MAIL_AUTH: 'token', OAUTH2_PROVIDER: 'azure', OAUTH2_TENANT: 'vng nl' }).map((p) => p.split(':')[0]),
      ['MAIL_AUTH', 'OAUTH2_PROVIDER', 'OAUTH2_TENANT']);
    // Half an OAuth2 set-up never falls back to passwords silently.
    assert.deepEqual(problems({ ...mailEnv, OAUTH2_CLIENT_ID: 'c' }), ['OAUTH2_CLIENT_ID set while MAIL_AUTH is password: set MAIL_AUTH=oauth2 to use them']);
    // Checks between settings run even when another setting is missing.
    const both = problems({ MAIL_AUTH: 'oauth2', IMAP_USER: 'D-Loket@VNG.nl' });
    assert.ok(both.includes('IMAP_HOST is missing') && both.some((p) => p.startsWith('OAUTH2_CLIENT_ID is missing')), both.join(' | '));
    const message = (() => {
      try {
        loadConfig({ ...oauthEnv, OAUTH2_CLIENT_SECRET: 'very-secret', OAUTH2_REFRESH_TOKEN: 'refresh-secret' }, { mail: true });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    assert.ok(message && !message.includes('very-secret') && !message.includes('refresh-secret'), 'no secret in the message');
  });

  it('serves health and metrics only when HTTP_PORT is set', () => {
    assert.equal(loadConfig(mailEnv, { mail: true }).http, null);
    assert.deepEqual(loadConfig({ ...mailEnv, HTTP_PORT: '9464' }, { mail: true }).http, { port: 9464, host: '0.0.0.0', readyReconnectSeconds: 120 });
    assert.deepEqual(problems({ ...mailEnv, HTTP_PORT: 'web' }), ['HTTP_PORT: expected a port number']);
    assert.equal(loadConfig({ HTTP_PORT: '9464' }, { mail: false }).http, null, 'one-shot commands serve nothing');
  });

  it('lists every setting it reads', () => {
    for (const name of ['IMAP_HOST', 'MAIL_AUTH', 'OAUTH2_TENANT', 'OAUTH2_REFRESH_TOKEN', 'HTTP_PORT', 'READY_RECONNECT_SECONDS', 'DATABASE_URL']) {
      assert.ok(settingNames.includes(name), name);
    }
    assert.equal(new Set(settingNames).size, settingNames.length);
  });
});
