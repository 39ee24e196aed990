// What a delivery report of one of our replies changes. Pure: the report and the outbox rows it
// returns in, a plan out. The reply is marked undeliverable and its registration flagged for
// organisers; after a hard bounce the address gets no more mail. A report about an address we
// did not write to (our reply reached its recipient, a forward of it failed) changes nothing,
// and a delay warning changes nothing either: the server is still trying.
import type { BounceReport } from '../understanding/bounce.js';
import { keywords } from './types.js';

export interface BouncedReply {
  outboxId: number;
  registrationId: number | null;
  toAddress: string;
  kind: string;
  status: string;
  messageId: string;
}

export interface BouncePlan {
  outcome: 'bounced' | 'ignored';
  note: string;
  keywords: string[];
  undeliverable: { outboxId: number; error: string }[];
  flag: { registrationId: number; attention: string }[];
  suppress: { address: string; reason: string; outboxId: number }[];
  /** The registration the bounced reply was about: the report's record points to it. */
  registrationId: number | null;
}

/** Null when the report returns none of our replies: it stays machine mail, ignored. */
export function planBounce(report: BounceReport, replies: BouncedReply[], by: 'message-id' | 'recipient'): BouncePlan | null {
  if (replies.length === 0) return null;
  const code = report.status ?? 'no status';
  const ids = replies.map((r) => `#${r.outboxId}`).join(', ');
  if (report.kind === 'delayed') {
    return {
      ...nothing(), outcome: 'ignored', keywords: [keywords.ignored], registrationId: replies[0]!.registrationId,
      note: `delivery of reply ${ids} delayed (${code}): the receiving server keeps trying`,
    };
  }
  // Our reply failed if the report names its address (as final or original recipient), or no address at all.
  const named = new Set(report.recipients.flatMap((r) => [r.address, r.original].filter((a): a is string => !!a)));
  const failed = replies.filter((r) => named.size === 0 || named.has(r.toAddress.toLowerCase()));
  if (failed.length === 0) {
    return {
      ...nothing(), outcome: 'ignored', keywords: [keywords.ignored], registrationId: replies[0]!.registrationId,
      note: `reply ${ids} reached ${replies[0]!.toAddress}; delivery to ${[...named].join(', ')} failed further on (a forward)`,
    };
  }
  const severity = report.hard ? 'hard' : 'soft';
  const why = `${code}${report.diagnostic ? ` ${report.diagnostic}` : ''}`;
  const plan: BouncePlan = { ...nothing(), outcome: 'bounced', keywords: [keywords.attention], registrationId: null, note: '' };
  for (const r of failed) {
    plan.undeliverable.push({ outboxId: r.outboxId, error: `bounced (${severity}, matched by ${by}): ${why}` });
    if (r.registrationId !== null) {
      plan.registrationId ??= r.registrationId;
      if (!plan.flag.some((f) => f.registrationId === r.registrationId)) {
        plan.flag.push({
          registrationId: r.registrationId,
          attention: report.hard
            ? `our mail to ${r.toAddress} bounced (${code}): the address gets no more mail; reach them another way`
            : `our mail to ${r.toAddress} bounced (${code}, may be temporary): check that they got it`,
        });
      }
    }
    if (report.hard && !plan.suppress.some((s) => s.address === r.toAddress)) {
      plan.suppress.push({ address: r.toAddress.toLowerCase(), reason: `hard bounce ${why}`, outboxId: r.outboxId });
    }
  }
  plan.note = `${severity} bounce of reply ${failed.map((r) => `#${r.outboxId} (${r.kind})`).join(', ')} to ${[...new Set(failed.map((r) => r.toAddress))].join(', ')}: ${code}`
    + (report.hard ? '; address suppressed' : '');
  return plan;
}

function nothing(): Omit<BouncePlan, 'outcome' | 'note' | 'keywords' | 'registrationId'> {
  return { undeliverable: [], flag: [], suppress: [] };
}
