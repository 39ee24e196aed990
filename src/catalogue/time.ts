import type { Session } from './catalogue.js';

// Offset of `tz` from UTC (ms) at the given instant, via Intl: no tz database of our own.
// One formatter per zone: making one costs far more than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetAt(instant: number, tz: string): number {
  let format = formatters.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(tz, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// Every decision asks for the start of each session of the catalogue: the answers are kept
// (a handful of sessions; the map is emptied should it ever hold many).
const instants = new Map<string, number>();

/** The instant at which wall-clock `date` `time` (YYYY-MM-DD, HH:MM) happens in `tz`. */
export function zonedInstant(date: string, time: string, tz: string): Date {
  const key = `${date} ${time} ${tz}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    instant = computeInstant(date, time, tz);
    if (instants.size >= 1000) instants.clear();
    instants.set(key, instant);
  }
  return new Date(instant);
}

function computeInstant(date: string, time: string, tz: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset also next to a DST change.
  let guess = wall - offsetAt(wall, tz);
  guess = wall - offsetAt(guess, tz);
  return guess;
}

export function sessionStart(session: Session, tz: string): Date {
  return zonedInstant(session.date, session.start, tz);
}
