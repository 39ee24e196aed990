// Hostile mail for the fuzz tests (fast-check): the team's own test messages and generated MIME
// trees, mutated the ways broken and malicious mail is broken: truncated, boundaries broken,
// bogus charsets and transfer encodings, deep nesting, huge headers and lines, NUL bytes,
// binary garbage, invalid dates and addresses, mangled line ends. Messages are handled as
// latin1 strings so that one character is one byte.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

const casesDir = new URL('../fixtures/mail/cases/', import.meta.url);
/** The team's test messages (test/fixtures/mail/cases), as bytes. */
export const seedMessages: string[] = readdirSync(casesDir).filter((f) => f.endsWith('.eml')).sort()
  .map((f) => readFileSync(new URL(f, casesDir)).toString('latin1'));

const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

// ---- generated structure -------------------------------------------------------------

const charset = fc.constantFrom('utf-8', 'UTF-8', 'iso-8859-1', 'windows-1252', 'us-ascii', 'utf-7', 'iso-2022-jp', 'utf-16', 'koi8-r',
  'gb2312', 'x-bogus', '', '"utf-8', 'utf-8"; charset=latin1', 'unicode-1-1-utf-7', '\u0000', 'a'.repeat(300));
const transferEncoding = fc.constantFrom('7bit', '8bit', 'binary', 'base64', 'quoted-printable', 'x-uuencode', 'bogus', '', 'BASE64 ');
const words = fc.constantFrom(
  'Graag meld ik mij aan voor de sessie in Arnhem.', 'Wij komen met 3 personen naar Venlo op 29 juni.', 'Ik moet mij helaas afmelden.',
  'Kunt u mij de locatie sturen?', 'Is er een lunch?', 'Automatisch antwoord: ik ben afwezig tot 25 juni.', 'afmelden', '2', 'ja',
  'Met vriendelijke groet,\r\nJan Jansen\r\nGemeente Ede', '<html><body><p>Aanmelding <b>Utrecht</b></p></body></html>',
  'BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:x@vng.nl\r\nATTENDEE;PARTSTAT=DECLINED:mailto:a@b.nl\r\nEND:VEVENT\r\nEND:VCALENDAR',
  'Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; a@b.example\r\nAction: failed\r\nStatus: 5.1.1',
  'Message-ID: <x@vng.nl>\r\nFrom: D-Loket <D-Loket@VNG.nl>', 'Ünïcödé ☃ 日本語 🎉', '=?utf-8?B?w6k=?= =C3=A9 =ZZ =\r\n',
);
const bodyText = fc.oneof(
  { weight: 4, arbitrary: fc.array(words, { maxLength: 6 }).map((w) => utf8(w.join('\r\n'))) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }).map(utf8) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')) },
);
const leafType = fc.constantFrom('text/plain', 'text/html', 'text/calendar; method=REPLY', 'application/pdf', 'message/delivery-status',
  'text/rfc822-headers', 'message/rfc822', 'image/png', 'application/ics', 'text/enriched', 'bogus', '');

interface Leaf { kind: 'leaf'; type: string; charset: string; cte: string; body: string; attachment: boolean }
interface Multi { kind: 'multi'; subtype: string; boundary: string; children: Node[] }
type Node = Leaf | Multi;

const boundary = fc.oneof(
  fc.constantFrom('b1', '----=_Part_0_1', '=_a=', 'x'.repeat(75), '', '"quoted"', 'b1 b2', 'semi;colon'),
  fc.string({ minLength: 1, maxLength: 30 }).map(utf8),
);
const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('leaf' as const), type: leafType, charset, cte: transferEncoding, body: bodyText, attachment: fc.boolean() }),
    fc.record({
      kind: fc.constant('multi' as const), subtype: fc.constantFrom('mixed', 'alternative', 'related', 'report; report-type=delivery-status', 'digest', 'signed'),
      boundary, children: fc.array(tie('node'), { maxLength: 4 }),
    })),
})).node;

