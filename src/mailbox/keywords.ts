// Keywords set by a command rather than the worker (after a review): one short connection,
// the message found by its folder, UIDVALIDITY and UID. Like the worker's keywords a hint only:
// a folder that was renumbered or a server that keeps no keywords is skipped, never an error.
import type { Logger } from 'pino';
import type { MailConfig } from '../config/config.js';
import { createImapClient } from './client.js';

export interface KeywordChange {
  mailbox: string;
  uidValidity: number;
  uid: number;
  add: string[];
  remove: string[];
}

/** Applies the changes; returns how many messages were updated. Failures are logged, not thrown. */
export async function changeKeywords(imap: MailConfig['imap'], logger: Logger, changes: KeywordChange[]): Promise<number> {
  if (!imap.keywords || changes.length === 0) return 0;
  const client = createImapClient(imap, logger);
  client.on('error', () => {}); // reported through the failing call below
  let done = 0;
  try {
    await client.connect();
    for (const c of changes) {
      // Selecting (not EXAMINE) so keywords can be stored; \Seen is never touched.
      const box = await client.mailboxOpen(c.mailbox);
      if (String(box.uidValidity) !== String(c.uidValidity) || !box.permanentFlags?.has('\\*')) continue;
      if (c.remove.length) await client.messageFlagsRemove(String(c.uid), c.remove, { uid: true });
      if (c.add.length) await client.messageFlagsAdd(String(c.uid), c.add, { uid: true });
      done++;
    }
  } catch (err) {
    logger.warn({ event: 'review.keywords_failed', error: (err as Error).message }, 'could not update the keywords of reviewed mail');
  } finally {
    await client.logout().catch(() => client.close());
  }
  return done;
}
