import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { MailConfig } from '../../src/config/config.js';
import { buildInvite } from '../../src/replies/calendar.js';
import { composeReply } from '../../src/replies/compose.js';
import { loadTemplates, renderReply } from '../../src/replies/render.js';
import { classifySendError, createSmtpSender, SendError, type SmtpTimeouts } from '../../src/replies/transport.js';
import { getFreePort } from '../support/ports.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { model, sessionView } from './fixtures.js';

const quick: SmtpTimeouts = { connectionMs: 2000, greetingMs: 2000, socketMs: 2000 };

function smtpConfig(port: number, over: Partial<MailConfig['smtp']> = {}): MailConfig['smtp'] {
  return { host: '127.0.0.1', port, user: null, password: null, tls: false, rejectUnauthorized: true, ...over };
}

async function rejection(promise: Promise<unknown>): Promise<SendError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  assert.ok(err instanceof SendError, `expected a SendError, got ${String(err)}`);
  return err;
}

type Step = 'ok' | 'close' | string; // a reply line such as '550 5.1.1 no such user'

/** A scripted SMTP server for the failures the sink cannot stage (drops mid-session). */
async function scriptedSmtp(script: { rcpt?: Step; afterData?: Step; laterMail?: Step }) {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    connections++;
    let mails = 0;
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = '';
    let inData = false;
    const act = (step: Step, ok: string) => {
      if (step === 'close') socket.destroy();
      else socket.write(`${step === 'ok' ? ok : step}\r\n`);
    };
    socket.write('220 scripted ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          buffer = buffer.slice(end + 5);
          inData = false;
          act(script.afterData ?? 'ok', '250 2.0.0 queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 scripted\r\n');
        else if (verb === 'MAIL') act(mails++ > 0 ? script.laterMail ?? 'ok' : 'ok', '250 2.1.0 ok');
        else if (verb === 'RCPT') act(script.rcpt ?? 'ok', '250 2.1.5 ok');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('502 not here\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    /** Connections the server accepted so far. */
    connections: () => connections,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('replies/transport', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(() => sink.close());

  it('sends a composed reply byte for byte with the given envelope', async () => {
    const templates = await loadTemplates();
    const stamp = new Date('2018-05-22T10:00:00Z');
    const { raw } = await composeReply({
      from: { name: 'D-Loket', address: 'D-Loket@VNG.nl' },
      to: { name: 'Anna', address: 'griffie@haarlem.example' },
      originalSubject: 'Aanmelding', rendered: renderReply(model('confirmed', 'nl'), templates),
      inReplyTo: '<a@haarlem.example>', references: [], date: stamp,
      invite: {
        method: 'REQUEST',
        ics: buildInvite({
          method: 'REQUEST', uid: 'reg-1@dloket', sequence: 0, session: sessionView('haarlem'), timezone: 'Europe/Amsterdam',
          summary: 'Ontwerpsessie Haarlem', organizer: { name: 'D-Loket', email: 'D-Loket@VNG.nl' },
          attendee: { name: 'Anna', email: 'griffie@haarlem.example' }, stamp,
        }),
      },
    });
    const sender = createSmtpSender(smtpConfig(sink.port), undefined, quick);
    const start = sink.messages.length;
    const result = await sender.send({ from: 'D-Loket@VNG.nl', to: 'griffie@haarlem.example', raw });
    assert.match(result.response, /^250/);
    assert.deepEqual(result.accepted, ['griffie@haarlem.example']);
    assert.deepEqual(result.rejected, []);
    const [got] = (await sink.waitFor(start + 1)).slice(start);
    assert.deepEqual(got?.envelope, { from: 'D-Loket@VNG.nl', to: ['griffie@haarlem.example'] });
    assert.ok(got?.raw.equals(raw), 'the stored bytes arrive unchanged');
    assert.equal(got?.parsed.subject, 'Re: Aanmelding');
  });

  it('keeps lines that start with a dot, and logs in when credentials are set', async () => {
    const raw = Buffer.from(
      'From: D-Loket <D-Loket@VNG.nl>\r\nTo: a@b.example\r\nSubject: dots\r\nMessage-ID: <dots@vng.nl>\r\n\r\n'
        + '.\r\n..two\r\n. space\r\nend\r\n',
    );
    const sender = createSmtpSender(smtpConfig(sink.port, { user: 'dloket', password: 'secret' }), undefined, quick);
    const start = sink.messages.length;
    await sender.send({ from: 'D-Loket@VNG.nl', to: 'a@b.example', raw });
    const [got] = (await sink.waitFor(start + 1)).slice(start);
    assert.ok(got?.raw.equals(raw), JSON.stringify(got?.raw.toString()));
  });

  it('451 at the end of DATA is transient: retry later', async () => {
    sink.failNext(1, 451, 'Try again later');
    const sender = createSmtpSender(smtpConfig(sink.port), undefined, quick);
    const err = await rejection(sender.send({ from: 'D-Loket@VNG.nl', to: 'a@b.example', raw: Buffer.from('Subject: x\r\n\r\ny\r\n') }));
    assert.equal(err.kind, 'transient');
    assert.equal(err.responseCode, 451);
    assert.equal(err.dataSent, true);
    assert.match(err.response ?? '', /Try again later/);
  });

  it('550 at the end of DATA is permanent', async () => {
    sink.failNext(1, 550, 'Mailbox unavailable');
    const sender = createSmtpSender(smtpConfig(sink.port), undefined, quick);
    const err = await rejection(sender.send({ from: 'D-Loket@VNG.nl', to: 'a@b.example', raw: Buffer.from('Subject: x\r\n\r\ny\r\n') }));
    assert.equal(err.kind, 'permanent');
    assert.equal(err.responseCode, 550);
  });

  it('connection refused is transient', async () => {
    const port = await getFreePort();
    const sender = createSmtpSender(smtpConfig(port), undefined, quick);
    const err = await rejection(sender.send({ from: 'D-Loket@VNG.nl', to: 'a@b.example', raw: Buffer.from('x\r\n') }));
    assert.equal(err.kind, 'transient');
    assert.ok(['ESOCKET', 'ECONNECTION'].includes(err.code ?? ''), String(err.code));
    assert.equal(err.dataSent, false);
    assert.match(err.message, /ECONNREFUSED/);
    assert.equal((await rejection(sender.verify())).kind, 'transient');
  });

  it('a recipient refused with 550 is permanent', async () => {
    const server = await scriptedSmtp({ rcpt: '550 5.1.1 no such user' });
    try {
      const sender = createSmtpSender(smtpConfig(server.port), undefined, quick);
      const err = await rejection(sender.send({ from: 'D-Loket@VNG.nl', to: 'nobody@b.example', raw: Buffer.from('x\r\n') }));
      assert.equal(err.kind, 'permanent');
      assert.equal(err.responseCode, 550);
      assert.equal(err.dataSent, false);
    } finally {
      await server.close();
    }
  });

  it('a connection dropped before the data is transient', async () => {
    const server = await scriptedSmtp({ rcpt: 'close' });
    try {
      const sender = createSmtpSender(smtpConfig(server.port), undefined, quick);
      const err = await rejection(sender.send({ from: 'D-Loket@VNG.nl', to: 'a@b.example', raw: Buffer.from('x\r\n') }));
      assert.equal(err.kind, 'transient');
      assert.equal(err.dataSent, false);
    } finally {
      await server.close();
    }
  });

  it('a connection dropped after the data, before the final reply, is unknown: never resend blindly', async () => {
    const server = await scriptedSmtp({ afterData: 'close' });
    try {
      const sender = createSmtpSender(smtpConfig(server.port), undefined, quick);
      const err = await rejection(sender.send({ from: 'D-Loket@VNG.nl', to: 'a@b.example', raw: Buffer.from('Subject: x\r\n\r\ny\r\n') }));
      assert.equal(err.kind, 'unknown');
      assert.equal(err.dataSent, true);
      assert.equal(err.responseCode, null);
    } finally {
      await server.close();
    }
  });

  it('sends one message after another over one kept connection, and closes it on close()', async () => {
    const server = await scriptedSmtp({});
    try {
      const sender = createSmtpSender(smtpConfig(server.port), undefined, quick);
      for (const to of ['a@b.example', 'c@d.example', 'e@f.example']) {
        assert.match((await sender.send({ from: 'D-Loket@VNG.nl', to, raw: Buffer.from('Subject: x\r\n\r\ny\r\n') })).response, /^250/);
      }
      assert.equal(server.connections(), 1);
      sender.close();
    } finally {
      await server.close();
    }
  });

  it('a kept connection the server dropped is replaced at once when no data went out', async () => {
    const server = await scriptedSmtp({ laterMail: 'close' }); // each connection takes one message, then hangs up at MAIL
    try {
      const sender = createSmtpSender(smtpConfig(server.port), undefined, quick);
      await sender.send({ from: 'D-Loket@VNG.nl', to: 'a@b.example', raw: Buffer.from('Subject: 1\r\n\r\ny\r\n') });
      const second = await sender.send({ from: 'D-Loket@VNG.nl', to: 'c@d.example', raw: Buffer.from('Subject: 2\r\n\r\ny\r\n') });
      assert.match(second.response, /^250/);
      assert.equal(server.connections(), 2, 'the second message went over a new connection');
      sender.close();
    } finally {
      await server.close();
    }
  });

  it('verify connects and hangs up', async () => {
    await createSmtpSender(smtpConfig(sink.port), undefined, quick).verify();
  });

  it('classifies nodemailer errors', () => {
    const err = (props: object) => Object.assign(new Error('x'), props);
    assert.equal(classifySendError(err({ code: 'EAUTH', responseCode: 535 }), false).kind, 'transient');
    assert.equal(classifySendError(err({ code: 'EDNS' }), false).kind, 'transient');
    assert.equal(classifySendError(err({ code: 'ETIMEDOUT' }), false).kind, 'transient');
    assert.equal(classifySendError(err({ code: 'ETIMEDOUT' }), true).kind, 'unknown');
    assert.equal(classifySendError(err({ code: 'EENVELOPE' }), false).kind, 'permanent');
    assert.equal(classifySendError(err({ code: 'EMESSAGE', responseCode: 552 }), true).kind, 'permanent');
    assert.equal(classifySendError(err({ code: 'ECONNECTION', responseCode: 421 }), true).kind, 'transient');
    assert.equal(classifySendError('odd', false).kind, 'transient');
  });
});