function encode(body: string, cte: string): string {
  if (/base64/i.test(cte)) return (Buffer.from(body, 'latin1').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
  if (/quoted/i.test(cte)) return body.replace(/[=\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return body;
}

function render(node: Node): string {
  if (node.kind === 'leaf') {
    return `Content-Type: ${node.type}${node.charset ? `; charset=${node.charset}` : ''}\r\n`
      + (node.cte ? `Content-Transfer-Encoding: ${node.cte}\r\n` : '')
      + (node.attachment ? 'Content-Disposition: attachment; filename="bijlage.pdf"\r\n' : '')
      + `\r\n${encode(node.body, node.cte)}\r\n`;
  }
  return `Content-Type: multipart/${node.subtype}; boundary="${node.boundary}"\r\n\r\npreamble\r\n`
    + node.children.map((c) => `--${node.boundary}\r\n${render(c)}`).join('') + `--${node.boundary}--\r\nepilogue\r\n`;
}

const address = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('Jan Jansen <j.jansen@ede.nl>', 'griffie@utrecht.nl', '"De Vries, P." <p.devries@houten.nl>', 'D-Loket <D-Loket@VNG.nl>', 'MAILER-DAEMON@mx.example', 'noreply@example.org') },
  { weight: 2, arbitrary: fc.constantFrom('', '<>', '<<<@@>>>', '@', 'a@', '@b', 'a@b', 'undisclosed-recipients:;', 'groep: a@b.nl, c@d.nl;', '"unterminated <a@b.nl>', '(comment) a@b.nl (more)', '=?utf-8?B?SsOhbg==?= <jan@ede.nl>', 'a@[127.0.0.1]', 'jan@ede.nl, piet@ede.nl') },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }).map(utf8) },
);
const date = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Fri, 01 Jun 2018 11:00:00 +0200', 'Mon, 4 Jun 2018 08:00:41 +0000', 'Tue, 5 Jun 2018 10:00:00 +0200') },
  { weight: 1, arbitrary: fc.constantFrom('', 'gisteren', '32 Jun 2018 25:61:61 +9999', 'Fri, 01 Jun 99999 11:00:00', '0', 'Thu, 01 Jan 1970 00:00:00 +0000', 'Sat, 31 Dec 9999 23:59:59 -1200', 'NaN') },
);
const extraHeader = fc.constantFrom('Auto-Submitted: auto-replied', 'Precedence: bulk', 'List-Id: <lijst.example>', 'Return-Path: <>',
  'X-Failed-Recipients: a@b.example', 'In-Reply-To: <onbekend@vng.nl>', 'References: <a@b> <c@d>', 'Reply-To: antwoord@ede.nl',
  'Sender: secretariaat@ede.nl', 'Authentication-Results: mx.vng.nl; dmarc=fail header.from=ede.nl', 'X-Spam-Flag: YES',
  'Content-Type: multipart/mixed', 'MIME-Version: 2.0', 'Subject: =?bogus?Q?=FF=FE?=', 'Subject: =?utf-8?B?!!!!?=');

/** A message generated from scratch: headers plus a MIME tree. */
export const generatedMessage = fc.record({
  from: address, to: address, subject: fc.oneof(words, fc.string({ maxLength: 120 }).map(utf8)), date,
  messageId: fc.oneof(fc.constant(null), fc.nat().map((n) => `<gen-${n}@fuzz.example>`), fc.constantFrom('<>', 'geen-id', '<a@b')),
  extra: fc.array(extraHeader, { maxLength: 3 }), tree,
}).map((m) => [
  `From: ${m.from}`, `To: ${m.to}`, `Subject: ${m.subject}`, `Date: ${m.date}`,
  ...(m.messageId ? [`Message-ID: ${m.messageId}`] : []), ...m.extra, 'MIME-Version: 1.0', render(m.tree),
].join('\r\n'));

// ---- mutations -------------------------------------------------------------------------

/** Sizes: mostly small, sometimes large (up to 200 kB), so 10,000 runs stay quick. */
const size = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 2_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 200_000 }) });
/** A position in the message, as a fraction; unbiased (fast-check would favour 0, emptying many messages). */
const where = fc.noBias(fc.integer({ min: 0, max: 9_999 })).map((n) => n / 10_000);

