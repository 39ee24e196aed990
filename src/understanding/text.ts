// Text helpers shared by the readers: folding (lower case, no diacritics, plain quotes and
// dashes) that keeps every character at its index, word tokens, and masking of addresses.

import { withoutCaptures } from './matches.js';

const SPECIAL: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u00b4': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u200b': ' ', '\u00ad': ' ', '\ufeff': ' ',
};

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = foldCache.get(ch);
  if (out !== undefined) return out;
  out = SPECIAL[ch];
  if (out === undefined) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    // Only a one-for-one replacement keeps indexes aligned with the original text.
    out = base.length === 1 ? base : ch;
  }
  foldCache.set(ch, out);
  return out;
}

const BEYOND_LATIN1 = /[^\x00-\xff]/;

/**
 * The same text held one byte per character when every character fits in one. V8 keeps text
 * cut from a text with any character beyond Latin-1 (a curly quote or a dash in the quoted mail
 * or signature) two bytes wide, and each pattern then runs (and first compiles) a second form of
 * itself for such text: the new text is read by some hundred patterns. A copy: call it only
 * for text cut from a wide one (isWide()), which is rare; text of a one-byte mail is one byte.
 */
export function narrow(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

/** Whether a text holds a character beyond Latin-1 (and is held two bytes wide); at once for one that is not. */
export const isWide = (text: string): boolean => BEYOND_LATIN1.test(text);

/** Lower case without diacritics; same length as the input, so indexes carry over. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  // (Text that had characters beyond Latin-1 to fold is narrowed when it can be: see narrow().)
  if (lower.length !== s.length) return narrow(s.replace(/[^\x00-\x7f]/g, ' ').toLowerCase());
  if (!/[^\x00-\x7f]/.test(lower)) return lower;
  const folded = lower.replace(/[^\x00-\x7f]/g, foldChar);
  return isWide(s) ? narrow(folded) : folded;
}

export interface Token {
  t: string; // folded word
  s: number; // start index
  e: number; // end index (exclusive)
}

// A character of a word token: what /[a-z0-9\u00c0-\u024f]/ accepts.
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);

/**
 * Words of folded text: runs of letters and digits ("'s-Gravenhage" gives "s", "gravenhage").
 * The runs of /[a-z0-9\u00c0-\u024f]+/g, found by a plain loop: every clause is tokenized, and
 * a pattern run once per word costs more than the loop.
 */
export function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < folded.length;) {
    if (!isWordChar(folded.charCodeAt(i))) { i++; continue; }
    const s = i;
    while (++i < folded.length && isWordChar(folded.charCodeAt(i)));
    out.push({ t: folded.slice(s, i), s, e: i });
  }
  return out;
}

// What /\s/ accepts: the white space and line terminators of JavaScript.
const isSpace = (c: number) => (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
  || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** Words (runs of /\S/) in a text, counted up to `max`, by a plain loop. */
export function wordCount(text: string, max: number): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length && n < max; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

// A word's length and first and last letters, as a bit number: words of the same shape share it.
const shapeOf = (w: string) => ((w.charCodeAt(0) & 31) << 9) | ((w.charCodeAt(w.length - 1) & 31) << 4) | (w.length & 15);

/**
 * The shapes (length, first and last letter) of the words of a large table, for a test before
 * a lookup in it: a word of the table always passes; most other words do not, and are spared
 * the lookup (which hashes the word, and in a table of a thousand words mostly misses the
 * processor's caches). A bit table of 2 KB.
 */
export class WordShapes {
  private readonly bits = new Uint32Array((1 << 14) / 32);

  constructor(words: Iterable<string>) {
    for (const w of words) {
      const shape = shapeOf(w);
      this.bits[shape >>> 5] = this.bits[shape >>> 5]! | (1 << (shape & 31));
    }
  }

  /** False when no word of the table has this word's shape. */
  mayHold(w: string): boolean {
    const shape = shapeOf(w);
    return (this.bits[shape >>> 5]! & (1 << (shape & 31))) !== 0;
  }
}

/**
 * Blank out e-mail addresses and URLs (same length): "x@venlo.nl" names no session. For folded
 * text (see fold()), which holds no upper-case letter: the patterns need no i flag, which makes
 * V8 compare every letter both ways. (The test only tested: its group captures nothing.)
 */
const MAYBE_ADDRESS = /@|www\.|:\/\/|\.(?:nl|com|org|eu|frl|info|net)\b/;

export function maskAddresses(s: string): string {
  if (!MAYBE_ADDRESS.test(s)) return s;
  return s.replace(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;]+|\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:nl|com|org|eu|frl|info|net)\b(?:\/\S*)?/g,
    (m) => ' '.repeat(m.length));
}

