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
  /**
   * Several raw messages in one FETCH (a backlog's next batch), each as download() gives it;
   * a UID the server did not return is missing from the map. Optional: without it, one by one.
   */
  downloadMany?(uids: number[], maxBytes: number): Promise<Map<number, { source: Buffer; truncated: boolean }>>;
  /** Adds keywords to a message (or to several: a UID list such as "4,7,9"); false when the server does not keep them. Never touches \Seen. */
  addKeywords(uid: number | string, keywords: string[]): Promise<boolean>;
  /** Appends a copy of a sent reply to the Sent folder (configured, or the one marked \Sent). */
  appendSent(raw: Buffer): Promise<void>;
}

export interface MailboxLoopOptions {
  /** Called after every (re)connect, on every new-mail notification and at least every poll interval. */
  sync(session: MailboxSession): Promise<void>;
  signal: AbortSignal;
  /** OAuth2: each connection logs in with a token from here, and logs in anew before it is due for renewal. */
  tokens?: AccessTokens;
  monitor?: MailboxMonitor;
}

/** Where OAuth2 logins get their tokens (src/auth/oauth2.ts). */
export interface AccessTokens {
  get(): Promise<{ value: string; renewAt: number }>;
  /** The server refused it: the next get() brings a new one. */
  rejected(value: string): void;
}

/** Told how the connection fares (health and metrics). */
export interface MailboxMonitor {
  /** Logged in and usable (true), or lost, logged out or never made (false). */
  connectionChanged(up: boolean): void;
  /** Another attempt follows after a lost or failed connection. */
  reconnectScheduled(): void;
}
