// Reading raw mail: charsets, transfer encodings, RFC 2047 words, HTML-only bodies, and
// input that is no message at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMail, ParseError, MAX_PARSE_BYTES } from '../../src/understanding/parse.js';
import { verdict } from './mail.js';

const head = (subject: string, type: string, cte: string) =>
  `From: =?iso-8859-1?Q?Ren=E9_M=FCller?= <r.muller@example.nl>\r\nTo: D-Loket@VNG.nl\r\nSubject: ${subject}\r\nDate: Mon, 4 Jun 2018 09:00:00 +0200\r\nMessage-ID: <p1@example.nl>\r\nMIME-Version: 1.0\r\nContent-Type: ${type}\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n`;

test('iso-8859-1 quoted-printable with RFC 2047 subject and name', async () => {
  const raw = Buffer.from(head('=?ISO-8859-1?Q?Aanmelding_sessie_=96_Arnhem?=', 'text/plain; charset=iso-8859-1', 'quoted-printable') +
    'Graag meld ik mij aan voor de sessie in Arnhem op 22 juni. Caf=E9 na afloop? Nee, dank=\r\nje.\r\n', 'latin1');
  const mail = await parseMail(raw);
  assert.equal(mail.from?.name, 'René Müller');
  assert.match(mail.subject, /Aanmelding sessie . Arnhem/);
  assert.match(mail.text, /Café na afloop\? Nee, dankje\./);
});

test('windows-1252 quoted-printable (en dash, curly quotes) and UTF-8 base64', async () => {
  const cp = Buffer.concat([Buffer.from(head('Aanmelding', 'text/plain; charset=windows-1252', 'quoted-printable'), 'latin1'),
    Buffer.from('Sessie Venlo 29 juni (14.00 =96 17.00 uur), =93graag=94.\r\n', 'latin1')]);
  assert.match((await parseMail(cp)).text, /14\.00 \u2013 17\.00 uur\), \u201cgraag\u201d/);
  const b64 = Buffer.from(head('=?UTF-8?B?QWFubWVsZGluZyBCcmVkYQ==?=', 'text/plain; charset=UTF-8', 'base64') +
    Buffer.from('Ik kom naar Breda op 3 juli. Groet, Zoë\r\n').toString('base64') + '\r\n', 'latin1');
  const mail = await parseMail(b64);
  assert.equal(mail.subject, 'Aanmelding Breda');
  assert.match(mail.text, /Zoë/);
});

test('an HTML-only message is read through its HTML', async () => {
  const raw = Buffer.from(head('aanmelding', 'text/html; charset=utf-8', '8bit') +
    '<html><body><table><tr><td>Sessie</td><td>Assen&nbsp;(28&nbsp;juni)</td></tr></table><p>Met vriendelijke groet,<br>Gemeente Tynaarlo</p></body></html>\r\n');
  const mail = await parseMail(raw);
  assert.match(mail.text, /Sessie Assen \(28 juni\)/);
  const v = await verdict(raw);
  assert.equal(v.intent, 'register'); // subject "aanmelding", session from the table
  assert.equal(v.session, 'assen');
  assert.equal(v.municipality, 'Tynaarlo');
});

test('headers are kept by lowercased name, in order, with Return-Path and report type', async () => {
  const raw = Buffer.from(`Return-Path: <>\r\nX-Test: one\r\nX-Test: two\r\n${head('x', 'text/plain', '7bit')}body\r\n`, 'latin1');
  const mail = await parseMail(raw);
  assert.deepEqual(mail.headers['x-test'], ['one', 'two']);
  assert.equal(mail.returnPath, '');
  assert.equal(mail.reportType, null);
});

test('bytes that are no message are a ParseError, not a crash', async () => {
  await assert.rejects(parseMail(Buffer.alloc(0)), ParseError);
  await assert.rejects(parseMail(Buffer.from('\u0000\u0001\u0002 binary junk without headers')), ParseError);
});

test('an oversized message is judged on its headers only', async () => {
  const big = Buffer.concat([Buffer.from(head('Aanmelding Breda', 'text/plain', '7bit'), 'latin1'), Buffer.alloc(MAX_PARSE_BYTES + 10, 0x61)]);
  const mail = await parseMail(big);
  assert.equal(mail.subject, 'Aanmelding Breda');
  assert.equal(mail.text, '');
  assert.equal(mail.size, big.length);
});

