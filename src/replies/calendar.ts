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

/** The .ics text (CRLF, folded) for one invite. `description` defaults to describeInvite(invite, language). */
export function buildInvite(invite: CalendarInvite): string {
  const vtimezone = getVtimezoneComponent(invite.timezone);
  if (!vtimezone) throw new Error(`no VTIMEZONE known for time zone "${invite.timezone}"`);
  if (!Number.isInteger(invite.sequence) || invite.sequence < 0) throw new Error(`bad SEQUENCE ${invite.sequence}`);
  if (!invite.uid || /[\s"]/.test(invite.uid)) throw new Error(`bad UID "${invite.uid}"`);
  if (Number.isNaN(invite.stamp.getTime())) throw new Error('invite.stamp is not a valid date');
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
    id: invite.uid,
    sequence: invite.sequence,
    stamp: invite.stamp,
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
        email: checkEmail(invite.attendee.email, 'attendee'),
        name: paramText(invite.attendee.name),
        role: ICalAttendeeRole.REQ,
        // A cancellation asks nothing of the attendee.
        ...(request ? { rsvp: true, status: ICalAttendeeStatus.NEEDSACTION } : {}),
      },
    ],
  });
  // RFC 5545 ends every content line, the last one too, with CRLF.
  return `${calendar.toString()}\r\n`;
}
