// The last word on a decision: DMARC failures withhold it, delivery reports become bounces.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planBounce, type BouncedReply } from '../../src/rules/bounce.js';
import { decide } from '../../src/rules/decide.js';
import { screen } from '../../src/rules/safeguards.js';
import type { BounceReport } from '../../src/understanding/bounce.js';
import { input, verdict } from './fixtures.js';

const failDmarc = { result: 'fail', authservId: 'mx.vng.nl', fromDomain: 'ede.nl' };
const reply = (id: number, to: string, registrationId: number | null = 7): BouncedReply =>
  ({ outboxId: id, registrationId, toAddress: to, kind: 'confirmed', status: 'sent', messageId: `<r${id}@vng.nl>` });
const report = (fields: Partial<BounceReport>): BounceReport => ({
  kind: 'failed', messageIds: ['<r1@vng.nl>'], recipients: [{ address: 'jan@ede.nl', original: null, action: 'failed', status: '5.1.1', diagnostic: null }],
  hard: true, status: '5.1.1', diagnostic: 'smtp; 550 5.1.1 user unknown', ...fields,
});

describe('screen', () => {
  it('withholds every change and reply when our server says DMARC failed, and says why', () => {
    const signup = decide(input({ understanding: verdict({ intent: 'register', session: 'arnhem' }) }));
    assert.equal(signup.outcome, 'registered');
    const { decision, applyBounce } = screen(signup, { dmarc: failDmarc, bounce: null });
    assert.deepEqual([decision.outcome, decision.changes, decision.replies, decision.keywords], ['dmarc-failed', [], [], ['DLoket-Attention']]);
    assert.match(decision.note, /DMARC failed at mx\.vng\.nl for ede\.nl.*would have been: registered/);
    assert.equal(applyBounce, false);
  });

  it('leaves machine mail that changes nothing as it was, with the verdict noted', () => {
    const ignored = decide(input({ understanding: verdict({ intent: 'ignore', reason: 'auto-submitted', automated: 'auto-reply' }) }));
    const { decision } = screen(ignored, { dmarc: failDmarc, bounce: null });
    assert.equal(decision.outcome, 'ignored');
    assert.match(decision.note, /DMARC failed/);
  });

  it('turns an ignored delivery report into a bounce, unless DMARC failed', () => {
    const ignored = decide(input({ understanding: verdict({ intent: 'ignore', reason: 'report:delivery-status', automated: 'bounce' }) }));
    const plan = planBounce(report({}), [reply(1, 'jan@ede.nl')], 'message-id')!;
    const bounced = screen(ignored, { dmarc: null, bounce: plan });
    assert.equal(bounced.decision.outcome, 'bounced');
    assert.equal(bounced.applyBounce, true);
    const forged = screen(ignored, { dmarc: failDmarc, bounce: plan });
    assert.equal(forged.decision.outcome, 'dmarc-failed');
    assert.equal(forged.applyBounce, false, 'a forged report suppresses nobody');
    const pass = screen(ignored, { dmarc: { ...failDmarc, result: 'pass' }, bounce: null });
    assert.equal(pass.decision, ignored);
  });
});

describe('planBounce', () => {
  it('hard: the reply undeliverable, its registration flagged, the address suppressed', () => {
    const plan = planBounce(report({}), [reply(1, 'jan@ede.nl'), reply(2, 'jan@ede.nl')], 'message-id')!;
    assert.equal(plan.outcome, 'bounced');
    assert.deepEqual(plan.undeliverable.map((u) => u.outboxId), [1, 2]);
    assert.equal(plan.flag.length, 1, 'one flag per registration');
    assert.deepEqual(plan.suppress.map((s) => s.address), ['jan@ede.nl']);
    assert.equal(plan.registrationId, 7);
  });

  it('soft: undeliverable and flagged, but no suppression', () => {
    const plan = planBounce(report({ hard: false, status: '5.2.2' }), [reply(1, 'jan@ede.nl')], 'message-id')!;
    assert.equal(plan.outcome, 'bounced');
    assert.deepEqual(plan.suppress, []);
    assert.match(plan.flag[0]!.attention, /may be temporary/);
  });

  it('a delay warning, or a failure at an address we did not write to, changes nothing', () => {
    assert.equal(planBounce(report({ kind: 'delayed', hard: false }), [reply(1, 'jan@ede.nl')], 'message-id')?.outcome, 'ignored');
    const forward = planBounce(report({ recipients: [{ address: 'jan@elders.nl', original: null, action: 'failed', status: '5.1.1', diagnostic: null }] }), [reply(1, 'jan@ede.nl')], 'message-id');
    assert.equal(forward?.outcome, 'ignored');
    assert.match(forward?.note ?? '', /a forward/);
    const alias = planBounce(report({ recipients: [{ address: 'j.jansen@intern.ede.nl', original: 'jan@ede.nl', action: 'failed', status: '5.1.1', diagnostic: null }] }), [reply(1, 'jan@ede.nl')], 'message-id');
    assert.equal(alias?.outcome, 'bounced', 'Original-Recipient is the address we wrote to');
  });

  it('a report that names no recipient applies to the replies it returns; none returned: nothing', () => {
    assert.equal(planBounce(report({ recipients: [] }), [reply(1, 'jan@ede.nl', null)], 'message-id')?.outcome, 'bounced');
    assert.equal(planBounce(report({}), [], 'message-id'), null);
  });
});
