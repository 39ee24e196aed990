// One reply as raw MIME bytes: what is stored in the outbox, sent over SMTP unchanged and
// appended to the Sent folder. Pure apart from the random Message-ID when none is given.
import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { buildInMemory } from './mime-build.js';
import type { RenderedReply } from './types.js';
import { cleanValue } from './view.js';

export interface ComposeInput {
  /** The mailbox: From of every reply. */
  from: { name: string; address: string };
  /** The one recipient (Reply-To, else From, of the message answered). */
  to: { name: string | null; address: string };
  /** Subject of the message answered ('' when it had none: the template's subject is used). */
  originalSubject: string;
  rendered: RenderedReply;
  /** Message-ID of the message answered, with angle brackets; null when it had none. */
  inReplyTo: string | null;
  /** References of the message answered (its own Message-ID may be included or not). */
  references: string[];
  /** The Date header: the injected clock. */
  date: Date;
  /** Our Message-ID; makeMessageId(<mailbox domain>) when absent. */
  messageId?: string;
  /** The .ics from buildInvite; `method` must equal its METHOD line. */
  invite?: { method: 'REQUEST' | 'CANCEL'; ics: string; filename?: string } | null;
  /** RFC 3834: 'auto-replied' (default) answers a message; 'auto-generated' is a mail of our own (a reminder). */
  autoSubmitted?: 'auto-replied' | 'auto-generated';
}

export interface ComposedReply {
  raw: Buffer;
  messageId: string; // with angle brackets, as in the header
  subject: string;
}

/** "<uuid@domain>": our own Message-ID, stored before sending so answers find their thread. */
export function makeMessageId(domain: string, random: string = randomUUID()): string {
  const host = domain.trim().toLowerCase().replace(/^.*@/, '');
  if (!/^[a-z0-9.-]+$/.test(host) || !/^[A-Za-z0-9._-]+$/.test(random)) {
    throw new Error(`cannot build a Message-ID from "${random}" and "${domain}"`);
  }
  return `<${random}@${host}>`;
}

// Reply and forward prefixes of common mail clients (en, nl, de, fr, it, es, nordic), with
// Outlook's "Re[2]:" counters. Stripped all at once so replies never stack them.
const prefix = /^\s*(?:(?:re|aw|antw|antwoord|sv|vs|ref|rif|r|fwd?|wg|doorst|tr|rv|enc)(?:\s*[[(]\d+[\])])?\s*:\s*)+/i;

/** "Re: <original subject>" without stacked prefixes; the template's subject when there is none. */
export function replySubject(original: string, fallback: string): string {
  const base = cleanValue(original, 250).replace(prefix, '').trim();
  return base ? `Re: ${base}` : cleanValue(fallback, 250);
}

function normaliseId(id: string): string | null {
  const bare = id.trim().replace(/^<|>$/g, '').trim();
  // A msg-id is one token: no spaces, brackets or controls, which would break the header.
  return /^[^\s<>\u0000-\u001f\u007f]+$/.test(bare) ? `<${bare}>` : null;
}

/** References for the reply: theirs plus the id answered, first 4 + last 6 when longer than 10 (as RT does). */
export function replyReferences(references: string[], inReplyTo: string | null): string[] {
  const parent = inReplyTo ? normaliseId(inReplyTo) : null;
  const ids: string[] = [];
  for (const ref of references) {
    const id = normaliseId(ref);
    if (id && id !== parent && !ids.includes(id)) ids.push(id);
  }
  if (parent) ids.push(parent);
  return ids.length > 10 ? [...ids.slice(0, 4), ...ids.slice(-6)] : ids;
}

/** The METHOD property of an iCalendar object, upper case; null when it has none. */
export function icsMethod(ics: string): string | null {
  return /^METHOD:([A-Za-z-]+)\r?$/m.exec(ics)?.[1]?.toUpperCase() ?? null;
}

export async function composeReply(input: ComposeInput): Promise<ComposedReply> {
  const { composer, messageId, subject } = replyComposer(input);
  return { raw: await build(composer), messageId, subject };
}

/** The reply as nodemailer's MailComposer, before it is built. */
export function replyComposer(input: ComposeInput): { composer: MailComposer; messageId: string; subject: string } {
  const messageId = input.messageId ? normaliseId(input.messageId) : makeMessageId(input.from.address);
  if (!messageId) throw new Error(`not a Message-ID: "${input.messageId}"`);
  const inReplyTo = input.inReplyTo ? normaliseId(input.inReplyTo) : null;
  const references = replyReferences(input.references, inReplyTo);
  const subject = replySubject(input.originalSubject, input.rendered.subject);

  let icalEvent: { method: string; content: string; filename: string } | undefined;
  if (input.invite) {
    const method = icsMethod(input.invite.ics);
    // Gmail and Outlook ignore an invite whose Content-Type method differs from its METHOD.
    if (method !== input.invite.method) {
      throw new Error(`invite method ${input.invite.method} does not match the file's METHOD:${method ?? '(none)'}`);
    }
    icalEvent = { method, content: input.invite.ics, filename: input.invite.filename ?? 'invite.ics' };
  }

  const composer = new MailComposer({
    from: { name: cleanValue(input.from.name, 100), address: input.from.address },
    to: { name: cleanValue(input.to.name ?? '', 100), address: input.to.address },
    subject,
    messageId,
    date: input.date,
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(references.length > 0 ? { references } : {}),
    headers: {
      // RFC 3834: marks the reply as automatic, so vacation responders and other bots stay quiet.
      'Auto-Submitted': input.autoSubmitted ?? 'auto-replied',
      // Exchange/Outlook's equivalent: no out-of-office or read receipts back to the mailbox.
      'X-Auto-Response-Suppress': 'All',
    },
    text: input.rendered.text,
    html: input.rendered.html,
    ...(icalEvent ? { icalEvent } : {}),
    // The text parts are written with LF; SMTP wants CRLF only (bare LF gets rejected).
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return { composer, messageId, subject };
}

/** The message's bytes: written out at once (mime-build.ts), or by nodemailer's streams for a part not in memory. */
function build(composer: MailComposer): Promise<Buffer> {
  const root = composer.compile();
  return Promise.resolve(buildInMemory(root) ?? root.build());
}

export interface NoticeInput {
  from: { name: string; address: string };
  to: { name: string | null; address: string };
  /** Where answers go (the organisers themselves for the digest), so they never land in the watched mailbox. */
  replyTo: string[];
  rendered: RenderedReply;
  date: Date;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

/** A mail of the bot's own that answers nobody (the organisers' digest), as raw MIME. */
export async function composeNotice(input: NoticeInput): Promise<ComposedReply> {
  const { composer, messageId, subject } = noticeComposer(input);
  return { raw: await build(composer), messageId, subject };
}

/** The notice as nodemailer's MailComposer, before it is built. */
export function noticeComposer(input: NoticeInput): { composer: MailComposer; messageId: string; subject: string } {
  const messageId = makeMessageId(input.from.address);
  const subject = cleanValue(input.rendered.subject, 250);
  const composer = new MailComposer({
    from: { name: cleanValue(input.from.name, 100), address: input.from.address },
    to: { name: cleanValue(input.to.name ?? '', 100), address: input.to.address },
    ...(input.replyTo.length > 0 ? { replyTo: input.replyTo } : {}),
    subject,
    messageId,
    date: input.date,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    text: input.rendered.text,
    html: input.rendered.html,
    attachments: input.attachments,
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return { composer, messageId, subject };
}
