// The registration rules: what the bot does with an understood message, given the state of
// the series. Pure: the pipeline loads the state under a lock, calls decide(), applies the result.
import type { ThreadContext } from '../understanding/types.js';
import { closedBecause, isOpen, openAlternatives, seatsLeft } from './availability.js';
import {
  keywords, type ActiveRegistration, type Change, type ClosedReason, type CommandInput, type Decision, type PlannedReply,
  type RulesInput, type SeriesInput, type SessionState,
} from './types.js';

/** What to do with an understood mail, or with an organiser's command: the same rules for both. */
export function decide(input: RulesInput | CommandInput): Decision {
  if ('command' in input) return decideCommand(input);
  const u = input.understanding;
  if (u.intent === 'ignore') return decideMachineMail(input);
  if (!input.senderAddress && u.intent !== 'escalate') {
    // Without a From address there is nobody to register, cancel or answer: a person looks.
    return { outcome: 'escalated', changes: [], replies: [], keywords: [keywords.attention], note: 'no sender address' };
  }
  if (input.repliesToSenderLastHour >= input.policy.replyLimitPerHour) {
    return {
      outcome: 'rate-limited', changes: [], replies: [], keywords: [keywords.attention],
      note: `already ${input.repliesToSenderLastHour} replies to this address in the last hour: left for organisers`,
    };
  }
  switch (u.intent) {
    case 'escalate':
      return {
        outcome: 'escalated', changes: [], keywords: [keywords.attention],
        replies: input.policy.acknowledgeQuestions ? [reply('acknowledgement', { thread: about('acknowledgement') })] : [],
        note: `left for organisers: ${u.reason}`,
      };
    case 'register':
      return decideSignup(input);
    case 'cancel':
      return decideCancel(input);
    case 'alternatives':
      return decideAlternatives(input);
  }
}

function decideMachineMail(input: RulesInput): Decision {
  const answer = input.understanding.calendarReply;
  const reg = input.calendarRegistration;
  // A calendar answer counts only from the registrant it was sent to (CalConnect iMIP advice).
  if (answer && reg && reg.email === input.senderAddress) {
    const response = answer.partstat.toLowerCase();
    const declined = response === 'declined';
    return {
      outcome: 'calendar-response',
      changes: [{ type: 'calendar-response', id: reg.id, response, attention: declined ? 'declined the calendar invite' : null }],
      replies: [],
      keywords: [declined ? keywords.attention : keywords.handled],
      note: `calendar invite ${response}`,
    };
  }
  return { outcome: 'ignored', changes: [], replies: [], keywords: [keywords.ignored], note: input.understanding.reason };
}

function decideSignup(input: RulesInput): Decision {
  const u = input.understanding;
  const target = input.sessions.find((s) => s.slug === u.session);
  if (!target) return decideAlternatives(input);
  const closed = closedBecause(target, input.now, input.policy);
  if (closed) return sessionClosed(input, target, closed);
  const asked = Math.max(1, u.attendees ?? 1);
  const extra = u.question ? [keywords.attention] : []; // a question rides along: organisers answer it
  const reg = input.registration;
  const decision = !reg
    ? newRegistration(input, target, asked)
    : reg.session === target.slug
      ? sameSessionAgain(input, target, reg, attendeesUpdate(input, reg))
      : move(input, target, reg, attendeesUpdate(input, reg) ?? reg.attendees);
  return { ...decision, keywords: [...decision.keywords, ...extra] };
}

function newRegistration(input: SeriesInput, target: SessionState, attendees: number): Decision {
  if (seatsLeft(target) >= attendees) {
    return {
      outcome: 'registered',
      changes: [{ type: 'create', session: target.slug, attendees, status: 'confirmed' }],
      replies: [reply('confirmed', {
        registration: 'new', session: target.slug, attendees, invite: 'REQUEST', thread: about('confirmation', target.slug),
      })],
      keywords: [keywords.handled],
      note: `registered ${attendees} for ${target.slug}`,
    };
  }
  const alternatives = alternativesFor(input, attendees, target.slug);
  return {
    outcome: 'waitlisted',
    changes: [{ type: 'create', session: target.slug, attendees, status: 'waitlisted' }],
    replies: [waitlistedReply('new', target.slug, attendees, alternatives)],
    keywords: [keywords.handled],
    note: `${target.slug} is full: waiting list`,
  };
}