/** Lines: CRLF and CR to LF, trailing blanks removed. */
export function lines(text: string): string[] {
  // (Split on "\n" as a string when there is no "\r": a pattern split costs about three times as much.)
  return (text.includes('\r') ? text.split(/\r?\n|\r/) : text.split('\n')).map((l) => (l.length && isSpace(l.charCodeAt(l.length - 1)) ? l.trimEnd() : l));
}

// Spaces as people's mail clients write them: NBSP (Outlook, Apple), narrow and typographic
// spaces, the ideographic space; and characters that are no space at all but sit inside
// words (zero-width space and joiners, word joiner, BOM, soft hyphen).
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const COMBINING = /[\u0300-\u036f]/;
// A line needs work when it holds anything but printable ASCII, or a space doubled, leading or
// trailing (the only ASCII space left then is " "): as /[^\x20-\x7e]|\s\s|^\s|\s$/, cheaper.
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
const needsWork = (line: string) => NOT_PRINTABLE_ASCII.test(line) || line.startsWith(' ') || line.endsWith(' ') || line.includes('  ');

/**
 * One line with its spaces normalised: every Unicode space is a space, invisible characters
 * are gone, letters with a separate accent mark are composed (NFC), the line is trimmed, and the gap between words is one space. A tab between words
 * is a column of a table pasted into a mail ("Dhr. J. Hoekstra<TAB>FNP") and stays one tab.
 * Idempotent.
 */
export function normaliseLine(line: string): string {
  if (!needsWork(line)) return line;
  let s = line.replace(INVISIBLE, '').replace(ODD_SPACE, ' ').trim();
  // Letters with their accent as a separate mark ("e" + U+0308, as macOS writes them) composed.
  if (COMBINING.test(s)) s = s.normalize('NFC');
  return s.replace(/[ \t]{2,}|\t/g, (gap) => (gap.includes('\t') ? '\t' : ' '));
}

const WORD_NUMBERS: Record<string, number> = {
  een: 1, één: 1, eén: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  elf: 11, twaalf: 12, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  beide: 2, beiden: 2, both: 2, allebei: 2, tweeen: 2, drieen: 3, vieren: 4, vijven: 5, zessen: 6, zevenen: 7,
  achten: 8, negenen: 9, tienen: 10,
  // Limburgish "twieë", "tweeë" (folded): two, not a mistyped number.
  twie: 2, twiee: 2, tweee: 2,
};

/** "drie", "3", "drieën" (folded: "drieen") -> 3; null when it is no number. */
export function numberWord(word: string): number | null {
  if (/^\d{1,2}$/.test(word)) return Number(word);
  return WORD_NUMBERS[word] ?? null;
}

export const NUMBER_WORD = '(?:\\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|one|two|three|four|five|six|seven|eight|nine|ten)';

// The verbs that carry a signup or a withdrawal, as people mistype them on a phone
// ("aanmleden"): one wrong or two swapped letters. Same length, so indexes stay valid. A slip
// never crosses over: a word that is also one letter from a word of the other family
// ("aamelden": aanmelden with an "n" dropped, afmelden with an "f" replaced) is left as
// written, so a mistyped signup never reads as a withdrawal, nor the other way round.
const SIGNUP_KEYWORDS = ['aanmelden', 'aanmelding', 'inschrijven', 'inschrijving', 'deelnemen', 'ingeschreven', 'aangemeld', 'aanstaande'];
const WITHDRAWAL_KEYWORDS = ['afmelden', 'afmelding'];
const KEYWORDS = [...SIGNUP_KEYWORDS, ...WITHDRAWAL_KEYWORDS];
const KEYWORD_SET = new Set(KEYWORDS);

/**
 * `f` with its answers remembered, per word: the typo readers below meet the same words in
 * message after message, and comparing a word with every keyword is their cost. Bounded.
 */
export function perWord<T>(f: (word: string) => T): (word: string) => T {
  const seen = new Map<string, T>();
  return (word) => {
    // One lookup for a known word instead of has() and then get(): this runs for many words of every message.
    const known = seen.get(word);
    if (known !== undefined || seen.has(word)) return known as T;
    const answer = f(word);
    if (seen.size >= 20_000) seen.clear();
    // A copy of its own as the key: a matched word may be a slice that keeps a whole text alive.
    seen.set(word.split('').join(''), answer);
    return answer;
  };
}

function oneSlip(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length) return false;
  if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter wrong
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
}

/** One edit apart: a letter dropped, added, wrong, or two neighbours swapped. */
export function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) return oneSlip(a, b);
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}

