// The iCalendar invite attached to confirmations (METHOD:REQUEST) and cancellations
// (METHOD:CANCEL). One UID per registration: a move re-sends it with a higher SEQUENCE, so the
// calendar entry moves instead of doubling. Times are the session's wall-clock times in its
// own zone (TZID + VTIMEZONE), never converted through the host's zone.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Language } from '../understanding/types.js';
import { formatDate, formatTimeRange, formatTimeSpan } from './format.js';
import type { CalendarInvite } from './types.js';
import { cleanValue } from './view.js';

function checkEmail(email: string, role: string): string {
  // Lands in a mailto: URI and a content line: no room for spaces, quotes or separators.
  if (!/^[^\s"<>;:,()\\]+@[^\s"<>;:,()\\]+$/.test(email)) throw new Error(`${role} address is not usable in an invite: "${email}"`);
  return email;
}

// Parameter values (CN=...) are quoted and RFC 5545 has no escape for a quote inside them.
function paramText(value: string | null): string | null {
  const clean = cleanValue(value ?? '', 100).replace(/"/g, "'");
  return clean || null;
}

/** "2018-06-21T09:30:00": ical-generator writes a string's fields as they are under the event's TZID. */
function wallClock(date: string, time: string): string {
  const value = `${date}T${time}:00`;
  // ical-generator reads the string through the host zone's local fields; a time that the host
  // zone skips (its own DST gap) would shift, so refuse rather than write a wrong hour.
  const local = new Date(value);
  const [hh, mm] = time.split(':').map(Number);
  if (Number.isNaN(local.getTime()) || local.getHours() !== hh || local.getMinutes() !== mm) {
    throw new Error(`cannot write ${value} under this host's TZ (${process.env.TZ ?? 'system'}): run with TZ=UTC`);
  }
  return value;
}

/** The DESCRIPTION: what, when, where, the programme, and how to cancel or switch. */
export function describeInvite(invite: CalendarInvite, language: Language = 'nl'): string {
  const s = invite.session;
  const lines: string[] = [];
  const nl = language === 'nl';
  if (invite.method === 'CANCEL') lines.push(nl ? 'Deze afspraak is geannuleerd.' : 'This event has been cancelled.', '');
  lines.push(
    cleanValue(invite.summary),
    `${formatDate(s.date, language)}, ${formatTimeRange(s.start, s.end, language)}`,
    `${cleanValue(s.venue)}, ${cleanValue(s.address)}`,
  );
  if (invite.method === 'REQUEST' && s.programme.length > 0) {
    lines.push('', nl ? 'Programma:' : 'Programme:');
    for (const p of s.programme) lines.push(`${formatTimeSpan(p.from, p.to)} ${cleanValue(p.item)}`);
  }
  if (invite.method === 'REQUEST') {
    lines.push(
      '',
      nl
        ? `Afmelden of een andere sessie kiezen? Beantwoord de bevestigingsmail of mail naar ${invite.organizer.email}.`
        : `To cancel or switch sessions, reply to the confirmation e-mail or write to ${invite.organizer.email}.`,
    );
  }
  return lines.join('\n');
}

/**
 * The .ics text (CRLF, folded) for one invite. `description` defaults to describeInvite(invite, language).
 *
 * Everything but the registration's own lines (UID, SEQUENCE, DTSTAMP, ATTENDEE) is the same
 * for every invite to a session: ical-generator writes that once (with stand-ins for those
 * lines), and each invite fills in its own lines, escaped and folded as ical-generator does
 * (a test compares the two on many invites). ical-generator took about a millisecond per
 * invite in the backlog's profile, most of it folding lines with a TextEncoder per character.
 */
export function buildInvite(invite: CalendarInvite): string {
  checkInvite(invite);
  const attendeeEmail = checkEmail(invite.attendee.email, 'attendee');
  const template = templateFor(invite);
  const own = (line: string) => fold(line);
  let out = template.head;
  out += own(`UID:${invite.uid}`);
  out += own(`SEQUENCE:${invite.sequence}`);
  out += own(`DTSTAMP:${utcStamp(invite.stamp)}`);
  out += template.middle;
  const name = paramText(invite.attendee.name);
  out += own(`${template.attendeeStart}${name ? `;CN="${escapeText(name, true)}"` : ''}:MAILTO:${escapeText(attendeeEmail, false)}`);
  out += template.tail;
  return out;
}

/** The same text, written by ical-generator in full: what buildInvite's template must equal. */
export function buildInviteInFull(invite: CalendarInvite): string {
  checkInvite(invite);
  return generate(invite, invite.uid, invite.sequence, invite.stamp, invite.attendee);
}

function checkInvite(invite: CalendarInvite): void {
  if (!Number.isInteger(invite.sequence) || invite.sequence < 0) throw new Error(`bad SEQUENCE ${invite.sequence}`);
  if (!invite.uid || /[\s"]/.test(invite.uid)) throw new Error(`bad UID "${invite.uid}"`);
  if (Number.isNaN(invite.stamp.getTime())) throw new Error('invite.stamp is not a valid date');
}

function generate(
  invite: CalendarInvite, uid: string, sequence: number, stamp: Date, attendee: CalendarInvite['attendee'],
): string {
  const vtimezone = getVtimezoneComponent(invite.timezone);
  if (!vtimezone) throw new Error(`no VTIMEZONE known for time zone "${invite.timezone}"`);
  const s = invite.session;
  const request = invite.method === 'REQUEST';

  // The calendar's own zone stays unset (name null): ical-generator would otherwise write
  // DTSTAMP in local time without "Z". The generator still emits the event zone's VTIMEZONE.
  const calendar = ical({
    prodId: { company: 'VNG', product: 'dloket-bot', language: 'NL' },
    method: request ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    timezone: { name: null, generator: (tz) => (tz === invite.timezone ? vtimezone : getVtimezoneComponent(tz)) },
  });
  calendar.createEvent({
    id: uid,
    sequence,
    stamp,
    start: wallClock(s.date, s.start),
    end: wallClock(s.date, s.end),
    timezone: invite.timezone,
    summary: cleanValue(invite.summary),
    description: invite.description ?? describeInvite(invite, invite.language),
    location: `${cleanValue(s.venue)}, ${cleanValue(s.address)}`,
    status: request ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: { name: paramText(invite.organizer.name) ?? invite.organizer.email, email: checkEmail(invite.organizer.email, 'organizer') },
    attendees: [
      {
        email: checkEmail(attendee.email, 'attendee'),
        name: paramText(attendee.name),
        role: ICalAttendeeRole.REQ,
        // A cancellation asks nothing of the attendee.
        ...(request ? { rsvp: true, status: ICalAttendeeStatus.NEEDSACTION } : {}),
      },
    ],
  });
  // RFC 5545 ends every content line, the last one too, with CRLF.
  return `${calendar.toString()}\r\n`;
}

interface Template {
  /** Folded lines up to UID, between DTSTAMP and ATTENDEE, and after ATTENDEE. */
  head: string;
  middle: string;
  tail: string;
  /** The ATTENDEE line up to its CN parameter. */
  attendeeStart: string;
}

// Stand-ins for the registration's own values; none can occur in the rest of an invite.
const STAND_IN = { uid: 'dloket-stand-in-uid@template.invalid', email: 'dloket-stand-in@template.invalid' };
const templates = new Map<string, Template>();

function templateFor(invite: CalendarInvite): Template {
  const { uid: _uid, sequence: _sequence, stamp: _stamp, attendee: _attendee, session, ...shared } = invite;
  const { seatsLeft: _seats, ...place } = session;
  // The host's zone is in the key: wallClock refuses times that it skips.
  const key = JSON.stringify([shared, place, process.env.TZ ?? null]);
  let template = templates.get(key);
  if (!template) {
    template = makeTemplate(invite);
    if (templates.size >= 100) templates.clear(); // a catalogue has a handful of sessions
    templates.set(key, template);
  }
  return template;
}

function makeTemplate(invite: CalendarInvite): Template {
  const text = generate(invite, STAND_IN.uid, 0, new Date(0), { name: null, email: STAND_IN.email });
  // Unfolded: ical-generator folds with CRLF and a space, and no content line holds a CRLF.
  const lines = text.replace(/\r\n /g, '').split('\r\n');
  const at = (prefix: string) => {
    const i = lines.findIndex((l) => l.startsWith(prefix));
    if (i < 0 || lines.findIndex((l, j) => j > i && l.startsWith(prefix)) >= 0) throw new Error(`invite template: no single ${prefix} line`);
    return i;
  };
  const uid = at('UID:');
  const sequence = at('SEQUENCE:');
  const stamp = at('DTSTAMP:');
  const attendee = at('ATTENDEE;');
  const attendeeLine = lines[attendee]!;
  const tailOf = `:MAILTO:${STAND_IN.email}`;
  if (lines[uid] !== `UID:${STAND_IN.uid}` || sequence !== uid + 1 || stamp !== uid + 2 || attendee < stamp
    || !attendeeLine.endsWith(tailOf) || attendeeLine.includes(';CN=')) {
    throw new Error('invite template: ical-generator wrote the event in an unexpected shape');
  }
  const folded = (from: number, to: number) => lines.slice(from, to).map((l) => fold(l)).join('');
  return {
    head: folded(0, uid),
    middle: folded(stamp + 1, attendee),
    // The text ends with CRLF: the last "line" is empty.
    tail: folded(attendee + 1, lines.length - 1),
    attendeeStart: attendeeLine.slice(0, -tailOf.length),
  };
}

/** ical-generator's escape: backslash before \\ and " in a quoted parameter, before \\ ; , otherwise. */
function escapeText(value: string, inQuotes: boolean): string {
  return value.replace(inQuotes ? /[\\"]/g : /[\\;,]/g, (m) => `\\${m}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** ical-generator's DTSTAMP in UTC: yyyymmddThhmmssZ. */
function utcStamp(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getUTCFullYear()).padStart(4, '0')}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`
    + `T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
}

/**
 * One content line, folded as ical-generator folds (RFC 5545: at most 75 octets a line; a
 * character is never split): a break before the character that would make the octets counted
 * since the last break exceed 74. Ends with CRLF.
 */
function fold(line: string): string {
  let out = '';
  let from = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    let size: number;
    let end = i + 1;
    if (code < 0x80) size = 1;
    else if (code < 0x800) size = 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // ical-generator takes the next unit with a high surrogate, whatever it is.
      end = Math.min(i + 2, line.length);
      size = Buffer.byteLength(line.slice(i, end), 'utf8');
    } else size = 3; // the rest of the BMP; a lone low surrogate is written as U+FFFD
    octets += size;
    if (octets > 74) {
      out += `${line.slice(from, i)}\r\n `;
      from = i;
      octets = size;
    }
    i = end - 1;
  }
  return `${out}${line.slice(from)}\r\n`;
}
