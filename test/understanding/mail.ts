// Builds small RFC 5322 messages for the understanding tests, and runs classify on them.
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { classify, type Verdict } from '../../src/understanding/understand.js';
import type { ThreadContext } from '../../src/understanding/types.js';

export interface MailSpec {
  from?: string;
  to?: string;
  subject?: string;
  date?: string; // RFC 5322 date; default Tue 5 June 2018 10:00 CEST
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: string; inline?: boolean }[];
  calendar?: string; // an iCalendar object, sent as text/calendar next to the text
  contentType?: string; // a whole custom top-level Content-Type (with `raw` body)
  raw?: string; // body as written, for hand-made MIME
}

export const BOT = 'D-Loket@VNG.nl';
export const DEFAULT_DATE = 'Tue, 5 Jun 2018 10:00:00 +0200';

function word(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
}

function address(a: string): string {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(a);
  if (!m || !m[1]) return a;
  return `${/^[\x20-\x7e]*$/.test(m[1]) ? `"${m[1].replace(/"/g, '')}"` : word(m[1])} <${m[2]}>`;
}

function part(type: string, body: string): string {
  return `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}\r\n`;
}

function multipart(kind: string, parts: string[], boundary: string): string {
  return `Content-Type: multipart/${kind}; boundary="${boundary}"\r\n\r\n` +
    parts.map((p) => `--${boundary}\r\n${p}`).join('') + `--${boundary}--\r\n`;
}

function bodyOf(spec: MailSpec): string {
  if (spec.raw !== undefined) return `Content-Type: ${spec.contentType ?? 'text/plain; charset=utf-8'}\r\n\r\n${spec.raw.replace(/\r?\n/g, '\r\n')}`;
  const alternatives: string[] = [];
  if (spec.text !== undefined) alternatives.push(part('text/plain', spec.text));
  if (spec.html !== undefined) alternatives.push(part('text/html', spec.html));
  if (spec.calendar !== undefined) {
    const method = /METHOD:(\w+)/.exec(spec.calendar)?.[1] ?? 'REPLY';
    alternatives.push(part(`text/calendar; method=${method}`, spec.calendar));
  }
  if (alternatives.length === 0) alternatives.push(part('text/plain', ''));
  let body = alternatives.length === 1 ? alternatives[0]! : multipart('alternative', alternatives, 'alt-b0undary');
  if (spec.attachments?.length) {
    const files = spec.attachments.map((a) =>
      `Content-Type: ${a.contentType}; name="${a.filename}"\r\nContent-Disposition: ${a.inline ? 'inline' : 'attachment'}; filename="${a.filename}"\r\n` +
      `${a.inline ? `Content-ID: <${a.filename}@test>\r\n` : ''}Content-Transfer-Encoding: base64\r\n\r\n${Buffer.from(a.content).toString('base64')}\r\n`);
    body = multipart(spec.attachments.some((a) => a.inline) ? 'related' : 'mixed', [body, ...files], 'mix-b0undary');
  }
  return body;
}