/**
 * A cheap necessary condition for oneEdit(w, k) with some k of `keys`, read from the word
 * text[s, e) without cutting it out: one edit leaves the first two or the last two letters of
 * a word of five letters or more as they were, the first three or the last three of a word of
 * seven or more, and the lengths within one of each other. So a word passes only when it
 * begins or ends like a key whose length is within one of its own. Most words fail it, and are
 * then passed over without a string made or a table of remembered answers consulted (those
 * lookups were a visible share of a message's cost). A word with anything but a-z, A-Z or an
 * apostrophe is not judged here: true, let the full test decide.
 */
export function mayBeOneEditFrom(keys: readonly string[]): (text: string, s: number, e: number) => boolean {
  const slot = (c: number) => (c >= 97 && c <= 122 ? c - 97 : c >= 65 && c <= 90 ? c - 65 : c === 39 ? 26 : -1);
  // By the first (last) two or three letters: a bit for each word length n that a key of
  // length n - 1, n or n + 1 begins (ends) so. (Three letters for keys of seven or more: one
  // edit in a key of that length leaves one of its ends of three letters as it was.)
  const starts2 = new Uint32Array(27 * 27);
  const ends2 = new Uint32Array(27 * 27);
  const starts3 = new Uint32Array(27 * 27 * 27);
  const ends3 = new Uint32Array(27 * 27 * 27);
  let min = Infinity;
  let max = 0;
  for (const k of keys) {
    const at = (i: number) => slot(k.charCodeAt(i));
    if (k.length < 5 || [...k].some((_c, i) => at(i) < 0 || k[i] !== k[i]!.toLowerCase())) throw new Error(`mayBeOneEditFrom: "${k}" is not a lower-case word of five letters or more`);
    if (k.length > 29) throw new Error(`mayBeOneEditFrom: "${k}" is longer than 29 letters`);
    const n = k.length;
    const mark = (table: Uint32Array, i: number) => { table[i] = table[i]! | (0b111 << (n - 1)); };
    if (n >= 7) {
      mark(starts3, (at(0) * 27 + at(1)) * 27 + at(2));
      mark(ends3, (at(n - 3) * 27 + at(n - 2)) * 27 + at(n - 1));
    } else {
      mark(starts2, at(0) * 27 + at(1));
      mark(ends2, at(n - 2) * 27 + at(n - 1));
    }
    min = Math.min(min, n);
    max = Math.max(max, n);
  }
  return (text, s, e) => {
    const n = e - s;
    if (n < 5) return true;
    if (n < min - 1 || n > max + 1) return false;
    for (let i = s; i < e; i++) if (slot(text.charCodeAt(i)) < 0) return true;
    const a = slot(text.charCodeAt(s)) * 27 + slot(text.charCodeAt(s + 1));
    const z = slot(text.charCodeAt(e - 2)) * 27 + slot(text.charCodeAt(e - 1));
    const lengths = starts2[a]! | ends2[z]! | starts3[a * 27 + slot(text.charCodeAt(s + 2))]! | ends3[slot(text.charCodeAt(e - 3)) * 729 + z]!;
    return (lengths & (1 << n)) !== 0;
  };
}

// Words of withdrawal (folded). A word one edit from one of them that is not itself a known
// word ("afmeden", "afzegen", "annuleern") is a withdrawal that may be meant: see withdrawalSlip.
const WITHDRAWAL_WORDS = ['afmelden', 'afmelding', 'afgemeld', 'afmeld', 'afzeggen', 'annuleren', 'annulering', 'annuleer', 'uitschrijven',
  'intrekken', 'verhinderd', 'cancel', 'cancelled', 'canceled', 'withdraw'];
const WITHDRAWAL_SET = new Set(WITHDRAWAL_WORDS);
// Known words one edit from a withdrawal word that mean something else.
// (German "anmelden" signs up: border municipalities write it.)
const NOT_A_WITHDRAWAL = new Set(['afmelde', 'cancels', 'canceling', 'cancelling', 'withdrawn', 'withdraws', 'annuleert', 'verhindert', 'afmeldt', 'anmelden', 'anmeldung', 'angemeldet', 'anmelde']);

function crossesOver(w: string, fixed: string): boolean {
  const other = WITHDRAWAL_KEYWORDS.includes(fixed) ? SIGNUP_KEYWORDS : WITHDRAWAL_WORDS;
  return other.some((k) => oneEdit(w, k));
}

const keywordFor = perWord((w) => {
  if (KEYWORD_SET.has(w)) return w;
  // A slip, or a signup word with a letter dropped ("aanmelen"); a withdrawal word is never
  // guessed from a shorter one.
  const fixed = KEYWORDS.find((k) => (k.length === w.length && oneSlip(w, k)) || (k.length === w.length + 1 && SIGNUP_KEYWORDS.includes(k) && oneEdit(w, k)));
  return fixed && !crossesOver(w, fixed) ? fixed : w;
});

