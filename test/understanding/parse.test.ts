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
