import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from '../../src/rules/decide.js';
import { keywords } from '../../src/rules/types.js';
import { input, policy, sessions, verdict } from './fixtures.js';

const reg = (fields: Partial<{ id: number; session: string; status: 'confirmed' | 'waitlisted'; attendees: number }>) => ({
  id: 7, session: 'arnhem', status: 'confirmed' as const, attendees: 1, calendarSequence: 0, ...fields,
});

describe('signups', () => {
  it('confirms a signup for a session with room, with a calendar invite', () => {
    const d = decide(input({ understanding: verdict({ session: 'arnhem', attendees: 2 }) }));
    assert.equal(d.outcome, 'registered');
    assert.deepEqual(d.changes, [{ type: 'create', session: 'arnhem', attendees: 2, status: 'confirmed' }]);
    assert.equal(d.replies[0]?.kind, 'confirmed');
    assert.equal(d.replies[0]?.invite, 'REQUEST');
    assert.deepEqual(d.replies[0]?.thread, { about: 'confirmation', session: 'arnhem', options: [], proposal: null });
    assert.deepEqual(d.keywords, [keywords.handled]);
  });

  it('counts seats, not messages: three people do not fit in two free seats', () => {
    const d = decide(input({
      understanding: verdict({ session: 'arnhem', attendees: 3 }),
      sessions: sessions({ arnhem: { taken: 48 } }),
    }));
    assert.equal(d.outcome, 'waitlisted');
    assert.deepEqual(d.changes, [{ type: 'create', session: 'arnhem', attendees: 3, status: 'waitlisted' }]);
    const r = d.replies[0]!;
    assert.equal(r.kind, 'waitlisted');
    assert.equal(r.invite, null);
    assert.ok(!r.alternatives.includes('arnhem'));
    assert.equal(r.thread.about, 'waitlist');
    assert.equal(r.thread.proposal, r.alternatives[0]);
  });

  it('fills the last seat exactly', () => {
    const d = decide(input({ understanding: verdict({ session: 'venlo', attendees: 2 }), sessions: sessions({ venlo: { taken: 48 } }) }));
    assert.equal(d.outcome, 'registered');
  });

  it('answers a repeat signup for the same session without a second registration', () => {
    const d = decide(input({ understanding: verdict({ session: 'arnhem' }), registration: reg({}) }));
    assert.equal(d.outcome, 'already-registered');
    assert.deepEqual(d.changes, []);
    assert.equal(d.replies[0]?.kind, 'already-registered');
    assert.equal(d.replies[0]?.previousAttendees, null);
  });

  it('updates the number of attendees when a repeat signup states a new number', () => {
    const d = decide(input({ understanding: verdict({ session: 'arnhem', attendees: 3 }), registration: reg({ attendees: 1 }) }));
    assert.deepEqual(d.changes, [{ type: 'set-attendees', id: 7, attendees: 3 }]);
    assert.equal(d.replies[0]?.attendees, 3);
    assert.equal(d.replies[0]?.previousAttendees, 1);
  });

  it('adds people when the mail adds them to an existing registration ("mijn collega komt ook")', () => {
    const d = decide(input({
      understanding: verdict({ session: 'arnhem', attendees: 1, attendeesAdded: true }), registration: reg({ attendees: 2 }),
    }));
    assert.deepEqual(d.changes, [{ type: 'set-attendees', id: 7, attendees: 3 }]);
    assert.equal(d.replies[0]?.previousAttendees, 2);
  });

  it('keeps the count and flags organisers when the extra people do not fit', () => {
    const d = decide(input({
      understanding: verdict({ session: 'arnhem', attendees: 4 }), registration: reg({ attendees: 1 }),
      sessions: sessions({ arnhem: { taken: 49 } }),
    }));
    assert.deepEqual(d.changes, []);
    assert.deepEqual(d.keywords, [keywords.attention]);
  });

  it('moves a registration to another session with room, and says so with an updated invite', () => {
    const d = decide(input({ understanding: verdict({ session: 'breda' }), registration: reg({ session: 'arnhem', attendees: 2 }) }));
    assert.equal(d.outcome, 'moved');
    assert.deepEqual(d.changes[0], { type: 'move', id: 7, session: 'breda', attendees: 2, status: 'confirmed' });
    assert.equal(d.replies[0]?.kind, 'moved');
    assert.equal(d.replies[0]?.previousSession, 'arnhem');
    assert.equal(d.replies[0]?.invite, 'REQUEST');
  });

  it('keeps a confirmed seat when the session asked for is full', () => {
    const d = decide(input({
      understanding: verdict({ session: 'breda' }), registration: reg({ session: 'arnhem' }),
      sessions: sessions({ breda: { taken: 50 } }),
    }));
    assert.equal(d.outcome, 'alternatives');
    assert.deepEqual(d.changes, []);
    assert.equal(d.replies[0]?.session, 'arnhem');
    assert.equal(d.replies[0]?.requested, 'breda');
  });

  it('moves a waiting-list entry to the new session’s waiting list when that one is full too', () => {
    const d = decide(input({
      understanding: verdict({ session: 'breda' }), registration: reg({ session: 'arnhem', status: 'waitlisted' }),
      sessions: sessions({ breda: { taken: 50 }, arnhem: { taken: 50 } }),
    }));
    assert.equal(d.outcome, 'waitlisted');
    assert.deepEqual(d.changes, [{ type: 'move', id: 7, session: 'breda', attendees: 1, status: 'waitlisted' }]);
  });

  it('closes a session at its start, and at the configured deadline before it', () => {
    const started = decide(input({ understanding: verdict({ session: 'utrecht' }), now: new Date('2018-06-14T07:00:00Z') }));
    assert.equal(started.outcome, 'session-closed');
    assert.equal(started.replies[0]?.closedBecause, 'started');
    assert.ok(!started.replies[0]?.alternatives.includes('utrecht'));
    const open = decide(input({ understanding: verdict({ session: 'utrecht' }), now: new Date('2018-06-14T06:59:00Z') }));
    assert.equal(open.outcome, 'registered');
    const deadline = decide(input({
      understanding: verdict({ session: 'utrecht' }), now: new Date('2018-06-13T08:00:00Z'),
      policy: { ...policy, signupDeadlineHours: 24 },
    }));
    assert.equal(deadline.replies[0]?.closedBecause, 'deadline');
  });

  it('honours a per-session signup deadline from the catalogue', () => {
    const d = decide(input({
      understanding: verdict({ session: 'breda' }),
      sessions: sessions({ breda: { signupDeadline: '2018-05-31T00:00:00+02:00' } }),
    }));
    assert.equal(d.outcome, 'session-closed');
  });

  it('keeps a registration that also asks a question, and flags it for organisers', () => {
    const d = decide(input({ understanding: verdict({ session: 'assen', question: true }) }));
    assert.equal(d.outcome, 'registered');
    assert.ok(d.keywords.includes(keywords.attention));
  });
});

