// Dates in text, read with chrono-node's Dutch parser (English where the words are English),
// extended through chrono's own custom-parser hook with the forms Dutch mail uses that it
// lacks: "22-6", "22.06" (not a time), "22e juni", "vrijdagmiddag".
import * as chrono from 'chrono-node';
import type { ParsingContext } from 'chrono-node';
import { withoutCaptures } from './matches.js';

export interface DateMention {
  index: number;
  end: number;
  text: string;
  year: number | null; // stated year
  month: number | null;
  day: number | null;
  weekday: number | null; // 0 = Sunday
  /** Resolved against the message date ("morgen", "aanstaande vrijdag"): y-m-d known. */
  resolved: { year: number; month: number; day: number } | null;
}

const MONTHS = '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)';
const MONTH_NUMBER: Record<string, number> = {
  jan: 1, feb: 2, maa: 3, mrt: 3, apr: 4, mei: 5, jun: 6, jul: 7, aug: 8, sep: 9, okt: 10, nov: 11, dec: 12,
};
const WEEKDAYS: Record<string, number> = { zondag: 0, maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6 };

// Patterns are built once: chrono asks for them on every parse.
const NUMERIC = /(?<![\d.:/-])([0-3]?\d)([-.])([01]?\d)(?![\d])(?![-./:]\d)/;
const ORDINAL = new RegExp(`\\b([0-3]?\\d)\\s*(?:e|ste|de)\\s+(?:van\\s+)?${MONTHS}\\b`, 'i');
const WEEKDAY_PART = /\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(ochtend|middag|namiddag|avond|morgen)(en)?\b/i;
const OVERMORGEN = /\bovermorgen\b/i;

const numericDayMonth: chrono.Parser = {
  // "22-6", "22.06", "3-7": a date without a year. Times ("9.30", "om 10.05 uur") are refused.
  pattern: () => NUMERIC,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const day = Number(match[1]);
    const month = Number(match[3]);
    if (day < 1 || day > 31 || month < 1 || month > 12) return null;
    // chrono retries on the rest of the text, where a lookbehind cannot see the digit before.
    if (/[\d.:/-]/.test(context.text[(match.index ?? 0) - 1] ?? '')) return null;
    const after = context.text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 20);
    if (/^\s*(uur|u\b|h\b|min)/i.test(after)) return null;
    const before = context.text.slice(Math.max(0, (match.index ?? 0) - 8), match.index ?? 0);
    // With a period it is only a date when the month has two digits ("22.06", not "12.5").
    if (match[2] === '.' && (match[3]!.length < 2 || /\b(om|rond|vanaf|tot|tussen|van|at|versie)\s*$/i.test(before))) return null;
    if (/^\s*(procent|%|euro|km|keer|personen|mensen|deelnemers|man\b|dagen|weken|uren|jaar)/i.test(after)) return null;
    if (/(€|\beur|\beuro|\bnr|\bkamer|\bversie|\bart)\.?\s*$/i.test(before)) return null;
    return { day, month };
  },
};

const ordinalDayMonth: chrono.Parser = {
  pattern: () => ORDINAL,
  extract: (_context: ParsingContext, match: RegExpMatchArray) => {
    const day = Number(match[1]);
    const month = MONTH_NUMBER[(match[2] ?? '').toLowerCase().slice(0, 3)];
    return day >= 1 && day <= 31 && month ? { day, month } : null;
  },
};

const weekdayPart: chrono.Parser = {
  pattern: () => WEEKDAY_PART,
  extract: (_context: ParsingContext, match: RegExpMatchArray) => ({ weekday: WEEKDAYS[(match[1] ?? '').toLowerCase()]! }),
};

// "overmorgen": chrono's Dutch casual parser knows vandaag, morgen and gisteren only.
const dayAfterTomorrow: chrono.Parser = {
  pattern: () => OVERMORGEN,
  extract: (context: ParsingContext) => {
    const ref = context.reference;
    const wall = new Date(ref.instant.getTime() + (ref.timezoneOffset ?? 0) * 60000 + 2 * 86400000);
    return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  },
};

