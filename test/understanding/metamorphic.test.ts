// Metamorphic property tests (issue 7, item 3). The team's own labelled messages
// (test/fixtures/mail) are changed by fast-check: a sentence added (hedge, withdrawal,
// condition, question about elsewhere, practical question), the signup handed to a colleague,
// the text moved into another layout (Outlook HTML only, a forward, a reply above the overview
// or above the bot's confirmation), or its surface changed (typos, capitals, diacritics,
// whitespace, a signature naming another place). Each change states what must hold of the
// verdict of the real classify() on the RFC 5322 message. Fixed seed: the same cases every run;
// FC_SEED and FC_RUNS_FACTOR (e.g. 10) explore further by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { classify, type Verdict } from '../../src/understanding/understand.js';
import { compose, loadSeeds, rebuild, type Built, type Seed } from './metamorphic/seeds.js';
import { asRulesRead } from './mail.js';
import {
  CITY, SLUGS, addSentence, capitals, diacritics, otherSignature, replaceBody, typo, whitespace, wrap,
  type Caps, type Diacritics, type Place, type Space, type TypoKind, type Wrap,
} from './metamorphic/transforms.js';
import {
  COLLEAGUES, COLLEAGUE_ONLY, CONDITIONS, ELSEWHERE, HEDGES, PRACTICAL, SIGNATURE_ADDRESSES, SIGNATURE_PLACES, WITHDRAWALS,
} from './metamorphic/wordings.js';

const SEED = Number(process.env.FC_SEED ?? 20180518);
const FACTOR = Number(process.env.FC_RUNS_FACTOR ?? 1);
const runs = (n: number) => Math.round(n * FACTOR);

// Properties taken out because they still fail and could not be fixed in time: the reason names
// the counterexample (details in the issue 7 notes). Empty when every property holds.
const NOT_YET: Record<string, string> = {};
const notYet = (key: string) => (NOT_YET[key] ? { skip: `not yet: ${NOT_YET[key]}` } : {});

const { seeds, skipped } = loadSeeds();
const person = seeds.filter((s) => s.label.intent !== 'ignore');
const registers = seeds.filter((s) => s.label.intent === 'register');
const machines = seeds.filter((s) => s.label.intent === 'ignore');
// A message whose meaning does not lean on what it quotes or answers can be moved into a thread.
const standalone = person.filter((s) => !s.recipe.quote && !s.inReplyTo);

let counter = 0;
/** The whole verdict, with what the second reading withheld. */
async function judgeWhole(m: Built): Promise<Verdict> {
  const raw = await compose(m, `mm${++counter}`);
  // As the fixture test: judged as of the message's own Date.
  return classify(raw, { catalogue: shippedCatalogue, ownAddresses: ['d-loket@vng.nl'], now: null, thread: null });
}

/** The verdict as the rules read it (mail.ts asRulesRead): the properties are the rules'. */
const judge = async (m: Built): Promise<Verdict> => asRulesRead(await judgeWhole(m));

const lang = (s: Seed) => (s.english ? 'en' : 'nl');
const show = (v: Verdict) =>
  `${v.intent}/${v.session ?? '-'}${v.intent === 'register' ? ` x${v.attendees}` : ''} (${v.reason}; ${v.evidence.join('; ')})`;
const label = (s: Seed) => `${s.label.intent}/${s.label.session ?? '-'}${s.label.intent === 'register' ? ` x${s.label.attendees ?? 1}` : ''}`;
const sameAsLabel = (s: Seed, v: Verdict) =>
  v.intent === s.label.intent &&
  (!['register', 'cancel'].includes(v.intent) || v.session === s.label.session) &&
  (v.intent !== 'register' || v.attendees === (s.label.attendees ?? 1));

// Noise in the words (a typo, CAPITALS, diacritics) may make the bot more cautious, never
// bolder (lead's principle for issue 7): the label, or `escalate` for a person's mail (never
// another act, another session, a signup that was not there); machine mail stays ignored.
// Spacing, wrapping and layouts are no noise: they keep the label exactly.
const sameOrEscalate = (s: Seed, v: Verdict) => sameAsLabel(s, v) || (v.intent === 'escalate' && s.label.intent !== 'ignore');
const CAUTIOUS = 'the label (intent, session, attendees), or escalate for a person\'s mail';

interface Case { seed: Seed; what: string; message: Built; newText: string }

