// Delivery reports of the common mail servers: which reply they return, to whom, hard or soft.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { readBounce, readBounceParts } from '../../src/understanding/bounce.js';
import { eximBounce, exchangeBounce, gmailBounce, postfixBounce, qmailBounce, type Returned } from '../fixtures/bounces.js';

const reply: Returned = {
  messageId: '<7f3c2a10-5b1e-4c55-9d0e-2f1a3b4c5d6e@vng.nl>',
  to: 'jan.devries@gemeente.example',
  raw: [
    'From: D-Loket <D-Loket@VNG.nl>', 'To: Jan de Vries <jan.devries@gemeente.example>', 'Subject: Re: Aanmelding ontwerpsessie',
    'Date: Fri, 01 Jun 2018 11:05:00 +0200', 'Message-ID: <7f3c2a10-5b1e-4c55-9d0e-2f1a3b4c5d6e@vng.nl>',
    'In-Reply-To: <signup-1@gemeente.example>', 'References: <signup-1@gemeente.example>', 'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', 'U bent aangemeld voor de ontwerpsessie in Arnhem.', '',
  ].join('\r\n'),
};
const own = ['d-loket@vng.nl'];

describe('readBounce', () => {
  for (const [name, make] of [
    ['Postfix', postfixBounce], ['Exim', eximBounce], ['qmail', qmailBounce], ['Exchange Online', exchangeBounce], ['Gmail', gmailBounce],
  ] as const) {
    it(`finds the returned reply, the recipient and a hard failure in a ${name} report`, async () => {
      const report = await readBounce(Buffer.from(make(reply)), own);
      assert.ok(report, 'a report');
      assert.equal(report.kind, 'failed');
      assert.ok(report.messageIds.includes(reply.messageId), `the reply's Message-ID among ${report.messageIds.join(', ')}`);
      assert.ok(!report.messageIds.includes('<signup-1@gemeente.example>'), 'In-Reply-To of the returned reply is not its id');
      assert.deepEqual(report.recipients.map((r) => r.address), [reply.to]);
      assert.equal(report.hard, true);
      assert.match(report.status ?? '', /^5\.1\.1/);
    });
  }

  it('reads a full mailbox as soft and a delay warning as no failure at all', async () => {
    const full = await readBounce(Buffer.from(postfixBounce(reply, { status: '5.2.2', diagnostic: 'smtp; 552 5.2.2 Mailbox full' })), own);
    assert.equal(full?.kind, 'failed');
    assert.equal(full?.hard, false);
    const later = await readBounce(Buffer.from(postfixBounce(reply, { status: '4.4.1', action: 'delayed', diagnostic: 'X-Postfix; connect to mail.gemeente.example: Connection timed out' })), own);
    assert.equal(later?.kind, 'delayed');
    assert.equal(later?.hard, false);
    assert.ok(later?.messageIds.includes(reply.messageId), 'returned headers only (text/rfc822-headers)');
    const temporary = await readBounce(Buffer.from(eximBounce(reply, { code: '451 4.3.0' })), own);
    assert.equal(temporary?.hard, false);
  });

  it('reads a plain-text bounce that quotes no headers by its recipient and wording', async () => {
    const gmail = await readFile(new URL('../fixtures/mail/cases/042-gmail-bounce.eml', import.meta.url));
    const report = await readBounce(gmail, own);
    assert.deepEqual(report?.recipients.map((r) => r.address), ['x@gmail.com']);
    assert.deepEqual(report?.messageIds, []);
    assert.equal(report?.hard, true, '"address couldn\'t be found"');
  });

  it('never takes the report\'s own Message-ID or our own address for the bounced ones', () => {
    const report = readBounceParts({
      headers: { 'message-id': ['<ndr-1@mx.example>'] }, subject: 'Undeliverable',
      texts: ['Message-ID: <ndr-1@mx.example>\n\n<D-Loket@VNG.nl>:\nSorry. (#5.1.1)'], returned: [],
    }, own);
    assert.equal(report, null);
  });

  it('gives nothing for a report that names neither a recipient nor a message', () => {
    assert.equal(readBounceParts({ headers: {}, subject: 'failure notice', texts: ['Something went wrong.'], returned: [] }), null);
  });

  it('does not read an IP address or version number as a status code', () => {
    const report = readBounceParts({
      headers: { 'x-failed-recipients': ['a@b.example'] }, subject: 'Mail delivery failed',
      texts: ['Host 5.1.10.4 [Exim 4.1.1] refused the message.'], returned: [],
    });
    assert.equal(report?.status, null);
    assert.equal(report?.hard, false, 'without a code or "unknown user" wording: soft');
  });
});
