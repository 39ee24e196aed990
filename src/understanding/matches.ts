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
 * One pattern that matches a text wherever any of `patterns` matches it: for a test of several
 * patterns that mostly all fail, run first. V8 tries a pattern's alternatives one by one at each
 * position of the text, and the joined pattern costs about half as much as the separate tests.
 * Built from the patterns themselves, it has nothing to keep in step with them.
 */
export function anyOf(patterns: readonly RegExp[]): RegExp {
  for (const re of patterns) {
    // Flags would not carry over, and a backreference would point at another group once joined.
    if (re.flags !== '' || /\\[1-9]|\\k</.test(re.source)) throw new Error(`anyOf: /${re.source}/${re.flags} cannot be joined`);
  }
  return new RegExp(patterns.map((re) => re.source).join('|'));
}
