// The pattern helpers of matches.ts change how fast a pattern runs, never what it matches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anyOf, boundaryOnce, matchesOf, topAlternatives, withoutCaptures } from '../../src/understanding/matches.js';

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
