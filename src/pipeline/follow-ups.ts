// What follows a decision on the mailbox: the keyword on the message and the reply's copy in
// Sent. Neither decides anything (the database holds the truth), so they wait until the reply
// has gone and run in the background, batched (one STORE per set of keywords), while the next
// messages are decided. Copies in Sent are durable (outbox.copied_to_sent) and redone after any
// failure or restart; keywords wait here, across reconnects, until a STORE succeeds. STORE
// +FLAGS and a copy marked once filed are idempotent: redoing never doubles anything.
import type { MailboxSession } from '../mailbox/types.js';
import { copyToSent } from './deliver.js';
import type { PipelineDeps } from './deps.js';
import { failureText } from './transient.js';

const STORE_UIDS = 500;

export interface FollowUps {
  /** Keywords owed to a message of the folder with this UIDVALIDITY. */
  mark(uidValidity: string, uid: number, keywords: string[]): void;
  /** Starts a pass in the background over `session` (one at a time; a pass asked for while one runs follows it). */
  kick(session: MailboxSession): void;
  /** Runs a pass and waits for every pass to end. Never throws: failures are logged and retried at the next pass. */
  settle(session: MailboxSession): Promise<void>;
}

export function createFollowUps(deps: PipelineDeps): FollowUps {
  // uidValidity -> keyword set (space separated) -> UIDs
  const owed = new Map<string, Map<string, number[]>>();
  let running: Promise<void> = Promise.resolve();
  let waiting = false;

  async function pass(session: MailboxSession): Promise<void> {
    const uidValidity = session.status().uidValidity;
    for (const [validity, sets] of owed) {
      // The folder was renumbered: those UIDs now name other messages.
      if (validity !== uidValidity) {
        owed.delete(validity);
        continue;
      }
      for (const [set, uids] of sets) {
        sets.delete(set);
        try {
          // A few hundred UIDs per command keep its line well inside servers' limits.
          for (let i = 0; i < uids.length; i += STORE_UIDS) await session.addKeywords(uids.slice(i, i + STORE_UIDS).join(','), set.split(' '));
        } catch (err) {
          // A hint for organisers only: kept for the next pass (a new connection, most likely).
          for (const uid of uids) mark(validity, uid, set.split(' '));
          deps.logger.warn({ event: 'imap.keyword_failed', uids: uids.length, error: failureText(err) }, 'could not set keywords; trying again later');
          return;
        }
      }
    }
    if (deps.mail.imap.sentCopy) await copyToSent(deps, session);
  }

  function mark(uidValidity: string, uid: number, keywords: string[]): void {
    if (keywords.length === 0) return;
    const set = [...keywords].sort().join(' ');
    let sets = owed.get(uidValidity);
    if (!sets) owed.set(uidValidity, (sets = new Map()));
    const uids = sets.get(set);
    if (uids) uids.push(uid);
    else sets.set(set, [uid]);
  }

  function kick(session: MailboxSession): void {
    if (waiting) return;
    waiting = true;
    running = running.then(async () => {
      waiting = false;
      try {
        await pass(session);
      } catch (err) {
        deps.logger.warn({ event: 'mailbox.follow_up_failed', error: failureText(err) }, 'keywords or Sent copies wait for the next sync');
      }
    });
  }

  return {
    mark,
    kick,
    async settle(session) {
      kick(session);
      await running;
    },
  };
}
