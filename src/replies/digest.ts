// The organisers' daily digest as a template view: built from plain data (gathered by
// src/organisers/digest.ts), worded per language, filled into templates/<lang>/digest.txt.
import type { Language } from '../understanding/types.js';
import { formatAttendees, formatDate, formatShortDate, formatTimeRange } from './format.js';
import { cleanValue } from './view.js';

export interface DigestData {
  now: Date;
  /** The previous digest's time: changes after it are new. */
  since: Date;
  timezone: string;
  series: string;
  organiser: string;
  mailbox: string;
  /** File name of the attached attendee list. */
  attachment: string;
  sessions: {
    city: string; date: string; start: string; end: string; capacity: number; taken: number;
    waitlistPeople: number; waitlistEntries: number; closed: 'started' | 'deadline' | 'closed' | null;
  }[];
  changes: {
    at: Date; origin: string; actor: string | null; action: string; city: string | null; name: string | null;
    email: string | null; municipality: string | null; attendees: number | null; detail: Record<string, unknown>;
  }[];
  waiting: { id: number; processedAt: Date; fromAddress: string | null; subject: string | null; outcome: string; reason: string | null }[];
  undelivered: { createdAt: Date; toAddress: string; subject: string; status: string; lastError: string | null }[];
}

export interface DigestView {
  date: string;
  since: string;
  series: string;
  organiser: string;
  mailbox: string;
  attachment: string;
  sessions: { city: string; date: string; time: string; capacity: number; taken: number; free: number; waitlist: string; waitlistEntries: number; state: string }[];
  hasChanges: boolean;
  changes: { when: string; what: string; session: string; name: string; email: string; municipality: string; attendees: string; by: string }[];
  hasWaiting: boolean;
  waitingCount: number;
  waiting: { id: number; when: string; age: string; from: string; subject: string; why: string }[];
  hasUndelivered: boolean;
  undelivered: { when: string; to: string; subject: string; state: string; error: string }[];
}

const words = {
  nl: {
    state: { started: 'begonnen', deadline: 'aanmelding gesloten (termijn voorbij)', closed: 'aanmelding gesloten door organisatie', full: 'vol' },
    action: {
      registered: 'aangemeld', waitlisted: 'op de wachtlijst', promoted: 'van de wachtlijst doorgeschoven', moved: 'overgestapt',
      cancelled: 'afgemeld', attendees: 'aantal personen aangepast', capacity: 'capaciteit aangepast', signups: 'aanmelding',
    } as Record<string, string>,
    movedFrom: (from: string) => `overgestapt van ${from}`,
    capacity: (from: unknown, to: unknown) => `capaciteit ${String(from)} → ${String(to)}`,
    signups: (open: boolean) => (open ? 'aanmelding geopend' : 'aanmelding gesloten'),
    byMail: 'per mail', bySchedule: 'automatisch', byOrganiser: (name: string) => `door ${name}`,
    why: {
      escalated: 'vraag of opmerking voor een medewerker', error: 'kon niet worden gelezen', oversized: 'te groot om te lezen',
      'rate-limited': 'veel berichten van dit adres: de bot antwoordt niet meer', 'calendar-response': 'agenda-uitnodiging afgeslagen',
      held: 'wacht op controle van het antwoord (dloket-bot review)',
    } as Record<string, string>,
    whyOther: 'bevat ook een vraag of kon niet beantwoord worden',
    undelivered: { failed: 'geweigerd', unknown: 'onbekend of afgeleverd' } as Record<string, string>,
    age: (n: number, unit: 'm' | 'h' | 'd') => `${n} ${{ m: n === 1 ? 'minuut' : 'minuten', h: 'uur', d: n === 1 ? 'dag' : 'dagen' }[unit]}`,
    noSubject: '(geen onderwerp)',
  },
  en: {
    state: { started: 'started', deadline: 'signups closed (deadline passed)', closed: 'signups closed by organisers', full: 'full' },
    action: {
      registered: 'registered', waitlisted: 'on the waiting list', promoted: 'promoted from the waiting list', moved: 'moved',
      cancelled: 'cancelled', attendees: 'number of people changed', capacity: 'capacity changed', signups: 'signups',
    } as Record<string, string>,
    movedFrom: (from: string) => `moved from ${from}`,
    capacity: (from: unknown, to: unknown) => `capacity ${String(from)} → ${String(to)}`,
    signups: (open: boolean) => (open ? 'signups opened' : 'signups closed'),
    byMail: 'by mail', bySchedule: 'automatically', byOrganiser: (name: string) => `by ${name}`,
    why: {
      escalated: 'a question or remark for a person', error: 'could not be read', oversized: 'too large to read',
      'rate-limited': 'many messages from this address: the bot stopped answering', 'calendar-response': 'calendar invitation declined',
      held: 'its answer waits for review (dloket-bot review)',
    } as Record<string, string>,
    whyOther: 'also asks something, or could not be answered',
    undelivered: { failed: 'refused', unknown: 'unknown, may have arrived' } as Record<string, string>,
    age: (n: number, unit: 'm' | 'h' | 'd') => `${n} ${{ m: n === 1 ? 'minute' : 'minutes', h: n === 1 ? 'hour' : 'hours', d: n === 1 ? 'day' : 'days' }[unit]}`,
    noSubject: '(no subject)',
  },
};

