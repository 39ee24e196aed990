import assert from 'node:assert/strict';
import net from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';
import { startScriptedImap, type ScriptedImapOptions, type ScriptedImapServer } from '../support/scripted-imap.js';

const mail = (subject: string) => `Subject: ${subject}\r\nMessage-ID: <${subject}@gemeente.test>\r\n\r\nBody of ${subject}\r\n`;

let server: ScriptedImapServer | null = null;
const clients: ImapFlow[] = [];

async function start(options: ScriptedImapOptions = {}): Promise<ScriptedImapServer> {
  server = await startScriptedImap(options);
  return server;
}

async function connect(s: ScriptedImapServer, auth: { user: string; pass: string; loginMethod?: string } = { user: 'bot', pass: 'x' }): Promise<ImapFlow> {
  const client = new ImapFlow({ host: s.host, port: s.port, secure: false, logger: false, auth });
  client.on('error', () => {});
  clients.push(client);
  await client.connect();
  return client;
}

const closed = (client: ImapFlow) => new Promise<void>((resolve) => client.once('close', () => resolve()));
const flagsOf = (m: { flags?: Set<string> } | false | undefined) => [...((m && m.flags) || [])];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = null;
});

describe('test/support/scripted-imap with imapflow', () => {
  it('lists folders with \\Sent, selects, fetches, searches, stores and appends', async () => {
    const s = await start({ uidValidity: 42 });
    s.addMessage(mail('one'), { internalDate: new Date('2018-03-05T09:00:00Z') });
    s.addMessage(mail('two'), { internalDate: new Date('2018-03-07T09:00:00Z') });
    const client = await connect(s);

    const sent = (await client.list()).find((folder) => folder.specialUse === '\\Sent');
    assert.equal(sent?.path, 'Sent');
    const mailbox = await client.mailboxOpen('INBOX');
    assert.equal(mailbox.uidValidity, 42n);
    assert.equal(mailbox.uidNext, 3);
    assert.equal(mailbox.exists, 2);
    assert.ok(mailbox.permanentFlags?.has('\\*'));

    const listed = [];
    for await (const m of client.fetch('1:*', { uid: true, flags: true, size: true, internalDate: true }, { uid: true })) listed.push(m);
    assert.deepEqual(listed.map((m) => [m.uid, m.size, new Date(m.internalDate!).toISOString()]), [
      [1, Buffer.byteLength(mail('one')), '2018-03-05T09:00:00.000Z'],
      [2, Buffer.byteLength(mail('two')), '2018-03-07T09:00:00.000Z'],
    ]);
    const partial = await client.fetchOne('2', { uid: true, source: { start: 0, maxLength: 12 } }, { uid: true });
    assert.equal(partial && partial.source?.toString(), mail('two').slice(0, 12));
    const whole = await client.fetchOne('1', { uid: true, source: true }, { uid: true });
    assert.equal(whole && whole.source?.toString(), mail('one'));
    assert.deepEqual([...s.folder().messages[0]!.flags], [], 'BODY.PEEK leaves \\Seen unset');

    assert.deepEqual(await client.search({ since: new Date('2018-03-06T00:00:00Z') }, { uid: true }), [2]);
    assert.deepEqual(await client.search({ uid: '2:*' }, { uid: true }), [2]);
    assert.equal(await client.messageFlagsAdd('1', ['$DloketDone'], { uid: true }), true);
    assert.deepEqual([...s.folder().messages[0]!.flags], ['$DloketDone']);

    const appended = await client.append('Sent', mail('reply'), ['\\Seen']);
    assert.equal(appended && appended.uid, 1);
    assert.deepEqual([...s.folder('Sent').messages[0]!.flags], ['\\Seen']);
    assert.deepEqual(await client.status('INBOX', { messages: true, uidNext: true, uidValidity: true }), {
      path: 'INBOX', messages: 2, uidNext: 3, uidValidity: 42n,
    });
    await client.logout();
  });

  it('accepts LOGIN as well as AUTHENTICATE PLAIN, and refuses wrong credentials when told', async () => {
    const s = await start({ login: { user: 'bot', password: 'right' } });
    const viaLogin = await connect(s, { user: 'bot', pass: 'right', loginMethod: 'LOGIN' });
    const viaPlain = await connect(s, { user: 'bot', pass: 'right' });
    assert.ok(viaLogin.authenticated && viaPlain.authenticated);
    await assert.rejects(connect(s, { user: 'bot', pass: 'wrong' }));
    assert.ok(s.commands.includes('LOGIN') && s.commands.includes('AUTHENTICATE'));
  });

  it('answers n:* with the last message when its UID is below n (RFC 3501), unless switched off', async () => {
    const s = await start();
    for (const subject of ['a', 'b', 'c']) s.addMessage(mail(subject));
    const client = await connect(s);
    await client.mailboxOpen('INBOX');
    const uids = async () => {
      const found = [];
      for await (const m of client.fetch('10:*', { uid: true }, { uid: true })) found.push(m.uid);
      return found;
    };
    assert.deepEqual(await uids(), [3]);
    s.knobs.starIncludesLast = false;
    assert.deepEqual(await uids(), []);
  });

  it('pushes EXISTS to an IDLE client', async () => {
    const s = await start();
    const client = await connect(s);
    await client.mailboxOpen('INBOX');
    const exists = new Promise<{ count: number; prevCount: number }>((resolve) => client.once('exists', resolve));
    const idling = client.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    s.addMessage(mail('new'));
    assert.deepEqual(await exists, { path: 'INBOX', count: 1, prevCount: 0 });
    await client.noop();
    await idling;
    assert.ok(s.commands.includes('IDLE'));
  });

  it('without IDLE the client learns about new mail from NOOP', async () => {
    const s = await start({ idle: false });
    const client = await connect(s);
    assert.equal(client.capabilities.has('IDLE'), false);
    await client.mailboxOpen('INBOX');
    s.addMessage(mail('new'));
    const exists = new Promise<{ count: number }>((resolve) => client.once('exists', resolve));
    await client.noop();
    assert.equal((await exists).count, 1);
    assert.equal(s.commands.includes('IDLE'), false);
  });

  it('refuses keywords when PERMANENTFLAGS has no \\*', async () => {
    const s = await start({ keywords: false });
    s.addMessage(mail('one'));
    const client = await connect(s);
    const mailbox = await client.mailboxOpen('INBOX');
    assert.equal(mailbox.permanentFlags?.has('\\*'), false);
    assert.equal(await client.messageFlagsAdd('1', ['$DloketDone'], { uid: true }), false);
    assert.deepEqual(flagsOf(await client.fetchOne('1', { uid: true, flags: true }, { uid: true })), []);
    // system flags still work
    assert.equal(await client.messageFlagsAdd('1', ['\\Flagged'], { uid: true }), true);
    assert.deepEqual([...s.folder().messages[0]!.flags], ['\\Flagged']);
  });

  it('drops connections on demand and after N commands', async () => {
    const s = await start();
    const first = await connect(s);
    const firstClosed = closed(first);
    s.dropConnections();
    await firstClosed;
    assert.equal(first.usable, false);

    const second = await connect(s);
    const secondClosed = closed(second);
    s.dropAfterCommands(2);
    await second.noop(); // answered
    await assert.rejects(second.mailboxOpen('INBOX')); // the connection goes instead of an answer
    await secondClosed;
    const third = await connect(s); // the knob was one-shot
    await third.mailboxOpen('INBOX');
    assert.equal(s.connections, 3);
  });

  it('reports a changed UIDVALIDITY on the next SELECT', async () => {
    const s = await start({ uidValidity: 5 });
    const client = await connect(s);
    assert.equal((await client.mailboxOpen('INBOX')).uidValidity, 5n);
    s.setUidValidity(6);
    await client.mailboxClose();
    assert.equal((await client.mailboxOpen('INBOX')).uidValidity, 6n);
  });

  it('delays answers when asked', async () => {
    const s = await start();
    const client = await connect(s);
    s.knobs.delayMs = 150;
    const started = Date.now();
    await client.noop();
    assert.ok(Date.now() - started >= 140);
  });

  it('marks a message \\Seen on a plain BODY[] fetch, so a missing PEEK would show', async () => {
    const s = await start();
    s.addMessage(mail('one'));
    const socket = net.connect(s.port, s.host);
    let received = '';
    socket.on('data', (d) => (received += d.toString()));
    const until = async (text: string) => {
      while (!received.includes(text)) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await until('ready');
    socket.write('a LOGIN {3}\r\n');
    await until('+ Ready');
    socket.write('bot "x"\r\nb SELECT INBOX\r\nc UID FETCH 1 (BODY[])\r\n');
    await until('c OK');
    socket.destroy();
    assert.match(received, /a OK/);
    assert.match(received, new RegExp(`BODY\\[\\] \\{${Buffer.byteLength(mail('one'))}\\}`));
    assert.deepEqual([...s.folder().messages[0]!.flags], ['\\Seen']);
  });
});