// Odd shapes mailparser hands back on real mail: each message is built from raw bytes.
const H = 'From: Els Mulder <e.mulder@example.nl>\r\nTo: D-Loket@VNG.nl\r\nSubject: Aanmelding Breda\r\nDate: Tue, 5 Jun 2018 10:00:00 +0200\r\nMessage-ID: <odd1@example.nl>\r\nMIME-Version: 1.0\r\n';
const SIGNUP = 'Graag meld ik mij aan voor de ontwerpsessie in Breda op 3 juli.\r\n\r\nMet vriendelijke groet,\r\nEls Mulder\r\n';
const mixed = (...parts: string[]) => `${H}Content-Type: multipart/mixed; boundary="b1"\r\n\r\n${parts.map((p) => `--b1\r\n${p}\r\n`).join('')}--b1--\r\n`;
const bytes = (s: string) => Buffer.from(s, 'latin1');

test('an attachment with an empty Content-Type (": ; name=…") is read as opaque bytes, and the signup still counts', async () => {
  for (const type of ['Content-Type: ; name="agenda.pdf"', 'Content-Type: ;\r\n\tname=""', 'Content-Type:', 'Content-Type: pdf']) {
    const raw = bytes(mixed(`Content-Type: text/plain; charset=utf-8\r\n\r\n${SIGNUP}`, `${type}\r\nContent-Disposition: attachment; filename="agenda.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK`));
    const mail = await parseMail(raw);
    assert.equal(mail.attachments.length, 1, type);
    assert.equal(mail.attachments[0]!.contentType, 'application/octet-stream', type);
    assert.equal(mail.attachments[0]!.filename, 'agenda.pdf', type);
    assert.equal(typeof mail.attachments[0]!.size, 'number');
    const v = await verdict(raw);
    assert.equal(`${v.intent}/${v.session}`, 'register/breda', type);
  }
});

test('an attachment without a filename or a usable one has filename null', async () => {
  const raw = bytes(mixed(`Content-Type: text/plain\r\n\r\n${SIGNUP}`, 'Content-Type: application/pdf\r\nContent-Disposition: attachment\r\n\r\nxyz',
    'Content-Type: application/pdf; name=""\r\nContent-Disposition: attachment; filename=""\r\n\r\nxyz'));
  const mail = await parseMail(raw);
  assert.deepEqual(mail.attachments.map((a) => a.filename), [null, null]);
});

test('headers named __proto__, constructor or toString are ordinary headers', async () => {
  const raw = bytes(`${H}__proto__: a\r\nConstructor: b\r\ntoString: c\r\nhasOwnProperty: d\r\nContent-Type: text/plain\r\n\r\n${SIGNUP}`);
  const mail = await parseMail(raw);
  assert.deepEqual([mail.headers['__proto__'], mail.headers['constructor'], mail.headers['tostring']], [['a'], ['b'], ['c']]);
  assert.equal(({} as Record<string, unknown>).a, undefined); // nothing leaked into Object.prototype
  assert.equal((await verdict(raw)).session, 'breda');
});

test('an unreadable Date is no date (mailparser would put the clock there); the message is judged as of the given now', async () => {
  for (const date of ['gisteren om drie uur', '', '31 Feb 2018 25:61:00 +9999']) {
    const raw = bytes(`${H.replace('Tue, 5 Jun 2018 10:00:00 +0200', date)}Content-Type: text/plain\r\n\r\n${SIGNUP}`);
    const mail = await parseMail(raw);
    assert.equal(mail.date, null, date);
    // Against the injected clock the 2018 session is open: never judged as of today's date.
    const v = await verdict(raw, { now: new Date('2018-06-05T10:00:00+02:00') });
    assert.equal(`${v.intent}/${v.session}`, 'register/breda');
  }
});

