// Raw RFC 5322 bytes -> InboundMail. mailparser does the MIME work (charsets, transfer
// encodings, RFC 2047 words); its costly extras (HTML-to-text, text-to-HTML, linkify, inlined
// images) are switched off because the bot never shows HTML and converts it more cheaply itself.
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
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

function addresses(value: AddressObject | AddressObject[] | undefined): Address[] {
  const out: Address[] = [];
  for (const obj of value ? ([] as AddressObject[]).concat(value) : []) {
    for (const a of obj.value) {
      if (a.group) for (const g of a.group) out.push({ address: g.address ?? '', name: g.name ?? '' });
      else out.push({ address: a.address ?? '', name: a.name ?? '' });
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
  const out: Record<string, string[]> = {};
  const decoded = mail.headers;
  const seen = new Map<string, number>();
  for (const { key, line } of mail.headerLines ?? []) {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const parsed = n === 0 ? decoded.get(key) : undefined;
    const value = typeof parsed === 'string' ? parsed : unfold(line);
    (out[key] ??= []).push(value);
  }
  return out;
}

function returnPath(headers: Record<string, string[]>): string | null {
  const v = headers['return-path']?.[0];
  if (v === undefined) return null;
  const m = /<([^>]*)>/.exec(v);
  return (m ? m[1]! : v).trim();
}

function contentTypeParam(mail: ParsedMail, name: string): string | null {
  const ct = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  return ct?.params?.[name] ?? null;
}

function calendarParts(mail: ParsedMail): CalendarPart[] {
  const out: CalendarPart[] = [];
  for (const a of mail.attachments) {
    const type = String(a.contentType ?? '').toLowerCase(); // "Content-Type: ;" leaves none
    if (type !== 'text/calendar' && type !== 'application/ics') continue;
    const content = Buffer.isBuffer(a.content) ? a.content.subarray(0, 100_000).toString('utf8') : '';
    const ct = a.headers?.get('content-type') as { params?: Record<string, string> } | undefined;
    const fromBody = /^METHOD:([A-Za-z-]+)/m.exec(content)?.[1];
    const method = fromBody ?? ct?.params?.method ?? null;
    out.push({ method: method ? method.toUpperCase() : null, content });
  }
  return out;
}

function attachmentsOf(mail: ParsedMail): AttachmentInfo[] {
  return mail.attachments.map((a) => ({
    filename: a.filename ?? null,
    contentType: String(a.contentType ?? '').toLowerCase(),
    size: a.size,
    ...(a.related || (a.contentDisposition === 'inline' && a.cid) ? { inline: true } : {}),
  }));
}

function toInbound(mail: ParsedMail, size: number): InboundMail {
  const headers = headerMap(mail);
  const html = typeof mail.html === 'string' ? mail.html : null;
  let text = mail.text ?? '';
  if (!text.trim() && html) text = htmlToText(html.length > 2_000_000 ? html.slice(0, 2_000_000) : html);
  const reportType = (mail.headers.get('content-type') as { value?: string } | undefined)?.value === 'multipart/report'
    ? (contentTypeParam(mail, 'report-type') ?? 'unknown').toLowerCase()
    : null;
  const single = (v: AddressObject | AddressObject[] | undefined): Address | null => addresses(v)[0] ?? null;
  return {
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references: typeof mail.references === 'string' ? [mail.references] : mail.references ?? [],
    from: single(mail.from),
    sender: single(mail.headers.get('sender') as AddressObject | undefined),
    replyTo: single(mail.replyTo),
    returnPath: returnPath(headers),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: (mail.subject ?? '').replace(/\s+/g, ' ').trim().slice(0, 1000),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
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
