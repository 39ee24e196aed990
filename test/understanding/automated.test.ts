// Machines never get a reply: RFC 3834 headers, list and bulk mail, reports, calendar
// responses, daemons, our own mail, and out-of-office wording without any header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOT, verdict, signed } from './mail.js';

const signup = signed('Graag meld ik mij aan voor de sessie in Breda op 3 juli.');

async function ignored(spec: Parameters<typeof verdict>[0], kind: string) {
  const v = await verdict(spec);
  assert.equal(v.intent, 'ignore', `${v.reason} ${v.evidence.join('; ')}`);
  assert.equal(v.automated, kind);
  return v;
}

test('Auto-Submitted with any value but "no" is a machine', async () => {
  for (const value of ['auto-replied', 'auto-generated', 'auto-notified', 'Auto-Replied; owner-email="x@y.nl"']) {
    await ignored({ text: signup, headers: { 'Auto-Submitted': value } }, 'auto-reply');
  }
});

test('Auto-Submitted: no is a person', async () => {
  const v = await verdict({ text: signup, headers: { 'Auto-Submitted': 'no' } });
  assert.equal(v.intent, 'register');
  assert.equal(v.session, 'breda');
});

test('X-Autoreply, X-Autorespond and Precedence auto_reply mark auto-replies', async () => {
  await ignored({ text: signup, headers: { 'X-Autoreply': 'yes' } }, 'auto-reply');
  await ignored({ text: signup, headers: { 'X-Autorespond': 'Thanks for your message' } }, 'auto-reply');
  await ignored({ text: signup, headers: { Precedence: 'auto_reply' } }, 'auto-reply');
});

test('Precedence bulk, junk and list, List-Id and List-Unsubscribe are list mail', async () => {
  for (const p of ['bulk', 'junk', 'list']) await ignored({ text: signup, headers: { Precedence: p } }, 'list');
  await ignored({ text: signup, headers: { 'List-Id': 'Griffiers <griffiers.lists.example.nl>' } }, 'list');
  await ignored({ text: signup, headers: { 'List-Unsubscribe': '<mailto:leave@lists.example.nl>' } }, 'list');
});

test('X-Auto-Response-Suppress alone proves nothing: Outlook puts it on human mail', async () => {
  const v = await verdict({ text: signup, headers: { 'X-Auto-Response-Suppress': 'DR, RN, NRN, OOF, AutoReply' } });
  assert.equal(v.intent, 'register');
});

test('a delivery report (multipart/report) is a bounce even when it quotes a signup', async () => {
  const raw = `--r1\r\nContent-Type: text/plain\r\n\r\nDelivery to the following recipient failed permanently:\r\n\r\n    p.devries@example.nl\r\n\r\n--r1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.nl\r\n\r\nFinal-Recipient: rfc822; p.devries@example.nl\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--r1\r\nContent-Type: message/rfc822\r\n\r\nFrom: D-Loket <${BOT}>\r\nSubject: Bevestiging Breda\r\n\r\nU bent aangemeld voor Breda op 3 juli.\r\n--r1--\r\n`;
  await ignored({ from: 'Mail Delivery System <mailer-daemon@mx.example.nl>', subject: 'Undeliverable: Bevestiging', contentType: 'multipart/report; report-type=delivery-status; boundary="r1"', raw }, 'bounce');
});

test('a read receipt (disposition-notification) is ignored', async () => {
  const raw = `--m1\r\nContent-Type: text/plain\r\n\r\nYour message was read on Friday.\r\n--m1\r\nContent-Type: message/disposition-notification\r\n\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n--m1--\r\n`;
  await ignored({ subject: 'Read: Bevestiging aanmelding Venlo', contentType: 'multipart/report; report-type=disposition-notification; boundary="m1"', raw }, 'read-receipt');
  await ignored({ subject: 'Gelezen: Bevestiging aanmelding Venlo', text: 'Uw bericht is gelezen.' }, 'read-receipt');
});

