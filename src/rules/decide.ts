// The registration rules: what the bot does with an understood message, given the state of
// the series. Pure: the pipeline loads the state under a lock, calls decide(), applies the result.
import type { ThreadContext } from '../understanding/types.js';
import { closedBecause, isOpen, openAlternatives, seatsLeft } from './availability.js';
import {
  keywords, type ActiveRegistration, type Change, type Decision, type PlannedReply, type RulesInput, type SessionState,
} from './types.js';

export function decide(input: RulesInput): Decision {
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
      ? sameSessionAgain(input, target, reg)
      : move(input, target, reg);
  return { ...decision, keywords: [...decision.keywords, ...extra] };
}

function newRegistration(input: RulesInput, target: SessionState, attendees: number): Decision {
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

function sameSessionAgain(input: RulesInput, target: SessionState, reg: ActiveRegistration): Decision {
  const wanted = attendeesUpdate(input, reg);
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

function move(input: RulesInput, target: SessionState, reg: ActiveRegistration): Decision {
  const attendees = attendeesUpdate(input, reg) ?? reg.attendees;
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

function sessionClosed(input: RulesInput, s: SessionState, why: 'started' | 'deadline'): Decision {
  const alternatives = alternativesFor(input, input.understanding.attendees ?? 1, s.slug);
  return {
    outcome: 'session-closed', changes: [], keywords: [keywords.handled],
    replies: [reply('session-closed', {
      session: s.slug, closedBecause: why, alternatives, thread: about('alternatives', null, alternatives),
    })],
    note: `${s.slug} is closed (${why})`,
  };
}

/** Seats freed in `s`: the first on its waiting list who fits gets them, and so on while seats remain. */
function promotions(input: RulesInput, s: SessionState, freed: number, leaving: number): { changes: Change[]; replies: PlannedReply[] } {
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

function alternativesFor(input: RulesInput, attendees: number, exclude: string | null): string[] {
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
