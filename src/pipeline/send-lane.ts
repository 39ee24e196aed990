// The sync's replies go out here, in one ordered lane, while the next messages are decided: a
// backlog no longer waits for each SMTP exchange before deciding the next message. The lane is
// fed only with outbox ids already committed, so a crash loses nothing (deliverDue(deps, null)
// at start and at the end of every sync sends what is still pending), and it sends in the order
// the messages were decided: a reply never overtakes an earlier one to the same person.
// On PostgreSQL the lane's statements use another connection of the pool; on PGlite (one
// connection) a statement issued outside a transaction waits until the transaction in progress
// ends, so the lane's claim and sent mark slip in between two messages' transactions.
import { deliverDue } from './deliver.js';
import type { PipelineDeps } from './deps.js';

/** Replies of several messages queued meanwhile go out after one claim, but no more than this. */
const GROUP = 25;

export interface SendLane {
  /**
   * Queues one message's committed replies (none is fine); `then` runs once they were sent (or
   * found undeliverable), after those of every message pushed before.
   */
  push(outboxIds: number[], arrivedAt: Date | null, then: () => void): void;
  /** The first failure of the lane (the database went away while sending), if any. */
  failure(): unknown;
  /** Waits until nothing is queued or sending; rethrows the lane's failure. */
  settle(): Promise<void>;
}

interface Entry {
  ids: number[];
  arrivedAt: Date | null;
  then: () => void;
}

export function createSendLane(deps: PipelineDeps): SendLane {
  const queue: Entry[] = [];
  let running: Promise<void> | null = null;
  let failed: { error: unknown } | null = null;

  async function drain(): Promise<void> {
    while (queue.length > 0 && !failed) {
      const group = takeGroup();
      const ids = group.flatMap((e) => e.ids);
      if (ids.length > 0) {
        const arrived = new Map(group.flatMap((e) => e.ids.map((id) => [id, e.arrivedAt] as const)));
        try {
          await deliverDue(deps, null, ids, (id) => arrived.get(id) ?? null);
        } catch (error) {
          // Those rows stay pending (or 'sending', requeued at the next start): the end of a
          // later sync sends them. What is queued behind them waits for that too, in order.
          failed = { error };
          queue.length = 0;
          return;
        }
      }
      for (const e of group) e.then();
    }
  }

  function takeGroup(): Entry[] {
    const group: Entry[] = [];
    let count = 0;
    while (queue.length > 0 && (group.length === 0 || count + queue[0]!.ids.length <= GROUP)) {
      const e = queue.shift()!;
      count += e.ids.length;
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
    push(ids, arrivedAt, then) {
      if (failed) return;
      queue.push({ ids, arrivedAt, then });
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
