// One pass over the watched folder: decide where to start, handle each new message in UID
// order, then send what the outbox owes. Called by the mailbox loop after every (re)connect,
// on new-mail notifications and on the poll interval.
import { setTimeout as sleep } from 'node:timers/promises';
import { getCursor, markSynced, resetCursor } from '../db/mailbox-state.js';
import { currentCatalogue } from '../db/sessions.js';
import type { MailboxSession, MailboxStatus, MessageSummary } from '../mailbox/types.js';
import { deliverDue } from './deliver.js';
import type { PipelineDeps } from './deps.js';
import { handleMessage } from './handle-message.js';
import { recordPoison } from './poison.js';
import { failureText, isTransient } from './transient.js';

/** A message that failed this often (not for a passing fault) is set aside for organisers. */
const MAX_FAILURES_PER_MESSAGE = 3;
const RETRY_PAUSE_MS = 250;

export interface SyncOptions {
  /** Also handle mail from this date on, once (backfill on purpose); the default handles only new mail. */
  since?: Date | null;
}

export function createSync(deps: PipelineDeps, opts: SyncOptions = {}): (session: MailboxSession) => Promise<void> {
  let backfill = opts.since ?? null;

  async function processOne(session: MailboxSession, box: MailboxStatus, m: MessageSummary): Promise<void> {
    let handled;
    for (let attempt = 1; ; attempt++) {
      try {
        const { source, truncated } = await session.download(m.uid, deps.mail.maxMessageBytes);
        handled = await handleMessage(deps, box, { uid: m.uid, size: m.size, internalDate: m.internalDate, source, truncated });
        break;
      } catch (err) {
        // The database or the IMAP server went away: not the message's fault, so it never counts
        // towards setting it aside. The loop keeps the cursor, backs off and tries it again.
        if (isTransient(err)) throw err;
        // Anything else is most likely the message's own: try again at once, then set it aside,
        // so one bad message costs a second, not the loop's growing backoff.
        if (attempt >= MAX_FAILURES_PER_MESSAGE) {
          handled = await recordPoison(deps, box, m, err as Error);
          break;
        }
        deps.logger.warn({ event: 'message.retry', uid: m.uid, attempt, error: failureText(err) }, 'message failed; trying again');
        await sleep(RETRY_PAUSE_MS * attempt);
      }
    }
    if (handled.keywords.length > 0) {
      try {
        await session.addKeywords(m.uid, handled.keywords);
      } catch (err) {
        // A hint for organisers only: the database already holds the truth.
        deps.logger.warn({ event: 'imap.keyword_failed', uid: m.uid, error: (err as Error).message }, 'could not set keyword');
      }
    }
    if (handled.outboxIds.length > 0) await deliverDue(deps, session, handled.outboxIds);
  }

  return async function sync(session: MailboxSession): Promise<void> {
    const { db } = deps.database;
    const box = session.status();
    const uidValidity = Number(box.uidValidity);
    const now = deps.clock();
    const stored = await currentCatalogue(db);
    // Same content, same object: the understanding's lookup tables are cached per catalogue object.
    if (stored && JSON.stringify(stored) !== JSON.stringify(deps.catalogue)) deps.catalogue = stored;
    let cursor = await getCursor(db, box.path);

    if (!cursor) {
      // First start: everything already in the folder is history, for organisers only.
      await resetCursor(db, box.path, uidValidity, box.uidNext - 1, now);
      deps.logger.info({ event: 'mailbox.baseline', mailbox: box.path, uidValidity, lastUid: box.uidNext - 1 }, 'first start: older mail is left alone');
    } else if (cursor.uidValidity !== uidValidity) {
      // The server renumbered the folder. Rescan what arrived since we last looked; mail we
      // already handled is recognised by its Message-ID and not answered again.
      const since = cursor.lastSyncAt ?? cursor.baselineAt;
      deps.logger.warn({ event: 'mailbox.uidvalidity_changed', mailbox: box.path, from: cursor.uidValidity, to: uidValidity }, 'UIDVALIDITY changed: rescanning recent mail');
      await resetCursor(db, box.path, uidValidity, 0, cursor.baselineAt);
      for (const m of await session.listSince(since)) await processOne(session, box, m);
      await resetCursor(db, box.path, uidValidity, Math.max(0, box.uidNext - 1), cursor.baselineAt);
    }
    if (backfill) {
      deps.logger.info({ event: 'mailbox.backfill', mailbox: box.path, since: backfill.toISOString() }, 'handling older mail on request');
      for (const m of await session.listSince(backfill)) await processOne(session, box, m);
      backfill = null;
    }
    cursor = await getCursor(db, box.path);
    for (const m of await session.listAfter(cursor?.lastUid ?? 0)) await processOne(session, box, m);

    const retried = await deliverDue(deps, session);
    if (retried.sent + retried.failed > 0) deps.logger.info({ event: 'outbox.drained', ...retried }, 'outbox drained');
    await markSynced(db, box.path, deps.clock());
    deps.logger.debug({ event: 'mailbox.synced', mailbox: box.path, uidNext: box.uidNext }, 'mailbox in sync');
  };
}
