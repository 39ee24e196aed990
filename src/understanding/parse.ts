// Raw RFC 5322 bytes -> InboundMail. mailparser does the MIME work (charsets, transfer
// encodings, RFC 2047 words); its costly extras (HTML-to-text, text-to-HTML, linkify, inlined
// images) are switched off because the bot never shows HTML and converts it more cheaply itself.
//
// Nothing mailparser hands back is trusted to have its documented shape: on odd input it leaves
// a content type `false` (`Content-Type: ; name=x`), a filename or size undefined, an invalid
// Date replaced by the parsing machine's clock, header values as objects, strings with NUL
// (which PostgreSQL cannot store). Every field is checked here, once, so the later stages see
// only the shapes InboundMail promises.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Address, AttachmentInfo, CalendarPart, InboundMail } from './types.js';
import { htmlToText } from './html-text.js';
import { TimeLimitError, withinDeadline } from './time-limit.js';

/** Bigger messages are read by their headers only: no signup needs megabytes. */
export const MAX_PARSE_BYTES = 8 * 1024 * 1024;
const MAX_TEXT = 200_000;

// checksumAlgo false (no MD5 of attachments) is supported by mailparser but not in its types.
const PARSER_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  keepCidLinks: true,
  checksumAlgo: false,
  maxHtmlLengthToParse: 2_000_000,
} as unknown as Parameters<typeof simpleParser>[1];

export class ParseError extends Error {}

/** A string without NUL and other C0 controls but tab and line ends, or '' for anything else. */
function str(v: unknown): string {
  if (typeof v !== 'string') return '';
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v) ? v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '') : v;
}

const line1 = (v: unknown): string => str(v).replace(/\s+/g, ' ').trim();
const orNull = (v: unknown): string | null => line1(v) || null;

interface LooseAddress { address?: unknown; name?: unknown; group?: unknown }

function addresses(value: unknown): Address[] {
  const out: Address[] = [];
  const push = (a: LooseAddress) => out.push({ address: line1(a.address), name: line1(a.name) });
  for (const obj of ([] as unknown[]).concat(value ?? [])) {
    const list = (obj as { value?: unknown } | null)?.value;
    if (!Array.isArray(list)) continue;
    for (const a of list as LooseAddress[]) {
      if (!a || typeof a !== 'object') continue;
      if (Array.isArray(a.group)) for (const g of a.group as LooseAddress[]) { if (g && typeof g === 'object') push(g); }
      else push(a);
    }
  }
  return out;
}

function unfold(line: string): string {
  const i = line.indexOf(':');
  return (i < 0 ? '' : line.slice(i + 1)).replace(/\r?\n[ \t]+/g, ' ').trim();
}

// Header values by lowercased name. mailparser's decoded string is used where it has one
// (RFC 2047 words decoded); structured headers keep their unfolded raw text.
function headerMap(mail: ParsedMail): Record<string, string[]> {
  // No prototype: a header named __proto__ or constructor is just another header.
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  const decoded = mail.headers instanceof Map ? mail.headers : new Map<string, unknown>();
  const seen = new Map<string, number>();
  for (const h of Array.isArray(mail.headerLines) ? mail.headerLines : []) {
    if (typeof h?.key !== 'string' || typeof h.line !== 'string') continue;
    const n = seen.get(h.key) ?? 0;
    seen.set(h.key, n + 1);
    const parsed = n === 0 ? decoded.get(h.key) : undefined;
    const value = str(typeof parsed === 'string' ? parsed : unfold(h.line));
    (out[h.key] ??= []).push(value);
  }
  return out;
}

/** The Return-Path address; '' only for the null path `<>`, null when absent or blank. */
function returnPath(headers: Record<string, string[]>): string | null {
  const v = headers['return-path']?.[0];
  if (v === undefined) return null;
  const m = /<([^>]*)>/.exec(v);
  if (m) return m[1]!.trim();
  return v.trim() || null;
}

/** A structured header (Content-Type and friends) as mailparser parsed it, or nothing. */
function structured(headers: unknown, name: string): { value: string; params: Record<string, string> } {
  const h = headers instanceof Map ? (headers.get(name) as { value?: unknown; params?: unknown } | undefined) : undefined;
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  if (h && typeof h.params === 'object' && h.params !== null) {
    for (const [k, v] of Object.entries(h.params)) if (typeof v === 'string') params[k.toLowerCase()] = v;
  }
  return { value: line1(h?.value).toLowerCase(), params };
}

type ParsedAttachment = ParsedMail['attachments'][number];

// A part without a usable type (`Content-Type: ; name=x.pdf`) is treated as RFC 2046 treats an
// unknown one: opaque bytes.
const typeOf = (a: ParsedAttachment): string =>
  (typeof a.contentType === 'string' && /^[\w.+-]+\/[\w.+-]+$/.test(a.contentType.trim()) ? a.contentType.trim().toLowerCase() : 'application/octet-stream');

