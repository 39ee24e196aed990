// The mailbox module against a real Dovecot: IDLE, flags, keywords, Sent, and a clean stop.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MailboxSession, MailboxStatus, MessageSummary } from '../../src/mailbox/types.js';
import { startDovecot, type Dovecot } from '../support/dovecot.js';
import { mailConfig, memoryLogger, startLoop, waitUntil } from './helpers.js';

const signup = (n: number) =>
  `From: Gemeente ${n} <info${n}@gemeente.test>\r\nTo: D-Loket <d-loket@dloket.test>\r\n` +
  `Subject: Aanmelding ${n}\r\nMessage-ID: <signup-${n}@gemeente.test>\r\nDate: Mon, 5 Mar 2018 10:00:00 +0100\r\n\r\n` +
  `Wij melden ons aan voor sessie ${n}.\r\n`;

const withoutRecent = (flags: Iterable<string>) => [...flags].filter((flag) => flag !== '\\Recent');

async function flagsOnServer(dovecot: Dovecot, user: string, uid: number, mailbox = 'INBOX'): Promise<string[]> {
  const client = await dovecot.connect(user);
  try {
    await client.mailboxOpen(mailbox, { readOnly: true });
    const message = await client.fetchOne(String(uid), { uid: true, flags: true }, { uid: true });
    assert.ok(message, `UID ${uid} should exist in ${mailbox}`);
    return withoutRecent(message.flags ?? []);
  } finally {
    await client.logout();
  }
}