/** The same session again; `wanted` is a new head count, or null when it stays. */
function sameSessionAgain(input: SeriesInput, target: SessionState, reg: ActiveRegistration, wanted: number | null): Decision {
  const base = { registration: reg.id, session: target.slug, thread: about('confirmation', target.slug) };
  if (wanted === null) {
    return {
      outcome: 'already-registered', changes: [], keywords: [keywords.handled],
      replies: [reply('already-registered', { ...base, attendees: reg.attendees })],
      note: `already registered for ${target.slug}`,
    };
  }
  const growth = wanted - reg.attendees;
  if (reg.status === 'confirmed' && growth > seatsLeft(target)) {
    // No room for the extra people: keep what they have and let a person sort it out.
    return {
      outcome: 'already-registered', changes: [], keywords: [keywords.attention],
      replies: [reply('already-registered', { ...base, attendees: reg.attendees })],
      note: `asked for ${wanted} seats in ${target.slug}, not enough room: left for organisers`,
    };
  }
  const changes: Change[] = [{ type: 'set-attendees', id: reg.id, attendees: wanted }];
  const freed = reg.status === 'confirmed' && growth < 0 ? promotions(input, target, -growth, reg.id) : none();
  return {
    outcome: 'already-registered',
    changes: [...changes, ...freed.changes],
    replies: [reply('already-registered', { ...base, attendees: wanted, previousAttendees: reg.attendees }), ...freed.replies],
    keywords: [keywords.handled],
    note: `attendees for ${target.slug}: ${reg.attendees} -> ${wanted}`,
  };
}

function move(input: SeriesInput, target: SessionState, reg: ActiveRegistration, attendees: number): Decision {
  const from = input.sessions.find((s) => s.slug === reg.session);
  if (seatsLeft(target) >= attendees) {
    const freed = reg.status === 'confirmed' && from ? promotions(input, from, reg.attendees, reg.id) : none();
    return {
      outcome: 'moved',
      changes: [{ type: 'move', id: reg.id, session: target.slug, attendees, status: 'confirmed' }, ...freed.changes],
      replies: [reply('moved', {
        registration: reg.id, session: target.slug, previousSession: reg.session, attendees, invite: 'REQUEST',
        thread: about('confirmation', target.slug),
      }), ...freed.replies],
      keywords: [keywords.handled],
      note: `moved from ${reg.session} to ${target.slug}`,
    };
  }
  const alternatives = alternativesFor(input, attendees, target.slug);
  if (reg.status === 'waitlisted') {
    // They held no seat: queue them for the session they now want instead.
    return {
      outcome: 'waitlisted',
      changes: [{ type: 'move', id: reg.id, session: target.slug, attendees, status: 'waitlisted' }],
      replies: [waitlistedReply(reg.id, target.slug, attendees, alternatives)],
      keywords: [keywords.handled],
      note: `${target.slug} is full: waiting list instead of ${reg.session}`,
    };
  }
  // Confirmed elsewhere and the new session is full: keep the seat they have.
  return {
    outcome: 'alternatives', changes: [], keywords: [keywords.handled],
    replies: [reply('alternatives', {
      registration: reg.id, session: reg.session, requested: target.slug, attendees: reg.attendees, alternatives,
      thread: about('alternatives', null, alternatives),
    })],
    note: `${target.slug} is full: stays registered for ${reg.session}`,
  };
}

function decideCancel(input: RulesInput): Decision {
  const u = input.understanding;
  const reg = input.registration;
  if (!reg || (u.session !== null && u.session !== reg.session)) {
    return {
      outcome: 'no-registration', changes: [], keywords: [keywords.handled],
      replies: [reply('no-registration', {
        registration: reg?.id ?? null, session: reg?.session ?? null, requested: u.session,
        thread: reg ? about('confirmation', reg.session) : about('other'),
      })],
      note: reg ? `cancel for ${u.session}, but registered for ${reg.session}` : 'cancel without a registration',
    };
  }
  return cancel(input, reg);
}

function cancel(input: SeriesInput, reg: ActiveRegistration): Decision {
  const session = input.sessions.find((s) => s.slug === reg.session);
  const freed = reg.status === 'confirmed' && session ? promotions(input, session, reg.attendees, reg.id) : none();
  return {
    outcome: 'cancelled',
    changes: [{ type: 'cancel', id: reg.id }, ...freed.changes],
    replies: [reply('cancelled', {
      registration: reg.id, session: reg.session, attendees: reg.attendees,
      // Only a confirmed registrant got an invite to withdraw from their calendar.
      invite: reg.status === 'confirmed' ? 'CANCEL' : null,
      thread: about('cancellation', reg.session),
    }), ...freed.replies],
    keywords: [keywords.handled],
    note: `cancelled ${reg.session}`,
  };
}