test('NUL and control characters never reach the fields PostgreSQL stores', async () => {
  const subject = `=?UTF-8?B?${Buffer.from('Aanmelding\u0000 Breda\u0007').toString('base64')}?=`;
  const raw = bytes(H.replace('Subject: Aanmelding Breda', `Subject: ${subject}`).replace('Els Mulder <', `=?UTF-8?B?${Buffer.from('Els\u0000 Mulder').toString('base64')}?= <`)
    + `Content-Type: text/plain\r\n\r\nGraag\u0000 aanmelden voor Breda.\r\n`);
  const mail = await parseMail(raw);
  assert.equal(mail.subject, 'Aanmelding Breda');
  assert.equal(mail.from?.name, 'Els Mulder');
  assert.doesNotMatch(mail.text, /\u0000/);
  assert.doesNotMatch(JSON.stringify(mail.headers), /\\u0000/);
});

test('addresses of odd shapes: groups, empty, repeated, garbage', async () => {
  const raw = bytes(H.replace('To: D-Loket@VNG.nl', 'To: undisclosed-recipients:;\r\nTo: Griffie: a@example.nl, b@example.nl;\r\nCc: ,;,\r\nReply-To:\r\nSender: <>')
    + 'Content-Type: text/plain\r\n\r\nhallo\r\n');
  const mail = await parseMail(raw);
  assert.deepEqual(mail.to.map((a) => a.address), ['a@example.nl', 'b@example.nl']);
  for (const a of [...mail.to, ...mail.cc, ...[mail.replyTo, mail.sender].filter((x) => x !== null)]) {
    assert.equal(typeof a.address, 'string');
    assert.equal(typeof a.name, 'string');
  }
  const noFrom = await parseMail(bytes(H.replace('From: Els Mulder <e.mulder@example.nl>', 'From:') + '\r\nhallo\r\n'));
  assert.equal(noFrom.from, null);
});

test('Message-ID, In-Reply-To and References that are empty or odd', async () => {
  const raw = bytes(H.replace('Message-ID: <odd1@example.nl>', 'Message-ID:\r\nIn-Reply-To: \r\nReferences: <a@x> rommel <b@y>') + 'Content-Type: text/plain\r\n\r\nhallo\r\n');
  const mail = await parseMail(raw);
  assert.equal(mail.messageId, null);
  assert.equal(mail.inReplyTo, null);
  assert.ok(mail.references.every((r) => typeof r === 'string' && r.length > 0));
  assert.ok(mail.references.includes('<a@x>') && mail.references.includes('<b@y>'));
});

test('a blank Return-Path is no null sender; only <> is', async () => {
  const blank = await parseMail(bytes(`Return-Path: \r\n${H}Content-Type: text/plain\r\n\r\n${SIGNUP}`));
  assert.equal(blank.returnPath, null);
  assert.equal((await verdict(bytes(`Return-Path: \r\n${H}Content-Type: text/plain\r\n\r\n${SIGNUP}`))).intent, 'register');
  assert.equal((await parseMail(bytes(`Return-Path: < >\r\n${H}\r\nx\r\n`))).returnPath, '');
});

test('the report type is read whatever the case of Multipart/Report', async () => {
  const raw = bytes(`${H}Content-Type: Multipart/Report; Report-Type=Delivery-Status; boundary="r"\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--r--\r\n`);
  assert.equal((await parseMail(raw)).reportType, 'delivery-status');
});

test('an HTML document sent as text/plain is read as HTML', async () => {
  const raw = bytes(`${H}Content-Type: text/plain; charset=utf-8\r\n\r\n<html><body><p>Graag meld ik mij aan voor <b>Breda</b>.</p><p>Met vriendelijke groet,<br>Els</p></body></html>\r\n`);
  const mail = await parseMail(raw);
  assert.doesNotMatch(mail.text, /<p>|<b>/);
  assert.match(mail.text, /Graag meld ik mij aan voor Breda\./);
});

test('a calendar part with no body, an empty method or a broken type does not break the reading', async () => {
  const raw = bytes(mixed(`Content-Type: text/plain\r\n\r\n${SIGNUP}`, 'Content-Type: text/calendar; method=\r\n\r\n', 'Content-Type: text/calendar\r\nContent-Disposition: attachment\r\n\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR'));
  const mail = await parseMail(raw);
  assert.deepEqual(mail.calendar.map((c) => c.method), [null, null]);
  assert.equal((await verdict(raw)).session, 'breda');
});
