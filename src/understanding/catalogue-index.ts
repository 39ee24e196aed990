// Lookup tables derived from a catalogue, built once per catalogue object.
import type { Catalogue, Session } from '../catalogue/catalogue.js';
import { sessionStart } from '../catalogue/time.js';
import { fold, tokenize } from './text.js';

export interface SessionFacts {
  slug: string;
  session: Session;
  cityKey: string; // folded city name
  cityTokens: string[];
  /** Compass words of the region: "Midden-west" -> ["midden", "west"]. */
  region: string[];
  /** Token sequences that name the venue: the full venue and its distinctive words. */
  venues: string[][];
  /** Venue names made only of generic and place words ("Provincie Gelderland"): an organisation as much as a place. */
  weakVenues: Set<string>;
  /** The building word of a venue named after its city ("Stadskantoor" of "Stadskantoor Utrecht"), when no other venue has it. */
  building: string | null;
  year: number;
  month: number;
  day: number;
  weekday: number; // 0 = Sunday
  start: Date;
  /** When signing up ends: the start, or an earlier signupDeadline. */
  closes: Date;
}

export interface CatalogueIndex {
  tz: string;
  sessions: SessionFacts[];
  bySlug: Map<string, SessionFacts>;
  /** First token of a city name -> sessions in that city. */
  byCityToken: Map<string, SessionFacts[]>;
  /** First token of a venue name -> the venue's tokens and session. */
  venueByToken: Map<string, { facts: SessionFacts; tokens: string[] }[]>;
  /** Long one-word venue names, matched with a typo allowed. */
  venueWords: { facts: SessionFacts; word: string }[];
}

// Words that say what kind of building it is, not which one.
const GENERIC = new Set([
  'stadhuis', 'stadskantoor', 'gemeentehuis', 'raadhuis', 'provinciehuis', 'provincie', 'theatercafe', 'theater',
  'podium', 'cafe', 'hotel', 'zaal', 'centrum', 'kantoor', 'huis', 'markt', 'plein', 'straat', 'laan', 'weg', 'singel',
  'kade', 'gracht', 'park', 'station', 'hal', 'gebouw', 'de', 'het', 'van', 'der', 'den', 'en', 'aan', 'op', 'in',
]);

const BUILDINGS = new Set(['stadhuis', 'stadskantoor', 'gemeentehuis', 'raadhuis', 'provinciehuis']);

const COMPASS: Record<string, string> = {
  noord: 'noord', zuid: 'zuid', oost: 'oost', west: 'west', midden: 'midden',
  north: 'noord', south: 'zuid', east: 'oost', central: 'midden', middle: 'midden',
};

export function compassWords(region: string): string[] {
  return fold(region).split(/[^a-z]+/).map((w) => COMPASS[w]).filter((w): w is string => w !== undefined);
}

function venuesOf(s: Session, isPlaceToken: (t: string) => boolean): string[][] {
  const full = tokenize(fold(s.venue)).map((t) => t.t);
  const street = tokenize(fold(s.address.split(',')[0] ?? '')).map((t) => t.t).filter((t) => !/^\d/.test(t));
  const city = new Set(tokenize(fold(s.city)).map((t) => t.t));
  const distinctive = [...full, ...street].filter((t) => t.length >= 4 && !GENERIC.has(t) && !city.has(t) && !isPlaceToken(t));
  const out: string[][] = [];
  if (full.length > 1 && full.some((t) => !GENERIC.has(t))) out.push(full);
  for (const t of new Set(distinctive)) out.push([t]);
  return out;
}

const cache = new WeakMap<Catalogue, CatalogueIndex>();

/** The index for a catalogue; `isPlaceToken` says whether a word is a municipality or province name. */
export function catalogueIndex(catalogue: Catalogue, isPlaceToken: (t: string) => boolean): CatalogueIndex {
  const hit = cache.get(catalogue);
  if (hit) return hit;
  const tz = catalogue.timezone ?? 'Europe/Amsterdam';
  const sessions = catalogue.sessions.map((s): SessionFacts => {
    const [year, month, day] = s.date.split('-').map(Number) as [number, number, number];
    const start = sessionStart(s, tz);
    const deadline = s.signupDeadline ? new Date(s.signupDeadline) : null;
    const cityTokens = tokenize(fold(s.city)).map((t) => t.t);
    return {
      slug: s.slug, session: s, cityKey: cityTokens.join(' '), cityTokens, region: compassWords(s.region),
      venues: venuesOf(s, isPlaceToken),
      // "Provincie Gelderland" is an organisation as much as a place; "Stadhuis Venlo" names the city.
      weakVenues: new Set(venuesOf(s, isPlaceToken).filter((v) => v.every((t) => GENERIC.has(t) || isPlaceToken(t)) && !v.includes(cityTokens[0]!)).map((v) => v.join(' '))),
      building: null,
      year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
      start, closes: deadline && deadline < start ? deadline : start,
    };
  });
  // "in het Stadskantoor": the building word alone names the venue when only one venue has it.
  const buildingWords = sessions.map((f) => tokenize(fold(f.session.venue)).map((t) => t.t).filter((t) => BUILDINGS.has(t)));
  sessions.forEach((f, i) => {
    const [word] = buildingWords[i]!;
    if (word && buildingWords.filter((w) => w.includes(word)).length === 1) {
      f.building = word;
      f.venues.push([word]);
      f.weakVenues.add(word);
    }
  });
  const byCityToken = new Map<string, SessionFacts[]>();
  for (const f of sessions) {
    const first = f.cityTokens[0];
    if (first) byCityToken.set(first, [...(byCityToken.get(first) ?? []), f]);
  }
  const venueByToken = new Map<string, { facts: SessionFacts; tokens: string[] }[]>();
  const venueWords: { facts: SessionFacts; word: string }[] = [];
  for (const f of sessions) {
    for (const v of f.venues) {
      venueByToken.set(v[0]!, [...(venueByToken.get(v[0]!) ?? []), { facts: f, tokens: v }].sort((a, b) => b.tokens.length - a.tokens.length));
      if (v.length === 1 && v[0]!.length >= 7) venueWords.push({ facts: f, word: v[0]! });
    }
  }
  const index: CatalogueIndex = { tz, sessions, bySlug: new Map(sessions.map((f) => [f.slug, f])), byCityToken, venueByToken, venueWords };
  cache.set(catalogue, index);
  return index;
}