describe('cancellations and the waiting list', () => {
  const full = () => sessions({
    arnhem: {
      taken: 50,
      waitlist: [
        { id: 21, email: 'big@x.nl', name: null, attendees: 3 },
        { id: 22, email: 'one@x.nl', name: null, attendees: 1 },
        { id: 23, email: 'two@x.nl', name: null, attendees: 2 },
      ],
    },
  });

  it('cancels, frees the seats and promotes the first on the waiting list who fits', () => {
    const d = decide(input({
      understanding: verdict({ intent: 'cancel', session: null }), registration: reg({ attendees: 2 }), sessions: full(),
    }));
    assert.equal(d.outcome, 'cancelled');
    // Two seats: the party of three does not fit, the single person does, then nobody else fits.
    assert.deepEqual(d.changes, [{ type: 'cancel', id: 7 }, { type: 'promote', id: 22 }]);
    assert.deepEqual(d.replies.map((r) => [r.kind, r.to, r.invite]), [['cancelled', 'sender', 'CANCEL'], ['promoted', 22, 'REQUEST']]);
  });

  it('promotes as many as the freed seats hold, in queue order', () => {
    const d = decide(input({
      understanding: verdict({ intent: 'cancel' }), registration: reg({ attendees: 6 }), sessions: full(),
    }));
    assert.deepEqual(d.changes.filter((c) => c.type === 'promote').map((c) => 'id' in c && c.id), [21, 22, 23]);
  });

  it('promotes from the old session when a confirmed registration moves away', () => {
    const states = full();
    const d = decide(input({ understanding: verdict({ session: 'breda' }), registration: reg({ attendees: 1 }), sessions: states }));
    assert.deepEqual(d.changes.map((c) => c.type), ['move', 'promote']);
  });

  it('does not promote into a session that has started', () => {
    const d = decide(input({
      understanding: verdict({ intent: 'cancel' }), registration: reg({ attendees: 2 }), sessions: full(),
      now: new Date('2018-06-22T12:30:00Z'),
    }));
    assert.deepEqual(d.changes, [{ type: 'cancel', id: 7 }]);
  });

  it('sends no calendar cancellation to someone who only waited', () => {
    const d = decide(input({ understanding: verdict({ intent: 'cancel' }), registration: reg({ status: 'waitlisted' }) }));
    assert.equal(d.replies[0]?.invite, null);
    assert.equal(d.replies.length, 1);
  });

  it('answers a cancellation without a registration kindly, changing nothing', () => {
    const d = decide(input({ understanding: verdict({ intent: 'cancel', session: 'venlo' }) }));
    assert.equal(d.outcome, 'no-registration');
    assert.deepEqual(d.changes, []);
    assert.equal(d.replies[0]?.kind, 'no-registration');
  });

  it('does not cancel a registration for another session than the one named', () => {
    const d = decide(input({ understanding: verdict({ intent: 'cancel', session: 'venlo' }), registration: reg({ session: 'arnhem' }) }));
    assert.equal(d.outcome, 'no-registration');
    assert.equal(d.replies[0]?.session, 'arnhem');
    assert.equal(d.replies[0]?.requested, 'venlo');
  });
});

