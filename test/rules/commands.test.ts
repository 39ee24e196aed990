// Organisers' commands through the same rules as mail: seats, waiting list, promotions, replies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from '../../src/rules/decide.js';
import { planReminders } from '../../src/rules/reminders.js';
import type { CommandInput, OrganiserCommand } from '../../src/rules/types.js';
import { input, june1, policy, sessions, verdict } from './fixtures.js';

const reg = (fields: Partial<{ id: number; session: string; status: 'confirmed' | 'waitlisted'; attendees: number }>) => ({
  id: 7, session: 'arnhem', status: 'confirmed' as const, attendees: 1, calendarSequence: 0, ...fields,
});

const waiting = [
  { id: 21, email: 'big@x.nl', name: null, attendees: 3 },
  { id: 22, email: 'one@x.nl', name: null, attendees: 1 },
];

function command(command: OrganiserCommand, fields: Partial<CommandInput> = {}): CommandInput {
  return { command, now: june1, sessions: sessions(), registration: null, municipality: null, policy, ...fields };
}

describe('organisers change registrations by the same rules', () => {
  it('adds a registration with a confirmation and invite written to the registrant', () => {
    const d = decide(command({ type: 'add', email: 'a@b.nl', session: 'breda', attendees: 2 }));
    assert.equal(d.outcome, 'registered');
    assert.deepEqual(d.changes, [{ type: 'create', session: 'breda', attendees: 2, status: 'confirmed' }]);
    assert.deepEqual(d.replies.map((r) => [r.kind, r.to, r.registration, r.invite]), [['confirmed', 'registrant', 'new', 'REQUEST']]);
    assert.deepEqual(d.keywords, [], 'no IMAP message to mark');
  });

  it('puts an addition on the waiting list when the seats are not there', () => {
    const d = decide(command({ type: 'add', email: 'a@b.nl', session: 'breda', attendees: 3 }, { sessions: sessions({ breda: { taken: 48 } }) }));
    assert.equal(d.outcome, 'waitlisted');
    assert.equal(d.replies[0]?.kind, 'waitlisted');
    assert.equal(d.replies[0]?.to, 'registrant');
  });

  it('refuses a second registration for the same address, and a session that takes no signups', () => {
    const again = decide(command({ type: 'add', email: 'a@b.nl', session: 'breda', attendees: 1 }, { registration: reg({}) }));
    assert.equal(again.outcome, 'refused');
    assert.match(again.note, /already registered for arnhem/);
    const started = decide(command({ type: 'add', email: 'a@b.nl', session: 'utrecht', attendees: 1 }, { now: new Date('2018-06-14T08:00:00Z') }));
    assert.match(started.note, /has started/);
    const closed = decide(command({ type: 'add', email: 'a@b.nl', session: 'breda', attendees: 1 }, { sessions: sessions({ breda: { signups: 'closed' } }) }));
    assert.match(closed.note, /organisers closed it/);
    assert.equal(decide(command({ type: 'add', email: 'a@b.nl', session: 'zwolle', attendees: 1 })).outcome, 'refused');
    for (const d of [again, started, closed]) assert.deepEqual([d.changes, d.replies], [[], []]);
  });

  it('cancels, promotes from the waiting list and mails both', () => {
    const d = decide(command({ type: 'cancel' }, {
      registration: reg({ attendees: 1 }), sessions: sessions({ arnhem: { taken: 50, waitlist: waiting } }),
    }));
    assert.deepEqual(d.changes, [{ type: 'cancel', id: 7 }, { type: 'promote', id: 22 }]);
    assert.deepEqual(d.replies.map((r) => [r.kind, r.to, r.invite]), [['cancelled', 'registrant', 'CANCEL'], ['promoted', 22, 'REQUEST']]);
    assert.match(decide(command({ type: 'cancel' })).note, /no active registration/);
  });

  it('moves with an updated invite, and refuses a move into a full session instead of offering alternatives', () => {
    const moved = decide(command({ type: 'move', session: 'breda' }, { registration: reg({ attendees: 2 }) }));
    assert.equal(moved.outcome, 'moved');
    assert.deepEqual(moved.replies.map((r) => [r.kind, r.to, r.previousSession, r.invite]), [['moved', 'registrant', 'arnhem', 'REQUEST']]);
    const full = decide(command({ type: 'move', session: 'breda' }, { registration: reg({ attendees: 2 }), sessions: sessions({ breda: { taken: 49 } }) }));
    assert.equal(full.outcome, 'refused');
    assert.match(full.note, /breda has 1 seats left and 2 are needed: the registration stays for arnhem/);
    // Someone who only waited moves onto the other session's waiting list, as by mail.
    const queued = decide(command({ type: 'move', session: 'breda' }, {
      registration: reg({ status: 'waitlisted', attendees: 2 }), sessions: sessions({ breda: { taken: 50 } }),
    }));
    assert.equal(queued.outcome, 'waitlisted');
  });

  it('changes the head count, refusing growth without room and promoting when it shrinks', () => {
    const full = sessions({ arnhem: { taken: 50, waitlist: waiting } });
    assert.equal(decide(command({ type: 'set-attendees', attendees: 5 }, { registration: reg({ attendees: 2 }), sessions: full })).outcome, 'refused');
    const fewer = decide(command({ type: 'set-attendees', attendees: 1 }, { registration: reg({ attendees: 2 }), sessions: full }));
    assert.equal(fewer.outcome, 'updated');
    assert.deepEqual(fewer.changes, [{ type: 'set-attendees', id: 7, attendees: 1 }, { type: 'promote', id: 22 }]);
    assert.deepEqual(fewer.replies.map((r) => [r.kind, r.to, r.attendees, r.previousAttendees]), [['already-registered', 'registrant', 1, 2], ['promoted', 22, 1, null]]);
  });

  it('raises a capacity and promotes in queue order; a lower one removes nobody', () => {
    const full = sessions({ arnhem: { taken: 50, waitlist: waiting } });
    const raised = decide(command({ type: 'capacity', session: 'arnhem', capacity: 54 }, { sessions: full }));
    assert.deepEqual(raised.changes, [{ type: 'set-capacity', session: 'arnhem', capacity: 54 }, { type: 'promote', id: 21 }, { type: 'promote', id: 22 }]);
    assert.deepEqual(raised.replies.map((r) => [r.kind, r.to]), [['promoted', 21], ['promoted', 22]]);
    const lowered = decide(command({ type: 'capacity', session: 'arnhem', capacity: 45 }, { sessions: full }));
    assert.deepEqual(lowered.changes, [{ type: 'set-capacity', session: 'arnhem', capacity: 45 }]);
    assert.match(lowered.note, /5 more seats taken than the new capacity: nobody was removed/);
  });

  it('closes a session: mail gets the "closed" answer; opening it again fills freed seats, even past the deadline', () => {
    const closed = decide(command({ type: 'signups', session: 'arnhem', signups: 'closed' }));
    assert.deepEqual(closed.changes, [{ type: 'set-signups', session: 'arnhem', signups: 'closed' }]);
    const mail = decide(input({ understanding: verdict({ session: 'arnhem' }), sessions: sessions({ arnhem: { signups: 'closed' } }) }));
    assert.equal(mail.outcome, 'session-closed');
    assert.equal(mail.replies[0]?.closedBecause, 'closed');
    // While closed, a cancellation promotes nobody; opening hands the free seats to the queue.
    const closedWithRoom = sessions({ arnhem: { signups: 'closed', taken: 46, waitlist: waiting } });
    const opened = decide(command({ type: 'signups', session: 'arnhem', signups: 'open' }, { sessions: closedWithRoom }));
    assert.deepEqual(opened.changes.map((c) => c.type), ['set-signups', 'promote', 'promote']);
    const pastDeadline = { ...policy, signupDeadlineHours: 24 * 30 };
    const late = decide(input({ understanding: verdict({ session: 'arnhem' }), policy: pastDeadline, sessions: sessions({ arnhem: { signups: 'open' } }) }));
    assert.equal(late.outcome, 'registered', 'opened by hand: the deadline no longer applies');
    const started = decide(command({ type: 'signups', session: 'utrecht', signups: 'open' }, { now: new Date('2018-06-14T08:00:00Z') }));
    assert.match(started.note, /has started/);
  });
});

