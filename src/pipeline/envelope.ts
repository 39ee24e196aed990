// Before and after the rules decide: what the message's envelope says. Our receiving server's
// DMARC verdict on the sender, and, for a delivery report, the replies of ours it returns.
// The judging is pure (understanding/authentication.ts, understanding/bounce.ts,
// rules/bounce.ts, rules/safeguards.ts); this module does the reading and the writing.
import type { MailConfig } from '../config/config.js';
import { applyBouncePlan, findBouncedReplies } from '../db/bounces.js';
import type { Tx } from '../db/client.js';
import { planBounce } from '../rules/bounce.js';
import { screen } from '../rules/safeguards.js';
import type { Decision } from '../rules/types.js';
import { trustedDmarc, type DmarcVerdict } from '../understanding/authentication.js';
import { readBounce, type BounceReport } from '../understanding/bounce.js';
import { TimeLimitError } from '../understanding/time-limit.js';
import type { InboundMail, Understanding } from '../understanding/types.js';

export interface Envelope {
  dmarc: DmarcVerdict | null;
  bounce: BounceReport | null;
}

/** Reads the envelope; a report is read only from mail understood as a bounce. */
export async function readEnvelope(
  mail: InboundMail, raw: Buffer, understanding: Understanding, config: MailConfig, deadline?: number,
): Promise<Envelope> {
  const dmarc = trustedDmarc(mail.headers['authentication-results'] ?? [], config.trustedAuthservIds);
  // A report that cannot be read is still machine mail: ignored as before, unless time ran out.
  const bounce = understanding.automated === 'bounce'
    ? await readBounce(raw, config.ownAddresses, deadline).catch((err: unknown) => {
      if (err instanceof TimeLimitError) throw err;
      return null;
    })
    : null;
  return { dmarc, bounce };
}

/** The decision as the envelope leaves it, and what to write once the message is recorded. */
export async function screenDecision(tx: Tx, decision: Decision, envelope: Envelope, now: Date): Promise<{
  decision: Decision;
  /** afterRecord has something to write (a bounce's consequences); otherwise it does nothing. */
  writesAfterRecord: boolean;
  afterRecord(inboundId: number): Promise<void>;
}> {
  const found = envelope.bounce ? await findBouncedReplies(tx, envelope.bounce) : null;
  const plan = found && envelope.bounce ? planBounce(envelope.bounce, found.replies, found.by) : null;
  const screened = screen(decision, { dmarc: envelope.dmarc, bounce: plan });
  return {
    decision: screened.decision,
    writesAfterRecord: Boolean(screened.applyBounce && plan),
    async afterRecord(inboundId) {
      if (screened.applyBounce && plan) await applyBouncePlan(tx, plan, inboundId, now);
    },
  };
}
