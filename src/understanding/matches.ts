// Every match of a global pattern, as String.prototype.matchAll gives them, at a fraction of the
// cost. matchAll works on a copy of the pattern, made on every call (a new RegExp from the
// pattern's source and flags; V8 finds the compiled code in its cache, but making the copy of a
// long pattern still takes microseconds), far more than the matching itself on a sentence
// (measured: ~3.7 µs against ~0.03 µs for an exec loop, with an 80-word pattern).

/**
 * The matches of `re` (which must have the g flag) in `text`, in order, exactly as
 * `text.matchAll(re)` would give them. The pattern's own lastIndex is used and left at 0, so
 * iterations of the same pattern may be nested or interleaved.
 */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray, void, undefined> {
  if (!re.global) throw new TypeError(`matchesOf needs a global pattern: /${re.source}/${re.flags}`);
  let at = 0;
  try {
    for (;;) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) return;
      at = re.lastIndex;
      // An empty match moves on by one character (a whole surrogate pair in unicode mode), as matchAll does.
      if (m[0] === '') at = advance(text, at, re.unicode || re.flags.includes('v'));
      yield m;
    }
  } finally {
    re.lastIndex = 0;
  }
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? at + 2 : at + 1;
}

/**
 * The top-level alternatives of a pattern's source ("a|b(c|d)|[|]" gives "a", "b(c|d)", "[|]"):
 * split at each "|" outside groups, classes and escapes.
 */
export function topAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { out.push(source.slice(start, i)); start = i + 1; }
  }
  out.push(source.slice(start));
  return out;
}

// An alternative that opens with a word boundary (and no quantifier on it).
const AT_BOUNDARY = /^\\b(?![*+?{])/;

/**
 * The same pattern with the word boundary that opens consecutive alternatives tested once for
 * them all: `\b(?:a|b)|c` for `\ba|\bb|c`. V8 tries every alternative at every position of the
 * text, and most positions (inside a word) fail a boundary at once; tested once, they cost one
 * failed test instead of one per alternative (about half the time of a long list). Exactly the
 * same matches, captures and order of trying: only runs of neighbouring alternatives are grouped.
 */
export function boundaryOnce(re: RegExp): RegExp {
  return new RegExp(groupedAtBoundary(topAlternatives(re.source)).join('|'), re.flags);
}

function groupedAtBoundary(alternatives: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < alternatives.length;) {
    let j = i;
    while (j < alternatives.length && AT_BOUNDARY.test(alternatives[j]!)) j++;
    if (j - i >= 2) {
      out.push(`\\b(?:${alternatives.slice(i, j).map((a) => a.slice(2)).join('|')})`);
      i = j;
    } else {
      out.push(alternatives[i]!);
      i++;
    }
  }
  return out;
}

/**
 * One pattern that matches a text wherever any of `patterns` matches it: for a test of several
 * patterns that mostly all fail, run first. V8 tries a pattern's alternatives one by one at each
 * position of the text, and the joined pattern costs about half as much as the separate tests.
 * Built from the patterns themselves, it has nothing to keep in step with them. For test() only:
 * the alternatives that open with a word boundary are put first and share one test of it (see
 * boundaryOnce()), which changes which of two matches at one position is found, not whether one is;
 * and its groups capture nothing (see withoutCaptures()).
 */
export function anyOf(patterns: readonly RegExp[]): RegExp {
  for (const re of patterns) {
    // Flags would not carry over, and a backreference would point at another group once joined.
    if (re.flags !== '' || /\\[1-9]|\\k</.test(re.source)) throw new Error(`anyOf: /${re.source}/${re.flags} cannot be joined`);
  }
  const alternatives = patterns.flatMap((re) => topAlternatives(re.source));
  const atBoundary = alternatives.filter((a) => AT_BOUNDARY.test(a));
  const rest = alternatives.filter((a) => !AT_BOUNDARY.test(a));
  return withoutCaptures(new RegExp(groupedAtBoundary([...atBoundary, ...rest]).join('|')));
}

/**
 * The same pattern with every capturing group made non-capturing, for a pattern whose callers
 * read only whether and where it matches (test(), m[0], m.index, a replace by a fixed string),
 * never a group. V8 keeps a pair of registers for each group and clears them at every position
 * it tries, and saves them on backtracking: a long list of wordings with a group or more in each
 * runs a quarter to a third faster without (REGISTER, 210 groups). Exactly the same matches, as
 * long as nothing refers back to a group: a pattern with a backreference is refused.
 */
export function withoutCaptures(re: RegExp): RegExp {
  const s = re.source;
  if (/\\[1-9]|\\k</.test(s)) throw new Error(`withoutCaptures: /${s}/ refers back to a group`);
  let out = '';
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') { out += s.slice(i, i + 2); i++; continue; }
    if (inClass) { if (c === ']') inClass = false; out += c; continue; }
    if (c === '[') inClass = true;
    out += c === '(' && s[i + 1] !== '?' ? '(?:' : c;
  }
  return new RegExp(out, re.flags);
}

/**
 * The same list of wordings (`\b(?:a|b|…)`, no groups that capture) as a tree on their first
 * letter: `\b(?:a(?:anmeld…|fmeld…)|k(?:om…)|…)`. V8 tries every alternative of a list at every
 * word boundary of the text; sorted, it tests one letter and tries only the wordings that start
 * with it (REGISTER, some 140 wordings, about twice as fast, in a loop and among the other
 * readers alike). A wording that opens with a group is first spread over the group's
 * alternatives (`(?:ik|wij) kom` as `ik kom|wij kom`, tried in the same order).
 *
 * Exactly the same matches: at any position only the wordings that start with the letter there
 * can match, and they are tried in their own order. Wordings that open with a digit stay as
 * they are, after the letters. A list with any other opening (a class, a look-around, a
 * quantified group), or with the i flag, is returned unchanged.
 */
export function byFirstLetter(re: RegExp): RegExp {
  const s = re.source;
  if (re.ignoreCase || !s.startsWith('\\b(?:') || groupEnd(s, 2) !== s.length - 1) return re;
  const letters = new Map<string, string[]>();
  const digits: string[] = [];
  for (const a of topAlternatives(s.slice(5, -1)).flatMap(spreadLeadingGroup)) {
    if (/^[a-z](?![*+?{])/.test(a)) {
      const rest = letters.get(a[0]!) ?? [];
      rest.push(a.slice(1));
      letters.set(a[0]!, rest);
    } else if (/^\\d/.test(a)) {
      digits.push(a);
    } else {
      return re;
    }
  }
  const tree = [...letters].map(([letter, rests]) => `${letter}(?:${rests.join('|')})`);
  return new RegExp(`\\b(?:${[...tree, ...digits].join('|')})`, re.flags);
}

// `(?:a|b)c` as `ac`, `bc`, and so on for a group opening what is left ("(?:a|b)?c" stays whole).
function spreadLeadingGroup(alternative: string): string[] {
  if (!alternative.startsWith('(?:')) return [alternative];
  const end = groupEnd(alternative, 0);
  if (/^[*+?{]/.test(alternative.slice(end + 1))) return [alternative];
  const rest = alternative.slice(end + 1);
  return topAlternatives(alternative.slice(3, end)).flatMap((a) => spreadLeadingGroup(a + rest));
}

/** Where the group opened at `source[at]` closes. */
function groupEnd(source: string, at: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = at; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced group in /${source}/`);
}
