// The values a reply template can use, built from a ReplyModel. Every placeholder an organiser
// may write is a key of this view: loadTemplates checks templates against sampleView().
import type { Language } from '../understanding/types.js';
import { formatAttendees, formatDate, formatShortDate, formatTime, formatTimeRange, formatTimeSpan } from './format.js';
import type { ReplyModel, SessionView } from './types.js';

export interface SessionValues {
  slug: string;
  city: string;
  region: string;
  date: string; // "donderdag 21 juni 2018"
  shortDate: string; // "21 juni"
  time: string; // "9:30–12:30 uur"
  start: string; // "9:30"
  end: string; // "12:30"
  venue: string;
  address: string;
  programme: { time: string; item: string }[];
  hasProgramme: boolean;
  seatsLeft: number;
}

export interface ReplyView {
  name: string; // '' when the sender gave none
  email: string;
  attendees: string; // "3 personen", '' when unknown
  attendeeCount: number | null;
  previousAttendees: string;
  attendeesChanged: boolean;
  session: SessionValues | null;
  previousSession: SessionValues | null;
  requested: SessionValues | null;
  alternatives: (SessionValues & { number: number })[];
  hasAlternatives: boolean;
  closedStarted: boolean;
  closedDeadline: boolean;
  closedByOrganiser: boolean;
  series: string;
  organiser: string;
  mailbox: string;
}

// Controls (C0, DEL, C1), line and paragraph separators, and the explicit bidi embeddings,
// overrides and isolates: a name could otherwise break a line, or turn the rest of the mail
// around on screen. Plain LRM/RLM marks stay: they affect only their neighbours.
const lineBreaking = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const bidiControls = /[\u202a-\u202e\u2066-\u2069]/g;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** One line of plain text, at most `max` user-perceived characters (cut with "…"). */
export function cleanValue(value: string, max = 200): string {
  const flat = value.replace(lineBreaking, ' ').replace(bidiControls, '').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat; // UTF-16 length >= grapheme count: nothing to cut
  const graphemes = Array.from(segmenter.segment(flat), (s) => s.segment);
  return graphemes.length <= max ? flat : `${graphemes.slice(0, max - 1).join('').trimEnd()}…`;
}

function sessionValues(s: SessionView, language: Language): SessionValues {
  return {
    slug: cleanValue(s.slug),
    city: cleanValue(s.city),
    region: cleanValue(s.region),
    date: formatDate(s.date, language),
    shortDate: formatShortDate(s.date, language),
    time: formatTimeRange(s.start, s.end, language),
    start: formatTime(s.start),
    end: formatTime(s.end),
    venue: cleanValue(s.venue),
    address: cleanValue(s.address),
    programme: s.programme.map((p) => ({ time: formatTimeSpan(p.from, p.to), item: cleanValue(p.item) })),
    hasProgramme: s.programme.length > 0,
    seatsLeft: s.seatsLeft,
  };
}

export function buildView(model: ReplyModel): ReplyView {
  const { language } = model;
  const count = (n: number | null) => (n === null ? '' : formatAttendees(n, language));
  return {
    name: cleanValue(model.recipient.name ?? '', 100),
    email: cleanValue(model.recipient.address),
    attendees: count(model.attendees),
    attendeeCount: model.attendees,
    previousAttendees: count(model.previousAttendees),
    attendeesChanged: model.previousAttendees !== null && model.previousAttendees !== model.attendees,
    session: model.session && sessionValues(model.session, language),
    previousSession: model.previousSession && sessionValues(model.previousSession, language),
    requested: model.requested && sessionValues(model.requested, language),
    alternatives: model.alternatives.map((s, i) => ({ number: i + 1, ...sessionValues(s, language) })),
    hasAlternatives: model.alternatives.length > 0,
    closedStarted: model.closedBecause === 'started',
    closedDeadline: model.closedBecause === 'deadline',
    closedByOrganiser: model.closedBecause === 'closed',
    series: cleanValue(model.series),
    organiser: cleanValue(model.organiser),
    mailbox: cleanValue(model.mailbox),
  };
}

const sampleSession: SessionView = {
  slug: 'haarlem', city: 'Haarlem', region: 'Noord-west', date: '2018-06-21', start: '09:30', end: '12:30',
  venue: 'Seinwezen', address: 'Kinderhuissingel 1, Haarlem', seatsLeft: 12,
  programme: [{ from: '09:00', to: '09:30', item: 'inloop' }],
};

/** A model with every field filled: its view lists every placeholder a template may use. */
export function sampleModel(language: Language = 'nl'): ReplyModel {
  return {
    kind: 'moved', language,
    recipient: { name: 'Jan de Vries', address: 'griffie@gemeente.example' },
    session: sampleSession, previousSession: { ...sampleSession, slug: 'utrecht', city: 'Utrecht' },
    requested: { ...sampleSession, slug: 'breda', city: 'Breda' },
    attendees: 2, previousAttendees: 1, alternatives: [sampleSession], closedBecause: 'deadline',
    series: 'Ontwerpsessies lokale democratie en bestuur 2018',
    organiser: 'Democratie in Actie (VNG, ministerie van BZK en partners)', mailbox: 'D-Loket@VNG.nl',
  };
}