describe('reminders', () => {
  const all = sessions();
  const candidate = (id: number, session: string, recentlyConfirmed = false) => ({ id, session, attendees: 2, recentlyConfirmed });

  it('reminds within the days before the start, never before that window or after the start', () => {
    // Haarlem starts 21 June 09:30 (07:30Z); Utrecht 14 June 09:00; Breda 3 July.
    const now = new Date('2018-06-18T08:00:00Z');
    const plan = planReminders(now, all, [candidate(1, 'haarlem'), candidate(2, 'utrecht'), candidate(3, 'breda')], 3);
    assert.deepEqual(plan.replies.map((r) => [r.kind, r.to, r.session, r.invite, r.attendees]), [['reminder', 1, 'haarlem', 'REQUEST', 2]]);
    assert.deepEqual(plan.replies[0]?.thread, { about: 'confirmation', session: 'haarlem', options: [], proposal: null });
    assert.equal(planReminders(new Date('2018-06-21T07:30:00Z'), all, [candidate(1, 'haarlem')], 3).replies.length, 0, 'not at the start');
    assert.equal(planReminders(new Date('2018-06-18T07:29:00Z'), all, [candidate(1, 'haarlem')], 3).replies.length, 0, 'not before the window');
  });

  it('counts someone who just got the invite as reminded, without another mail', () => {
    const plan = planReminders(new Date('2018-06-19T08:00:00Z'), all, [candidate(1, 'haarlem', true)], 3);
    assert.deepEqual([plan.replies, plan.markOnly], [[], [1]]);
  });
});