describe('mailbox module on Dovecot', () => {
  let dovecot: Dovecot;
  before(async () => {
    dovecot = await startDovecot();
  });
  after(() => dovecot.stop());

  it('syncs at once, and again as soon as new mail is announced (IDLE, no debounce)', async () => {
    const bot = await dovecot.createUser('idle');
    const seen: MessageSummary[][] = [];
    const statuses: MailboxStatus[] = [];
    const log = memoryLogger('info');
    let lastUid = 0;
    const loop = startLoop(mailConfig(dovecot, bot.user, bot.password, { pollIntervalSeconds: 60 }), log.logger, async (session) => {
      statuses.push(session.status());
      const listed = await session.listAfter(lastUid);
      lastUid = listed.at(-1)?.uid ?? lastUid;
      seen.push(listed);
    }, { debounceMs: undefined }); // the production setting: no debounce, sync at once
    try {
      await waitUntil(() => seen.length === 1, 5000, 'the first sync');
      assert.deepEqual(seen[0], []);
      assert.match(statuses[0]!.uidValidity, /^\d+$/);
      assert.equal(statuses[0]!.keywordsAllowed, true);
      assert.equal(statuses[0]!.exists, 0);

      await new Promise((resolve) => setTimeout(resolve, 500)); // imapflow starts IDLE 0.1 s after the sync
      const { uid } = await dovecot.deliver(bot.user, signup(1));
      const tookMs = await waitUntil(() => seen.some((list) => list.some((m) => m.uid === uid)), 4000, 'a sync that lists the new message');
      // Dovecot's own notify delay is about half a second; the loop adds no wait of its own.
      assert.ok(tookMs < 1500, `the new message took ${tookMs} ms to reach sync`);
      assert.ok(log.events().includes('imap.connected'));
    } finally {
      await loop.stop();
    }
    assert.deepEqual(log.events().slice(-2), ['imap.logged_out', 'imap.stopped']);
  });

  it('lists, downloads without \\Seen, stores keywords and files replies in Sent', async () => {
    const bot = await dovecot.createUser('ops');
    const first = await dovecot.deliver(bot.user, signup(1), { internalDate: new Date('2018-03-01T10:00:00Z') });
    const second = await dovecot.deliver(bot.user, signup(2), { internalDate: new Date('2018-03-05T10:00:00Z') });
    const results: Record<string, unknown> = {};
    const log = memoryLogger('info');
    const loop = startLoop(mailConfig(dovecot, bot.user, bot.password), log.logger, async (session: MailboxSession) => {
      if ('done' in results) return;
      results.all = (await session.listAfter(0)).map((m) => m.uid);
      results.afterFirst = (await session.listAfter(first.uid)).map((m) => m.uid);
      results.afterLast = (await session.listAfter(second.uid)).map((m) => m.uid); // "n:*" returns the last one
      results.since = (await session.listSince(new Date('2018-03-03T00:00:00Z'))).map((m) => m.uid);
      const [summary] = await session.listAfter(first.uid);
      results.summary = summary;
      results.download = await session.download(second.uid, 1_000_000);
      results.truncated = await session.download(second.uid, 10);
      results.many = await session.downloadMany!([first.uid, second.uid, second.uid + 100], 1_000_000);
      results.manyTruncated = await session.downloadMany!([second.uid], 10);
      results.keywords = await session.addKeywords(first.uid, ['$DloketDone']);
      await session.appendSent(Buffer.from(`Subject: Re: Aanmelding 1\r\nIn-Reply-To: <signup-1@gemeente.test>\r\n\r\nBevestigd.\r\n`));
      results.done = true;
    });
    try {
      await waitUntil(() => 'done' in results, 5000, 'the sync');
    } finally {
      await loop.stop();
    }
    assert.deepEqual(results.all, [first.uid, second.uid]);
    assert.deepEqual(results.afterFirst, [second.uid]);
    assert.deepEqual(results.afterLast, []);
    assert.deepEqual(results.since, [second.uid]);
    assert.deepEqual(results.summary, {
      uid: second.uid, size: Buffer.byteLength(signup(2)), internalDate: new Date('2018-03-05T10:00:00Z'), flags: [],
    });
    assert.deepEqual(results.download, { source: Buffer.from(signup(2)), truncated: false });
    assert.deepEqual(results.truncated, { source: Buffer.from(signup(2).slice(0, 10)), truncated: true });
    // A batch in one FETCH gives each message as download() does; a UID not there is missing.
    assert.deepEqual(results.many, new Map([
      [first.uid, { source: Buffer.from(signup(1)), truncated: false }],
      [second.uid, { source: Buffer.from(signup(2)), truncated: false }],
    ]));
    assert.deepEqual(results.manyTruncated, new Map([[second.uid, { source: Buffer.from(signup(2).slice(0, 10)), truncated: true }]]));
    assert.equal(results.keywords, true);

    // Organisers still see both messages as unread; the keyword is the only change.
    assert.deepEqual(await flagsOnServer(dovecot, bot.user, first.uid), ['$DloketDone']);
    assert.deepEqual(await flagsOnServer(dovecot, bot.user, second.uid), []);
    assert.deepEqual(await flagsOnServer(dovecot, bot.user, 1, 'Sent'), ['\\Seen']);
  });

  it('returns false for keywords when IMAP_KEYWORDS is off, and touches nothing', async () => {
    const bot = await dovecot.createUser('nokeywords');
    const { uid } = await dovecot.deliver(bot.user, signup(3));
    let result: boolean | undefined;
    const loop = startLoop(mailConfig(dovecot, bot.user, bot.password, { keywords: false }), memoryLogger('warn').logger, async (session) => {
      result ??= await session.addKeywords(uid, ['$DloketDone']);
    });
    try {
      await waitUntil(() => result !== undefined, 5000, 'the sync');
    } finally {
      await loop.stop();
    }
    assert.equal(result, false);
    assert.deepEqual(await flagsOnServer(dovecot, bot.user, uid), []);
  });

  it('uses a configured Sent folder when there is one', async () => {
    const bot = await dovecot.createUser('sentcfg');
    const setup = await dovecot.connect(bot.user);
    await setup.mailboxCreate('Verzonden items');
    await setup.logout();
    let appended = false;
    const loop = startLoop(mailConfig(dovecot, bot.user, bot.password, { sentMailbox: 'Verzonden items' }), memoryLogger('warn').logger, async (session) => {
      if (appended) return;
      await session.appendSent(Buffer.from('Subject: Re: x\r\n\r\ny\r\n'));
      appended = true;
    });
    try {
      await waitUntil(() => appended, 5000, 'the append');
    } finally {
      await loop.stop();
    }
    assert.deepEqual(await flagsOnServer(dovecot, bot.user, 1, 'Verzonden items'), ['\\Seen']);
  });

  it('stops cleanly in the middle of a sync: the sync finishes, then LOGOUT', async () => {
    const bot = await dovecot.createUser('stop');
    const log = memoryLogger('info');
    let started = false;
    let finished = false;
    const loop = startLoop(mailConfig(dovecot, bot.user, bot.password), log.logger, async (session) => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      await session.listAfter(0); // the connection is still there after the abort
      finished = true;
    });
    await waitUntil(() => started, 5000, 'the sync to start');
    await loop.stop();
    assert.equal(finished, true);
    assert.deepEqual(log.events(), ['imap.connected', 'imap.logged_out', 'imap.stopped']);
  });
});