const attachmentList = (mail: ParsedMail): ParsedAttachment[] =>
  (Array.isArray(mail.attachments) ? mail.attachments : []).filter((a) => a && typeof a === 'object');

function calendarParts(mail: ParsedMail): CalendarPart[] {
  const out: CalendarPart[] = [];
  for (const a of attachmentList(mail)) {
    const type = typeOf(a);
    if (type !== 'text/calendar' && type !== 'application/ics') continue;
    const content = Buffer.isBuffer(a.content) ? str(a.content.subarray(0, 100_000).toString('utf8')) : '';
    const fromBody = /^METHOD:([A-Za-z-]+)/m.exec(content)?.[1];
    const method = fromBody ?? (structured(a.headers, 'content-type').params.method || null);
    out.push({ method: method ? method.toUpperCase() : null, content });
  }
  return out;
}

function attachmentsOf(mail: ParsedMail): AttachmentInfo[] {
  return attachmentList(mail).map((a) => ({
    filename: orNull(a.filename),
    contentType: typeOf(a),
    size: typeof a.size === 'number' && Number.isFinite(a.size) ? a.size : Buffer.isBuffer(a.content) ? a.content.length : 0,
    ...(a.related || (a.contentDisposition === 'inline' && a.cid) ? { inline: true } : {}),
  }));
}

// mailparser puts the parsing machine's clock in place of a Date it cannot read; the bot must
// not judge a message as of today because its date is garbage, so the header is read again.
function dateOf(mail: ParsedMail, headers: Record<string, string[]>): Date | null {
  const raw = headers['date']?.[0];
  if (raw === undefined || Number.isNaN(new Date(raw).getTime())) return null;
  return mail.date instanceof Date && !Number.isNaN(mail.date.getTime()) ? mail.date : null;
}

// Some senders (bulk mailers, spam) label an HTML document text/plain.
const HTML_DOCUMENT = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;

function toInbound(mail: ParsedMail, size: number): InboundMail {
  const headers = headerMap(mail);
  const html = typeof mail.html === 'string' ? str(mail.html) : null;
  let text = str(mail.text);
  if (HTML_DOCUMENT.test(text)) text = htmlToText(text.slice(0, 2_000_000));
  if (!text.trim() && html) text = htmlToText(html.length > 2_000_000 ? html.slice(0, 2_000_000) : html);
  const contentType = structured(mail.headers, 'content-type');
  const reportType = contentType.value === 'multipart/report' ? (line1(contentType.params['report-type']) || 'unknown').toLowerCase() : null;
  const single = (v: unknown): Address | null => addresses(v)[0] ?? null;
  const refs: unknown[] = ([] as unknown[]).concat(mail.references ?? []);
  return {
    messageId: orNull(mail.messageId),
    inReplyTo: orNull(mail.inReplyTo),
    references: refs.map(line1).filter(Boolean),
    from: single(mail.from),
    sender: single(mail.headers instanceof Map ? mail.headers.get('sender') : undefined),
    replyTo: single(mail.replyTo),
    returnPath: returnPath(headers),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: line1(mail.subject).slice(0, 1000),
    date: dateOf(mail, headers),
    headers,
    text: text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text,
    html,
    attachments: attachmentsOf(mail),
    calendar: calendarParts(mail),
    reportType,
    size,
  };
}

/** Only the header block of an oversized message, so it can still be judged (and ignored). */
function headerOnly(raw: Buffer): Buffer {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const end = [crlf, lf].filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? Math.min(raw.length, 256 * 1024);
  return Buffer.concat([raw.subarray(0, Math.min(end, 1024 * 1024)), Buffer.from('\r\n\r\n')]);
}

/**
 * Parses one message. Throws ParseError when the bytes are not a message at all, and
 * TimeLimitError when `deadline` (performance.now() clock) passes first (time-limit.ts).
 */
export async function parseMail(raw: Buffer, opts: { deadline?: number } = {}): Promise<InboundMail> {
  if (raw.length === 0) throw new ParseError('empty message');
  const input = raw.length > MAX_PARSE_BYTES ? headerOnly(raw) : raw;
  let mail: ParsedMail;
  try {
    mail = await withinDeadline(input, opts.deadline, (i) => simpleParser(i, PARSER_OPTIONS));
  } catch (err) {
    if (err instanceof TimeLimitError) throw err;
    throw new ParseError(`cannot parse message: ${(err as Error).message}`);
  }
  if (!mail.headerLines?.length || !mail.headerLines.some((h) => /^(from|date|subject|message-id|to)$/.test(h.key))) {
    throw new ParseError('not an e-mail message: no From, Date, Subject, To or Message-ID header');
  }
  try {
    return toInbound(mail, raw.length);
  } catch (err) {
    // mailparser's result had a shape we did not expect: still a clear outcome, not a crash.
    throw new ParseError(`cannot read message: ${(err as Error).message}`);
  }
}
