// The mailbox as the pipeline sees it: a few operations on the watched folder of one
// live IMAP connection. All IMAP I/O lives in src/mailbox/; nothing here knows the database.

export interface MailboxStatus {
  path: string; // the watched folder, e.g. INBOX
  uidValidity: string; // decimal string: IMAP UIDVALIDITY is a 32-bit unsigned number
  uidNext: number;
  exists: number;
  /** The server lets us store our own keywords ("\*" in PERMANENTFLAGS). */
  keywordsAllowed: boolean;
}

export interface MessageSummary {
  uid: number;
  size: number;
  internalDate: Date | null;
  /** The message's flags and keywords, without the session-bound \Recent. */
  flags: string[];
}

export interface MailboxSession {
  status(): MailboxStatus;
  /** Messages with UID strictly greater than `afterUid`, oldest first. */
  listAfter(afterUid: number): Promise<MessageSummary[]>;
  /** Messages whose INTERNALDATE is on or after `since` (IMAP SEARCH SINCE: day granularity), oldest first. */
  listSince(since: Date): Promise<MessageSummary[]>;
  /** The raw message, without setting \Seen (BODY.PEEK). At most `maxBytes` bytes: `truncated` tells. */
  download(uid: number, maxBytes: number): Promise<{ source: Buffer; truncated: boolean }>;
  /** Adds keywords to a message; false when the server does not keep them. Never touches \Seen. */
  addKeywords(uid: number, keywords: string[]): Promise<boolean>;
  /** Appends a copy of a sent reply to the Sent folder (configured, or the one marked \Sent). */
  appendSent(raw: Buffer): Promise<void>;
}

export interface MailboxLoopOptions {
  /** Called after every (re)connect, on every new-mail notification and at least every poll interval. */
  sync(session: MailboxSession): Promise<void>;
  signal: AbortSignal;
}