/** A readable counterexample: file, transformation, new text, verdict with its evidence. */
function report(c: Case, v: Verdict, must: string): string {
  return [
    `file: ${c.seed.file} (label ${label(c.seed)})`,
    `transformation: ${c.what}`,
    `must: ${must}`,
    `verdict: ${show(v)}`,
    'new text:',
    ...c.newText.split('\n').slice(0, 14).map((l) => `  | ${l}`),
  ].join('\n');
}

/** Runs a property with the fixed seed; a failure prints the shrunk case readably. */
async function check(name: string, arb: fc.Arbitrary<Case>, must: string, holds: (v: Verdict, c: Case) => boolean, numRuns: number) {
  if (process.env.MM_ALL) {
    // Exploration by hand: every failing case of the same sample, not only the first one.
    const failures: string[] = [];
    for (const c of fc.sample(arb, { seed: SEED, numRuns: runs(numRuns) })) {
      const v = await judge(c.message);
      if (!holds(v, c)) failures.push(report(c, v, must));
    }
    if (failures.length) assert.fail(`${name}: ${failures.length} of ${runs(numRuns)} cases fail\n\n${failures.join('\n\n')}`);
    return;
  }
  const prop = fc.asyncProperty(arb, async (c) => {
    const v = await judge(c.message);
    if (!holds(v, c)) throw new Error(report(c, v, must));
  });
  const out = await fc.check(prop, { seed: SEED, numRuns: runs(numRuns) });
  if (out.failed) {
    const err = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
    assert.fail(`${name}: counterexample after ${out.numRuns} runs (seed ${out.seed}, path ${out.counterexamplePath}, ${out.numShrinks} shrinks)\n${err}`);
  }
  assert.equal(out.numRuns, runs(numRuns), `${name}: ${out.numRuns} cases run, ${out.numSkips} skipped`);
}

const place = fc.constantFrom<Place>('new-paragraph', 'same-line', 'before');
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** A person's message with one sentence of a kind added. */
function added(pool: readonly Seed[], sentences: { nl: string[]; en: string[] }, kind: string, places = place): fc.Arbitrary<Case> {
  return fc.tuple(pick(pool), fc.nat(), fc.nat(), places).map(([seed, i, j, where]) => {
    // "Could I go to {other} instead?" asks to switch away from a signup; beside a message that
    // signs up for nothing it may be a choice (an organiser would say yes), so it is not added there.
    const list = sentences[lang(seed)].filter((w) => seed.label.intent === 'register' || !w.includes('{other}'));
    const orig = seed.label.session ? CITY[seed.label.session]! : seed.english ? 'That place' : 'Die plek';
    const others = SLUGS.filter((s) => s !== seed.label.session);
    const sentence = list[i % list.length]!.replace('{orig}', orig).replace('{other}', CITY[others[j % others.length]!]!);
    const newText = addSentence(seed.recipe.newText, sentence, where);
    return { seed, what: `${kind} "${sentence}" (${where})`, message: rebuild(seed, newText), newText };
  });
}

test('the fixture messages are rebuilt as they were built, and keep their labels', async () => {
  assert.ok(seeds.length >= 70, `${seeds.length} fixture messages rebuilt; skipped ${skipped.join(', ')}`);
  const wrong: string[] = [];
  for (const s of seeds) {
    const v = await judge(rebuild(s));
    if (!sameAsLabel(s, v)) wrong.push(`${s.file}: ${show(v)}, label ${label(s)}`);
  }
  assert.deepEqual(wrong, []);
});

test('a hedge ("misschien", "ik laat het nog weten", "onder voorbehoud", "maybe") is never a confirmation', notYet('hedge'), async () => {
  await check('hedge', added(person, HEDGES, 'hedge added:'), 'not register', (v) => v.intent !== 'register', 300);
});

test('a withdrawal or illness on the day is never a confirmation', notYet('withdrawal'), async () => {
  // After what the sender wrote: a withdrawal before a choice ("ik ben die dag verhinderd … ik kom graag naar Utrecht")
  // is a switch, which the corpus README makes a signup for the new session.
  await check('withdrawal', added(person, WITHDRAWALS, 'withdrawal added:', fc.constantFrom<Place>('new-paragraph', 'same-line')), 'not register', (v) => v.intent !== 'register', 250);
});

test('attendance on a condition is never a confirmation', notYet('condition'), async () => {
  await check('condition', added(person, CONDITIONS, 'condition added:'), 'not register', (v) => v.intent !== 'register', 250);
});

