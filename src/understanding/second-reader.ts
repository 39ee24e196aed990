// A second reading of the same words, learnt rather than written: a logistic model over the
// words and word pairs of the new text and the subject, trained on every labelled message (the
// development corpus and the sets written by other hands; `scripts/second-reader.ts`). It can
// only withhold: a confirmation the rules propose is sent only when this reader, too, finds the
// words those of a firm signup. The rules fail on a doubt worded in a way no rule foresaw; the
// words of doubt, conditions and questions are what this reader weighs, whatever their order.
import type { Catalogue } from '../catalogue/catalogue.js';
import { WEIGHTS, BIAS } from './second-reader-weights.js';
import { fold } from './text.js';

/**
 * Below this the words do not read as a firm signup and a proposed confirmation goes to a
 * person. Chosen by leave-one-set-out measurement (`scripts/second-reader.ts cv`): on the
 * earlier code's first readings of 36 unseen sets it withheld 16 of 24 wrong confirmations and
 * cost 7 right ones in 7,151 messages; above it hardly any more were withheld.
 */
export const THRESHOLD = 0.3;

const placesOf = new WeakMap<Catalogue, ReadonlySet<string>>();
/** The session cities, folded: the words the second reader reads as "<stad>". */
export function sessionPlaces(catalogue: Catalogue): ReadonlySet<string> {
  let places = placesOf.get(catalogue);
  if (!places) placesOf.set(catalogue, (places = new Set(catalogue.sessions.map((s) => fold(s.city)))));
  return places;
}

/**
 * The words of a text as the second reader sees them: folded words, numbers as "#". Not the
 * question mark: a practical question rides along with a signup (corpus README); what a
 * question asks is in its words.
 */
function words(folded: string, places: ReadonlySet<string>): string[] {
  const out: string[] = [];
  forEachWord(folded, (w) => out.push(places.has(w) ? '<stad>' : w));
  return out;
}

/**
 * The features of a mail: the new text's words and pairs of adjacent words, and the subject's
 * words (prefixed "s:"). Session cities become "<stad>", so that no city leans a verdict.
 * Both texts folded (`fold()`).
 */
export function wordFeatures(subjectFolded: string, bodyFolded: string, places: ReadonlySet<string>): string[] {
  const body = words(bodyFolded, places);
  const seen = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    seen.add(body[i]!);
    if (i + 1 < body.length) seen.add(`${body[i]} ${body[i + 1]}`);
  }
  for (const w of words(subjectFolded, places)) seen.add(`s:${w}`);
  return [...seen];
}

export interface SecondReading {
  /** How likely the words are those of a firm signup (0..1). */
  p: number;
  /** The words that weigh most against it, strongest first. */
  against: string[];
}

/**
 * The second reading of a mail's words with the shipped model: exactly
 * `secondReading(wordFeatures(subjectFolded, bodyFolded, places))`, the same p to the last bit
 * and the same words against, without building a string per word pair and a set per mail
 * (it runs for every proposed confirmation). Only the features the model weighs are looked
 * at, each counted once, in the order the set of features would hold them, so that the sum
 * adds up in the same order (test/understanding/second-reader.test.ts holds the two alike on
 * every labelled message).
 */
export function readWords(subjectFolded: string, bodyFolded: string, places: ReadonlySet<string>): SecondReading {
  const m = model();
  const vocabulary = vocabularyWith(m, places);
  const tally = new Tally(m);
  let previous = -1;
  // wordFeatures() meets each word, then the pair it begins: the pair a word ends comes first.
  // A word the model does not know (-1) begins and ends no pair it weighs.
  forEachKnownWord(bodyFolded, vocabulary, (n) => {
    if (n >= 0) {
      if (previous >= 0) tally.count(vocabulary.pair(previous, n));
      tally.count(vocabulary.body[n]!);
    }
    previous = n;
  });
  forEachKnownWord(subjectFolded, vocabulary, (n) => tally.count(n >= 0 ? vocabulary.subject[n]! : -1));
  return tally.reading();
}

/**
 * A word the model knows, with the ids of the features it names (undefined: not weighed): as a
 * word of the new text, as a word of the subject, and as the first of a pair (by the second
 * word's number). Read into the flat tables of a Vocabulary.
 */
interface Word {
  n: number;
  body?: number;
  subject?: number;
  pairs?: Map<number, number>;
}

