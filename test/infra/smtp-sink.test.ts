import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

describe('test/support/smtp-sink', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(() => sink.close());

  const transport = (auth?: { user: string; pass: string }) =>
    nodemailer.createTransport({ host: sink.host, port: sink.port, secure: false, ignoreTLS: true, ...(auth ? { auth } : {}) });

  it('captures envelope, raw bytes and the parsed message, with or without AUTH', async () => {
    const start = sink.messages.length;
    await transport().sendMail({ from: 'bot@dloket.test', to: 'a@gemeente.test', subject: 'Bevestiging', text: 'Welkom' });
    await transport({ user: 'any', pass: 'thing' }).sendMail({
      from: 'bot@dloket.test', to: ['b@gemeente.test', 'c@gemeente.test'], subject: 'Tweede', text: 'Hallo',
    });
    const [first, second] = (await sink.waitFor(start + 2)).slice(start);
    assert.deepEqual(first?.envelope, { from: 'bot@dloket.test', to: ['a@gemeente.test'] });
    assert.equal(first?.parsed.subject, 'Bevestiging');
    assert.equal(first?.parsed.text?.trim(), 'Welkom');
    assert.match(first?.raw.toString() ?? '', /^Subject: Bevestiging\r$/m);
    assert.deepEqual(second?.envelope.to, ['b@gemeente.test', 'c@gemeente.test']);
  });

  it('fails the next messages with the given reply, then accepts again', async () => {
    const start = sink.messages.length;
    sink.failNext(1, 451, 'Try again later');
    sink.failNext(1, 550, 'No such user');
    const send = () => transport().sendMail({ from: 'bot@dloket.test', to: 'a@gemeente.test', subject: 'x', text: 'y' });
    await assert.rejects(send(), (err: { responseCode?: number; response?: string }) => {
      assert.equal(err.responseCode, 451);
      assert.match(err.response ?? '', /Try again later/);
      return true;
    });
    await assert.rejects(send(), { responseCode: 550 });
    await send();
    assert.equal((await sink.waitFor(start + 1)).length, start + 1);
  });

  it('waitFor rejects when too few messages arrive', async () => {
    await assert.rejects(sink.waitFor(sink.messages.length + 1, 50), /expected \d+ message/);
  });
});
