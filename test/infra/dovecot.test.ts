import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startDovecot, type Dovecot, type DovecotUser } from '../support/dovecot.js';

const raw = (subject: string) =>
  `From: Gemeente Test <info@gemeente.test>\r\nTo: D-Loket <d-loket@dloket.test>\r\nSubject: ${subject}\r\n` +
  `Message-ID: <${subject.replace(/\W/g, '')}@gemeente.test>\r\nDate: Mon, 5 Mar 2018 10:00:00 +0100\r\n\r\nHallo\r\n`;

// \Recent belongs to the session that first sees a message, not to the message
const flagsOf = (message: { flags?: Set<string> }) => [...(message.flags ?? [])].filter((flag) => flag !== '\\Recent');

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

describe('test/support/dovecot', () => {
  let dovecot: Dovecot;
  let alice: DovecotUser;

  before(async () => {
    dovecot = await startDovecot();
    alice = await dovecot.createUser('alice');
  });
  after(() => dovecot.stop());

  it('appends a message that can be fetched unchanged, without \\Seen', async () => {
    const { uid } = await dovecot.deliver(alice.user, raw('Aanmelding 1'), { internalDate: new Date('2018-03-05T09:00:00Z') });
    const client = await dovecot.connect(alice.user);
    try {
      await client.mailboxOpen('INBOX');
      const message = await client.fetchOne(String(uid), { uid: true, flags: true, source: true, internalDate: true }, { uid: true });
      assert.ok(message);
      assert.equal(message.source?.toString(), raw('Aanmelding 1'));
      assert.deepEqual(flagsOf(message), []);
      assert.equal(new Date(message.internalDate!).toISOString(), '2018-03-05T09:00:00.000Z');
      // fetching the source (BODY.PEEK) did not mark it read either
      const again = await client.fetchOne(String(uid), { uid: true, flags: true }, { uid: true });
      assert.ok(again);
      assert.deepEqual(flagsOf(again), []);
    } finally {
      await client.logout();
    }
  });

  it('sets flags only when asked', async () => {
    const { uid } = await dovecot.deliver(alice.user, raw('Gelezen'), { flags: ['\\Seen'] });
    const client = await dovecot.connect(alice.user);
    try {
      await client.mailboxOpen('INBOX');
      const message = await client.fetchOne(String(uid), { uid: true, flags: true }, { uid: true });
      assert.ok(message);
      assert.deepEqual(flagsOf(message), ['\\Seen']);
    } finally {
      await client.logout();
    }
  });

  it('stores keywords (maildir: \\* in PERMANENTFLAGS)', async () => {
    const { uid } = await dovecot.deliver(alice.user, raw('Keyword'));
    const client = await dovecot.connect(alice.user);
    try {
      const mailbox = await client.mailboxOpen('INBOX');
      assert.ok(mailbox.permanentFlags?.has('\\*'));
      assert.equal(await client.messageFlagsAdd(String(uid), ['$DloketDone'], { uid: true }), true);
      const message = await client.fetchOne(String(uid), { uid: true, flags: true }, { uid: true });
      assert.ok(message);
      assert.deepEqual(flagsOf(message), ['$DloketDone']);
    } finally {
      await client.logout();
    }
  });

  it('has a Sent folder marked \\Sent', async () => {
    const client = await dovecot.connect(alice.user);
    try {
      const sent = (await client.list()).find((folder) => folder.specialUse === '\\Sent');
      assert.equal(sent?.path, 'Sent');
      const { uid } = await dovecot.deliver(alice.user, raw('Antwoord'), { mailbox: 'Sent', flags: ['\\Seen'] });
      assert.equal(uid, 1);
    } finally {
      await client.logout();
    }
  });

  it('announces new mail to an IDLE client', async () => {
    const bob = await dovecot.createUser('bob'); // added while the server runs
    const client = await dovecot.connect(bob.user);
    try {
      await client.mailboxOpen('INBOX');
      const exists = new Promise<{ count: number }>((resolve) => client.once('exists', resolve));
      const idling = client.idle();
      const started = Date.now();
      await dovecot.deliver(bob.user, raw('Nieuw'));
      assert.equal((await exists).count, 1);
      assert.ok(Date.now() - started < 3000, 'EXISTS should arrive within seconds');
      await client.noop(); // ends IDLE
      await idling;
    } finally {
      await client.logout();
    }
  });

  it('runs several instances side by side, and stop() frees the port', async () => {
    const [one, two] = await Promise.all([startDovecot(), startDovecot()]);
    try {
      assert.notEqual(one.port, two.port);
      const [u1, u2] = await Promise.all([one.createUser(), two.createUser()]);
      assert.deepEqual(await Promise.all([one.deliver(u1.user, raw('Een')), two.deliver(u2.user, raw('Twee'))]), [{ uid: 1 }, { uid: 1 }]);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
    assert.equal(await refusesConnections(one.port), true);
    await one.stop(); // idempotent
  });

  it('rejects a wrong password', async () => {
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, logger: false, auth: { user: alice.user, pass: 'wrong' } });
    client.on('error', () => {});
    await assert.rejects(client.connect());
  });
});
