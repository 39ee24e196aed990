// Dates, times and counts as the replies write them. Session dates are calendar dates and
// times are wall-clock times in the session's own zone: nothing here converts between zones,
// so the host's TZ setting can never shift a date.
import type { Language } from '../understanding/types.js';

const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

function parseDate(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD, got "${date}"`);
  const [, y, m, d] = match;
  const instant = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (instant.getUTCDate() !== Number(d)) throw new RangeError(`no such date: "${date}"`);
  return instant;
}

// Making a DateTimeFormat costs far more than using one (it showed in the worker's profile).
const formats = new Map<string, Intl.DateTimeFormat>();

function dateParts(date: string, language: Language, options: Intl.DateTimeFormatOptions) {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  // UTC on both sides: the calendar date goes in and comes out unchanged.
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locales[language], { ...options, timeZone: 'UTC' })));
  const parts = format.formatToParts(parseDate(date));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday'), day: get('day'), month: get('month'), year: get('year') };
}

/** "donderdag 21 juni 2018" / "Thursday 21 June 2018". Assembled from parts so ICU's comma habits don't leak in. */
export function formatDate(date: string, language: Language): string {
  const p = dateParts(date, language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "21 juni" / "21 June": for places where the weekday and year are already clear. */
export function formatShortDate(date: string, language: Language): string {
  const p = dateParts(date, language, { day: 'numeric', month: 'long' });
  return `${p.day} ${p.month}`;
}

/** "09:30" -> "9:30", as the invitation writes times. */
export function formatTime(hhmm: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new RangeError(`expected a time as HH:MM, got "${hhmm}"`);
  return `${Number(match[1])}:${match[2]}`;
}

/** "9:30–12:30" (en dash, no spaces). */
export function formatTimeSpan(start: string, end: string): string {
  return `${formatTime(start)}–${formatTime(end)}`;
}

/** "9:30–12:30 uur" in Dutch, "9:30–12:30" in English. */
export function formatTimeRange(start: string, end: string, language: Language): string {
  const span = formatTimeSpan(start, end);
  return language === 'nl' ? `${span} uur` : span;
}

/** "1 persoon", "3 personen" / "1 person", "3 people". */
export function formatAttendees(count: number, language: Language): string {
  if (language === 'nl') return count === 1 ? '1 persoon' : `${count} personen`;
  return count === 1 ? '1 person' : `${count} people`;
}