/** The raw bytes of a message. */
export function eml(spec: MailSpec): Buffer {
  const headers: string[] = [
    `From: ${address(spec.from ?? 'Jan Jansen <j.jansen@example.nl>')}`,
    `To: ${address(spec.to ?? `D-Loket <${BOT}>`)}`,
    `Subject: ${word(spec.subject ?? 'Ontwerpsessie')}`,
    `Date: ${spec.date ?? DEFAULT_DATE}`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@test.example>`,
    'MIME-Version: 1.0',
  ];
  for (const [k, v] of Object.entries(spec.headers ?? {})) headers.push(`${k}: ${v}`);
  return Buffer.from(`${headers.join('\r\n')}\r\n${bodyOf(spec)}`, 'utf8');
}

export interface RunOptions {
  now?: Date;
  thread?: ThreadContext | null;
  /** The whole verdict, with what the second reading withheld; by default, as the rules read. */
  whole?: boolean;
}

/**
 * The verdict as the rules read it: where the second reading withheld a confirmation, the
 * confirmation the rules proposed. The tests of principles test the rules; the second reading
 * only ever withholds, and is judged on its own (second-reader.test.ts) and with the rules on
 * mail written by other hands (written-sets.test.ts).
 */
export const asRulesRead = (v: Verdict): Verdict => v.withheld ?? v;

/** Classify a message (spec or raw bytes) with the shipped catalogue. */
export async function verdict(spec: MailSpec | Buffer, opts: RunOptions = {}): Promise<Verdict> {
  const raw = Buffer.isBuffer(spec) ? spec : eml(spec);
  const v = await classify(raw, { catalogue: shippedCatalogue, ownAddresses: [BOT.toLowerCase()], now: opts.now ?? null, thread: opts.thread ?? null });
  return opts.whole ? v : asRulesRead(v);
}

/** "Met vriendelijke groet" and a municipal signature, as officials end their mail. */
export function signed(text: string, name = 'Jan Jansen', org = 'Gemeente Tilburg'): string {
  return `${text}\n\nMet vriendelijke groet,\n\n${name}\nBeleidsadviseur\n${org}\nPostbus 90155 | 5000 LH Tilburg\nT 013 542 88 88`;
}

/** The verdict on `text` sent by a council member of Weert under `subject`, as the tests of principles send it. */
export function fromWeert(subject: string, text: string, extra: Partial<MailSpec> = {}): Promise<Verdict> {
  return verdict({ subject, text: signed(text, 'Bas Kramer', 'Gemeente Weert'), ...extra });
}

/** Those of `texts` that are confirmed (register) when sent under `subject`, with what was confirmed. */
export async function confirmedAmong(subject: string, texts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const text of texts) {
    const v = await fromWeert(subject, text);
    if (v.intent === 'register') out.push(`${text} -> register/${v.session} (${v.reason})`);
  }
  return out;
}

/** Those of `texts` whose verdict, as `intent/session`, is not `want` when sent under `subject`. */
export async function mismatched(want: string, subject: string, texts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const text of texts) {
    const v = await fromWeert(subject, text);
    if (`${v.intent}/${v.session}` !== want) out.push(`${text} -> ${v.intent}/${v.session} (${v.reason})`);
  }
  return out;
}

/** Of `[want, subject, text]` cases, those whose verdict (`intent/session`, or as `show` puts it) is not `want`. */
export async function mismatchedCases(
  cases: readonly (readonly [string, string, string])[], show = (v: Verdict) => `${v.intent}/${v.session}`,
): Promise<string[]> {
  const out: string[] = [];
  for (const [want, subject, text] of cases) {
    const got = show(await fromWeert(subject, text));
    if (got !== want) out.push(`${text}: want ${want}, got ${got}`);
  }
  return out;
}

/** As mismatchedCases, with every message dated `date` (RFC 5322): for words like "vanmiddag" or "donderdag". */
export async function mismatchedOn(date: string, cases: readonly (readonly [string, string, string])[]): Promise<string[]> {
  const out: string[] = [];
  for (const [want, subject, text] of cases) {
    const v = await fromWeert(subject, text, { date });
    if (`${v.intent}/${v.session}` !== want) out.push(`${text}: want ${want}, got ${v.intent}/${v.session}`);
  }
  return out;
}

/** Of `[unwanted, subject, text]` cases, those whose verdict (`intent/session`) is the unwanted one; "register/*" is any confirmation. */
export async function actedOn(cases: readonly (readonly [string, string, string])[]): Promise<string[]> {
  const out: string[] = [];
  for (const [unwanted, subject, text] of cases) {
    const v = await fromWeert(subject, text);
    const got = `${v.intent}/${v.session}`;
    if (unwanted.endsWith('/*') ? got.startsWith(unwanted.slice(0, -1)) : got === unwanted) out.push(`${text}: got ${got} (${v.reason})`);
  }
  return out;
}

/** The verdicts (`intent/session`) of `[subject, text]` cases, in order. */
export async function verdictsOf(cases: readonly (readonly [string, string])[]): Promise<string[]> {
  const out: string[] = [];
  for (const [subject, text] of cases) {
    const v = await fromWeert(subject, text);
    out.push(`${v.intent}/${v.session}`);
  }
  return out;
}
