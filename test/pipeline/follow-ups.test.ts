// The follow-ups of decisions on a real Dovecot: keywords stored after the replies, one STORE per
// set of keywords, kept when a STORE fails and stored at the next pass, dropped when the folder
// was renumbered; \Seen never set.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { MailboxSession } from '../../src/mailbox/types.js';
import { createFollowUps } from '../../src/pipeline/follow-ups.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { startDovecot, type Dovecot } from '../support/dovecot.js';
import { mailConfig, memoryLogger, startLoop, waitUntil } from '../mailbox/helpers.js';

let dovecot: Dovecot;
before(async () => {
  dovecot = await startDovecot();
});
after(() => dovecot.stop());

const message = (n: number) => `From: <info${n}@ede.nl>\r\nSubject: Aanmelding ${n}\r\nMessage-ID: <f${n}@ede.nl>\r\n\r\nArnhem graag.\r\n`;

async function flags(user: string): Promise<Map<number, string[]>> {
  const client = await dovecot.connect(user);
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    const all = await client.fetchAll('1:*', { uid: true, flags: true });
    return new Map(all.map((m) => [m.uid, [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort()]));
  } finally {
    await client.logout();
  }
}

it('stores keywords per set, keeps them over a failed STORE, drops them after a renumbering, never sets \\Seen', async () => {
  const bot = await dovecot.createUser('followups');
  const uids: number[] = [];
  for (let n = 1; n <= 4; n++) uids.push((await dovecot.deliver(bot.user, message(n))).uid);
  const [a, b, c, d] = uids as [number, number, number, number];
  const log = memoryLogger('info');
  const config = mailConfig(dovecot, bot.user, bot.password, { sentCopy: false, pollIntervalSeconds: 60 });
  // Only the logger and the mail settings are read while Sent copies are off.
  const followUps = createFollowUps({ logger: log.logger, mail: config } as unknown as PipelineDeps);
  let stores = 0;
  let failing = true;
  let done = false;
  const loop = startLoop(config, log.logger, async (session) => {
    if (done) return;
    const validity = session.status().uidValidity;
    followUps.mark(validity, a, ['DLoket-Handled']);
    followUps.mark(validity, b, ['DLoket-Handled']);
    followUps.mark(validity, c, ['DLoket-Attention']);
    followUps.mark(`${validity}0`, d, ['DLoket-Handled']); // another numbering of the folder: those UIDs are not these
    // First pass: the server refuses every STORE (a lost connection, say).
    const refusing: MailboxSession = { ...session, addKeywords: async () => { throw new Error('NO [SERVERBUG] store refused'); } };
    await followUps.settle(refusing);
    failing = false;
    const counting: MailboxSession = { ...session, addKeywords: async (uid, keywords) => { stores++; return session.addKeywords(uid, keywords); } };
    await followUps.settle(counting);
    done = true;
  });
  try {
    await waitUntil(() => done, 10_000, 'the two passes');
  } finally {
    await loop.stop();
  }
  assert.equal(failing, false);
  assert.ok(log.events().includes('imap.keyword_failed'), 'the refused STORE was logged');
  assert.equal(stores, 2, 'one STORE per set of keywords');
  const got = await flags(bot.user);
  assert.deepEqual(got.get(a), ['DLoket-Handled']);
  assert.deepEqual(got.get(b), ['DLoket-Handled']);
  assert.deepEqual(got.get(c), ['DLoket-Attention']);
  assert.deepEqual(got.get(d), [], 'nothing stored under another UIDVALIDITY');
});