type Mutation = (m: string) => string;
const at = (m: string, f: number) => Math.floor(f * m.length);
const headerEnd = (m: string) => {
  const i = m.indexOf('\r\n\r\n');
  return i < 0 ? m.length : i;
};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  where.map((f) => (m: string) => m.slice(0, at(m, f))), // truncated
  fc.tuple(where, fc.constantFrom('--', '--x', '', '-- ', '--b1--')).map(([f, s]) => (m: string) => {
    // break a boundary line: the first delimiter from a random point on
    const i = m.indexOf('\r\n--', at(m, f));
    return i < 0 ? m : m.slice(0, i + 2) + s + m.slice(i + 4);
  }),
  charset.map((c) => (m: string) => m.replace(/charset="?[^";\r\n]*"?/i, `charset=${c}`)),
  transferEncoding.map((c) => (m: string) => m.replace(/(Content-Transfer-Encoding:)[^\r\n]*/i, `$1 ${c}`)),
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 1, arbitrary: fc.integer({ min: 20, max: 150 }) }).map((depth) => (m: string) => {
    // the body nested `depth` multiparts deep
    const h = headerEnd(m);
    let open = '';
    let close = '';
    for (let d = 0; d < depth; d++) {
      open += `Content-Type: multipart/mixed; boundary="n${d}"\r\n\r\n--n${d}\r\n`;
      close = `\r\n--n${d}--${close}`;
    }
    return `${m.slice(0, h).replace(/^Content-Type:[^\r\n]*(\r\n[ \t][^\r\n]*)*\r\n?/gim, '')}\r\n${open}Content-Type: text/plain\r\n${m.slice(h)}${close}`;
  }),
  fc.tuple(size, fc.boolean()).map(([n, folded]) => (m: string) =>
    `X-Huge: ${folded ? Array.from({ length: Math.ceil(n / 70) }, () => 'x'.repeat(69)).join('\r\n ') : 'x'.repeat(n)}\r\n${m}`),
  fc.tuple(size, where).map(([n, f]) => (m: string) => `${m.slice(0, at(m, f))}${'y'.repeat(n)}${m.slice(at(m, f))}`), // a huge line
  fc.tuple(where, fc.integer({ min: 1, max: 50 })).map(([f, n]) => (m: string) => m.slice(0, at(m, f)) + '\0'.repeat(n) + m.slice(at(m, f))),
  fc.tuple(where, fc.uint8Array({ minLength: 1, maxLength: 512 }), fc.boolean()).map(([f, bytes, overwrite]) => (m: string) => {
    const i = at(m, f);
    const junk = Buffer.from(bytes).toString('latin1');
    return m.slice(0, i) + junk + m.slice(overwrite ? i + junk.length : i);
  }),
  date.map((d) => (m: string) => m.replace(/^Date:[^\r\n]*/im, `Date: ${d}`)),
  fc.tuple(fc.constantFrom('From', 'To', 'Reply-To', 'Sender', 'Cc', 'Return-Path'), address).map(([name, a]) => (m: string) => {
    const re = new RegExp(`^${name}:[^\\r\\n]*`, 'im');
    return re.test(m) ? m.replace(re, `${name}: ${a}`) : `${name}: ${a}\r\n${m}`;
  }),
  fc.constantFrom<Mutation>(
    (m) => m.replace(/\r\n/g, '\n'), (m) => m.replace(/\r\n/g, '\r'), (m) => m.replace(/\r\n\r\n/, '\r\n'), // line ends, no body separator
    (m) => m.replace(/^(Subject|From|Message-ID):[^\r\n]*\r\n/gim, ''), (m) => `${m}${m}`, // headers gone; the message twice
    (m) => m.replace(/^(From:[^\r\n]*)/im, '$1\r\n$1'), (m) => m.toUpperCase(), (m) => m.split('').reverse().join(''),
  ),
);

/**
 * A message to feed the bot: a seed (the team's mail or a generated one) with 0-4 mutations.
 * The seed's Message-ID gets a number first, so copies of one test message are not all
 * recognised as duplicates of each other.
 */
export const hostileMessage = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...seedMessages) }, { weight: 2, arbitrary: generatedMessage }),
  fc.noBias(fc.nat()),
  fc.array(mutation, { maxLength: 4 }),
).map(([seed, n, mutations]) => {
  const numbered = seed.replace(/^(Message-ID:\s*<)([^>\r\n]*)>/im, `$1$2.${n}>`);
  return Buffer.from(mutations.reduce((m, mutate) => mutate(m), numbered), 'latin1');
});
