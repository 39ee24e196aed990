// A message the bot cannot get through even after retries: recorded as an error and left
// for organisers, so one bad message never blocks the mailbox.
import type { MailboxStatus, MessageSummary } from '../mailbox/types.js';
import type { PipelineDeps } from './deps.js';
import { recordForOrganisers, type Handled } from './handle-message.js';
import { failureText } from './transient.js';

export async function recordPoison(deps: PipelineDeps, box: MailboxStatus, m: MessageSummary, err: Error): Promise<Handled> {
  const log = deps.logger.child({ uid: m.uid });
  log.error({ event: 'message.failed', error: failureText(err) }, 'message set aside for organisers');
  return recordForOrganisers(deps, log, {
    mailbox: box.path, uidValidity: Number(box.uidValidity), uid: m.uid, size: m.size, receivedAt: m.internalDate,
    processedAt: deps.clock(), outcome: 'error', error: `gave up after repeated failures: ${failureText(err)}`,
  });
}
