// One pass over the watched folder: decide where to start, handle each new message in UID
// order, then send what the outbox owes. Called by the mailbox loop after every (re)connect,
// on new-mail notifications and on the poll interval.
//
// A backlog is fetched in batches, the next batch while the current one is decided; deciding
// stays one message at a time (under the series lock, handle-message.ts). Each message's replies
// go out through one ordered lane (send-lane.ts) while the next message is decided; keywords and
// Sent copies follow in the background (follow-ups.ts). A sync ends only when all that is done.
import { setTimeout as sleep } from 'node:timers/promises';
import { getCursor, markSynced, resetCursor } from '../db/mailbox-state.js';
import { currentCatalogue } from '../db/sessions.js';
import type { MailboxSession, MailboxStatus, MessageSummary } from '../mailbox/types.js';
import { deliverDue } from './deliver.js';
import type { PipelineDeps } from './deps.js';
import { createFollowUps } from './follow-ups.js';
import { handleMessage, readMessage, recordMessage, type IncomingMessage, type ReadMessage } from './handle-message.js';
import { recordPoison } from './poison.js';
import { createSendLane } from './send-lane.js';
import { failureText, isTransient } from './transient.js';

/** A message that failed this often (not for a passing fault) is set aside for organisers. */
const MAX_FAILURES_PER_MESSAGE = 3;
const RETRY_PAUSE_MS = 250;
/** A backlog's batches: this many messages, and no more bytes than this (by their sizes) unless one alone is larger. */
const BATCH_MESSAGES = 25;
const BATCH_BYTES = 4 * 1024 * 1024;

type Source = Pick<IncomingMessage, 'source' | 'truncated'>;

const incoming = (m: MessageSummary, aboveCursor: boolean) => ({ uid: m.uid, size: m.size, internalDate: m.internalDate, aboveCursor });

export interface SyncOptions {
  /** Also handle mail from this date on, once (backfill on purpose); the default handles only new mail. */
  since?: Date | null;
}

