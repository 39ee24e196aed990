// The answer in an iCalendar REPLY (RFC 5546): which invitation, who, and what they said.
import type { CalendarPart, CalendarReply } from './types.js';

/** Unfolded content lines of an iCalendar object. */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '').split('\n');
}

export function calendarReply(parts: readonly CalendarPart[]): CalendarReply | null {
  const part = parts.find((p) => p.method === 'REPLY' || p.method === 'COUNTER') ?? parts[0];
  if (!part) return null;
  let uid = '';
  let partstat = '';
  let attendee: string | null = null;
  for (const line of contentLines(part.content)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const [name, ...params] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1).trim();
    const key = (name ?? '').toUpperCase();
    if (key === 'UID' && !uid) uid = value;
    if (key === 'ATTENDEE' && attendee === null) {
      attendee = value.replace(/^mailto:/i, '') || null;
      const ps = params.find((p) => /^PARTSTAT=/i.test(p));
      if (ps) partstat = ps.slice(ps.indexOf('=') + 1).toUpperCase();
    }
  }
  if (!uid && !partstat) return null;
  return { uid, partstat: partstat || 'NEEDS-ACTION', attendee };
}
