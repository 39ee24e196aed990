// Builders for rules tests: the shipped 2018 sessions as live state, and verdicts.
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import type { Policy, RulesInput, SessionState } from '../../src/rules/types.js';
import type { Understanding } from '../../src/understanding/types.js';

export const policy: Policy = { signupDeadlineHours: 0, acknowledgeQuestions: false, replyLimitPerHour: 5 };

/** 1 June 2018, 12:00 Amsterdam: every 2018 session still ahead. */
export const june1 = new Date('2018-06-01T10:00:00Z');

export function sessions(overrides: Record<string, Partial<SessionState>> = {}): SessionState[] {
  return shippedCatalogue.sessions.map((s, i) => ({
    ...s, id: i + 1, timezone: 'Europe/Amsterdam', taken: 0, waitlist: [], ...overrides[s.slug],
  }));
}

export function verdict(fields: Partial<Understanding>): Understanding {
  return {
    intent: 'register', session: null, attendees: 1, attendeesAdded: false, municipality: null, language: 'nl', reason: 'test',
    evidence: [], confidence: 1, question: false, automated: null, calendarReply: null, requested: null,
    replaces: null, names: [], ...fields,
  };
}

export function input(fields: Partial<RulesInput> & { understanding: Understanding }): RulesInput {
  return {
    now: june1, sessions: sessions(), registration: null, calendarRegistration: null, senderAddress: 'a@gemeente.nl',
    municipality: null, repliesToSenderLastHour: 0, policy, ...fields,
  };
}