test('a question about a session elsewhere or on another date is never a confirmation', notYet('elsewhere'), async () => {
  // Issue 7 item 1: such a question is contrary evidence, so no session is confirmed (not the
  // original, not the other one asked about).
  await check('elsewhere', added(person, ELSEWHERE, 'question about elsewhere added:'), 'not register', (v) => v.intent !== 'register', 300);
});

test('a practical question or remark keeps a signup a signup for the same session and people', notYet('practical'), async () => {
  await check('practical', added(registers, PRACTICAL, 'practical question added:'), 'register, same session and attendees as the label',
    (v, c) => sameAsLabel(c.seed, v), 300);
});

test('the second reading withholds few signups for a practical question or remark', async () => {
  // The rules keep such a signup (the test above); the second reading, which only withholds,
  // may still leave it to a person. How often is measured here, on the same kind of sample.
  const sample = fc.sample(added(registers, PRACTICAL, 'practical question added:'), { seed: SEED, numRuns: runs(300) });
  let withheld = 0;
  for (const c of sample) if ((await judgeWhole(c.message)).reason === 'second-reading') withheld++;
  const share = withheld / sample.length;
  console.log(`second reading withheld ${withheld} of ${sample.length} signups with a practical question or remark`);
  assert.ok(share <= 0.05, `${(share * 100).toFixed(1)}% withheld`);
});

test('a signup of a colleague only never signs up the sender', notYet('colleague'), async () => {
  // The sender says they will not come and names one colleague for the seed's session. What
  // must hold: never cancel, alternatives or ignore (a transfer is not the sender's withdrawal);
  // either escalate (a person checks), or register for that session with exactly one person
  // (the colleague) and, where names are read, not the sender's name.
  const arb = fc.tuple(pick(registers), fc.nat(), pick(COLLEAGUES)).map(([seed, i, name]) => {
    const list = COLLEAGUE_ONLY[lang(seed)];
    const sentence = list[i % list.length]!.replace('{name}', name).replace('{city}', CITY[seed.label.session!]!);
    const newText = replaceBody(seed.recipe.newText, [sentence]);
    return { seed, what: `body replaced by a colleague-only signup: "${sentence}"`, message: rebuild(seed, newText), newText, name };
  });
  await check('colleague', arb, 'escalate, or register for the same session with 1 person who is not the sender', (v, c) => {
    if (v.intent === 'escalate') return true;
    if (v.intent !== 'register' || v.session !== c.seed.label.session || v.attendees !== 1) return false;
    // The sender's name ("Klaas Mulder", "Hendriks, Sjra") is one whose words all are in a read name, or the reverse.
    const words = (n: string) => n.toLowerCase().split(/[\s,]+/).filter((w) => w.length > 1);
    const sender = words(c.seed.from.replace(/^\s*"?([^"<]*?)"?\s*<.*$/, '$1'));
    return !v.names.some((n) => { const w = words(n); return sender.every((x) => w.includes(x)) || (w.length > 1 && w.every((x) => sender.includes(x))); });
  }, 200);
});

/** The seed moved into another layout; what must hold: the label. */
function moved(hows: Wrap[]): fc.Arbitrary<Case> {
  // The replies quote one session (the seed's own, else any): a cancellation that names none
  // would rightly take it from there, so those are left out. A forwarded invitation names its
  // session in the subject too, so only messages about that one session are forwarded with it.
  return fc.tuple(pick(standalone), pick(hows), pick(SLUGS), pick(['oorspronkelijk', 'van'] as const))
    .filter(([seed, how]) => !(how === 'reply-above-confirmation' && seed.label.intent === 'cancel' && !seed.label.session))
    .filter(([seed, how]) => how !== 'forward-invitation' || seed.label.session !== null)
    .map(([seed, how, slug, style]) => {
      const quoted = seed.label.session ?? slug;
      const message = wrap({ ...seed, label: { ...seed.label, session: quoted } }, seed.recipe.newText, how, style);
      const what = how === 'forward-invitation' ? `${how} (${quoted}, ${style})` : how === 'reply-above-confirmation' ? `${how} (${quoted})` : how;
      return { seed, what, message, newText: message.text ?? message.html ?? '' };
    });
}

test('Outlook HTML only, a reply above the overview or above a confirmation keep the verdict', async () => {
  await check('layout', moved(['outlook-html-only', 'reply-above-overview', 'reply-above-confirmation']), 'the label (intent, session, attendees)', (v, c) => sameAsLabel(c.seed, v), 300);
});

test('above a forwarded invitation of its session (Outlook 2010 and 2016 separators) a message keeps its verdict', notYet('forward'), async () => {
  await check('forward', moved(['forward-invitation']), 'the label (intent, session, attendees)', (v, c) => sameAsLabel(c.seed, v), 150);
});

