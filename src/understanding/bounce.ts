// What a delivery report says about mail we sent: which of our messages it returns, to whom
// delivery failed, and whether the address is bad for good (hard) or the failure may pass
// (soft). Pure: readBounceParts() takes the report's parts as text; readBounce() gets them from
// raw bytes with mailparser. Understands RFC 3464 reports (message/delivery-status with the
// returned message or its headers: Postfix, Exchange and Office 365, Gmail, Exim with DSN),
// X-Failed-Recipients (Exim), and the quoted headers and recipient lines of plain-text
// bounces (qmail, Exim, Postfix, Exchange NDR text), as Discourse, Zammad and EmailEngine do
// (see ../shared/design/email-ingest.md).
import { simpleParser } from 'mailparser';
import { TimeLimitError, withinDeadline } from './time-limit.js';

export interface BounceRecipient {
  /** Final-Recipient (lower case): where delivery failed. */
  address: string;
  /** Original-Recipient, when the report gives one (the address we wrote to, before forwarding). */
  original: string | null;
  action: string | null;
  /** RFC 3463 enhanced status code, e.g. 5.1.1. */
  status: string | null;
  diagnostic: string | null;
}

export interface BounceReport {
  /** failed: the message was not delivered; delayed: the server is still trying (a warning). */
  kind: 'failed' | 'delayed';
  /** Message-IDs (with angle brackets) of the returned message, and an Original-Envelope-Id. */
  messageIds: string[];
  recipients: BounceRecipient[];
  /** The address is bad for good (user unknown, no such domain, refused): write to it no more. */
  hard: boolean;
  status: string | null;
  diagnostic: string | null;
}

export interface BounceParts {
  /** The report's own header values by lower-case name. */
  headers: Record<string, string[]>;
  subject: string;
  /** Human-readable parts and delivery-status parts, as text. */
  texts: string[];
  /** Returned messages or their headers (message/rfc822, text/rfc822-headers). */
  returned: string[];
}

const ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
// An enhanced status code, not part of an IP address or version number. In running text only
// where SMTP puts one: after the reply code ("550 5.1.1", "550-5.1.1") or as qmail's "(#5.1.1)".
const ENHANCED = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;
const ENHANCED_IN_TEXT = /(?:\b[245]\d\d[ -]|#)([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;

function address(value: string | undefined): string | null {
  if (!value) return null;
  // "rfc822; jan@ede.nl", "<jan@ede.nl>", "jan@ede.nl<mailto:jan@ede.nl>"
  const m = ADDRESS.exec(value.replace(/^\s*[\w-]+\s*;/, ''));
  return m ? m[0].toLowerCase() : null;
}

/** RFC 3464 field groups: blocks of "Name: value" lines (continuations folded in). */
function fieldGroups(text: string): Record<string, string>[] {
  const groups: Record<string, string>[] = [];
  for (const block of text.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/)) {
    const fields: Record<string, string> = {};
    let last: string | null = null;
    for (const line of block.split('\n')) {
      const m = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$/.exec(line);
      if (m) {
        last = m[1]!.toLowerCase();
        fields[last] ??= m[2]!.trim();
      } else if (last && /^[ \t]/.test(line)) {
        fields[last] = `${fields[last]} ${line.trim()}`;
      }
    }
    if (Object.keys(fields).length > 0) groups.push(fields);
  }
  return groups;
}

function enhanced(text: string | null | undefined, pattern = ENHANCED): string | null {
  const m = text ? pattern.exec(text) : null;
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}

/** The header block of a returned message (or the quoted headers in a text). */
function headerBlock(text: string): string {
  const normal = text.replace(/\r\n/g, '\n');
  const end = normal.search(/\n[ \t]*\n/);
  return end < 0 ? normal : normal.slice(0, end);
}

// Message-ID lines: of a returned message, of quoted headers, or the X-Original-Message-ID
// that Gmail puts in its report. Folded values ("Message-ID:\n <...>") count too.
const MESSAGE_ID_LINE = /^[ \t>]*(?:X-)?(?:Original-)?Message-ID:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)/gim;

function messageIdsIn(text: string): string[] {
  return [...text.matchAll(MESSAGE_ID_LINE)].map((m) => m[1]!);
}

