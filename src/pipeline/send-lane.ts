// The sync's replies go out here, in one ordered lane, while the next messages are decided: a
// backlog no longer waits for each SMTP exchange before deciding the next message. The lane is
// fed only with outbox ids already committed, so a crash loses nothing (deliverDue(deps, null)
// at start and at the end of every sync sends what is still pending), and it sends in the order
// the messages were decided: a reply never overtakes an earlier one to the same person.
// The sync's replies come to it already claimed (written 'sending' with their message, see
// ClaimedReply in outbox.ts), so the lane sends them without a claim of its own: one round trip
// per message less. Ids pushed without their rows are claimed here, as before. What the lane
// cannot send once it fails goes back to pending (releaseUnsent), so the closing pass of a later
// sync sends it; a crash leaves it 'sending', which the next start requeues.
// On PostgreSQL the lane's statements use another connection of the pool; on PGlite (one
// connection) a statement issued outside a transaction waits until the transaction in progress
// ends, so the lane's claim and sent mark slip in between two messages' transactions.
import { claimDue, type ClaimedReply } from '../db/outbox.js';
import { sendReply, type DeliveryReport } from './deliver.js';
import type { PipelineDeps } from './deps.js';
import { flushOutcomes, releaseUnsent } from './unrecorded.js';

/** Replies of several messages queued meanwhile go out after one claim, but no more than this. */
const GROUP = 25;

export interface SendLane {
  /**
   * Queues one message's committed replies (none is fine): `claimed` when they were written
   * claimed for this lane (then `outboxIds` is not looked at), else their ids, claimed here.
   * `then` runs once they were sent (or found undeliverable), after those of every message pushed before.
   */
  push(outboxIds: number[], arrivedAt: Date | null, then: () => void, claimed?: ClaimedReply[]): void;
  /** The first failure of the lane (the database went away while sending), if any. */
  failure(): unknown;
  /** Waits until nothing is queued or sending; rethrows the lane's failure. */
  settle(): Promise<void>;
}

interface Entry {
  ids: number[];
  claimed: ClaimedReply[] | undefined;
  arrivedAt: Date | null;
  then: () => void;
}

const size = (e: Entry) => e.claimed?.length ?? e.ids.length;

export function createSendLane(deps: PipelineDeps): SendLane {
  const queue: Entry[] = [];
  let running: Promise<void> | null = null;
  let failed: { error: unknown } | null = null;

  async function drain(): Promise<void> {
    while (queue.length > 0 && !failed) {
      const group = takeGroup();
      // Claimed for this lane and not handed to SMTP yet: what goes back to pending if it fails.
      let unsent = group.flatMap((e) => e.claimed ?? []);
      try {
        const rows = await claimedRows(group);
        const arrived = new Map(group.flatMap((e) => (e.claimed?.map((r) => r.id) ?? e.ids).map((id) => [id, e.arrivedAt] as const)));
        const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
        for (const [i, row] of rows.entries()) {
          unsent = rows.slice(i + 1);
          // An outcome is waiting for the database: send nothing more until it is back.
          if (!await sendReply(deps, row, report, (id) => arrived.get(id) ?? null)) {
            throw new Error('the database went away while replies were sent');
          }
        }
      } catch (error) {
        // What is not sent goes back to pending (now, or once the database is back): the end of
        // a later sync sends it. What is queued behind it waits for that too, in order.
        failed = { error };
        unsent.push(...queue.flatMap((e) => e.claimed ?? []));
        queue.length = 0;
        await releaseUnsent(deps, unsent.map((r) => r.id));
        return;
      }
      for (const e of group) e.then();
    }
  }

  /** The group's replies, claimed: those written claimed as they are, the others claimed now; in the order written. */
  async function claimedRows(group: Entry[]): Promise<ClaimedReply[]> {
    const rows = group.flatMap((e) => e.claimed ?? []);
    const ids = group.flatMap((e) => (e.claimed ? [] : e.ids));
    if (ids.length > 0) {
      await flushOutcomes(deps); // as deliverDue does before a claim
      rows.push(...await claimDue(deps.database.db, deps.clock(), ids.length, ids));
    }
    return rows.sort((a, b) => a.id - b.id);
  }

  function takeGroup(): Entry[] {
    const group: Entry[] = [];
    let count = 0;
    while (queue.length > 0 && (group.length === 0 || count + size(queue[0]!) <= GROUP)) {
      const e = queue.shift()!;
      count += size(e);
      group.push(e);
    }
    return group;
  }

  function kick(): void {
    if (running) return;
    running = drain().finally(() => {
      running = null;
      // Pushed while the last group was being finished off.
      if (queue.length > 0 && !failed) kick();
    });
  }

  return {
    push(ids, arrivedAt, then, claimed) {
      if (failed) {
        // Claimed for this lane, which has stopped: back to pending for the end of a later sync.
        if (claimed) void releaseUnsent(deps, claimed.map((r) => r.id));
        return;
      }
      queue.push({ ids, claimed, arrivedAt, then });
      kick();
    },
    failure: () => failed?.error,
    async settle() {
      while (running) await running;
      if (failed) {
        const { error } = failed;
        failed = null; // the next sync starts with a fresh lane state
        throw error;
      }
    },
  };
}
