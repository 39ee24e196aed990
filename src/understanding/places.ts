// Dutch municipalities (CBS names, aliases, e-mail domains, validity) as lookup tables.
// Data: src/catalogue/municipalities.json, a copy of ../shared/data/gemeenten.json (sources
// in ../shared/data/SOURCES.md: NLExtract/CBS names, Allmanak-derived domains, hand aliases).
import data from '../catalogue/municipalities.json' with { type: 'json' };
import { fold, tokenize, WordShapes, type Token } from './text.js';

export interface MunicipalityRecord {
  code: string;
  name: string;
  province: string;
  validFrom: string;
  validTo: string | null; // exclusive
  domain?: string;
  aliases?: string[];
}

export interface NameEntry {
  tokens: string[];
  record: MunicipalityRecord;
}

export interface PlaceIndex {
  /** First token -> names starting with it, longest first. */
  byFirst: Map<string, NameEntry[]>;
  domains: Map<string, MunicipalityRecord>;
  /** Name with only its letters ("aaenhunze") -> records, for domains not in the table. */
  compact: Map<string, MunicipalityRecord[]>;
  /** Every word that is on its own a municipality or province name. */
  placeWords: Set<string>;
  /** The shapes of byFirst's words: most tokens of a line start no name, and are passed over without the lookup. */
  firstShapes: WordShapes;
}

export function validOn(r: MunicipalityRecord, isoDate: string): boolean {
  return r.validFrom <= isoDate && (r.validTo === null || r.validTo > isoDate);
}

const compactOf = (s: string): string => fold(s).replace(/[^a-z]/g, '');

let built: PlaceIndex | null = null;

/** The municipality tables, built on first use. */
export function placeIndex(): PlaceIndex {
  if (built) return built;
  const records = data as MunicipalityRecord[];
  const byFirst = new Map<string, NameEntry[]>();
  const domains = new Map<string, MunicipalityRecord>();
  const compact = new Map<string, MunicipalityRecord[]>();
  const placeWords = new Set<string>();
  const provinces = new Map<string, string[]>();
  const addName = (name: string, record: MunicipalityRecord) => {
    const tokens = tokenize(fold(name)).map((t) => t.t);
    if (tokens.length === 0) return;
    if (tokens.length === 1) placeWords.add(tokens[0]!);
    const list = byFirst.get(tokens[0]!) ?? [];
    list.push({ tokens, record });
    byFirst.set(tokens[0]!, list);
  };
  for (const r of records) {
    addName(r.name, r);
    for (const a of r.aliases ?? []) addName(a, r);
    if (r.domain) domains.set(r.domain.toLowerCase(), r);
    const key = compactOf(r.name);
    compact.set(key, [...(compact.get(key) ?? []), r]);
    provinces.set(fold(r.province), tokenize(fold(r.province)).map((t) => t.t));
  }
  provinces.set('fryslan', ['fryslan']);
  for (const p of provinces.values()) if (p.length === 1) placeWords.add(p[0]!);
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  built = { byFirst, domains, compact, placeWords, firstShapes: new WordShapes(byFirst.keys()) };
  return built;
}

export interface PlaceMatch {
  record: MunicipalityRecord;
  first: number; // token index
  last: number; // token index, inclusive
}

/** The names that may start at token i: byFirst's entry for the token. */
export type NamesAt = (i: number) => readonly NameEntry[] | undefined;

/**
 * Municipality names in a token list (longest name wins), valid on the given date. `namesAt`
 * may give byFirst's entries for the tokens from a lookup the caller has made anyway.
 */
export function findMunicipalities(tokens: readonly Token[], isoDate: string, namesAt?: NamesAt): PlaceMatch[] {
  const { byFirst, firstShapes } = placeIndex();
  const out: PlaceMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = namesAt ? namesAt(i) : firstShapes.mayHold(tokens[i]!.t) ? byFirst.get(tokens[i]!.t) : undefined;
    if (!candidates) continue;
    for (const c of candidates) {
      if (i + c.tokens.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < c.tokens.length && ok; k++) ok = tokens[i + k]!.t === c.tokens[k];
      if (!ok || !validOn(c.record, isoDate)) continue;
      out.push({ record: c.record, first: i, last: i + c.tokens.length - 1 });
      i += c.tokens.length - 1;
      break;
    }
  }
  return out;
}

/** The municipality whose mail domain this is (subdomains allowed), valid on the date. */
export function municipalityByDomain(address: string, isoDate: string): MunicipalityRecord | null {
  // What follows the first "@", up to a second one (as split('@')[1] gives it).
  const lower = address.toLowerCase();
  const at = lower.indexOf('@');
  if (at < 0) return null;
  const second = lower.indexOf('@', at + 1);
  const domain = (second < 0 ? lower.slice(at + 1) : lower.slice(at + 1, second)).trim();
  if (!domain) return null;
  const { domains, compact } = placeIndex();
  // The domain and each of its parents that still holds a dot ("gemeente.assen.nl", "assen.nl"),
  // cut from the domain rather than joined again from its labels.
  for (let from = 0, dot = domain.indexOf('.'); dot >= 0; from = dot + 1, dot = domain.indexOf('.', from)) {
    const hit = domains.get(from === 0 ? domain : domain.slice(from));
    if (hit && validOn(hit, isoDate)) return hit;
  }
  // Municipalities that no longer exist have no domain in the table: "haren.nl" is Haren.
  if (!domain.endsWith('.nl')) return null;
  const labels = domain.split('.');
  const stem = (labels[labels.length - 2] ?? '').replace(/^gemeente-?/, '').replace(/[^a-z]/g, '');
  return compact.get(stem)?.find((r) => validOn(r, isoDate)) ?? null;
}