// Recipient lines of plain-text bounces: "<jan@ede.nl>:" (qmail, Postfix), an indented
// address under "The following address(es) failed" (Exim), "Delivery has failed to these
// recipients" (Exchange), "wasn't delivered to" (Gmail), Dutch Exchange wording.
const RECIPIENT_LINE = /^<([^<>\s]+@[^<>\s]+)>:?\s*$|^<([^<>\s]+@[^<>\s]+)>:\s/gm;
const RECIPIENT_PHRASE = /(?:following address(?:\(es\))?(?: failed)?|your message to|(?:to )?these recipients(?: or groups)?|wasn't delivered to|was not delivered to|could not be delivered to|couldn't be delivered to|delivery to the following recipients? failed(?: permanently)?|niet worden bezorgd bij|niet bezorgd bij|deze geadresseerden of groepen)[:\s]*<?([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/gi;

const DELAY_WORDS = /\b(delayed|delay\)|has not yet been delivered|will (?:continue|keep) (?:trying|to try)|still (?:trying|being retried)|vertraagd|nog niet (?:afgeleverd|bezorgd))\b/i;
// An address that does not exist, in words, for reports that give no status code.
const UNKNOWN_ADDRESS = /\b(address not found|couldn't be found|could not be found|user unknown|unknown user|no such (?:user|mailbox|recipient)|does not exist|doesn't exist|recipient not found|recipientnotfound|no mailbox here|mailbox unavailable|invalid recipient|onbekende? (?:gebruiker|geadresseerde|ontvanger)|bestaat niet)\b/i;

/** Permanent and about the address: the status class is 5 and it is not a full mailbox (X.2.2) or an expiry (X.4.7). */
function hardStatus(status: string | null): boolean {
  if (!status || !status.startsWith('5.')) return false;
  return !/^5\.2\.2$|^5\.4\.7$/.test(status);
}

export function readBounceParts(parts: BounceParts, ownAddresses: readonly string[] = []): BounceReport | null {
  const own = new Set(ownAddresses.map((a) => a.toLowerCase()));
  const texts = parts.texts.join('\n\n');
  const groups = fieldGroups(texts);
  const perMessage = groups.find((g) => 'reporting-mta' in g || 'original-envelope-id' in g) ?? {};

  const recipients: BounceRecipient[] = [];
  for (const g of groups) {
    const final = address(g['final-recipient']);
    if (!final) continue;
    recipients.push({
      address: final, original: address(g['original-recipient']), action: g.action?.toLowerCase() ?? null,
      status: enhanced(g.status) ?? enhanced(g['diagnostic-code'], ENHANCED_IN_TEXT), diagnostic: g['diagnostic-code'] ?? null,
    });
  }
  // Reports without DSN fields: the X-Failed-Recipients header, then recipient lines.
  const listed = recipients.length > 0 ? [] : [
    ...(parts.headers['x-failed-recipients'] ?? []).flatMap((v) => v.split(',')).map((v) => address(v)),
    ...[...texts.matchAll(RECIPIENT_LINE)].map((m) => address(m[1] ?? m[2])),
    ...[...texts.matchAll(RECIPIENT_PHRASE)].map((m) => address(m[1])),
  ];
  const textStatus = enhanced(texts, ENHANCED_IN_TEXT);
  for (const a of listed) {
    if (a && !own.has(a) && !recipients.some((r) => r.address === a)) {
      recipients.push({ address: a, original: null, action: null, status: textStatus, diagnostic: null });
    }
  }

  const returnedHeaders = parts.returned.map(headerBlock);
  const ids = new Set<string>([...returnedHeaders.flatMap(messageIdsIn), ...messageIdsIn(texts)]);
  const envelopeId = perMessage['original-envelope-id']?.trim();
  if (envelopeId) ids.add(envelopeId.startsWith('<') ? envelopeId : `<${envelopeId}>`);
  for (const own of parts.headers['message-id'] ?? []) ids.delete(own.trim()); // the report's own id

  if (recipients.length === 0 && ids.size === 0) return null;
  const failed = recipients.filter((r) => r.action === null || r.action === 'failed');
  const delayed = recipients.length > 0 && recipients.every((r) => r.action === 'delayed')
    || (recipients.every((r) => r.action === null) && DELAY_WORDS.test(`${parts.subject}\n${texts.slice(0, 3000)}`)
      && !(textStatus?.startsWith('5.')));
  const status = failed.find((r) => r.status)?.status ?? (delayed ? recipients.find((r) => r.status)?.status ?? null : textStatus);
  const diagnostic = failed.find((r) => r.diagnostic)?.diagnostic ?? null;
  const hard = !delayed && (hardStatus(status) || (status === null && UNKNOWN_ADDRESS.test(texts)));
  return {
    kind: delayed ? 'delayed' : 'failed',
    messageIds: [...ids],
    recipients: delayed ? recipients : failed.length > 0 ? failed : recipients,
    hard,
    status,
    diagnostic: diagnostic ? diagnostic.slice(0, 300) : null,
  };
}

const REPORT_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const RETURNED_TYPES = new Set(['message/rfc822', 'message/global', 'text/rfc822-headers', 'message/rfc822-headers', 'message/global-headers']);
/** A report's parts are small; a returned message with large attachments is read in part. */
const MAX_BOUNCE_BYTES = 2 * 1024 * 1024;

/** Reads a delivery report from raw bytes; null when it names no recipient and none of our messages, or cannot be read. */
export async function readBounce(raw: Buffer, ownAddresses: readonly string[] = [], deadline?: number): Promise<BounceReport | null> {
  const options = { skipHtmlToText: false, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, keepCidLinks: true };
  const input = raw.length > MAX_BOUNCE_BYTES ? raw.subarray(0, MAX_BOUNCE_BYTES) : raw;
  let mail;
  try {
    mail = await withinDeadline(input, deadline, (i) => simpleParser(i, options as Parameters<typeof simpleParser>[1]));
  } catch (err) {
    if (err instanceof TimeLimitError) throw err;
    return null; // a report mailparser cannot read tells us nothing
  }
  const texts: string[] = [];
  const returned: string[] = [];
  if (mail.text) texts.push(mail.text);
  for (const a of mail.attachments) {
    const type = String(a.contentType ?? '').toLowerCase(); // "Content-Type: ;" leaves none
    const content = Buffer.isBuffer(a.content) ? a.content.subarray(0, 256 * 1024).toString('utf8') : '';
    if (REPORT_TYPES.has(type) || type.startsWith('text/plain')) texts.push(content);
    else if (RETURNED_TYPES.has(type)) returned.push(content);
  }
  const headers: Record<string, string[]> = {};
  for (const { key, line } of mail.headerLines ?? []) {
    (headers[key] ??= []).push(line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
  }
  return readBounceParts({ headers, subject: mail.subject ?? '', texts, returned }, ownAddresses);
}