test('a calendar response (METHOD:REPLY) is ignored and its answer kept for the worker', async () => {
  const ics = ['BEGIN:VCALENDAR', 'METHOD:REPLY', 'VERSION:2.0', 'BEGIN:VEVENT',
    'ATTENDEE;PARTSTAT=DECLINED;CN=Els Mulder:mailto:e.mulder@example.nl', 'UID:abc-123-', ' def@example.nl',
    'SUMMARY:Afgewezen: Ontwerpsessie Assen', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
  const v = await ignored({ subject: 'Afgewezen: Ontwerpsessie Assen', text: 'Ik kan helaas niet.', calendar: ics }, 'calendar-reply');
  assert.deepEqual(v.calendarReply, { uid: 'abc-123-def@example.nl', partstat: 'DECLINED', attendee: 'e.mulder@example.nl' });
});

test('MAILER-DAEMON, postmaster and a null Return-Path are machines', async () => {
  await ignored({ from: 'MAILER-DAEMON@mail.example.nl', text: signup }, 'bounce');
  await ignored({ from: 'Postmaster <postmaster@gemeente.example.nl>', text: signup }, 'bounce');
  await ignored({ text: signup, headers: { 'Return-Path': '<>' } }, 'bounce');
});

test("the bot's own mail is never answered", async () => {
  await ignored({ from: `D-Loket <${BOT}>`, text: 'Meld u af via dit adres als u verhinderd bent voor Venlo.' }, 'own');
  await ignored({ from: `d-loket@vng.nl`, text: signup }, 'own');
});

test('out-of-office subjects in Dutch and English, without any header', async () => {
  for (const subject of ['Automatisch antwoord: Uitnodiging Arnhem', 'Out of Office: Ontwerpsessie', 'Automatic reply: Uitnodiging',
    'Afwezigheidsbericht: Bevestiging Assen', 'Afwezig: RE: Uitnodiging', 'AutoReply: ontwerpsessie']) {
    await ignored({ subject, text: 'Ik ben er niet.' }, 'auto-reply');
  }
});

test('out-of-office bodies are recognised without header or subject', async () => {
  await ignored({ subject: 'RE: Bevestiging aanmelding Haarlem', text: 'Goedemiddag,\n\nIk ben tot en met vrijdag 15 juni niet op kantoor. Uw e-mail wordt niet doorgestuurd; voor dringende zaken kunt u bellen met 14 020.\n\nGroet, Pieter' }, 'auto-reply');
  await ignored({ subject: 'Re: Invitation', text: 'I am currently out of the office with limited access to email until 2 July. For urgent matters please contact my colleague.' }, 'auto-reply');
});

test('a person mentioning their holiday in a signup is not an out-of-office', async () => {
  const v = await verdict({ subject: 'Aanmelding', text: signed('Ik ben tot 20 juni op vakantie, maar meld mij graag aan voor de sessie in Venlo.') });
  assert.equal(v.intent, 'register');
  assert.equal(v.session, 'venlo');
});

test('spam flagged by the gateway is ignored', async () => {
  await ignored({ from: 'Zalen BV <info@zalen.example.com>', subject: 'Zaal in Utrecht?', text: 'Huur onze zaal voor uw ontwerpsessie!', headers: { 'X-Spam-Flag': 'YES' } }, 'spam');
});

test('a mailing without list headers is known by its unsubscribe footer', async () => {
  await ignored({ from: 'Zaalverhuur <info@zalen.example.com>', subject: 'Zomeractie', text: 'Organiseert u een ontwerpsessie in Breda? 20% korting!\n\nGeen berichten meer ontvangen? Afmelden: https://zalen.example.com/uit' }, 'list');
  await ignored({ subject: 'Nieuws', text: 'Lees het laatste nieuws.\n\nU ontvangt deze nieuwsbrief omdat u lid bent. Uitschrijven: www.example.nl/uit' }, 'list');
});

test('a person forwarding a newsletter with a signup is a person', async () => {
  const v = await verdict({ subject: 'FW: Nieuwsbrief juni', text: 'Graag aanmelden voor Breda.\n\nGroet, Els\n\n---------- Forwarded message ---------\nFrom: Nieuwsbrief <news@example.nl>\nSubject: juni\n\nSessies in Breda.\n\nAfmelden: https://example.nl/uit' });
  assert.equal(`${v.intent}/${v.session}`, 'register/breda');
});

test('no-reply senders and contact-centre acknowledgements are machines', async () => {
  await ignored({ from: 'Gemeente Zwolle <noreply@zwolle.example.nl>', subject: 'Uw bericht', text: signup }, 'auto-reply');
  await ignored({ from: 'KCC <kcc@example.nl>', subject: 'Ontvangstbevestiging: Aanmelding Breda', text: 'Wij hebben uw bericht ontvangen.' }, 'auto-reply');
});

test('an unsubscribe line with words before its link is a mailing footer', async () => {
  await ignored({ from: 'Nieuws <nieuws@example.nl>', subject: 'Nieuwsbrief', text: 'Meld u aan voor de sessie in Breda.\n\nAfmelden voor deze nieuwsbrief: https://example.nl/afmelden' }, 'list');
});

test('an out-of-office that mentions signups is still an out-of-office', async () => {
  await ignored({ subject: 'RE: Uitnodiging ontwerpsessie 3 juli Breda', text: 'Ik ben tot en met 15 juni afwezig. Voor aanmeldingen voor de ontwerpsessie kunt u terecht bij mijn collega; uw e-mail wordt niet doorgestuurd.' }, 'auto-reply');
});