// Parts of chrono's Dutch casual configuration, each run only when the text has what it
// reads: digits, month names, weekdays, or words such as "morgen". Times and durations ("om
// 14.00", "binnen 2 dagen") never name a session and are left out; so are the refiners, whose
// work (overlaps, weekday next to a date) is done below at a fraction of the cost.
const GROUPS: { when: RegExp; builtIn: string[]; custom: chrono.Parser[] }[] = [
  // Digits alone ("2 personen", "22 juni") are not enough: each of these reads two numbers with
  // a "-", "/" or "." between them ("2018-06-22", "22/6", "22-6", "22.06"), or a year before a
  // month ("2018 juni 22", "2018.6.22"). Text without either gives them nothing to read.
  { when: /\d[-./]\d|\d{4}[./\s]/, builtIn: ['ISOFormatParser', 'SlashDateFormatParser', 'NLCasualYearMonthDayParser'], custom: [numericDayMonth] },
  { when: new RegExp(MONTHS, 'i'), builtIn: ['NLMonthNameMiddleEndianParser'], custom: [ordinalDayMonth] },
  { when: /dag|\b(ma|di|wo|do|vr|za|zo)\b\.?\s*\d/i, builtIn: ['NLWeekdayParser'], custom: [weekdayPart] },
  { when: /vandaag|morgen|vanmiddag|vanavond|vanochtend|vannacht|gisteren/i, builtIn: ['NLCasualTimeParser', 'NLCasualDateTimeParser', 'NLCasualDateParser'], custom: [dayAfterTomorrow] },
];
const instances = new Map<number, chrono.Chrono>();
// The tests of the groups for folded text, as MAYBE_DATE_FOLDED below: without the costly
// case-insensitive matching, which on such text accepts exactly what they accept.
const WHEN_FOLDED = GROUPS.map((g) => new RegExp(g.when.source, g.when.flags.replace('i', '')));

// chrono's Dutch casual parsers ("vandaag", "morgen", "vanmiddag") return a new pattern object
// from innerPattern() on every call, so chrono's cache of the pattern it runs (with its
// word-boundary prefix) never holds: a new RegExp was built for each of the three on every parse
// of a text with such a word ("Goedemorgen," is enough; V8 finds their compiled code in its
// cache). Their patterns do not depend on the parse: each instance here returns the first one
// it made, every time.
const NEW_PATTERN_EVERY_CALL = new Set(['NLCasualDateParser', 'NLCasualDateTimeParser', 'NLCasualTimeParser']);

function pinPattern(parser: chrono.Parser): void {
  const p = parser as chrono.Parser & { innerPattern?: () => RegExp };
  if (!NEW_PATTERN_EVERY_CALL.has(parser.constructor.name) || typeof p.innerPattern !== 'function') return;
  const pattern = p.innerPattern();
  p.innerPattern = () => pattern;
}

function dutchFor(text: string, folded: boolean): chrono.Chrono | null {
  let mask = 0;
  GROUPS.forEach((g, i) => { if ((folded ? WHEN_FOLDED[i]! : g.when).test(text)) mask |= 1 << i; });
  if (mask === 0) return null;
  let c = instances.get(mask);
  if (!c) {
    const wanted = GROUPS.filter((_g, i) => mask & (1 << i));
    const names = new Set(wanted.flatMap((g) => g.builtIn));
    const config = chrono.nl.createCasualConfiguration();
    config.parsers = [...config.parsers.filter((p) => names.has(p.constructor.name)), ...wanted.flatMap((g) => g.custom)];
    config.refiners = [];
    config.parsers.forEach(pinPattern);
    c = new chrono.Chrono(config);
    instances.set(mask, c);
  }
  return c;
}

const en = chrono.en.casual;

// Only text that could hold a date is handed to chrono: it is the costly part.
const MAYBE_DATE = withoutCaptures(/\d|(januari|februari|maart|april|\bmei\b|juni|juli|augustus|september|oktober|november|december|\b(jan|feb|mrt|apr|jun|jul|aug|sept?|okt|oct|nov|dec)\b|dag\b|dagen\b|dag(ochtend|middag|avond|morgen)|vandaag|morgen|vanmiddag|vanavond|vanochtend|gisteren|today|tomorrow|tonight|yesterday|this (morning|afternoon|evening)|\bjune\b|\bjuly\b|\bmay\b|monday|tuesday|wednesday|thursday|friday|saturday|sunday)/i);
// The same for folded text (the clauses' own: lower case, no diacritics), without the costly
// case-insensitive matching: on such text it accepts exactly what MAYBE_DATE accepts.
const MAYBE_DATE_FOLDED = new RegExp(MAYBE_DATE.source);
const ENGLISH = /\b(january|february|march|may|june|july|august|october|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|yesterday|this (morning|afternoon|evening)|next week)\b/i;
const ENGLISH_FOLDED = new RegExp(ENGLISH.source);

// Intl formatters are costly to build: one per time zone, reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, tz: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(tz, f);
  }
  const parts = f.formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