describe('alternatives, people and machines', () => {
  it('lists open sessions with room, nearest first for the municipality', () => {
    const d = decide(input({
      understanding: verdict({ intent: 'alternatives', session: null }), municipality: 'Maastricht',
      sessions: sessions({ breda: { taken: 50 } }),
    }));
    const alternatives = d.replies[0]!.alternatives;
    assert.equal(alternatives[0], 'venlo');
    assert.ok(!alternatives.includes('breda'));
    assert.deepEqual(d.replies[0]?.thread.options, alternatives);
  });

  it('orders by date when the municipality is unknown, leaving out sessions that started', () => {
    const d = decide(input({ understanding: verdict({ intent: 'alternatives' }), now: new Date('2018-06-21T10:00:00Z') }));
    assert.deepEqual(d.replies[0]?.alternatives, ['arnhem', 'assen', 'venlo', 'breda']);
  });

  it('turns a request for a session that already started into a session-closed answer', () => {
    const d = decide(input({
      understanding: verdict({ intent: 'alternatives', requested: 'haarlem' }), now: new Date('2018-06-21T08:05:00Z'),
    }));
    assert.equal(d.outcome, 'session-closed');
    assert.equal(d.replies[0]?.session, 'haarlem');
  });

  it('leaves escalations for organisers, acknowledging only when configured', () => {
    const quiet = decide(input({ understanding: verdict({ intent: 'escalate', reason: 'question' }) }));
    assert.deepEqual([quiet.outcome, quiet.replies.length, quiet.keywords], ['escalated', 0, [keywords.attention]]);
    const ack = decide(input({ understanding: verdict({ intent: 'escalate' }), policy: { ...policy, acknowledgeQuestions: true } }));
    assert.equal(ack.replies[0]?.kind, 'acknowledgement');
  });

  it('never answers machine mail', () => {
    const d = decide(input({ understanding: verdict({ intent: 'ignore', automated: 'auto-reply' }) }));
    assert.deepEqual([d.outcome, d.replies, d.changes, d.keywords], ['ignored', [], [], [keywords.ignored]]);
  });

  it('records a calendar answer from the registrant, flagging a decline', () => {
    const calendarReply = { uid: 'u1@vng.nl', partstat: 'DECLINED', attendee: 'a@gemeente.nl' };
    const d = decide(input({
      understanding: verdict({ intent: 'ignore', automated: 'calendar-reply', calendarReply }),
      calendarRegistration: { id: 7, email: 'a@gemeente.nl' },
    }));
    assert.equal(d.outcome, 'calendar-response');
    assert.deepEqual(d.changes, [{ type: 'calendar-response', id: 7, response: 'declined', attention: 'declined the calendar invite' }]);
    assert.deepEqual(d.replies, []);
    assert.deepEqual(d.keywords, [keywords.attention]);
  });

  it('ignores a calendar answer from someone else than the registrant', () => {
    const calendarReply = { uid: 'u1@vng.nl', partstat: 'ACCEPTED', attendee: null };
    const d = decide(input({
      understanding: verdict({ intent: 'ignore', calendarReply }), calendarRegistration: { id: 7, email: 'other@x.nl' },
    }));
    assert.equal(d.outcome, 'ignored');
  });

  it('leaves mail without a sender address to organisers instead of registering nobody', () => {
    const d = decide(input({ understanding: verdict({ session: 'arnhem' }), senderAddress: '' }));
    assert.deepEqual([d.outcome, d.changes, d.replies, d.keywords], ['escalated', [], [], [keywords.attention]]);
  });

  it('stops answering an address that already had too many replies this hour', () => {
    const d = decide(input({ understanding: verdict({ session: 'arnhem' }), repliesToSenderLastHour: 5 }));
    assert.deepEqual([d.outcome, d.replies.length, d.changes.length], ['rate-limited', 0, 0]);
  });
});
