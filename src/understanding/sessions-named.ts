// Which sessions a text refers to, clause by clause: by city (ordinary typos allowed), venue,
// region or date, and places or dates that have no session. A place inside a longer name is
// not that place ("Haarlemmermeer", "Utrechtse Heuvelrug"), nor is a city named as where the
// sender works ("gemeente Assen", "namens de raad van Venlo", "Provincie Utrecht", "bij ons in Beesel").
import type { CatalogueIndex, SessionFacts } from './catalogue-index.js';
import type { Clause } from './clauses.js';
import { findDatesIn, type PartDate } from './dates.js';
import { findMunicipalities, placeIndex, type NameEntry } from './places.js';
import { fold, WordShapes, type Token } from './text.js';
import { matchesOf, withoutCaptures } from './matches.js';
import { TIED_TO_COMING } from './cues.js';

export type RefKind = 'city' | 'venue' | 'region' | 'date' | 'weekday' | 'place' | 'other-date';
/**
 * 'other': named in a clause about someone else ("mijn collega gaat naar Arnhem"); 'agenda': in a
 * clause about another engagement of the sender ("onze raad vergadert op 21 juni"): no choice.
 */
export type Polarity = 'pos' | 'neg' | 'prior' | 'other' | 'agenda';

export interface Ref {
  kind: RefKind;
  sessions: string[]; // the sessions it fits; empty for a place or date without a session
  polarity: Polarity;
  clause: number;
  text: string;
  rank: 'first' | 'fallback' | null; // from the clause: a first choice or a fallback
  past: boolean; // a date before the message date
  /** Counts only when nothing else names a session: "voor 1 juni" (a deadline?), "zaterdag". */
  weak: boolean;
  conflict: boolean; // weekday and date disagree
}

export interface RefContext {
  index: CatalogueIndex;
  now: Date;
  today: { year: number; month: number; day: number }; // in the catalogue's time zone
  isoDate: string;
}

// Words before a place that make it where the sender works, lives or passes through.
const NOT_THE_SESSION = /\b(bij ons|bij os|hier bij ons|via|langs|vanaf|gemeente|gem|griffie|raad|gemeenteraad|college|namens|vanuit|uit|provincie|prov|burgemeester|wethouder|wethouders|raadslid|raadsleden|griffier|raadsgriffier|gemeentesecretaris|fractie|fractievoorzitter|inwoner|inwoners|ambtenaar|ambtenaren|universiteit|hogeschool|waterschap|veiligheidsregio|politie|werkzaam|werk|werkt|werkte|werkten|woon|woonachtig|wonen|woonplaats|organisatie|werkgever|adres|municipality|council|province|city of|council member|councillor|councilor|alderman|mayor|clerk|official|employee|live|lives|living|based|work|works|working)\b[\s.:]*((van|de|het|der|voor|in|bij|te|of|the|regio|omgeving|buurt|tussen|vlakbij|nabij|naast|rond|rondom|near|close to|between)\s+)*$/;
const SESSION_NOUN = /^(sessie|ontwerpsessie|regiosessie|bijeenkomst|editie|session|meeting)$/;
const TYPO_STOP = new Set(['brede', 'bread', 'breed', 'asse', 'asset', 'assets', 'essen', 'haarden', 'haarle', 'venla']);