// By time zone, then by hour since the epoch (a number key: no string built and hashed per lookup).
const offsets = new Map<string, Map<number, number>>();

/** Offset of `tz` from UTC in minutes at an instant (zones change offset on the hour). */
// The last answer: the readers of one message ask for the same instant several times.
let lastTz = '';
let lastHour = NaN;
let lastOffset = 0;

export function offsetMinutes(instant: Date, tz: string): number {
  const hour = Math.floor(instant.getTime() / 3_600_000);
  if (hour === lastHour && tz === lastTz) return lastOffset;
  let byHour = offsets.get(tz);
  if (!byHour) offsets.set(tz, (byHour = new Map()));
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const w = wallClock(instant, tz);
    const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    offset = Math.round((wall - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
    if (byHour.size > 10_000) byHour.clear();
    byHour.set(hour, offset);
  }
  lastTz = tz;
  lastHour = hour;
  lastOffset = offset;
  return offset;
}

/** The calendar date of an instant in `tz`. */
export function localDate(instant: Date, tz: string): { year: number; month: number; day: number } {
  const wall = new Date(instant.getTime() + offsetMinutes(instant, tz) * 60000);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

// "aanstaande donderdag", "komende vrijdag", "vrijdag a.s.": that one weekday, not any.
const NEAR_BEFORE = /\b(aanstaande|komende|eerstvolgende|deze|a\.s\.|this|next|coming)\s*$/i;
const NEAR_AFTER = /^\s*(a\.s\.|aanstaande)/i;

interface Today { year: number; month: number; day: number; weekday: number }

// "aanstaande vrijdag": the first such weekday after today (a week on when it is today);
// "deze vrijdag": this one, today included. chrono itself takes the nearest, also backwards.
function upcoming(today: Today, weekday: number, todayCounts: boolean): { year: number; month: number; day: number } {
  let ahead = (weekday - today.weekday + 7) % 7;
  if (ahead === 0 && !todayCounts) ahead = 7;
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day + ahead));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function toMention(r: chrono.ParsedResult, text: string, today: Today): DateMention | null {
  const s = r.start;
  const known = (c: chrono.Component) => s.isCertain(c);
  const hasDayMonth = known('day') && known('month');
  const weekday = known('weekday') ? (s.get('weekday') ?? null) : null;
  if (!hasDayMonth && weekday === null) return null; // a time, or a month alone
  if (/^(nu|now)$/i.test(r.text.trim())) return null; // "ik zie nu pas": no date
  // "vandaag", "morgen", "vanmiddag": chrono knows the year, day and month from the reference.
  const casual = hasDayMonth && known('year') && !/\d/.test(r.text);
  let resolved = casual ? { year: s.get('year')!, month: s.get('month')!, day: s.get('day')! } : null;
  if (!hasDayMonth && weekday !== null) {
    if (/\b(volgende|vorige|next|last)\b/i.test(r.text)) resolved = { year: s.get('year')!, month: s.get('month')!, day: s.get('day')! };
    else if (/\b(deze|this)\b/i.test(r.text)) resolved = upcoming(today, weekday, true);
    else if (NEAR_BEFORE.test(text.slice(Math.max(0, r.index - 20), r.index)) || NEAR_AFTER.test(text.slice(r.index + r.text.length))) {
      resolved = upcoming(today, weekday, /\bdeze\s*$/i.test(text.slice(Math.max(0, r.index - 8), r.index)));
    }
  }
  return {
    index: r.index,
    end: r.index + r.text.length,
    text: r.text,
    year: hasDayMonth && known('year') && !casual ? s.get('year')! : null,
    month: hasDayMonth ? s.get('month')! : null,
    day: hasDayMonth ? s.get('day')! : null,
    weekday,
    resolved,
  };
}

export interface PartDate extends DateMention {
  part: number; // index of the text in the list given to findDatesIn
}

const JOIN = '\n;\n'; // no chrono pattern reaches across a semicolon line
const GREETING_ONLY = /^goede(morgen|middag|navond|ndag)[,!.]?$/;

/**
 * Date mentions in several short folded texts (the clauses of a message: lower case, see
 * fold()), as of `now` in `tz`. One chrono call for them all: its fixed cost per call is larger
 * than its cost per word.
 */
export function findDatesIn(texts: readonly string[], now: Date, tz: string): PartDate[] {
  const starts: number[] = [];
  const parts: number[] = [];
  let joined = '';
  texts.forEach((t, i) => {
    // A signup names its date early; a bounded text keeps a long letter from costing much.
    if (joined.length > 4000 || !MAYBE_DATE_FOLDED.test(t)) return;
    if (joined) joined += JOIN;
    starts.push(joined.length);
    parts.push(i);
    joined += t;
  });
  if (!joined) return [];
  // A greeting alone ("Goedemorgen,") passes that test by its "morgen" or "dag" and holds no date
  // for any parser: a message whose clauses passed hold nothing else is not handed to chrono.
  if (parts.every((i) => GREETING_ONLY.test(texts[i]!))) return [];
  const out: PartDate[] = [];
  // (Every part joined passed the test findDates() begins with: it is not run again.)
  for (const m of datesIn(joined, now, tz, true)) {
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > m.index) k--;
    const base = starts[k]!;
    if (m.end > base + texts[parts[k]!]!.length) continue;
    // (Built field by field: on Node 20 a spread followed by a property the source lacks, as
    // `{ ...m, part }`, costs 2-5 µs, where the same object written out costs some 50 ns.)
    out.push({ index: m.index - base, end: m.end - base, text: m.text, year: m.year, month: m.month, day: m.day, weekday: m.weekday, resolved: m.resolved, part: parts[k]! });
  }
  return out;
}