const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "31 mei, 14:02" in the series' own zone. */
function moment(d: Date, language: Language, timezone: string): string {
  const parts = new Intl.DateTimeFormat(locales[language], {
    timeZone: timezone, day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')} ${get('month')}, ${get('hour')}:${get('minute')}`;
}

/** The calendar date of an instant in a zone, YYYY-MM-DD. */
export function localDay(d: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

function age(ms: number, language: Language): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return words[language].age(minutes, 'm');
  if (minutes < 48 * 60) return words[language].age(Math.floor(minutes / 60), 'h');
  return words[language].age(Math.floor(minutes / 1440), 'd');
}

export function buildDigestView(data: DigestData, language: Language): DigestView {
  const w = words[language];
  const text = (v: string | null | undefined, max = 200) => cleanValue(v ?? '', max);
  const when = (d: Date) => moment(d, language, data.timezone);
  const what = (c: DigestData['changes'][number]) => {
    if (c.action === 'moved' && typeof c.detail.from === 'string') return w.movedFrom(c.detail.from);
    if (c.action === 'capacity') return w.capacity(c.detail.from, c.detail.capacity);
    if (c.action === 'signups') return w.signups(c.detail.signups === 'open');
    return w.action[c.action] ?? c.action;
  };
  return {
    date: formatDate(localDay(data.now, data.timezone), language),
    since: when(data.since),
    series: text(data.series),
    organiser: text(data.organiser),
    mailbox: text(data.mailbox),
    attachment: text(data.attachment),
    sessions: data.sessions.map((s) => {
      const free = Math.max(0, s.capacity - s.taken);
      return {
        city: text(s.city), date: formatShortDate(s.date, language), time: formatTimeRange(s.start, s.end, language),
        capacity: s.capacity, taken: s.taken, free, waitlist: s.waitlistPeople ? formatAttendees(s.waitlistPeople, language) : '',
        waitlistEntries: s.waitlistEntries,
        state: s.closed ? w.state[s.closed] : free === 0 ? w.state.full : '',
      };
    }),
    hasChanges: data.changes.length > 0,
    changes: data.changes.map((c) => ({
      when: when(c.at), what: what(c), session: text(c.city), name: text(c.name, 100), email: text(c.email),
      municipality: text(c.municipality), attendees: c.attendees === null ? '' : formatAttendees(c.attendees, language),
      by: c.origin === 'organiser' ? w.byOrganiser(text(c.actor, 60) || '?') : c.origin === 'schedule' ? w.bySchedule : w.byMail,
    })),
    hasWaiting: data.waiting.length > 0,
    waitingCount: data.waiting.length,
    waiting: data.waiting.map((m) => ({
      id: m.id, when: when(m.processedAt), age: age(data.now.getTime() - m.processedAt.getTime(), language),
      from: text(m.fromAddress) || '?', subject: text(m.subject) || w.noSubject,
      why: w.why[m.outcome] ?? w.whyOther,
    })),
    hasUndelivered: data.undelivered.length > 0,
    undelivered: data.undelivered.map((r) => ({
      when: when(r.createdAt), to: text(r.toAddress), subject: text(r.subject), state: w.undelivered[r.status] ?? r.status,
      error: text(r.lastError, 300),
    })),
  };
}

/** A digest with every list filled: its view lists every placeholder digest.txt may use. */
export function sampleDigestView(language: Language = 'nl'): DigestView {
  const now = new Date('2018-06-01T05:30:00Z');
  return buildDigestView({
    now, since: new Date('2018-05-31T05:30:00Z'), timezone: 'Europe/Amsterdam',
    series: 'Ontwerpsessies lokale democratie en bestuur 2018', organiser: 'Democratie in Actie', mailbox: 'D-Loket@VNG.nl',
    attachment: 'aanmeldingen-2018-06-01.csv',
    sessions: [{ city: 'Haarlem', date: '2018-06-21', start: '09:30', end: '12:30', capacity: 50, taken: 12, waitlistPeople: 2, waitlistEntries: 1, closed: null }],
    changes: [{ at: now, origin: 'organiser', actor: 'jan', action: 'registered', city: 'Haarlem', name: 'Els', email: 'els@example.nl', municipality: 'Haarlem', attendees: 2, detail: {} }],
    waiting: [{ id: 7, processedAt: now, fromAddress: 'vraag@example.nl', subject: 'Parkeren?', outcome: 'escalated', reason: 'question' }],
    undelivered: [{ createdAt: now, toAddress: 'weg@example.nl', subject: 'Re: Aanmelding', status: 'failed', lastError: '550 no such user' }],
  }, language);
}
