// The mailbox loop against the scripted IMAP server: faults Dovecot will not make on demand.

import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { MailboxSession, MailboxStatus } from '../../src/mailbox/types.js';
import { startScriptedImap, type ScriptedImapOptions, type ScriptedImapServer } from '../support/scripted-imap.js';
import { mailConfig, memoryLogger, startLoop, waitUntil, type RunningLoop } from './helpers.js';

const mail = (n: number) => `Subject: Aanmelding ${n}\r\nMessage-ID: <m${n}@gemeente.test>\r\n\r\nBODY-MARKER-${n}\r\n`;

let server: ScriptedImapServer | null = null;
let loop: RunningLoop | null = null;

async function scripted(options: ScriptedImapOptions = {}): Promise<ScriptedImapServer> {
  server = await startScriptedImap(options);
  return server;
}

afterEach(async () => {
  await loop?.stop();
  loop = null;
  await server?.close();
  server = null;
});

describe('mailbox loop on the scripted server', () => {
  it('recovers from a dropped connection without a restart: sync runs again on a new connection', async () => {
    const s = await scripted();
    const log = memoryLogger('info');
    let syncs = 0;
    loop = startLoop(mailConfig(s, 'bot', 'x'), log.logger, async () => {
      syncs++;
    });
    await waitUntil(() => syncs === 1, 3000, 'the first sync');
    s.dropConnections();
    await waitUntil(() => syncs === 2, 3000, 'a sync on a new connection');
    assert.equal(s.connections, 2);
    const events = log.events();
    for (const event of ['imap.disconnected', 'imap.reconnect_scheduled']) assert.ok(events.includes(event), event);
    assert.equal(events.filter((e) => e === 'imap.connected').length, 2);
  });

  it('recovers when the first connection is dropped during login', async () => {
    const s = await scripted();
    const log = memoryLogger('info');
    let syncs = 0;
    s.dropAfterCommands(1); // the first command (e.g. ID or LOGIN) of the first connection
    loop = startLoop(mailConfig(s, 'bot', 'x'), log.logger, async () => {
      syncs++;
    });
    await waitUntil(() => syncs === 1, 3000, 'a sync after the failed connection');
    assert.ok(log.events().includes('imap.connect_failed'));
    assert.equal(s.connections, 2);
  });

  it('retries a failing sync after a backoff, on the same connection while it lasts', async () => {
    const s = await scripted();
    const log = memoryLogger('info');
    let calls = 0;
    loop = startLoop(mailConfig(s, 'bot', 'x'), log.logger, async () => {
      calls++;
      if (calls === 1) throw new Error('database unavailable');
    });
    await waitUntil(() => calls === 2, 3000, 'the retried sync');
    assert.equal(s.connections, 1);
    const failed = log.lines.map((line) => JSON.parse(line)).find((entry) => entry.event === 'imap.sync_failed');
    assert.equal(failed?.err?.message, 'database unavailable');
    assert.ok(log.events().includes('imap.sync_retry_scheduled'));
  });

  it('retries a sync that failed because the connection died, on a fresh connection', async () => {
    const s = await scripted();
    s.addMessage(mail(1));
    let calls = 0;
    let listed: number[] = [];
    loop = startLoop(mailConfig(s, 'bot', 'x'), memoryLogger('silent').logger, async (session) => {
      calls++;
      if (calls === 1) s.dropAfterCommands(1); // the next command never gets an answer
      listed = (await session.listAfter(0)).map((m) => m.uid);
    });
    await waitUntil(() => calls === 2 && listed.length === 1, 3000, 'the sync on the new connection');
    assert.equal(s.connections, 2);
  });

  it('shows a changed UIDVALIDITY in status() after reconnecting', async () => {
    const s = await scripted({ uidValidity: 4_000_000_000 });
    const statuses: MailboxStatus[] = [];
    loop = startLoop(mailConfig(s, 'bot', 'x'), memoryLogger('silent').logger, async (session) => {
      statuses.push(session.status());
    });
    await waitUntil(() => statuses.length === 1, 3000, 'the first sync');
    s.setUidValidity(17);
    s.dropConnections();
    await waitUntil(() => statuses.length === 2, 3000, 'the sync after reconnecting');
    assert.deepEqual(statuses.map((status) => status.uidValidity), ['4000000000', '17']);
    assert.deepEqual(statuses[1], { path: 'INBOX', uidValidity: '17', uidNext: 1, exists: 0, keywordsAllowed: true });
  });

  it('drops UIDs <= afterUid that the server returns for n:*', async () => {
    const s = await scripted({ starIncludesLast: true });
    for (let n = 1; n <= 3; n++) s.addMessage(mail(n));
    const results: number[][] = [];
    loop = startLoop(mailConfig(s, 'bot', 'x'), memoryLogger('silent').logger, async (session) => {
      if (results.length) return;
      for (const after of [0, 2, 3, 10]) results.push((await session.listAfter(after)).map((m) => m.uid));
    });
    await waitUntil(() => results.length === 4, 3000, 'the sync');
    assert.deepEqual(results, [[1, 2, 3], [3], [], []]);
    assert.ok(s.commands.some((c) => c.startsWith('UID FETCH 11:*')), 'the quirk was exercised');
  });

  it('returns false when the server refuses keywords, and leaves the flags alone', async () => {
    const s = await scripted({ keywords: false });
    s.addMessage(mail(1));
    let result: boolean | undefined;
    let status: MailboxStatus | undefined;
    loop = startLoop(mailConfig(s, 'bot', 'x'), memoryLogger('silent').logger, async (session) => {
      status = session.status();
      result ??= await session.addKeywords(1, ['$DloketDone']);
    });
    await waitUntil(() => result !== undefined, 3000, 'the sync');
    assert.equal(status?.keywordsAllowed, false);
    assert.equal(result, false);
    assert.deepEqual([...s.folder().messages[0]!.flags], []);
  });

  it('syncs on the poll interval when the server has no IDLE', async () => {
    const s = await scripted({ idle: false });
    const uids: number[] = [];
    let syncs = 0;
    loop = startLoop(mailConfig(s, 'bot', 'x', { pollIntervalSeconds: 0.2 }), memoryLogger('silent').logger, async (session: MailboxSession) => {
      syncs++;
      for (const m of await session.listAfter(uids.at(-1) ?? 0)) uids.push(m.uid);
    });
    await waitUntil(() => syncs >= 1, 3000, 'the first sync');
    s.addMessage(mail(1));
    await waitUntil(() => uids.length === 1, 1000, 'the new message');
    await waitUntil(() => syncs >= 4, 1500, 'more polls without new mail');
    assert.equal(s.commands.includes('IDLE'), false);
  });

  it('stops while waiting to reconnect, and while connecting', async () => {
    const s = await scripted({ delayMs: 5000 }); // every answer takes 5 s
    const log = memoryLogger('info');
    const started = Date.now();
    loop = startLoop(mailConfig(s, 'bot', 'x'), log.logger, async () => {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    await loop.stop();
    loop = null;
    assert.ok(Date.now() - started < 1000, 'stop() should not wait for the slow server');
    assert.deepEqual(log.events(), ['imap.stopped']);

    await s.close();
    server = null;
    const refused = memoryLogger('info');
    loop = startLoop(mailConfig(s, 'bot', 'x'), refused.logger, async () => {}, {
      backoff: { nextDelay: () => 60_000, connectionUptime: () => {}, attempts: 1 },
    });
    await waitUntil(() => refused.events().includes('imap.reconnect_scheduled'), 3000, 'a scheduled reconnect');
    const stopping = Date.now();
    await loop.stop();
    loop = null;
    assert.ok(Date.now() - stopping < 500);
  });

  it('never logs the password or message content, even at trace level', async () => {
    const s = await scripted({ login: { user: 'bot', password: 'hunter2-SECRET' } });
    s.addMessage(mail(7));
    const log = memoryLogger('trace');
    let downloaded = '';
    loop = startLoop(mailConfig(s, 'bot', 'hunter2-SECRET'), log.logger, async (session) => {
      downloaded ||= (await session.download(1, 1000)).source.toString();
      await session.appendSent(Buffer.from('Subject: Re\r\n\r\nREPLY-MARKER\r\n'));
    });
    await waitUntil(() => downloaded !== '', 3000, 'the download');
    await loop.stop();
    loop = null;
    assert.match(downloaded, /BODY-MARKER-7/);
    const all = log.lines.join('\n');
    assert.ok(log.lines.length > 10, 'imapflow logged at trace level');
    for (const secret of ['hunter2-SECRET', Buffer.from('\0bot\0hunter2-SECRET').toString('base64'), 'BODY-MARKER', 'REPLY-MARKER']) {
      assert.equal(all.includes(secret), false, `the log contains ${secret}`);
    }
  });
});