/** The shipped weights indexed for readWords(): each feature an integer id. */
interface Model {
  /** Every word in a feature, "<stad>" and "#" included. */
  words: Map<string, Word>;
  /** By id: the feature as wordFeatures() names it, and its weight. */
  names: string[];
  weights: Float64Array;
  /** By id: the reading that last counted the feature (a feature counts once per mail). */
  stamps: Uint32Array;
  reading: number;
}

let shipped: Model | null = null;
function model(): Model {
  if (shipped) return shipped;
  const m: Model = { words: new Map(), names: [], weights: new Float64Array(0), stamps: new Uint32Array(0), reading: 0 };
  const word = (w: string): Word => {
    let found = m.words.get(w);
    if (!found) m.words.set(w, (found = { n: m.words.size }));
    return found;
  };
  word('<stad>');
  const weights: number[] = [];
  const add = (name: string, weight: number) => {
    const id = m.names.push(name) - 1;
    weights.push(weight);
    if (name.startsWith('s:')) word(name.slice(2)).subject = id;
    else if (name.includes(' ')) {
      const [first, second] = name.split(' ') as [string, string];
      const w = word(first);
      (w.pairs ??= new Map()).set(word(second).n, id);
    } else word(name).body = id;
  };
  for (const [name, weight] of Object.entries(WEIGHTS)) add(name, weight);
  m.weights = Float64Array.from(weights);
  m.stamps = new Uint32Array(weights.length);
  return (shipped = m);
}

const vocabularies = new WeakMap<ReadonlySet<string>, Vocabulary>();
/** The model's words with the session cities read as "<stad>" (each city a word of its own). */
function vocabularyWith(m: Model, places: ReadonlySet<string>): Vocabulary {
  let v = vocabularies.get(places);
  if (!v) {
    const words = new Map(m.words);
    const stad = m.words.get('<stad>')!;
    for (const p of places) words.set(p, stad);
    vocabularies.set(places, (v = new Vocabulary(words, m.words.size)));
  }
  return v;
}

/** The hash of text[s, e) as Vocabulary reads it, letter by letter. */
const hashOf = (text: string, s: number, e: number) => {
  let h = 0;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
};

/** The slot of a pair of word numbers in the table of pairs (before masking). */
const pairHash = (first: number, second: number) => (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> 0;

/**
 * The words of the model as a table of their own (open addressing), looked up by where a word
 * stands in a text and a hash worked out while reading it: no string is cut out and hashed per
 * word of a mail. Finds what a Map of the same words finds. Held in a few flat arrays (the
 * words' letters in one string, a slot's word beside its place there, the pairs in a table of
 * their own): a lookup reads neighbouring numbers instead of following a word's string, its
 * object and its map of pairs through the heap, each a likely cache miss for every word of a mail.
 */
class Vocabulary {
  /** Per slot, three numbers: 1 + where its word starts in `letters` (0: an empty slot), its length, its number. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly letters: string;
  /** By a word's number: the id of the feature it names in the new text, and in the subject (-1: none). */
  readonly body: Int32Array;
  readonly subject: Int32Array;
  /** Per slot, three numbers: 1 + the first word's number (0: an empty slot), the second's, the pair's feature id. */
  private readonly pairs: Int32Array;
  private readonly pairMask: number;
  /** The number of the word for a run of digits ("#"), or -1. */
  readonly number: number;

  constructor(words: ReadonlyMap<string, Word>, count: number) {
    let size = 16;
    while (size < words.size * 2) size *= 2;
    this.slots = new Int32Array(size * 3);
    this.mask = size - 1;
    this.body = new Int32Array(count).fill(-1);
    this.subject = new Int32Array(count).fill(-1);
    const letters: string[] = [];
    let at = 0;
    let pairCount = 0;
    const seen = new Set<Word>();
    for (const [key, word] of words) {
      let i = hashOf(key, 0, key.length) & this.mask;
      while (this.slots[i * 3] !== 0) i = (i + 1) & this.mask;
      this.slots[i * 3] = at + 1;
      this.slots[i * 3 + 1] = key.length;
      this.slots[i * 3 + 2] = word.n;
      letters.push(key);
      at += key.length;
      this.body[word.n] = word.body ?? -1;
      this.subject[word.n] = word.subject ?? -1;
      if (!seen.has(word)) pairCount += word.pairs?.size ?? 0;
      seen.add(word);
    }
    this.letters = letters.join('');
    let pairSize = 16;
    while (pairSize < pairCount * 2) pairSize *= 2;
    this.pairs = new Int32Array(pairSize * 3);
    this.pairMask = pairSize - 1;
    for (const word of seen) {
      for (const [second, id] of word.pairs ?? []) {
        let i = pairHash(word.n, second) & this.pairMask;
        while (this.pairs[i * 3] !== 0) i = (i + 1) & this.pairMask;
        this.pairs[i * 3] = word.n + 1;
        this.pairs[i * 3 + 1] = second;
        this.pairs[i * 3 + 2] = id;
      }
    }
    this.number = words.get('#')?.n ?? -1;
  }

  /** The number of the word text[s, e), whose hash is `h`, or -1. */
  at(text: string, s: number, e: number, h: number): number {
    const n = e - s;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const start = this.slots[i * 3]!;
      if (start === 0) return -1;
      if (this.slots[i * 3 + 1] !== n) continue;
      let k = 0;
      while (k < n && text.charCodeAt(s + k) === this.letters.charCodeAt(start - 1 + k)) k++;
      if (k === n) return this.slots[i * 3 + 2]!;
    }
  }

  /** The feature id of the pair of words numbered `first` and `second`, or -1. */
  pair(first: number, second: number): number {
    for (let i = pairHash(first, second) & this.pairMask; ; i = (i + 1) & this.pairMask) {
      const f = this.pairs[i * 3]!;
      if (f === 0) return -1;
      if (f === first + 1 && this.pairs[i * 3 + 1] === second) return this.pairs[i * 3 + 2]!;
    }
  }
}

