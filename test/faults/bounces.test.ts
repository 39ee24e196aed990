// Bounces of the bot's own replies, end to end through Dovecot: the reply is marked
// undeliverable, the registration flagged, a hard-bounced address gets no more mail, the
// report is never answered, and `status` shows it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { inboundMessages, outbox, registrations, suppressions } from '../../src/db/schema.js';
import { exchange, expectSilence, recordedCount } from '../e2e/conversation.js';
import { mail, startHarnessWithWorker, type RunningHarness } from '../e2e/harness.js';
import { eximBounce, exchangeBounce, gmailBounce, postfixBounce, qmailBounce, type Returned } from '../fixtures/bounces.js';
import { deliverAll, inboxFlags } from './helpers.js';

const signup = (from: string, city: string) => mail({
  from, name: 'Raadslid', subject: `Aanmelding ${city}`,
  text: `Graag meld ik mij aan voor de ontwerpsessie in ${city}.\r\n\r\nMet vriendelijke groet,\r\nRaadslid`,
});

describe('bounces of the bot\'s replies', () => {
  let h: RunningHarness;
  before(async () => {
    h = await startHarnessWithWorker();
  });
  after(() => h?.stopAll());

  /** Registers `from` and returns the confirmation the bot sent, as a bounce would return it. */
  async function confirmed(from: string, city = 'Arnhem'): Promise<Returned> {
    const reply = await exchange(h, signup(from, city));
    return { raw: reply.raw.toString('utf8'), messageId: reply.parsed.messageId!, to: from };
  }
  const inboundOf = (messageId: string) => h.query(async ({ db }) =>
    (await db.select().from(inboundMessages).where(eq(inboundMessages.messageId, messageId)))[0]);
  const replyRow = (messageId: string) => h.query(async ({ db }) => (await db.select().from(outbox).where(eq(outbox.messageId, messageId)))[0]);
  const registrationOf = (email: string) => h.query(async ({ db }) => (await db.select().from(registrations).where(eq(registrations.email, email)))[0]);
  const suppressed = () => h.query(async ({ db }) => (await db.select().from(suppressions)).map((s) => s.address).sort());

  it('a hard Postfix bounce: reply undeliverable, registration flagged, address suppressed, report not answered', async () => {
    const r = await confirmed('jan.bakker@ede.example');
    const report = postfixBounce(r);
    await expectSilence(h, report);
    const bounceId = /^Message-Id: (<[^>]+>)/m.exec(report)![1]!;
    const inbound = await inboundOf(bounceId);
    assert.equal(inbound?.outcome, 'bounced');
    assert.match(inbound?.reason ?? '', /hard bounce of reply #\d+ \(confirmed\) to jan\.bakker@ede\.example: 5\.1\.1; address suppressed/);
    const row = await replyRow(r.messageId);
    assert.equal(row?.status, 'bounced');
    assert.match(row?.lastError ?? '', /bounced \(hard, matched by message-id\): 5\.1\.1/);
    const reg = await registrationOf('jan.bakker@ede.example');
    assert.equal(reg?.status, 'confirmed', 'the registration itself stands');
    assert.match(reg?.attention ?? '', /bounced \(5\.1\.1\)/);
    assert.equal(inbound?.registrationId, reg?.id, 'the report is linked to the registration');
    assert.deepEqual(await suppressed(), ['jan.bakker@ede.example']);
    const flags = await inboxFlags(h);
    const uid = Number(inbound!.uid);
    assert.ok(flags.get(uid)?.has('DLoket-Attention'), 'left for organisers');
  });

  it('after a hard bounce the address gets no more mail; the reply is recorded as suppressed', async () => {
    const before = h.sink.messages.length;
    await expectSilence(h, mail({
      from: 'jan.bakker@ede.example', subject: 'Re: Aanmelding Arnhem', text: 'Ik wil toch liever naar Venlo in plaats van Arnhem.',
    }));
    assert.equal(h.sink.messages.length, before);
    const reg = await registrationOf('jan.bakker@ede.example');
    const moved = await h.query(async ({ db }) => db.select({ kind: outbox.kind, status: outbox.status, error: outbox.lastError })
      .from(outbox).where(eq(outbox.toAddress, 'jan.bakker@ede.example')).orderBy(outbox.id));
    assert.deepEqual(moved.map((m) => [m.kind, m.status]), [['confirmed', 'bounced'], ['moved', 'suppressed']]);
    assert.match(moved[1]!.error ?? '', /bounced hard/);
    assert.ok(reg, 'the decision itself was still taken (the move)');
  });

  it('hard Exim, qmail, Exchange Online and Gmail bounces are each matched to their reply and suppress the address', async () => {
    const shapes = [['exim', eximBounce], ['qmail', qmailBounce], ['exchange', exchangeBounce], ['gmail', gmailBounce]] as const;
    const addresses = shapes.map(([name]) => `${name}@houten.example`);
    const sent = h.sink.messages.length;
    await deliverAll(h, addresses.map((a) => signup(a, 'Utrecht')));
    const confirmations = (await h.sink.waitFor(sent + shapes.length, 30_000)).slice(sent);
    const returned = (address: string): Returned => {
      const reply = confirmations.find((c) => c.envelope.to[0] === address)!;
      return { raw: reply.raw.toString('utf8'), messageId: reply.parsed.messageId!, to: address };
    };
    const recorded = recordedCount(h);
    await deliverAll(h, shapes.map(([, make], i) => make(returned(addresses[i]!))));
    await h.waitForRecorded(recorded + shapes.length);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(h.sink.messages.length, sent + shapes.length, 'no report answered');
    for (const address of addresses) {
      assert.equal((await replyRow(returned(address).messageId))?.status, 'bounced', address);
      assert.match((await registrationOf(address))?.attention ?? '', /bounced/, address);
    }
    const all = await suppressed();
    for (const address of addresses) assert.ok(all.includes(address), `${address} suppressed`);
  });

  it('a plain-text bounce that quotes nothing is matched to the latest reply to the address it names', async () => {
    const r = await confirmed('kort@vianen.example', 'Utrecht');
    await expectSilence(h, [
      'From: Mail Delivery Subsystem <mailer-daemon@mx.vianen.example>', `To: D-Loket <D-Loket@VNG.nl>`,
      'Subject: Delivery Status Notification (Failure)', 'Message-ID: <kort-1@mx.vianen.example>', 'Date: Fri, 01 Jun 2018 11:06:00 +0200',
      'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '',
      'Address not found', '', "Your message wasn't delivered to kort@vianen.example because the address couldn't be found.", '',
    ].join('\r\n'));
    const row = await replyRow(r.messageId);
    assert.equal(row?.status, 'bounced');
    assert.match(row?.lastError ?? '', /matched by recipient/);
    assert.ok((await suppressed()).includes('kort@vianen.example'));
  });

  it('a soft bounce (mailbox full) flags the registration but later mail still goes out', async () => {
    const r = await confirmed('vol@zeist.example', 'Breda');
    await expectSilence(h, postfixBounce(r, { status: '5.2.2', diagnostic: 'smtp; 552 5.2.2 <vol@zeist.example>: Mailbox full' }));
    assert.equal((await replyRow(r.messageId))?.status, 'bounced');
    assert.match((await registrationOf('vol@zeist.example'))?.attention ?? '', /may be temporary/);
    assert.ok(!(await suppressed()).includes('vol@zeist.example'));
    const again = await exchange(h, mail({ from: 'vol@zeist.example', subject: 'Aanmelding Breda', text: 'Graag aanmelden voor Breda, wij komen met 2 personen.' }));
    assert.deepEqual(again.envelope.to, ['vol@zeist.example']);
  });

  it('a delay warning, a bounce of a forward and a bounce of someone else\'s mail change nothing', async () => {
    const r = await confirmed('later@bunnik.example', 'Assen');
    await expectSilence(h, postfixBounce(r, { status: '4.4.1', action: 'delayed', diagnostic: 'X-Postfix; connect to mail.bunnik.example: Connection timed out' }));
    assert.equal((await replyRow(r.messageId))?.status, 'sent');

    const f = await confirmed('doorsturen@bunnik.example', 'Assen');
    await expectSilence(h, postfixBounce({ ...f, to: 'oud-adres@elders.example' }));
    assert.equal((await replyRow(f.messageId))?.status, 'sent', 'our reply reached them; their forward failed');

    await expectSilence(h, postfixBounce({ raw: signup('iemand@elders.example', 'Assen'), messageId: '<niet-van-ons@elders.example>', to: 'iemand@elders.example' }));
    assert.equal((await registrationOf('later@bunnik.example'))?.attention, null);
    assert.equal((await registrationOf('doorsturen@bunnik.example'))?.attention, null);
    assert.ok(!(await suppressed()).some((a) => /bunnik|elders/.test(a)));
  });

  it('`status` shows the bounced replies and the addresses that get no more mail', async () => {
    const cli = join(process.cwd(), 'dist', 'cli', 'main.js');
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'status', '--json'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: h.env.DATABASE_URL! }, cwd: process.cwd(),
    });
    const s = JSON.parse(stdout) as { outbox: Record<string, number>; messages: Record<string, number>; suppressed: { address: string }[]; attention: { outcome: string; reason: string }[] };
    assert.ok(s.outbox.bounced! >= 6);
    assert.equal(s.outbox.suppressed, 1);
    assert.ok(s.messages.bounced! >= 6);
    assert.ok(s.suppressed.some((x) => x.address === 'jan.bakker@ede.example'));
    assert.ok(s.attention.some((a) => a.outcome === 'bounced' && /suppressed/.test(a.reason)));
    const text = await promisify(execFile)(process.execPath, [cli, 'status'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: h.env.DATABASE_URL! }, cwd: process.cwd(),
    });
    assert.match(text.stdout, /no more mail to \d+ address\(es\) that bounced hard/);
    assert.match(text.stdout, /bounced +mailer-daemon@mx\.gemeente\.example/i);
  });
});