/**
 * Damerau-Levenshtein distance (optimal string alignment), giving up above `max`. Three rows
 * of the table are enough (a swap looks two rows back); they are kept between calls, since
 * every word of every clause may be compared with the session cities.
 */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length + 1));
  let [back2, back, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) back[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(back[j]! + 1, cur[j - 1]! + 1, back[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, back2[j - 2]! + 1);
      cur[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    [back2, back, cur] = [back, cur, back2];
  }
  return back[b.length]!;
}

// A person's role right before "voor" and the place sends them there: "de wethouder voor Arnhem,
// de raadsleden voor Venlo" (a role's affiliation is "van" or "in" a place; "voor" a party or portfolio).
const SENT_FOR = /\b(burgemeester|wethouders?|raadslid|raadsleden|griffiers?|raadsgriffier|gemeentesecretaris|fractievoorzitter|collega'?s?)\s+voor\s+$/;

function affiliated(folded: string, at: number): boolean {
  const near = folded.slice(Math.max(0, at - 45), at);
  if (NOT_THE_SESSION.test(near)) return !SENT_FOR.test(near);
  // "Ik woon in de buurt van Utrecht of Arnhem": a place joined to an affiliated one is one too.
  const before = folded.slice(Math.max(0, at - 80), at);
  const joined = endsJoined(before) ? JOINED.exec(before) : null;
  return !!joined && NOT_THE_SESSION.test(before.slice(Math.max(0, joined.index - 45), joined.index));
}
const JOINED = /[a-z'-]+(\s*,\s*|\s+(of|en|or|and)\s+)$/;

/**
 * Whether a text ends as JOINED needs it to, in a comma or a joining word before spaces. Most
 * text before a place does not; JOINED, which may start at any letter, then is not run.
 */
function endsJoined(text: string): boolean {
  const trimmed = text.trimEnd(); // (trimEnd() removes what \s matches)
  return trimmed.endsWith(',') || (trimmed.length < text.length && /\s(of|en|or|and)$/.test(trimmed.slice(-4)));
}

const capitalised = (clause: Clause, t: Token) => /^[A-Z\u00c0-\u00de']/.test(clause.text.slice(t.s, t.e));

/**
 * What the tables say of a word: the session cities, venues and municipality names it begins,
 * and whether it is a place word or a typo stop. One lookup per token of a clause, where
 * there were up to five (one per table); most words are in none, and have no entry.
 */
interface WordFacts {
  cities?: SessionFacts[];
  venues?: CatalogueIndex['venueByToken'] extends Map<string, infer V> ? V : never;
  names?: NameEntry[];
  placeWord?: boolean;
  typoStop?: boolean;
}

interface WordTable {
  facts: Map<string, WordFacts>;
  /** The shapes of the words in `facts`: most words of a clause are in none of the tables, and are passed over without the lookup. */
  shapes: WordShapes;
}

const wordFactsOf = new WeakMap<CatalogueIndex, WordTable>();

function wordFacts(index: CatalogueIndex): WordTable {
  let table = wordFactsOf.get(index);
  if (!table) {
    const t = new Map<string, WordFacts>();
    const at = (w: string) => { let f = t.get(w); if (!f) t.set(w, (f = {})); return f; };
    for (const [w, cities] of index.byCityToken) at(w).cities = cities;
    for (const [w, venues] of index.venueByToken) at(w).venues = venues;
    for (const [w, names] of placeIndex().byFirst) at(w).names = names;
    for (const w of placeIndex().placeWords) at(w).placeWord = true;
    for (const w of TYPO_STOP) at(w).typoStop = true;
    wordFactsOf.set(index, (table = { facts: t, shapes: new WordShapes(t.keys()) }));
  }
  return table;
}

const NO_FACTS: WordFacts = {};

/** A session city at token i: exact, adjective + session noun ("Bredase sessie"), or a typo. */
function cityAt(clause: Clause, i: number, index: CatalogueIndex, facts: WordFacts): SessionFacts | null {
  const toks = clause.tokens;
  const t = toks[i]!.t;
  for (const f of facts.cities ?? []) {
    if (f.cityTokens.every((ct, k) => toks[i + k]?.t === ct)) return f;
  }
  if (t.length < 4 || facts.typoStop || facts.placeWord) return null;
  for (const f of index.sessions) {
    // (First letters compared as numbers: t[0] makes a string of each.)
    if (f.cityTokens.length !== 1 || t.charCodeAt(0) !== f.cityKey.charCodeAt(0)) continue;
    if (t.startsWith(f.cityKey)) {
      if (/^(se|s|er|ers)$/.test(t.slice(f.cityKey.length)) && SESSION_NOUN.test(toks[i + 1]?.t ?? '')) return f;
      continue;
    }
    const max = f.cityKey.length >= 7 && capitalised(clause, toks[i]!) ? 2 : 1;
    if (f.cityKey.length >= 5 && t.length >= f.cityKey.length - 1 && editDistance(t, f.cityKey, max) <= max) return f;
  }
  return null;
}

function venueAt(toks: readonly Token[], i: number, index: CatalogueIndex, facts: WordFacts): { f: SessionFacts; n: number; weak: boolean } | null {
  const t = toks[i]!.t;
  for (const v of facts.venues ?? []) {
    if (v.tokens.every((vt, k) => toks[i + k]?.t === vt)) return { f: v.facts, n: v.tokens.length, weak: v.facts.weakVenues.has(v.tokens.join(' ')) };
  }
  if (t.length < 6) return null;
  for (const v of index.venueWords) {
    if (t.charCodeAt(0) === v.word.charCodeAt(0) && editDistance(t, v.word, 1) <= 1) return { f: v.facts, n: 1, weak: false };
  }
  return null;
}

const COMPASS = '(noord|zuid|midden|oost|west|north|south|east|central)';
const REGION_AFTER_WORD = new RegExp(`\\b(?:regio(?:sessie|nale sessie)?|region(?:al)?(?: session)?)\\s+(?:de\\s+|het\\s+)?${COMPASS}(?:[\\s-]?(oost|west|east))?(?![a-z]|[\\s-]?(holland|brabant|nederland|limburg|veluwe|betuwe|twente|drenthe|friesland|fryslan|groningen|gelderland|overijssel|utrecht|zeeland|flevoland))`, 'g');
const REGION_COMPOUND = /\b(noord|zuid|midden|north|south|central)[\s-]?(oost|west|east)(en)?\b(?![\s-]?(holland|brabant|nederland|limburg|veluwe|betuwe|twente|drenthe|friesland|fryslan|groningen|gelderland|overijssel|utrecht|zeeland|flevoland))/g;
const COMPASS_NL: Record<string, string> = { north: 'noord', south: 'zuid', east: 'oost', central: 'midden' };

function regionRefs(clause: Clause): { words: string[]; at: number; text: string }[] {
  const out: { words: string[]; at: number; text: string }[] = [];
  const seen = new Set<number>();
  for (const re of [REGION_AFTER_WORD, REGION_COMPOUND]) {
    re.lastIndex = 0;
    for (let m = re.exec(clause.folded); m; m = re.exec(clause.folded)) {
      const words = [m[1], m[2]].filter((w): w is string => !!w && w !== 'en').map((w) => COMPASS_NL[w] ?? w);
      const at = m.index + m[0].length;
      if (seen.has(at) || words.length === 0) continue;
      seen.add(at);
      out.push({ words, at: m.index, text: m[0] });
    }
  }
  return out;
}

function polarityAt(clause: Clause, at: number): Polarity {
  const before = clause.folded.slice(Math.max(0, at - 40), at);
  // (Each pattern below ends at the place and may start at any word before it: the words it
  // cannot match without are looked for first, as plain text. Most text before a place has none.)
  if ((before.includes('plaats van') || before.includes('ip') || before.includes('i.p') || before.includes('instead of') || before.includes('rather than'))
    && /\b(in plaats van|i\.?p\.?v\.?|instead of|rather than)\s+((naar|to)\s+)?((de|het|the)\s+)?((ontwerp)?sessie\s+)?((in|op|van|te)\s+)?$/.test(before)) return 'neg';
  // "liever Venlo dan Arnhem", "Venlo is dichterbij dan Arnhem", "closer than Arnhem": what it is compared with is not chosen.
  if ((before.includes('dan') || before.includes('than'))
    && /\b(liever|dichterbij|dichter bij|[a-z]{2,}er|closer|nearer|better|easier|rather)\b[^,.?!]{0,30}\b(dan|than)\s+((naar|in|op|to)\s+)?((de |the )?(ontwerp)?(sessie|session)\s+)?((in|op|van)\s+)?$/.test(before)) return 'neg';
  if ((before.includes('aanmelding') || before.includes('inschrijving') || before.includes('registratie'))
    && /\b(mijn|onze|zijn|haar|de) (aanmelding|inschrijving|registratie) (voor|van)\s+((de\s+)?(ontwerp)?sessie\s+)?((in|op|van)\s+)?$/.test(before)) return 'prior';
  if (/\b(wijzig|omzet|om te zetten|zet|verander|ruil|omruil|overzet|verplaats|wissel|overstap|stap\b[^,]*\bover|switch|change|move)/.test(clause.folded)
    // ("omzetten naar de sessie van 21 juni": "van" names the session moved to.)
    && /(?<!\b(sessie|bijeenkomst|session)\s)\bvan\s+((de\s+)?(ontwerp)?sessie\s+)?((in|op)\s+)?$/.test(before)) return 'prior';
  return clause.neg ? 'neg' : clause.agenda ? 'agenda' : clause.prior ? 'prior' : clause.others ? 'other' : 'pos';
}

// (Every reference is written out with its fields in one order, kind to rank, rather than with a
// shared blank spread into it: a spread in an object literal costs some hundreds of ns on Node 20,
// and objects of one shape keep the readers of references monomorphic.)

function placeRefs(clause: Clause, ci: number, ctx: RefContext, facts: readonly WordFacts[], covered: Set<number>, out: Ref[]): void {
  const toks = clause.tokens;
  for (const m of findMunicipalities(toks, ctx.isoDate, (i) => facts[i]!.names)) {
    const first = toks[m.first]!;
    if (m.first === m.last && facts[m.first]!.cities) continue; // a session city itself
    for (let k = m.first; k <= m.last; k++) covered.add(k);
    const prev = toks[m.first - 1]?.t ?? '';
    const before = clause.folded.slice(0, first.s);
    const named = /^(in|te|naar|to|regio)$/.test(prev) || /^(sessie|ontwerpsessie|regiosessie|bijeenkomst|aanmelding|inschrijving)$/.test(prev);
    if (!named || affiliated(clause.folded, first.s) || !(capitalised(clause, first) || /sessie|aanmelding/.test(prev))) continue;
    if (/\b(woon|woonachtig|wonen|werk|werkzaam|kom|komen|afkomstig)\b[^,]*$/.test(before)) continue;
    // "Ik rijd vanuit een overleg in Groningen": where the sender comes from, not a place asked for.
    if (/\b(vanuit|uit|from)\s+(een|de|het|mijn|ons|onze|a|the|my|our)\s+([a-z-]+\s+){0,2}(overleg|vergadering|raadsvergadering|afspraak|bijeenkomst|werkbezoek|bezoek|meeting|visit)\s+(in|te|bij|in de buurt van)\s+$/.test(before)) continue;
    out.push({ kind: 'place', sessions: [], polarity: polarityAt(clause, first.s), clause: ci, text: m.record.name, past: false, weak: false, conflict: false, rank: null });
  }
}

// "De sessie in Limburg": a province names the sessions held in it (none: a place without one).
// Groningen and Utrecht are read as the municipalities of that name.
const PROVINCE_HINT = withoutCaptures(/holland|brabant|limburg|gelder|drent|fries|fryslan|overijssel|zee(land|uw)|flevoland/);
const PROVINCE = /\b(in|naar|regio|to)\s+((de\s+)?provincie\s+)?(noord[\s-]?holland|zuid[\s-]?holland|noord[\s-]?brabant|brabant|limburg|gelderland|drenthe|friesland|fryslan|overijssel|zeeland|flevoland)\b(?![\s-]?(noord|zuid|midden|oost|west))/g;
const provinceKey = (p: string) => p.replace(/[\s-]/g, '').replace(/^brabant$/, 'noordbrabant').replace(/^friesland$/, 'fryslan');
const sessionProvinces = new WeakMap<object, Map<string, string[]>>();

function provincesOf(index: RefContext['index']): Map<string, string[]> {
  let map = sessionProvinces.get(index);
  if (!map) {
    map = new Map();
    for (const f of index.sessions) {
      const entry = placeIndex().byFirst.get(f.cityTokens[0] ?? '')?.find((e) => e.tokens.join(' ') === f.cityKey);
      if (!entry) continue;
      const key = provinceKey(fold(entry.record.province));
      map.set(key, [...(map.get(key) ?? []), f.slug]);
    }
    sessionProvinces.set(index, map);
  }
  return map;
}

// "De Limburgse sessie", "de Brabantse bijeenkomst": the province as an adjective of a session word.
const PROVINCE_ADJECTIVE = /\b(noord[\s-]?hollandse|zuid[\s-]?hollandse|noord[\s-]?brabantse|brabantse|limburgse|gelderse|drentse|friese|overijsselse|zeeuwse|flevolandse)\s+(ontwerpsessie|sessie|regiosessie|bijeenkomst|session|meeting)\b/g;
const ADJECTIVE_PROVINCE: Record<string, string> = {
  noordhollandse: 'noordholland', zuidhollandse: 'zuidholland', noordbrabantse: 'noordbrabant', brabantse: 'noordbrabant', limburgse: 'limburg',
  gelderse: 'gelderland', drentse: 'drenthe', friese: 'fryslan', overijsselse: 'overijssel', zeeuwse: 'zeeland', flevolandse: 'flevoland',
};

function provinceRefs(clause: Clause, ci: number, ctx: RefContext, out: Ref[]): void {
  PROVINCE_ADJECTIVE.lastIndex = 0;
  for (let m = PROVINCE_ADJECTIVE.exec(clause.folded); m; m = PROVINCE_ADJECTIVE.exec(clause.folded)) {
    const sessions = provincesOf(ctx.index).get(ADJECTIVE_PROVINCE[m[1]!.replace(/[\s-]/g, '')] ?? '') ?? [];
    const text = clause.text.slice(m.index, m.index + m[1]!.length);
    out.push({ kind: sessions.length ? 'region' : 'place', sessions, polarity: polarityAt(clause, m.index), clause: ci, text, past: false, weak: false, conflict: false, rank: null });
  }
  PROVINCE.lastIndex = 0;
  for (let m = PROVINCE.exec(clause.folded); m; m = PROVINCE.exec(clause.folded)) {
    const at = m.index + m[0].length - m[4]!.length;
    if (affiliated(clause.folded, at) || /\b(woon|woonachtig|wonen|werk|werkzaam|afkomstig)\b[^,]*$/.test(clause.folded.slice(0, at))) continue;
    const sessions = provincesOf(ctx.index).get(provinceKey(m[4]!)) ?? [];
    const text = clause.text.slice(at, m.index + m[0].length);
    out.push({ kind: sessions.length ? 'region' : 'place', sessions, polarity: polarityAt(clause, at), clause: ci, text, past: false, weak: false, conflict: false, rank: null });
  }
}

/**
 * Which of the rarer kinds of reference the clauses can hold at all, each looked for once in
 * all of them (joined by "\n") instead of clause by clause: most messages name no region,
 * province, part of a month or month alone. Every test is one the clause's own reading needs
 * to pass (a region needs "regio"/"region" or a compass compound), and none looks beyond its
 * clause, so a clause that holds a kind holds its hint in the joined text too.
 */
interface Hints { region: boolean; province: boolean; digit: boolean; summerMonth: boolean; monthPart: boolean }

const REGION_HINT = /regio|oost|west|east/;
const SUMMER_MONTH_HINT = /\bju[nl]|\baug/;

function hintsIn(clauses: readonly Clause[]): Hints {
  const text = clauses.map((c) => c.folded).join('\n');
  return {
    region: REGION_HINT.test(text), province: PROVINCE_HINT.test(text), digit: /\d/.test(text),
    summerMonth: SUMMER_MONTH_HINT.test(text), monthPart: MONTH_PART_HINT.test(text),
  };
}

function namedRefs(clause: Clause, ci: number, ctx: RefContext, hints: Hints, out: Ref[]): void {
  const covered = new Set<number>();
  const toks = clause.tokens;
  const table = wordFacts(ctx.index);
  const facts = toks.map((t) => (table.shapes.mayHold(t.t) ? table.facts.get(t.t) ?? NO_FACTS : NO_FACTS));
  placeRefs(clause, ci, ctx, facts, covered, out);
  for (let i = 0; i < toks.length; i++) {
    if (covered.has(i)) continue;
    const venue = venueAt(toks, i, ctx.index, facts[i]!);
    if (venue) {
      // A building word alone counts as the venue only as a name ("het Stadskantoor"), not as
      // someone's own building ("ons stadhuis", "het stadhuis van Oss").
      // ("stadshuis" is the same word as "stadhuis", and as much someone's own building.)
      const buildingOnly = venue.n === 1 && venue.f.building !== null && editDistance(toks[i]!.t, venue.f.building, 1) <= 1;
      const asName = !buildingOnly || (/^[A-Z]/.test(clause.text.slice(toks[i]!.s, toks[i]!.e))
        && !/\b(ons|onze|mijn|uw|hun|ander|andere|eigen)\s+$/.test(clause.folded.slice(Math.max(0, toks[i]!.s - 8), toks[i]!.s))
        && !/^\s+(van|in|te)\b/.test(clause.folded.slice(toks[i]!.e, toks[i]!.e + 5)));
      if (asName && !affiliated(clause.folded, toks[i]!.s)) {
        out.push({ kind: 'venue', sessions: [venue.f.slug], polarity: polarityAt(clause, toks[i]!.s), clause: ci, text: clause.text.slice(toks[i]!.s, toks[i + venue.n - 1]!.e), past: false, weak: venue.weak, conflict: false, rank: null });
      }
      i += venue.n - 1;
      continue;
    }
    const city = cityAt(clause, i, ctx.index, facts[i]!);
    if (city && !affiliated(clause.folded, toks[i]!.s)) {
      out.push({ kind: 'city', sessions: [city.slug], polarity: polarityAt(clause, toks[i]!.s), clause: ci, text: clause.text.slice(toks[i]!.s, toks[i]!.e), past: false, weak: false, conflict: false, rank: null });
    }
  }
  if (hints.region) for (const r of regionRefs(clause)) {
    const sessions = ctx.index.sessions.filter((f) => r.words.every((w) => f.region.includes(w))).map((f) => f.slug);
    out.push({ kind: 'region', sessions, polarity: polarityAt(clause, r.at), clause: ci, text: r.text, past: false, weak: false, conflict: false, rank: null });
  }
  if (hints.province && PROVINCE_HINT.test(clause.folded)) provinceRefs(clause, ci, ctx, out);
  partialDateRefs(clause, ci, ctx, hints, out);
}

const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, maart: 3, april: 4, mei: 5, juni: 6, juli: 7, augustus: 8, september: 9, oktober: 10, november: 11, december: 12,
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, august: 8, october: 10,
};
// Dates chrono does not read: a day without its month ("de 29e", "de 22e of de 29e"), a part of a
// month ("begin juli").
const DAY_ONLY = /\b(?:de|op de|on the)\s+(\d{1,2})(?:e|ste|de|th|st|nd|rd)\b(?!\s*((van|of)\s+)?(juni|juli|june|july|mei|may)\b)/g;
const MONTH_PART = new RegExp(`\\b(begin|eind|einde|half|medio|midden|early|mid|late|end of|beginning of)\\s+(${Object.keys(MONTHS).join('|')})\\b`, 'g');

const MONTH_ONLY = /(?<!\d\s{0,2})\b(?:in|during)\s+(juni|juli|june|july|augustus|august)\b(?!\s*\d)/g;
const MONTH_PART_HINT = withoutCaptures(/\b(begin|eind|einde|half|medio|midden|early|mid|late|end|beginning)\b/);

function partialDateRefs(clause: Clause, ci: number, ctx: RefContext, hints: Hints, out: Ref[]): void {
  const today = ctx.today.year * 10000 + ctx.today.month * 100 + ctx.today.day;
  const upcoming = (keep: (f: SessionFacts) => boolean) => ctx.index.sessions.filter((f) => f.year * 10000 + f.month * 100 + f.day >= today && keep(f));
  const push = (at: number, text: string, sessions: SessionFacts[]) => out.push({
    kind: sessions.length ? 'date' : 'other-date', sessions: sessions.map((f) => f.slug), polarity: polarityAt(clause, at), clause: ci, text, past: false, weak: !sessions.length, conflict: false, rank: null,
  });
  if (hints.digit && /\d/.test(clause.folded)) {
    for (const m of matchesOf(DAY_ONLY, clause.folded)) push(m.index!, m[0], upcoming((f) => f.day === Number(m[1])));
  }
  if (hints.summerMonth && SUMMER_MONTH_HINT.test(clause.folded)) for (const m of matchesOf(MONTH_ONLY, clause.folded)) {
    const month = MONTHS[m[1]!]!;
    push(m.index!, m[0], upcoming((f) => f.month === month));
  }
  if (!hints.monthPart || !MONTH_PART_HINT.test(clause.folded)) return;
  for (const m of matchesOf(MONTH_PART, clause.folded)) {
    const month = MONTHS[m[2]!]!;
    const [from, to] = /^(begin|early|beginning)/.test(m[1]!) ? [1, 10] : /^(half|medio|midden|mid)/.test(m[1]!) ? [11, 20] : [21, 31];
    push(m.index!, m[0], upcoming((f) => f.month === month && f.day >= from && f.day <= to));
  }
}

const RELATIVE_SPAN = /\b(in|within|binnen|over)\s+\d+\s*(hours?|days?|weeks?|uur|dagen|weken)\b/;
const isRelative = (d: PartDate) => d.resolved !== null || RELATIVE_SPAN.test(d.text);
// A number such as "3-5" or "4.01" is a date when it is said to be one ("op 3-7", "datum: 3-7").
const DATE_SAID = /\b(op|on|per|datum|date|dd|d\.d\.|(ma|di|wo|do|vr|za|zo)[a-z]*)\s*[.:]?\s*$/;
const isBareNumber = (d: PartDate, before: string) => /^[\d\s./-]+$/.test(d.text.trim()) && !DATE_SAID.test(before);

const RANGE_BEFORE = /\b(tot( en met)?|t\/m|tm|vanaf|sinds|na|uiterlijk|tussen|until|till|after|since|by|from)\s*$/;

// "Morgen," or "Middag allemaal," on a line of its own greets; it names no day.
const GREETING = /^(goede?)?(morgen|middag|avond|namiddag)\b[\s,!.]*([a-z]+[\s,!.]*)?$/;

const EVENT_BEFORE = /\b(\w*vergadering|\w*overleg|verkiezingen|verkiezing|\w*congres|werkbezoek|reces|afspraak|training|cursus|deadline|\w*termijn|sluitingsdatum|workshops?|webinars?|election|elections|meeting|conference)\b[^.?!,]{0,30}?\b(op|van|per|on|of|is|valt)?\s*$/;
const EVENT_IN_CLAUSE = /\b(\w*vergadering|\w*overleg|verkiezing\w*|\w*congres|werkbezoek|reces|training|cursus|deadline|\w*termijn|workshops?|webinars?|seminars?|symposi\w*|conferenti\w*|conference|meeting|eigen bijeenkomst|wijkavond|informatieavond|bewonersavond)\b/;
const ABOUT_OURS = /\b(\w*sessies?|sessions?|aanmeld\w*|inschrijv\w*|andere (data|datum|dag)|other dates?)\b/;
const EVENT_AFTER = /^[^.?!,]{0,25}\b(bijeen\w*|vergader\w*|overleg\w*)\b/;

function dateRef(d: PartDate, clause: Clause, ctx: RefContext): Ref | null {
  const before = clause.folded.slice(Math.max(0, d.index - 25), d.index);
  if (RANGE_BEFORE.test(before)) return null;
  if (d.index === 0 && GREETING.test(clause.folded.trim())) return null;
  const base = { clause: d.part, text: d.text, polarity: polarityAt(clause, d.index), weak: /\b(voor|before)\s*$/.test(before) };
  const ymd = d.day !== null ? { year: d.year ?? d.resolved?.year ?? null, month: d.month!, day: d.day } : d.resolved;
  if (!ymd) {
    // "donderdagmiddag", "vrijdag in de ochtend": the part of the day narrows the weekday down.
    const around = clause.folded.slice(d.index, d.index + d.text.length + 16);
    const part = /middag|afternoon/.test(around) ? 'pm' : /ochtend|morgen\b|morning/.test(around) ? 'am' : null;
    const fits = (f: { session: { start: string } }) => part === null || (part === 'pm') === (Number(f.session.start.slice(0, 2)) >= 12);
    const sessions = ctx.index.sessions.filter((f) => f.weekday === d.weekday && fits(f)).map((f) => f.slug);
    if (!sessions.length) return { kind: 'other-date', sessions, polarity: base.polarity, clause: base.clause, text: base.text, past: false, weak: true, conflict: false, rank: null };
    // "die vrijdag", "that Friday": the day of something already named, no choice of its own.
    if (/\b(die|diezelfde|dezelfde|that|the same)\s*$/.test(before)) return null;
    return { kind: 'weekday', sessions, polarity: base.polarity, clause: base.clause, text: base.text, past: false, weak: base.weak, conflict: false, rank: null };
  }
  const matches = ctx.index.sessions.filter((f) => f.month === ymd.month && f.day === ymd.day && (ymd.year === null || ymd.year === f.year));
  // "onze volgende vergadering op 5 juli", "de verkiezingen van 21 maart", "die op 7 juni voor het
  // eerst bijeenkomt", "de subsidietermijn van 15 juni": a date that is another event's, asked by nobody.
  // So is any such date in a clause about another event that says nothing of our sessions ("wij
  // hebben op 20 juni een eigen bijeenkomst", "a workshop in Strasbourg on 18-19 June").
  if (!matches.length && (EVENT_BEFORE.test(clause.folded.slice(Math.max(0, d.index - 50), d.index))
    || EVENT_AFTER.test(clause.folded.slice(d.index + d.text.length, d.index + d.text.length + 30))
    || (EVENT_IN_CLAUSE.test(clause.folded) && !ABOUT_OURS.test(clause.folded)))) return null;
  // "today", "in 24 hours", "3-5", "24/7", "4.01": words relative to the message and bare
  // numbers name a date only when it is a session's; otherwise they are no date anyone asked for.
  if (!matches.length && (isRelative(d) || isBareNumber(d, before))) return null;
  // "De gemeenteraad vergadert op 12 en 26 juni": a date on which no session is held, in a clause
  // that says nothing of coming, choosing, being free or asking, is other business. A fragment
  // ("Utrecht. 19 juni.") and a question say too little to tell, and count.
  if (!matches.length && clause.tokens.length >= 6 && !clause.question && !TIED_TO_COMING.test(clause.folded)) return null;
  const year = ymd.year ?? matches[0]?.year ?? ctx.today.year;
  const conflict = d.weekday !== null && new Date(Date.UTC(year, ymd.month - 1, ymd.day)).getUTCDay() !== d.weekday;
  const t = ctx.today;
  const past = year * 10000 + ymd.month * 100 + ymd.day < t.year * 10000 + t.month * 100 + t.day;
  // "voor 1 juni" may be a deadline; "voor 22 juni" on a session date is that session.
  return { kind: matches.length ? 'date' : 'other-date', sessions: matches.map((f) => f.slug), polarity: base.polarity, clause: base.clause, text: base.text, past, weak: base.weak && !matches.length, conflict, rank: null };
}

/** Every session reference in each group of clauses (subject, text), in order of appearance. */
export function findRefs(groups: readonly (readonly Clause[])[], ctx: RefContext): Ref[][] {
  // (Joined by hand: Array.prototype.flat is a generic, slow builtin in V8.)
  const all: Clause[] = [];
  for (const g of groups) for (const c of g) all.push(c);
  const owner: number[] = [];
  const local: number[] = [];
  groups.forEach((g, gi) => g.forEach((_c, i) => { owner.push(gi); local.push(i); }));
  const out: Ref[][] = groups.map(() => []);
  const hints = hintsIn(all);
  groups.forEach((g, gi) => g.forEach((c, i) => namedRefs(c, i, ctx, hints, out[gi]!)));
  // One chrono call for all clauses of the message.
  for (const d of findDatesIn(all.map((c) => c.folded), ctx.now, ctx.index.tz)) {
    const at = d.part;
    d.part = local[at]!; // its clause within its group (the mention is this loop's own to change)
    const r = dateRef(d, all[at]!, ctx);
    if (r) out[owner[at]!]!.push(r);
  }
  out.forEach((refs, gi) => {
    for (const r of refs) r.rank = groups[gi]![r.clause]!.rank;
    refs.sort((a, b) => a.clause - b.clause);
  });
  return out;
}