/** Date mentions in a text, as of `now` in time zone `tz`. */
export function findDates(text: string, now: Date, tz: string): DateMention[] {
  return MAYBE_DATE.test(text) ? datesIn(text, now, tz, false) : [];
}

/** `folded`: the text is folded (see fold()), and the patterns that choose the parsers need not ignore case. */
function datesIn(text: string, now: Date, tz: string, folded: boolean): DateMention[] {
  const ref = { instant: now, timezone: offsetMinutes(now, tz) };
  const results = dutchFor(text, folded)?.parse(text, ref) ?? [];
  if ((folded ? ENGLISH_FOLDED : ENGLISH).test(text)) results.push(...en.parse(text, ref));
  const kept = withoutOverlaps(results);
  const wall = localDate(now, tz);
  const today = { year: wall.year, month: wall.month, day: wall.day, weekday: new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() };
  const out = kept.map((r) => toMention(r, text, today)).filter((m): m is DateMention => m !== null);
  // A bare "zo", "ma", "do" or "vrij" ("dan heb ik vrij") is a weekday only right before a date ("do 28 juni").
  const dates = mergeWeekdayWithDate(out, text).filter((m) => m.day !== null || m.resolved !== null || !/^(op\s+)?(ma|maa|di|din|wo|woe|do|don|vr|vrij|za|zat|zo|zon)\.?$/i.test(m.text.trim()));
  return [...sharedMonth(dates, text), ...dates].sort((a, b) => a.index - b.index);
}

// "21 of 22 juni", "14, 21 en 28 juni", "zowel 28 als 29 juni", "op 22 en op 29 juni": the days
// before share the month of the last one.
function sharedMonth(ms: DateMention[], text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of ms) {
    if (m.day === null || m.month === null) continue;
    let at = m.index;
    for (;;) {
      const before = /(\d{1,2})(e|ste|de)?\s*(,|en\/of|and\/or|of|en|or|and|als|&|\/|-|t\/m)\s*((op|on) )?$/i.exec(text.slice(Math.max(0, at - 17), at));
      if (!before) break;
      const start = at - before[0].length;
      const day = Number(before[1]);
      if (before[3] === '-' || /t\/m/i.test(before[3]!) || day < 1 || day > 31 || /\d$/.test(text.slice(Math.max(0, start - 1), start))) break;
      out.push({ ...m, index: start, end: start + before[1]!.length + (before[2]?.length ?? 0), text: text.slice(start, start + before[1]!.length), day, weekday: null, resolved: null });
      at = start;
    }
  }
  return out;
}

// The longest reading of each stretch of text wins, the earliest on a tie.
function withoutOverlaps(results: chrono.ParsedResult[]): chrono.ParsedResult[] {
  const sorted = [...results].sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const out: chrono.ParsedResult[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.index < last.index + last.text.length) {
      if (r.text.length > last.text.length) out[out.length - 1] = r;
      continue;
    }
    out.push(r);
  }
  return out;
}

// "vrijdagmiddag 22 juni", "do. 28-6": a weekday right before a date describes that date.
function mergeWeekdayWithDate(ms: DateMention[], text: string): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1];
    if (b && a.day === null && a.weekday !== null && b.day !== null && /^[\s,.]{0,3}$/.test(text.slice(a.end, b.index))) {
      out.push({ ...b, index: a.index, text: text.slice(a.index, b.end), weekday: b.weekday ?? a.weekday });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
