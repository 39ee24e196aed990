// The pattern helpers of matches.ts change how fast a pattern runs, never what it matches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anyOf, boundaryOnce, byFirstLetter, matchesOf, topAlternatives, withoutCaptures } from '../../src/understanding/matches.js';

const texts = [
  'ik meld mij aan voor venlo, maar breda kan ook',
  'helaas kan ik niet; mijn collega komt wel (hij|zij)',
  'aanmelden? ja: [|] staat er niet. nietes, notabene',
  '', 'a', 'komt-ie wel? wel!',
];

test('topAlternatives splits at "|" outside groups, classes and escapes only', () => {
  assert.deepEqual(topAlternatives(String.raw`a|b(c|d)|[|]|\||(?<!x|y)z`), ['a', 'b(c|d)', '[|]', String.raw`\|`, '(?<!x|y)z']);
  assert.deepEqual(topAlternatives('abc'), ['abc']);
});

test('boundaryOnce groups neighbouring alternatives at a word boundary, and matches exactly as before', () => {
  const patterns = [
    /\bmeld\b[^.?!]{0,20}\baan\b|\b(kan|kunnen) ook\b|niet|\bwel\b|\b(hij|zij)\b/,
    /^(maar|of) |\bnie(t|tes)\b|\bkomt\b/g,
    /x|\bwel|\Bie|\Bnie/i,
  ];
  assert.equal(boundaryOnce(patterns[0]!).source, String.raw`\b(?:meld\b[^.?!]{0,20}\baan\b|(kan|kunnen) ook\b)|niet|\b(?:wel\b|(hij|zij)\b)`);
  assert.equal(boundaryOnce(patterns[2]!).source, patterns[2]!.source, 'a lone boundary and \\B are left alone');
  for (const re of patterns) {
    const once = boundaryOnce(re);
    assert.equal(once.flags, re.flags);
    for (const t of texts) {
      const all = (r: RegExp) => (r.global ? [...matchesOf(r, t)] : [r.exec(t)]).map((m) => m && [m.index, ...m]);
      assert.deepEqual(all(once), all(re), `/${re.source}/ on "${t}"`);
    }
  }
});

test('anyOf matches wherever one of its patterns does', () => {
  const parts = [/\bmeld\b[^.?!]{0,20}\baan\b|notabene/, /\bwel\b|\(hij\|/, /x{2}|\bbreda\b/];
  const joined = anyOf(parts);
  for (const t of texts) assert.equal(joined.test(t), parts.some((re) => re.test(t)), t);
});

test('withoutCaptures makes every group non-capturing and matches exactly where the pattern did', () => {
  const patterns = [
    /\b(?:meld\b[^.?!]{0,20}\baan\b|(kan|kunnen) ook\b)|\((hij)\|/,
    /(?<!\b(aantal|hoeveel) )\b(ma(a)?r|of) |[(]niet[)]|\(hij/g,
    /(wel)(?=[?!])|(?:x)/i,
  ];
  assert.equal(withoutCaptures(patterns[0]!).source, String.raw`\b(?:meld\b[^.?!]{0,20}\baan\b|(?:kan|kunnen) ook\b)|\((?:hij)\|`);
  for (const re of patterns) {
    const plain = withoutCaptures(re);
    assert.equal(plain.flags, re.flags);
    assert.equal(new RegExp(`${plain.source}|`).exec('')!.length, 1, `/${plain.source}/ has no group left`);
    for (const t of texts) {
      const all = (r: RegExp) => (r.global ? [...matchesOf(r, t)] : [r.exec(t)]).map((m) => m && [m.index, m[0]]);
      assert.deepEqual(all(plain), all(re), `/${re.source}/ on "${t}"`);
    }
  }
  assert.throws(() => withoutCaptures(/(a)\1/), /refers back/);
  assert.throws(() => withoutCaptures(/(?<x>a)\k<x>/), /refers back/);
});

test('byFirstLetter makes a list of wordings a tree on their first letter, and matches exactly as before', () => {
  const patterns = [
    /\b(?:meld\b[^.?!]{0,20}\baan\b|(?:kan|kunnen|ik) ook\b|wel(?<!\bik wel)\b|(?:ma+r|of) nie(?:t|tes)|\d+ (?:x|a)\b|komt-ie|ma(?:ar)?|meld)/,
    /\b(?:nie(?:t|tes)\b|(?:(?:k|m)a|ko)(?:n|mt)\b|notabene|(?:wel|wij) (?:kan|kom)|\d\d|x)/g,
    /\b(?:(?:a|b)(?:c|)|(?:a|ab)c|abc)/,
  ];
  assert.equal(byFirstLetter(patterns[2]!).source, String.raw`\b(?:a(?:(?:c|)|c|bc|bc)|b(?:(?:c|)))`);
  const unchanged = [/\b(?:[a-z]x|y)/, /\b(?:(?=k)kom|y)/, /\b(?:a|b)/i, /\b(?:a|b)c/, /a|b/];
  for (const re of unchanged) assert.equal(byFirstLetter(re), re, `/${re.source}/${re.flags} is left as it is`);
  const more = [...texts, 'kan ook, kunnen ook, ik ook', 'ik wel. jij wel', 'maar mar maaar nie', '12 x, 3 a', 'komt-ie? kont, mant', 'wel kom wij kan', 'abc ab ac bc b a'];
  // And texts made up of the patterns' own characters (a fixed sequence, the same every run).
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const alphabet = 'abcikmnotlwejsx -.?12';
  for (let n = 0; n < 400; n++) more.push(Array.from({ length: Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
  for (const re of patterns) {
    const tree = byFirstLetter(re);
    assert.notEqual(tree.source, re.source);
    assert.equal(tree.flags, re.flags);
    for (const t of more) {
      const all = (r: RegExp) => (r.global ? [...matchesOf(r, t)] : [r.exec(t)]).map((m) => m && [m.index, m[0]]);
      assert.deepEqual(all(tree), all(re), `/${re.source}/ on "${t}"`);
    }
  }
});