function decideAlternatives(input: RulesInput): Decision {
  const u = input.understanding;
  const requested = input.sessions.find((s) => s.slug === u.requested);
  const closed = requested ? closedBecause(requested, input.now, input.policy) : null;
  if (requested && closed) return sessionClosed(input, requested, closed);
  const reg = input.registration;
  const alternatives = alternativesFor(input, u.attendees ?? reg?.attendees ?? 1, null);
  return {
    outcome: 'alternatives', changes: [], keywords: [keywords.handled],
    replies: [reply('alternatives', {
      registration: reg?.id ?? null, session: reg?.session ?? null, alternatives,
      thread: about('alternatives', null, alternatives),
    })],
    note: `alternatives offered: ${alternatives.join(', ') || 'none open'}`,
  };
}

function sessionClosed(input: RulesInput, s: SessionState, why: ClosedReason): Decision {
  const alternatives = alternativesFor(input, input.understanding.attendees ?? 1, s.slug);
  return {
    outcome: 'session-closed', changes: [], keywords: [keywords.handled],
    replies: [reply('session-closed', {
      session: s.slug, closedBecause: why, alternatives, thread: about('alternatives', null, alternatives),
    })],
    note: `${s.slug} is closed (${why})`,
  };
}

// --- organisers' commands ---------------------------------------------------------------
// The worker's rules, for changes made by hand: seats, waiting list, promotions and replies
// come from the same functions. What the person would be told goes to the registration's own
// address. Where a mail would get a polite alternative, a command is refused with the reason,
// so that the organiser decides what happens instead.

function decideCommand(input: CommandInput): Decision {
  const c = input.command;
  const reg = input.registration;
  const sessionNamed = (slug: string) => input.sessions.find((s) => s.slug === slug);
  const noRegistration = refused('no active registration: nothing to change');
  switch (c.type) {
    case 'add': {
      const target = sessionNamed(c.session);
      if (!target) return refused(`there is no session "${c.session}"`);
      if (reg) return refused(`${c.email} is already ${statusText(reg)} for ${reg.session}: use move or set instead`);
      const closed = closedBecause(target, input.now, input.policy);
      if (closed) return refused(`${target.slug} takes no signups: ${closedText(closed)}`);
      return toRegistrant(newRegistration(input, target, c.attendees));
    }
    case 'cancel':
      return reg ? toRegistrant(cancel(input, reg)) : noRegistration;
    case 'move': {
      if (!reg) return noRegistration;
      const target = sessionNamed(c.session);
      if (!target) return refused(`there is no session "${c.session}"`);
      if (target.slug === reg.session) return refused(`already ${statusText(reg)} for ${target.slug}`);
      const closed = closedBecause(target, input.now, input.policy);
      if (closed) return refused(`${target.slug} takes no signups: ${closedText(closed)}`);
      const moved = move(input, target, reg, reg.attendees);
      if (moved.changes.length === 0) {
        return refused(`${target.slug} has ${seatsLeft(target)} seats left and ${reg.attendees} are needed: the registration stays for ${reg.session}`);
      }
      return toRegistrant(moved);
    }
    case 'set-attendees': {
      const target = reg && sessionNamed(reg.session);
      if (!reg || !target) return noRegistration;
      if (c.attendees === reg.attendees) return refused(`the registration is already for ${reg.attendees}`);
      const updated = sameSessionAgain(input, target, reg, c.attendees);
      if (updated.changes.length === 0) {
        return refused(`${target.slug} has ${seatsLeft(target)} seats left: no room for ${c.attendees - reg.attendees} more`);
      }
      return toRegistrant({ ...updated, outcome: 'updated' });
    }
    case 'capacity': {
      const target = sessionNamed(c.session);
      if (!target) return refused(`there is no session "${c.session}"`);
      if (c.capacity === target.capacity) return refused(`the capacity of ${target.slug} is already ${c.capacity}`);
      // Raising it frees seats: the waiting list moves up as after a cancellation.
      const freed = promotions(input, { ...target, capacity: c.capacity }, 0, -1);
      const over = target.taken - c.capacity;
      return {
        outcome: 'updated', keywords: [],
        changes: [{ type: 'set-capacity', session: target.slug, capacity: c.capacity }, ...freed.changes],
        replies: freed.replies,
        note: [
          `capacity of ${target.slug}: ${target.capacity} -> ${c.capacity}`,
          ...(freed.changes.length ? [`${freed.changes.length} promoted from the waiting list`] : []),
          ...(over > 0 ? [`${over} more seats taken than the new capacity: nobody was removed`] : []),
        ].join('; '),
      };
    }
    case 'signups': {
      const target = sessionNamed(c.session);
      if (!target) return refused(`there is no session "${c.session}"`);
      if ((target.signups ?? 'auto') === c.signups) return refused(`signups for ${target.slug} are already ${c.signups}`);
      const change: Change = { type: 'set-signups', session: target.slug, signups: c.signups };
      if (c.signups === 'closed') {
        return { outcome: 'updated', keywords: [], changes: [change], replies: [], note: `signups for ${target.slug} closed` };
      }
      if (closedBecause(target, input.now, input.policy) === 'started') return refused(`${target.slug} has started`);
      // Seats that freed up while it was closed go to the waiting list now.
      const freed = promotions(input, { ...target, signups: 'open' }, 0, -1);
      return {
        outcome: 'updated', keywords: [], changes: [change, ...freed.changes], replies: freed.replies,
        note: `signups for ${target.slug} open${freed.changes.length ? `; ${freed.changes.length} promoted from the waiting list` : ''}`,
      };
    }
  }
}

