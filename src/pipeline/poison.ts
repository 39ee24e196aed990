// A message the bot cannot get through even after retries: recorded as an error and left
// for organisers, so one bad message never blocks the mailbox.
import { recordInbound } from '../db/inbound-messages.js';
import { advanceCursor } from '../db/mailbox-state.js';
import type { MailboxStatus, MessageSummary } from '../mailbox/types.js';
import { keywords } from '../rules/types.js';
import type { PipelineDeps } from './deps.js';
import type { Handled } from './handle-message.js';

export async function recordPoison(deps: PipelineDeps, box: MailboxStatus, m: MessageSummary, err: Error): Promise<Handled> {
  const now = deps.clock();
  const uidValidity = Number(box.uidValidity);
  await deps.database.db.transaction(async (tx) => {
    await recordInbound(tx, {
      mailbox: box.path, uidValidity, uid: m.uid, size: m.size, receivedAt: m.internalDate, processedAt: now,
      outcome: 'error', error: `gave up after repeated failures: ${err.message}`.slice(0, 2000),
    });
    await advanceCursor(tx, box.path, uidValidity, m.uid, now);
  });
  deps.logger.error({ event: 'message.failed', uid: m.uid, error: err.message }, 'message set aside for organisers');
  return { outcome: 'error', keywords: [keywords.attention], outboxIds: [] };
}
