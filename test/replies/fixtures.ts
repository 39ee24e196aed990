// Shared inputs for the replies tests: the shipped catalogue's sessions as replies see them.
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import type { ReplyKind, ReplyModel, SessionView } from '../../src/replies/types.js';
import type { Language } from '../../src/understanding/types.js';

export function sessionView(slug: string, seatsLeft = 10): SessionView {
  const s = shippedCatalogue.sessions.find((x) => x.slug === slug);
  if (!s) throw new Error(`no session ${slug} in the shipped catalogue`);
  return {
    slug: s.slug, city: s.city, region: s.region, date: s.date, start: s.start, end: s.end,
    venue: s.venue, address: s.address, programme: s.programme ?? [], seatsLeft,
  };
}

export function model(kind: ReplyKind, language: Language, over: Partial<ReplyModel> = {}): ReplyModel {
  return {
    kind,
    language,
    recipient: { name: 'Anna de Griffier', address: 'griffie@gemeente-haarlem.example' },
    session: sessionView('haarlem'),
    previousSession: kind === 'moved' ? sessionView('utrecht') : null,
    requested: kind === 'alternatives' || kind === 'no-registration' ? sessionView('breda') : null,
    attendees: 2,
    previousAttendees: null,
    alternatives: [sessionView('utrecht'), sessionView('arnhem'), sessionView('assen')],
    closedBecause: kind === 'session-closed' ? 'deadline' : null,
    series: shippedCatalogue.series,
    organiser: shippedCatalogue.organiser ?? '',
    mailbox: 'D-Loket@VNG.nl',
    ...over,
  };
}