/** A decision made for mail, addressed to the registrant instead of a sender; no IMAP message to mark. */
function toRegistrant(d: Decision): Decision {
  return { ...d, keywords: [], replies: d.replies.map((r) => (r.to === 'sender' ? { ...r, to: 'registrant' } : r)) };
}

function refused(note: string): Decision {
  return { outcome: 'refused', changes: [], replies: [], keywords: [], note };
}

function statusText(reg: ActiveRegistration): string {
  return reg.status === 'confirmed' ? 'registered' : 'on the waiting list';
}

function closedText(why: ClosedReason): string {
  if (why === 'started') return 'it has started';
  if (why === 'deadline') return 'its signup deadline has passed (`sessions open` opens it again)';
  return 'organisers closed it (`sessions open` opens it again)';
}

/** Seats freed in `s`: the first on its waiting list who fits gets them, and so on while seats remain. */
function promotions(input: SeriesInput, s: SessionState, freed: number, leaving: number): { changes: Change[]; replies: PlannedReply[] } {
  if (!isOpen(s, input.now, input.policy)) return none();
  let free = seatsLeft(s) + freed;
  const changes: Change[] = [];
  const replies: PlannedReply[] = [];
  for (const entry of s.waitlist) {
    if (entry.id === leaving || entry.attendees > free) continue;
    free -= entry.attendees;
    changes.push({ type: 'promote', id: entry.id });
    replies.push(reply('promoted', {
      to: entry.id, registration: entry.id, session: s.slug, attendees: entry.attendees, invite: 'REQUEST',
      thread: about('confirmation', s.slug),
    }));
  }
  return { changes, replies };
}

/** A new head count when the mail adds people, or states a total that differs from the registration. */
function attendeesUpdate(input: RulesInput, reg: ActiveRegistration): number | null {
  const { attendees: n, attendeesAdded } = input.understanding;
  if (n === null) return null;
  if (attendeesAdded) return reg.attendees + n;
  // "1" is also what a mail that says nothing about numbers yields: only larger totals are explicit.
  return n > 1 && n !== reg.attendees ? n : null;
}

function alternativesFor(input: SeriesInput, attendees: number, exclude: string | null): string[] {
  return openAlternatives(input.sessions, {
    now: input.now, policy: input.policy, attendees, exclude, municipality: input.municipality,
  });
}

function waitlistedReply(registration: 'new' | number, session: string, attendees: number, alternatives: string[]): PlannedReply {
  return reply('waitlisted', {
    registration, session, attendees, alternatives,
    // "ja" to a waiting-list mail takes the nearest open alternative it proposed.
    thread: about('waitlist', session, alternatives, alternatives[0] ?? null),
  });
}

function about(kind: ThreadContext['about'], session: string | null = null, options: string[] = [], proposal: string | null = null): ThreadContext {
  return { about: kind, session, options, proposal };
}

function none(): { changes: Change[]; replies: PlannedReply[] } {
  return { changes: [], replies: [] };
}

function reply(kind: PlannedReply['kind'], fields: Partial<PlannedReply> & { thread: ThreadContext }): PlannedReply {
  return {
    kind, to: 'sender', registration: null, session: null, previousSession: null, attendees: null,
    previousAttendees: null, alternatives: [], closedBecause: null, requested: null, invite: null, ...fields,
  };
}
