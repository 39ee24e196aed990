// The pure parts of review mode: which decisions wait, what a correction means, and when the
// rules gave what a correction asked for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctedVerdict, givesWhatWasAsked, type Correction } from '../../src/organisers/review.js';
import { holdReason } from '../../src/pipeline/review-hold.js';
import { decide } from '../../src/rules/decide.js';
import type { ActiveRegistration } from '../../src/rules/types.js';
import { input, sessions, verdict } from '../rules/fixtures.js';

const all = { mode: 'all', confidence: 0.9 } as const;
const uncertain = { mode: 'uncertain', confidence: 0.9 } as const;

describe('which decisions wait for review', () => {
  const signup = (confidence: number) => verdict({ session: 'utrecht', confidence });

  it('holds nothing when off or unset, everything a person is answered in when all', () => {
    const u = signup(0.5);
    const d = decide(input({ understanding: u }));
    assert.equal(holdReason(undefined, u, d), null);
    assert.equal(holdReason({ mode: 'off', confidence: 0.9 }, u, d), null);
    assert.equal(holdReason(all, u, d), 'all');
    const cancel = verdict({ intent: 'cancel' });
    assert.equal(holdReason(all, cancel, decide(input({ understanding: cancel }))), 'all', 'also "you have no registration"');
  });

  it('with uncertain, holds below the threshold only, and the threshold is the setting', () => {
    for (const [confidence, held] of [[0.8, 'uncertain'], [0.85, 'uncertain'], [0.9, null], [0.95, null]] as const) {
      const u = signup(confidence);
      assert.equal(holdReason(uncertain, u, decide(input({ understanding: u }))), held, `confidence ${confidence}`);
    }
    const u = signup(0.9);
    assert.equal(holdReason({ mode: 'uncertain', confidence: 0.95 }, u, decide(input({ understanding: u }))), 'uncertain');
  });

  it('never holds machine mail, escalations (even with an acknowledgement) or decisions that send and change nothing', () => {
    const machine = verdict({ intent: 'ignore', confidence: 0.5 });
    assert.equal(holdReason(all, machine, decide(input({ understanding: machine }))), null);
    const question = verdict({ intent: 'escalate', confidence: 0.5 });
    const acknowledged = decide(input({ understanding: question, policy: { signupDeadlineHours: 0, acknowledgeQuestions: true, replyLimitPerHour: 5 } }));
    assert.equal(acknowledged.replies.length, 1);
    assert.equal(holdReason(all, question, acknowledged), null);
    const limited = decide(input({ understanding: signup(0.5), repliesToSenderLastHour: 5 }));
    assert.equal(limited.outcome, 'rate-limited');
    assert.equal(holdReason(all, signup(0.5), limited), null);
  });
});

describe('a correction', () => {
  const correction = (c: Partial<Correction>): Correction => ({ intent: 'register', session: null, attendees: null, ...c });

  it('takes the organiser\'s intent, session and people, and keeps the bot\'s verdict on record', () => {
    const u = { ...verdict({ session: 'utrecht', attendees: 1, confidence: 0.8, evidence: ['text: city'] }), candidate: null };
    const c = correctedVerdict(u, correction({ session: 'breda', attendees: 3 }), 'Marieke');
    assert.deepEqual([c.intent, c.session, c.attendees, c.attendeesAdded, c.confidence, c.reason], ['register', 'breda', 3, false, 1, 'corrected']);
    assert.deepEqual(c.evidence, ['text: city', 'corrected in review by Marieke: register, breda, 3 people']);
  });

  it('to a signup without a session takes the one the bot saw (the session, else the candidate of an escalation)', () => {
    assert.equal(correctedVerdict({ ...verdict({ session: 'assen' }), candidate: null }, correction({}), 'x').session, 'assen');
    const escalated = { ...verdict({ intent: 'escalate' }), candidate: 'venlo' };
    const c = correctedVerdict(escalated, correction({}), 'x');
    assert.deepEqual([c.intent, c.session, c.attendees], ['register', 'venlo', null], 'people unsaid: the rules count one');
    assert.equal(correctedVerdict(escalated, correction({ intent: 'alternatives' }), 'x').session, null);
  });

  it('keeps "my colleague comes too" only when the number of people is not corrected', () => {
    const u = { ...verdict({ session: 'assen', attendees: 1, attendeesAdded: true }), candidate: null };
    assert.equal(correctedVerdict(u, correction({}), 'x').attendeesAdded, true);
    assert.equal(correctedVerdict(u, correction({ attendees: 2 }), 'x').attendeesAdded, false);
  });
});

describe('whether the rules gave what a correction asked for', () => {
  const asked = (c: Partial<Correction>): Correction => ({ intent: 'register', session: 'arnhem', attendees: 2, ...c });
  const ask = (c: Correction, fields: Parameters<typeof input>[0] extends infer I ? Partial<I> : never = {}) => {
    const u = correctedVerdict({ ...verdict({ session: 'utrecht' }), candidate: null }, c, 'x');
    const i = input({ ...fields, understanding: u });
    return givesWhatWasAsked(decide(i), u, c, i.registration);
  };
  const reg = (fields: Partial<ActiveRegistration>): ActiveRegistration => ({
    id: 7, session: 'arnhem', status: 'confirmed', attendees: 1, calendarSequence: 0, ...fields,
  });

  it('a confirmed seat in that session for that many people: a new registration, a move or a new head count', () => {
    assert.equal(ask(asked({})), true);
    assert.equal(ask(asked({}), { registration: reg({ session: 'breda' }) }), true, 'moved');
    assert.equal(ask(asked({}), { registration: reg({}) }), true, 'same session, now 2');
    assert.equal(ask(asked({ attendees: null }), { registration: reg({}) }), true, 'already registered');
  });

  it('not a waiting list, a closed session, or a head count there is no room for', () => {
    assert.equal(ask(asked({}), { sessions: sessions({ arnhem: { capacity: 1 } }) }), false, 'full: waiting list');
    assert.equal(ask(asked({}), { sessions: sessions({ arnhem: { signups: 'closed' } }) }), false, 'closed');
    assert.equal(ask(asked({ attendees: 3 }), { registration: reg({}), sessions: sessions({ arnhem: { capacity: 2, taken: 1 } }) }), false);
    assert.equal(ask(asked({}), { registration: reg({ status: 'waitlisted' }) }), false, 'still on the waiting list');
  });

  it('a cancellation, or the list of sessions', () => {
    assert.equal(ask(asked({ intent: 'cancel', session: null, attendees: null }), { registration: reg({}) }), true);
    assert.equal(ask(asked({ intent: 'cancel', session: null, attendees: null })), false, 'nothing to cancel');
    assert.equal(ask(asked({ intent: 'alternatives', session: null, attendees: null })), true);
  });
});
