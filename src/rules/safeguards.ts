// Last word on a decision, from what the message's envelope says about it. Pure.
// - Our receiving server found the From domain's DMARC check failing: the sender may be forged,
//   so nothing is changed, nobody is answered, and a person looks (machine mail that would
//   change nothing anyway stays ignored).
// - A delivery report of one of our replies: the bounce plan's outcome replaces "ignored".
import type { DmarcVerdict } from '../understanding/authentication.js';
import type { BouncePlan } from './bounce.js';
import { keywords, type Decision } from './types.js';

export interface Screening {
  dmarc: DmarcVerdict | null;
  bounce: BouncePlan | null;
}

export interface Screened {
  decision: Decision;
  /** Carry out the bounce plan (false when DMARC failed, or there is none). */
  applyBounce: boolean;
}

export function screen(decision: Decision, s: Screening): Screened {
  const bounced = s.bounce?.outcome === 'bounced';
  if (s.dmarc?.result === 'fail') {
    const harmless = decision.changes.length === 0 && decision.replies.length === 0 && decision.outcome === 'ignored' && !bounced;
    const failure = `DMARC failed at ${s.dmarc.authservId}${s.dmarc.fromDomain ? ` for ${s.dmarc.fromDomain}` : ''}`;
    if (harmless) return { decision: { ...decision, note: `${decision.note}; ${failure}` }, applyBounce: false };
    return {
      decision: {
        outcome: 'dmarc-failed', changes: [], replies: [], keywords: [keywords.attention],
        note: `${failure}: the sender may be forged, nothing changed and nobody answered (would have been: ${bounced ? s.bounce!.outcome : decision.outcome}, ${bounced ? s.bounce!.note : decision.note})`,
      },
      applyBounce: false,
    };
  }
  if (s.bounce && decision.outcome === 'ignored') {
    return {
      decision: { outcome: s.bounce.outcome, changes: [], replies: [], keywords: s.bounce.keywords, note: s.bounce.note },
      applyBounce: bounced,
    };
  }
  return { decision, applyBounce: false };
}
