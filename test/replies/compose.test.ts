import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { buildInvite } from '../../src/replies/calendar.js';
import {
  composeReply, icsMethod, makeMessageId, replyReferences, replySubject, type ComposeInput,
} from '../../src/replies/compose.js';
import { loadTemplates, renderReply, type Templates } from '../../src/replies/render.js';
import type { CalendarInvite } from '../../src/replies/types.js';
import { model, sessionView } from './fixtures.js';

const now = new Date('2018-05-22T09:41:07Z');
const mailbox = { name: 'D-Loket', address: 'D-Loket@VNG.nl' };

function ics(method: 'REQUEST' | 'CANCEL', sequence = 0): string {
  const invite: CalendarInvite = {
    method, uid: 'reg-7@dloket.vng.nl', sequence, session: sessionView('haarlem'), timezone: 'Europe/Amsterdam',
    summary: 'Ontwerpsessie Haarlem', organizer: { name: 'D-Loket', email: 'D-Loket@VNG.nl' },
    attendee: { name: 'Anna', email: 'griffie@haarlem.example' }, stamp: now,
  };
  return buildInvite(invite);
}

describe('replies/compose', () => {
  let templates: Templates;
  before(async () => {
    templates = await loadTemplates();
  });

  function input(over: Partial<ComposeInput> = {}): ComposeInput {
    return {
      from: mailbox,
      to: { name: 'Anna de Griffier', address: 'griffie@haarlem.example' },
      originalSubject: 'Aanmelding ontwerpsessie Haarlem',
      rendered: renderReply(model('confirmed', 'nl'), templates),
      inReplyTo: '<signup-1@haarlem.example>',
      references: ['<invite-0@vng.nl>'],
      date: now,
      messageId: '<reply-1@vng.nl>',
      ...over,
    };
  }

  async function parsed(over: Partial<ComposeInput> = {}): Promise<{ mail: ParsedMail; raw: string; messageId: string }> {
    const composed = await composeReply(input(over));
    return { mail: await simpleParser(composed.raw), raw: composed.raw.toString('utf8'), messageId: composed.messageId };
  }

  it('answers from the mailbox to the one sender, in the thread, marked as automatic', async () => {
    const { mail, raw, messageId } = await parsed();
    assert.equal(mail.from?.value[0]?.address?.toLowerCase(), 'd-loket@vng.nl');
    assert.equal(mail.from?.value[0]?.name, 'D-Loket');
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    assert.equal(to.length, 1);
    assert.deepEqual(to[0]?.value.map((a) => a.address), ['griffie@haarlem.example']);
    assert.equal(mail.cc, undefined);
    assert.equal(mail.subject, 'Re: Aanmelding ontwerpsessie Haarlem');
    assert.equal(mail.inReplyTo, '<signup-1@haarlem.example>');
    assert.deepEqual(mail.references, ['<invite-0@vng.nl>', '<signup-1@haarlem.example>']);
    assert.equal(mail.messageId, '<reply-1@vng.nl>');
    assert.equal(messageId, '<reply-1@vng.nl>');
    assert.equal(mail.date?.toISOString(), now.toISOString());
    assert.equal(mail.headers.get('auto-submitted'), 'auto-replied');
    assert.equal(mail.headers.get('x-auto-response-suppress'), 'All');
    assert.match(mail.text ?? '', /^U bent aangemeld voor de ontwerpsessie in Haarlem/);
    assert.match(mail.html || '', /<strong>U bent aangemeld/);
    assert.doesNotMatch(raw, /[^\r]\n/, 'only CRLF line ends');
    assert.match(raw, /Content-Type: multipart\/alternative/);
  });

  it('generates its own Message-ID on the mailbox domain when none is given', async () => {
    const { mail, messageId } = await parsed({ messageId: undefined });
    assert.match(messageId, /^<[0-9a-f-]{36}@vng\.nl>$/);
    assert.equal(mail.messageId, messageId);
    assert.equal(makeMessageId('D-Loket@VNG.nl', 'abc'), '<abc@vng.nl>');
    assert.equal(makeMessageId('vng.nl', 'x.y_z-1'), '<x.y_z-1@vng.nl>');
    assert.throws(() => makeMessageId('vng.nl', 'a b'));
  });

  it('never stacks reply prefixes, and falls back to the template subject', () => {
    const fallback = 'Aanmelding bevestigd: ontwerpsessie Haarlem';
    for (const [original, expected] of [
      ['Aanmelding', 'Re: Aanmelding'],
      ['Re: Aanmelding', 'Re: Aanmelding'],
      ['RE: Re: Aanmelding', 'Re: Aanmelding'],
      ['Antw: Aanmelding', 'Re: Aanmelding'],
      ['AW: WG: Aanmelding', 'Re: Aanmelding'],
      ['Fwd: Uitnodiging ontwerpsessie', 'Re: Uitnodiging ontwerpsessie'],
      ['FW: Doorst: Uitnodiging', 'Re: Uitnodiging'],
      ['Re[2]: Aanmelding', 'Re: Aanmelding'],
      ['Re : Aanmelding', 'Re: Aanmelding'],
      ['Reactie op uitnodiging', 'Re: Reactie op uitnodiging'],
      ['Aanmelding\r\n Bcc: x@y', 'Re: Aanmelding Bcc: x@y'],
      ['', fallback],
      ['Re:', fallback],
      ['   ', fallback],
    ] as const) {
      assert.equal(replySubject(original, fallback), expected, JSON.stringify(original));
    }
  });

  it('uses the template subject when the original had none', async () => {
    const { mail } = await parsed({ originalSubject: '' });
    assert.equal(mail.subject, 'Aanmelding bevestigd: ontwerpsessie Haarlem, donderdag 21 juni 2018');
  });

  it('keeps References short as RT does: first 4 and last 6 when longer than 10', async () => {
    const refs = Array.from({ length: 14 }, (_, i) => `<m${i}@x.example>`);
    const trimmed = replyReferences(refs, '<parent@x.example>');
    assert.deepEqual(trimmed, [
      '<m0@x.example>', '<m1@x.example>', '<m2@x.example>', '<m3@x.example>',
      '<m9@x.example>', '<m10@x.example>', '<m11@x.example>', '<m12@x.example>', '<m13@x.example>',
      '<parent@x.example>',
    ]);
    // Exactly 10 stays whole; the parent is not repeated when the caller included it.
    const ten = refs.slice(0, 9);
    assert.equal(replyReferences([...ten, '<parent@x.example>'], '<parent@x.example>').length, 10);
    assert.deepEqual(replyReferences(['m1@x', ' <m1@x> ', 'bad id', '<p@x>'], 'p@x'), ['<m1@x>', '<p@x>']);
    assert.deepEqual(replyReferences([], null), []);

    const { mail } = await parsed({ references: refs, inReplyTo: '<parent@x.example>' });
    assert.deepEqual(mail.references, trimmed);
  });

  it('leaves In-Reply-To and References out for a message without Message-ID', async () => {
    const { mail } = await parsed({ inReplyTo: null, references: [] });
    assert.equal(mail.inReplyTo, undefined);
    assert.equal(mail.references, undefined);
  });

  it('keeps a hostile recipient name inside the To header', async () => {
    const { mail, raw } = await parsed({ to: { name: 'Eve\r\nBcc: all@example.com', address: 'eve@example.com' } });
    assert.doesNotMatch(raw, /^Bcc:/im);
    assert.equal(mail.bcc, undefined);
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    assert.deepEqual(to?.value.map((a) => a.address), ['eve@example.com']);
  });

  for (const method of ['REQUEST', 'CANCEL'] as const) {
    it(`attaches a ${method} invite: text/calendar method=${method} in the alternative, plus the .ics file`, async () => {
      const file = ics(method);
      const composed = await composeReply(input({ invite: { method, ics: file } }));
      const raw = composed.raw.toString('utf8');
      assert.match(raw, new RegExp(`Content-Type: text/calendar; charset=utf-8; method=${method}\\r\\n`));
      assert.match(raw, /Content-Type: application\/ics; name=invite\.ics/);
      const mail = await simpleParser(composed.raw);
      const attachment = mail.attachments.find((a) => a.filename === 'invite.ics');
      assert.ok(attachment, 'invite.ics attached');
      assert.equal(icsMethod(attachment.content.toString('utf8')), method);
      assert.equal(attachment.content.toString('utf8'), file);
      // The calendar part of the alternative carries the same METHOD as its Content-Type says.
      const calendarPart = /Content-Type: text\/calendar; charset=utf-8; method=(\w+)/.exec(raw);
      assert.equal(calendarPart?.[1], icsMethod(file));
    });
  }

  it('refuses an invite whose method differs from the file', async () => {
    await assert.rejects(composeReply(input({ invite: { method: 'REQUEST', ics: ics('CANCEL') } })), /does not match/);
  });

  it('reads METHOD from an .ics', () => {
    assert.equal(icsMethod('BEGIN:VCALENDAR\r\nMETHOD:request\r\nEND:VCALENDAR\r\n'), 'REQUEST');
    assert.equal(icsMethod('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'), null);
  });
});