const KEYWORD_CANDIDATE = withoutCaptures(/\b(aa|af|in|de)[a-z]{6,10}\b/);
const KEYWORD_CANDIDATES = new RegExp(KEYWORD_CANDIDATE.source, 'g');

export function fixKeywordTypos(folded: string): string {
  // Most clauses hold no candidate: one plain test spares them the loop.
  if (!KEYWORD_CANDIDATE.test(folded)) return folded;
  // The candidates, as replace() would meet them, and the text rebuilt only around those that
  // are mistyped: most are spelled right, and a replace with a callback rebuilds the text
  // (calling back into JavaScript for each candidate) whatever the callback returns.
  let out = '';
  let last = 0;
  // (A plain exec loop: a candidate is never empty, and the last, failing exec leaves lastIndex at 0.)
  KEYWORD_CANDIDATES.lastIndex = 0;
  for (let m = KEYWORD_CANDIDATES.exec(folded); m; m = KEYWORD_CANDIDATES.exec(folded)) {
    const fixed = keywordFor(m[0]);
    if (fixed === m[0]) continue;
    out += folded.slice(last, m.index) + fixed;
    last = m.index + m[0].length;
  }
  return last === 0 ? folded : out + folded.slice(last);
}

const mayBeNearWithdrawal = mayBeOneEditFrom(WITHDRAWAL_WORDS);
const nearWithdrawal = perWord((w) => !(WITHDRAWAL_SET.has(w) || KEYWORD_SET.has(w) || NOT_A_WITHDRAWAL.has(w))
  && WITHDRAWAL_WORDS.some((k) => oneEdit(w, k)));

/**
 * A word in folded text one edit from a withdrawal word without being one ("afmeden", "no
 * linger"), or null. Noise may only make the bot more cautious: a signup that may also be a
 * mistyped withdrawal is for a person.
 */
export function withdrawalSlip(folded: string): string | null {
  const word = firstWord(folded, 5, 13, mayBeNearWithdrawal, nearWithdrawal);
  if (word) return word;
  // "I can no linger attend": "no longer" with its second word mistyped.
  const no = /\bno ([a-z]{5,7})\b/.exec(folded);
  return no && no[1] !== 'longer' && oneEdit(no[1]!, 'longer') ? `no ${no[1]}` : null;
}

// Words on which the reading of a signup turns besides withdrawal: an earlier signup ("ik sta
// ingeschreven voor Breda, maar wil naar Venlo") and a relative date ("aanstaande vrijdag").
const READING_WORDS = ['ingeschreven', 'aangemeld', 'geregistreerd', 'aanstaande', 'overmorgen'];
// Real words one edit from them.
const NOT_A_SLIP = new Set(['aangemelde', 'geregistreerde', 'aanstaand', 'ingeschrevene']);

const mayBeNearReadingWord = mayBeOneEditFrom(READING_WORDS);
const nearReadingWord = perWord((w) => !(READING_WORDS.includes(w) || NOT_A_SLIP.has(w) || KEYWORD_SET.has(w))
  && READING_WORDS.some((k) => oneEdit(w, k)));

/** A word one letter from an earlier-signup or relative-date word ("igeschreven", "aanstsande"), or null. */
export function readingSlip(folded: string): string | null {
  return firstWord(folded, 7, 14, mayBeNearReadingWord, nearReadingWord);
}

// A character of a word for \b: /[A-Za-z0-9_]/.
const isBoundaryWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * The first word of `min` to `max` letters a-z in `folded` that `near` accepts, or null: the
 * matches of /\b[a-z]{min,max}\b/g in order (runs of word characters made of a-z only, of that
 * length), found by a loop instead of a pattern run per word; `maybe` passes over words
 * `near` would refuse without cutting them out.
 */
function firstWord(folded: string, min: number, max: number, maybe: (text: string, s: number, e: number) => boolean, near: (w: string) => boolean): string | null {
  for (let i = 0; i < folded.length;) {
    if (!isBoundaryWordChar(folded.charCodeAt(i))) { i++; continue; }
    const s = i;
    let letters = true;
    for (; i < folded.length && isBoundaryWordChar(folded.charCodeAt(i)); i++) {
      const c = folded.charCodeAt(i);
      if (c < 97 || c > 122) letters = false;
    }
    if (letters && i - s >= min && i - s <= max && maybe(folded, s, i)) {
      const word = folded.slice(s, i);
      if (near(word)) return word;
    }
  }
  return null;
}
