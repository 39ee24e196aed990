// The MailboxSession operations over one connected ImapFlow client with the watched folder
// selected. Reads use BODY.PEEK (imapflow's default), so \Seen is never set by the bot:
// organisers read the same mailbox.

import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import type { MailConfig } from '../config/config.js';
import type { MailboxSession, MailboxStatus, MessageSummary } from './types.js';

const SUMMARY_QUERY = { uid: true, flags: true, size: true, internalDate: true } as const;

function toSummary(message: FetchMessageObject): MessageSummary {
  return {
    uid: message.uid,
    size: message.size ?? 0,
    internalDate: message.internalDate ? new Date(message.internalDate) : null,
    // \Recent only says which session saw the message first (and is gone in IMAP4rev2)
    flags: [...(message.flags ?? [])].filter((flag) => flag !== '\\Recent'),
  };
}

const byUid = (a: MessageSummary, b: MessageSummary) => a.uid - b.uid;

const sourceQuery = (maxBytes: number) => ({ uid: true, size: true, source: { start: 0, maxLength: maxBytes } }) as const;

/** A server that ignores the partial specifier sends everything: cut it here. */
function bounded(message: { source: Buffer; size?: number }, maxBytes: number): { source: Buffer; truncated: boolean } {
  const source = message.source.length > maxBytes ? message.source.subarray(0, maxBytes) : message.source;
  const size = message.size ?? message.source.length;
  return { source, truncated: size > source.length };
}

export function createMailboxSession(client: ImapFlow, imap: MailConfig['imap'], logger: Logger): MailboxSession {
  let sentPath: string | null = null;

  function status(): MailboxStatus {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error(`IMAP folder ${imap.mailbox} is not selected (connection lost?)`);
    return {
      path: mailbox.path,
      uidValidity: mailbox.uidValidity.toString(),
      uidNext: mailbox.uidNext,
      exists: mailbox.exists,
      keywordsAllowed: mailbox.permanentFlags?.has('\\*') ?? false,
    };
  }

  // fetchAll collects the listing before returning, so no command is ever sent from inside a
  // fetch iterator (that deadlocks imapflow, postalsys/imapflow#159).
  async function summaries(range: string): Promise<MessageSummary[]> {
    const messages = await client.fetchAll(range, SUMMARY_QUERY, { uid: true });
    return messages.map(toSummary).sort(byUid);
  }

  async function findSentPath(): Promise<string> {
    if (imap.sentMailbox) return imap.sentMailbox;
    const folders = await client.list();
    const marked = folders.find((folder) => folder.specialUse === '\\Sent');
    if (marked) return marked.path;
    const named = folders.find((folder) => folder.path === 'Sent');
    if (!named) {
      logger.info({ event: 'imap.sent_folder_created', path: 'Sent' });
      await client.mailboxCreate('Sent');
    }
    return 'Sent';
  }

  return {
    status,

    async listAfter(afterUid) {
      // RFC 3501 6.4.8: "n:*" also matches the highest UID when that is below n, so filter.
      const listed = await summaries(`${afterUid + 1}:*`);
      return listed.filter((message) => message.uid > afterUid);
    },

    async listSince(since) {
      const uids = await client.search({ since }, { uid: true });
      if (!uids || uids.length === 0) return [];
      return summaries(uids.join(','));
    },

    async download(uid, maxBytes) {
      // A partial fetch (BODY.PEEK[]<0.maxBytes>) keeps memory bounded by maxBytes.
      const message = await client.fetchOne(String(uid), sourceQuery(maxBytes), { uid: true });
      if (!message || !message.source) throw new Error(`message UID ${uid} is not in ${imap.mailbox} (expunged?)`);
      return bounded({ source: message.source, size: message.size }, maxBytes);
    },

    async downloadMany(uids, maxBytes) {
      const found = new Map<number, { source: Buffer; truncated: boolean }>();
      if (uids.length === 0) return found;
      for (const message of await client.fetchAll(uids.join(','), sourceQuery(maxBytes), { uid: true })) {
        if (message.source) found.set(message.uid, bounded({ source: message.source, size: message.size }, maxBytes));
      }
      return found;
    },

    async addKeywords(uid, keywords) {
      // Checked here as well as in imapflow, which would log a warning for every message.
      if (!imap.keywords || keywords.length === 0 || !status().keywordsAllowed) return false;
      return client.messageFlagsAdd(String(uid), keywords, { uid: true });
    },

    async appendSent(raw) {
      sentPath ??= await findSentPath();
      const result = await client.append(sentPath, raw, ['\\Seen']);
      if (!result) throw new Error(`could not append the reply to the IMAP folder ${sentPath}`);
    },
  };
}