/** As forEachWord(), each word by its number in the vocabulary (-1: not known at all). */
function forEachKnownWord(folded: string, vocabulary: Vocabulary, take: (n: number) => void): void {
  for (let i = 0; i < folded.length;) {
    const c = folded.charCodeAt(i);
    if (isLetter(c)) {
      const start = i;
      let h = c;
      while (++i < folded.length && isLetter(folded.charCodeAt(i))) h = (Math.imul(h, 31) + folded.charCodeAt(i)) | 0;
      take(vocabulary.at(folded, start, i, h));
    } else if (isDigit(c)) {
      while (++i < folded.length && isDigit(folded.charCodeAt(i)));
      take(vocabulary.number);
    } else i++;
  }
}

/** Weighs the features of one mail, each once, in the order they are met. */
class Tally {
  private z = BIAS;
  private readonly contrary: [string, number][] = [];
  private readonly stamp: number;

  constructor(private readonly m: Model) {
    if (++m.reading === 0xffffffff) {
      m.stamps.fill(0);
      m.reading = 1;
    }
    this.stamp = m.reading;
  }

  /** Count a feature of the model (by id); -1: a feature the model does not weigh. */
  count(id: number): void {
    if (id < 0 || this.m.stamps[id] === this.stamp) return;
    this.m.stamps[id] = this.stamp;
    const w = this.m.weights[id]!;
    this.z += w;
    if (w < -0.25) this.contrary.push([this.m.names[id]!, w]);
  }

  reading(): SecondReading {
    return readingOf(this.z, this.contrary);
  }
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The words of a folded text, one by one: runs of letters and runs of digits (as "#"), by a plain loop. */
function forEachWord(folded: string, take: (w: string) => void): void {
  for (let i = 0; i < folded.length;) {
    const c = folded.charCodeAt(i);
    const inRun = isLetter(c) ? isLetter : isDigit(c) ? isDigit : null;
    if (!inRun) { i++; continue; }
    const start = i;
    while (++i < folded.length && inRun(folded.charCodeAt(i)));
    take(inRun === isDigit ? '#' : folded.slice(start, i));
  }
}

/** Weigh the features with the trained model. */
export function secondReading(features: readonly string[], weights: Readonly<Record<string, number>> = WEIGHTS, bias = BIAS): SecondReading {
  let z = bias;
  const contrary: [string, number][] = [];
  for (const f of features) {
    // Only the model's own features: a word such as "constructor" names what every object inherits.
    if (!Object.hasOwn(weights, f)) continue;
    const w = weights[f]!;
    z += w;
    if (w < -0.25) contrary.push([f, w]);
  }
  return readingOf(z, contrary);
}

/** The probability of a sum of weights, and the four features that weigh most against it. */
function readingOf(z: number, contrary: [string, number][]): SecondReading {
  contrary.sort((a, b) => a[1] - b[1]);
  return { p: 1 / (1 + Math.exp(-z)), against: contrary.slice(0, 4).map(([f]) => f) };
}