export function createSync(deps: PipelineDeps, opts: SyncOptions = {}): (session: MailboxSession) => Promise<void> {
  let backfill = opts.since ?? null;
  const followUps = createFollowUps(deps);
  const lane = createSendLane(deps);

  /** `ahead`: the message already read from the batch's copy (see processAll); a retry reads it anew. */
  async function processOne(
    session: MailboxSession, box: MailboxStatus, m: MessageSummary, ahead: Promise<ReadMessage> | undefined, aboveCursor: boolean,
  ): Promise<void> {
    // Sending failed (the database went away): stop here, as a failed decision would.
    if (lane.failure()) throw lane.failure();
    let handled;
    for (let attempt = 1; ; attempt++) {
      try {
        // The batch's copy first; a retry fetches the message again.
        if (attempt === 1 && ahead) {
          handled = await recordMessage(deps, await ahead, { claim: true });
        } else {
          const { source, truncated } = await session.download(m.uid, deps.mail.maxMessageBytes);
          handled = await handleMessage(deps, box, { ...incoming(m, aboveCursor), source, truncated }, { claim: true });
        }
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
    // Committed: the lane sends while the next message is decided, its replies written claimed
    // for it (claim: true). The replies answer this message, so its arrival (recorded as
    // received_at) is known here. Keywords follow the replies.
    const { keywords } = handled;
    lane.push(handled.outboxIds, m.internalDate, () => followUps.mark(box.uidValidity, m.uid, keywords), handled.claimed);
  }

  /** The messages' sources for a batch in one FETCH; an empty map (one by one) when that fails for a reason of its own. */
  function prefetch(session: MailboxSession, batch: MessageSummary[]): Promise<Map<number, Source>> {
    if (!session.downloadMany || batch.length === 0) return Promise.resolve(new Map());
    const fetching = session.downloadMany(batch.map((m) => m.uid), deps.mail.maxMessageBytes).catch((err: unknown) => {
      if (isTransient(err)) throw err;
      deps.logger.warn({ event: 'mailbox.prefetch_failed', uids: batch.length, error: failureText(err) }, 'fetching one by one');
      return new Map<number, Source>();
    });
    fetching.catch(() => {}); // awaited later; a connection lost meanwhile must not count as unhandled
    return fetching;
  }

  function batchEnd(listed: MessageSummary[], start: number): number {
    let end = start;
    let bytes = 0;
    while (end < listed.length && end - start < BATCH_MESSAGES && (end === start || bytes + listed[end]!.size <= BATCH_BYTES)) {
      bytes += listed[end]!.size;
      end++;
    }
    return end;
  }

  /** aboveCursor: `listed` is what lies above the cursor just read (see syncOnce). */
  async function processAll(session: MailboxSession, box: MailboxStatus, listed: MessageSummary[], aboveCursor = false): Promise<void> {
    let start = 0;
    let end = batchEnd(listed, 0);
    let next = prefetch(session, listed.slice(0, end));
    while (start < listed.length) {
      const batch = listed.slice(start, end);
      const sources = await next;
      start = end;
      end = batchEnd(listed, start);
      next = prefetch(session, listed.slice(start, end));
      const readAhead = (m: MessageSummary): Promise<ReadMessage> | undefined => {
        const fetched = sources.get(m.uid);
        sources.delete(m.uid); // no source is held longer than its message needs it
        if (!fetched) return undefined;
        const reading = readMessage(deps, box, { ...incoming(m, aboveCursor), ...fetched });
        reading.catch(() => {}); // awaited by processOne, unless the sync failed before
        return reading;
      };
      let ahead = batch[0] && readAhead(batch[0]);
      for (const [i, m] of batch.entries()) {
        const reading = ahead;
        // Reading writes nothing (handle-message.ts): the next message is read while this one
        // is decided and recorded, which stays one at a time, in UID order.
        await reading?.catch(() => {});
        ahead = batch[i + 1] && readAhead(batch[i + 1]!);
        await processOne(session, box, m, reading, aboveCursor);
      }
      followUps.kick(session);
    }
  }

  return async function sync(session: MailboxSession): Promise<void> {
    try {
      await syncOnce(session);
    } catch (err) {
      // Nothing of the sends or follow-ups may still run when the loop backs off or the worker stops.
      await lane.settle().catch(() => {}); // the sync's own failure is the one to report
      await followUps.settle(session);
      throw err;
    }
  };

  async function syncOnce(session: MailboxSession): Promise<void> {
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
      await processAll(session, box, await session.listSince(since));
      await resetCursor(db, box.path, uidValidity, Math.max(0, box.uidNext - 1), cursor.baselineAt);
    }
    if (backfill) {
      deps.logger.info({ event: 'mailbox.backfill', mailbox: box.path, since: backfill.toISOString() }, 'handling older mail on request');
      await processAll(session, box, await session.listSince(backfill));
      backfill = null;
    }
    cursor = await getCursor(db, box.path);
    // Above the cursor means not recorded yet: only this worker records this folder's mail (it
    // holds the mailbox's lock), and every record moves the cursor in its own transaction, past
    // the message it records (handle-message.ts, review-hold.ts). So the per-message check
    // whether it is recorded can be left out for these; the unique key still stands behind it.
    const aboveCursor = cursor !== null && cursor.uidValidity === uidValidity;
    await processAll(session, box, await session.listAfter(cursor?.lastUid ?? 0), aboveCursor);
    // The lane first: the pass below would otherwise claim what the lane is about to send, and
    // the two would send side by side, out of order.
    await lane.settle();
    const retried = await deliverDue(deps, null);
    if (retried.sent + retried.failed > 0) deps.logger.info({ event: 'outbox.drained', ...retried }, 'outbox drained');
    // Keywords and Sent copies of this pass (and any owed from before) are in place when it ends.
    await followUps.settle(session);
    await markSynced(db, box.path, deps.clock());
    deps.logger.debug({ event: 'mailbox.synced', mailbox: box.path, uidNext: box.uidNext }, 'mailbox in sync');
  }
}