test('a typo (one letter, not in a place, month or day) keeps the verdict or makes it escalate', notYet('typo'), async () => {
  const arb = fc.tuple(pick(person), fc.nat(), fc.nat(), pick<TypoKind>(['drop', 'double', 'neighbour']))
    .map(([seed, p, q, kind]) => ({ seed, t: typo(seed.recipe.newText, { pick: p, pos: q, kind }) }))
    .filter((x) => x.t !== null)
    .map(({ seed, t }) => ({ seed, what: `typo ${t!.from} → ${t!.to}`, message: rebuild(seed, t!.text), newText: t!.text }));
  await check('typo', arb, CAUTIOUS, (v, c) => sameOrEscalate(c.seed, v), 300);
});

test('capitals keep the verdict or make it escalate', async () => {
  const arb = fc.tuple(pick(seeds), pick<Caps>(['all', 'body', 'first-line'])).map(([seed, how]) => {
    const newText = capitals(seed.recipe.newText, how);
    return { seed, what: `capitals (${how})`, message: rebuild(seed, newText), newText };
  });
  await check('capitals', arb, CAUTIOUS, (v, c) => sameOrEscalate(c.seed, v), 150);
});

test('diacritics stripped, decomposed or added keep the verdict or make it escalate', async () => {
  const arb = fc.tuple(pick(seeds), pick<Diacritics>(['strip', 'decomposed', 'add'])).map(([seed, how]) => {
    const newText = diacritics(seed.recipe.newText, how);
    return { seed, what: `diacritics (${how})`, message: rebuild(seed, newText), newText };
  });
  await check('diacritics', arb, CAUTIOUS, (v, c) => sameOrEscalate(c.seed, v), 150);
});

test('extra whitespace and line wrapping keep the verdict', async () => {
  const arb = fc.tuple(pick(seeds), pick<Space>(['double-spaces', 'trailing', 'nbsp', 'blank-lines', 'indent', 'wrap']), fc.integer({ min: 24, max: 72 }))
    .map(([seed, how, width]) => {
      const newText = whitespace(seed.recipe.newText, how, width);
      return { seed, what: `whitespace (${how}${how === 'wrap' ? ` at ${width}` : ''})`, message: rebuild(seed, newText), newText };
    });
  await check('whitespace', arb, 'the label (intent, session, attendees)', (v, c) => sameAsLabel(c.seed, v), 250);
});

test('a signature line naming another city, a province or "Gemeente X" keeps the verdict', async () => {
  const arb = fc.tuple(pick(seeds), pick(SIGNATURE_PLACES)).map(([seed, line]) => {
    const newText = otherSignature(seed.recipe.newText, line, seed.english);
    return { seed, what: `signature line "${line}"`, message: rebuild(seed, newText), newText };
  });
  await check('signature', arb, 'the label (intent, session)', (v, c) => sameAsLabel(c.seed, v), 200);
});

test('an address line in the signature naming a city keeps the verdict', notYet('address'), async () => {
  const arb = fc.tuple(pick(seeds), pick(SIGNATURE_ADDRESSES)).map(([seed, line]) => {
    const newText = otherSignature(seed.recipe.newText, line, seed.english);
    return { seed, what: `signature address "${line}"`, message: rebuild(seed, newText), newText };
  });
  await check('address', arb, 'the label (intent, session)', (v, c) => sameAsLabel(c.seed, v), 150);
});

test('machine mail (out of office, bounces, newsletters) stays ignored in other layouts', async () => {
  // Only machine mail that answers a mail (auto-replies, bounces, calendar answers) comes above a
  // quote; a newsletter does not, and a reply is never a mailing by its footer (README).
  const answers = (s: Seed) => /^(re|antw|aw|out of office|afwezig|automatisch|automatic|onbestelbaar|undeliverable|delivery|voorlopig)\b/i.test(s.subject);
  const arb = fc.tuple(pick(machines), pick<Wrap>(['outlook-html-only', 'reply-above-overview', 'reply-above-confirmation']), pick(SLUGS))
    .filter(([seed, how]) => how === 'outlook-html-only' || answers(seed))
    .map(([seed, how, slug]) => {
      const message = wrap({ ...seed, label: { ...seed.label, session: slug } }, seed.recipe.newText, how);
      return { seed, what: how, message, newText: message.text ?? message.html ?? '' };
    });
  await check('machines', arb, 'ignore', (v) => v.intent === 'ignore', 200);
});
