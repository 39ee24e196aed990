// The worker end to end on a real Dovecot, a real SMTP server and PostgreSQL: what people
// receive, and what must never happen (double answers, answers to machines, touching \Seen).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inboundMessages, outbox, registrations } from '../../src/db/schema.js';
import { BOT_ADDRESS, mail, startHarness, type Harness } from './harness.js';

describe('worker on Dovecot, SMTP and PostgreSQL', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('leaves mail that was there before its first start alone, answers a new signup once', async () => {
    const old = await h.deliver(mail({ from: 'oud@rheden.nl', subject: 'Aanmelding Arnhem', text: 'Graag meld ik mij aan voor Arnhem op 22 juni.' }));
    const worker = h.startWorker();
    await worker.ready();

    const signup = mail({
      from: 'm.vandijk@rheden.nl', name: 'Marloes van Dijk', subject: 'Aanmelding ontwerpsessie Arnhem',
      text: 'Beste mensen,\r\n\r\nGraag meld ik mij aan voor de sessie in Arnhem op vrijdag 22 juni.\r\n\r\nMet vriendelijke groet,\r\nMarloes van Dijk\r\nGemeente Rheden',
      messageId: '<signup-1@rheden.nl>', references: '<invitation-0@vng.nl>',
    });
    const { uid } = await h.deliver(signup);
    const [reply] = await h.sink.waitFor(1, 15_000);
    const p = reply!.parsed;

    assert.deepEqual(reply!.envelope.to, ['m.vandijk@rheden.nl']);
    assert.equal(p.from?.value[0]?.address?.toLowerCase(), BOT_ADDRESS.toLowerCase());
    assert.equal(p.to && !Array.isArray(p.to) ? p.to.value[0]?.address : null, 'm.vandijk@rheden.nl');
    assert.equal(p.subject, 'Re: Aanmelding ontwerpsessie Arnhem');
    assert.equal(p.inReplyTo, '<signup-1@rheden.nl>');
    assert.deepEqual(p.references, ['<invitation-0@vng.nl>', '<signup-1@rheden.nl>']);
    assert.equal(p.headers.get('auto-submitted'), 'auto-replied');
    assert.match(p.messageId ?? '', /@vng\.nl>$/i);
    for (const fact of ['Arnhem', 'vrijdag 22 juni 2018', '14:00', '17:00', 'Provincie Gelderland', 'Markt 11, Arnhem']) {
      assert.ok(p.text?.includes(fact), `confirmation text mentions ${fact}`);
    }
    const ics = p.attachments.find((a) => a.contentType.startsWith('text/calendar') || a.filename?.endsWith('.ics'));
    assert.ok(ics, 'a calendar invite is attached');
    assert.match(ics.content.toString(), /METHOD:REQUEST/);

    // The copy goes to Sent after SMTP accepted the reply: on a loaded machine, after the sink saw it.
    for (let waited = 0; !(await h.query(async ({ db }) => (await db.select().from(outbox))[0]?.copiedToSent)); waited += 100) {
      if (waited > 15_000) break; // the assertion below reports it
      await new Promise((r) => setTimeout(r, 100));
    }
    // The organisers' view of the mailbox: still unread, marked handled, reply filed in Sent.
    const client = await h.dovecot.connect(h.box.user);
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const flags = new Map<number, Set<string>>();
        for await (const m of client.fetch('1:*', { uid: true, flags: true }, { uid: true })) flags.set(m.uid, m.flags ?? new Set());
        assert.ok(!flags.get(uid)?.has('\\Seen'), 'the signup stays unread');
        assert.ok(flags.get(uid)?.has('DLoket-Handled'), 'the signup carries the handled keyword');
        assert.deepEqual([...(flags.get(old.uid) ?? [])], [], 'older mail untouched');
      } finally {
        lock.release();
      }
      // The copy is filed just after SMTP accepted the reply: give a loaded machine a moment.
      let sent = await client.status('Sent', { messages: true });
      for (let i = 0; i < 100 && !(sent && sent.messages); i++) {
        await new Promise((r) => setTimeout(r, 50));
        sent = await client.status('Sent', { messages: true });
      }
      assert.equal(sent && sent.messages, 1, 'a copy of the reply is in Sent');
    } finally {
      await client.logout();
    }
    await worker.stop();

    // A restart sends nothing twice and still ignores the old mail.
    const again = h.startWorker();
    await again.ready();
    await new Promise((r) => setTimeout(r, 500));
    await again.stop();
    assert.equal(h.sink.messages.length, 1);
    // The log has a line per step, and never the password or the text of a message.
    const events = new Set(h.logs.map((l) => l.event));
    for (const e of ['worker.started', 'imap.connected', 'mailbox.baseline', 'message.received', 'message.decided', 'message.recorded', 'reply.sent', 'worker.stopped']) {
      assert.ok(events.has(e), `logged ${e}`);
    }
    const logText = JSON.stringify(h.logs);
    assert.ok(!logText.includes(h.box.password), 'no password in the log');
    assert.ok(!logText.includes('Graag meld ik mij aan voor de sessie'), 'no message text in the log');
    await h.query(async ({ db }) => {
      const inbound = await db.select().from(inboundMessages);
      assert.deepEqual(inbound.map((r) => [r.uid, r.outcome]), [[uid, 'registered']]);
      const regs = await db.select().from(registrations);
      assert.equal(regs.length, 1);
      assert.equal(regs[0]?.municipality, 'Rheden');
      const rows = await db.select().from(outbox);
      assert.deepEqual(rows.map((r) => [r.status, r.copiedToSent]), [['sent', true]]);
    });
  });

  it('never answers an auto-reply, a bounce or its own mail', async () => {
    const before = h.sink.messages.length;
    const worker = h.startWorker();
    await worker.ready();
    const handled = h.logs.filter(isRecordedLine).length;
    await h.deliver(mail({
      from: 'j.jansen@tynaarlo.nl', subject: 'Automatisch antwoord: Aanmelding ontwerpsessie Assen',
      text: 'Ik ben afwezig tot 25 juni. Uw bericht wordt niet doorgestuurd.', headers: { 'Auto-Submitted': 'auto-replied' },
    }));
    await h.deliver([
      'Return-Path: <>', 'From: Mail Delivery System <MAILER-DAEMON@mx.lochem.nl>', `To: ${BOT_ADDRESS}`,
      'Subject: Undelivered Mail Returned to Sender', 'Date: Fri, 01 Jun 2018 11:05:00 +0200', 'Message-ID: <bounce-1@mx.lochem.nl>',
      'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b"', '',
      '--b', 'Content-Type: text/plain', '', 'Your message to w.smit@lochem.nl could not be delivered: mailbox full.', '',
      '--b', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.lochem.nl', '',
      'Final-Recipient: rfc822; w.smit@lochem.nl', 'Action: failed', 'Status: 5.2.2', '', '--b--', '',
    ].join('\r\n'));
    await h.deliver(mail({ from: BOT_ADDRESS, subject: 'Praktische informatie Venlo', text: 'Graag tot 29 juni in Venlo. Meld u af als u niet kunt komen.' }));
    await h.waitForRecorded(handled + 3);
    await new Promise((r) => setTimeout(r, 500));
    await worker.stop();
    assert.equal(h.sink.messages.length, before);
    const outcomes = await h.query(({ db }) => db.select({ outcome: inboundMessages.outcome }).from(inboundMessages));
    assert.equal(outcomes.filter((o) => o.outcome === 'ignored').length, 3);
  });
});

function isRecordedLine(l: Record<string, unknown>): boolean {
  return l.event === 'message.recorded';
}
