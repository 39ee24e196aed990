import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/config.js';

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
});
