// The surface of a message never changes what it says (issue 7): double spaces, NBSP and other
// Unicode spaces, hard wrapping at 24-78 columns (with or without format=flowed), extra blank
// lines and indentation keep the verdict, session and attendees exactly; names and roles in
// capitals count like any other; Outlook 2010's "-----Oorspronkelijk bericht-----" is cut like
// Outlook 2016's "Van:" block. Fresh messages, written for this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitNewText, paragraphs } from '../../src/understanding/new-text.js';
import { normaliseLine } from '../../src/understanding/text.js';
import type { Verdict } from '../../src/understanding/understand.js';
import { verdict } from './mail.js';

interface Msg { name: string; subject: string; body: string; sig: string; want: string }

const SIG = 'Met vriendelijke groet,\n\nEvelien Brouwer\nRaadsgriffier\nGemeente Zaltbommel';

const MESSAGES: Msg[] = [
  {
    name: 'three people by name and role',
    subject: 'Ontwerpsessie',
    body: 'Goedemiddag,\n\nGraag schrijf ik mij in voor de ontwerpsessie op vrijdag 29 juni in Venlo, samen met wethouder Marieke Peeters en raadslid Tom Hendriks.',
    sig: SIG,
    want: 'register/venlo x3',
  },
  {
    name: 'a stated total',
    subject: 'Aanmelding',
    body: 'Hallo,\n\nWij komen met z\'n tweeën naar de bijeenkomst in Arnhem op 22 juni.',
    sig: SIG,
    want: 'register/arnhem x2',
  },
  {
    name: 'a weekday with its date',
    subject: 'Aanmelding ontwerpsessie',
    body: 'Beste D-Loket,\n\nHierbij meld ik mij aan voor de ontwerpsessie lokale democratie van donderdag 21 juni aanstaande.',
    sig: SIG,
    want: 'register/haarlem x1',
  },
  {
    name: 'a weekday that does not fit its date',
    subject: 'Aanmelding ontwerpsessie',
    body: 'Beste D-Loket,\n\nHierbij meld ik mij aan voor de ontwerpsessie in Utrecht op vrijdag 15 juni.',
    sig: SIG,
    want: 'alternatives/-',
  },
  {
    name: 'a withdrawal',
    subject: 'Afmelding sessie Assen',
    body: 'Beste,\n\nHelaas moet ik mijn aanmelding voor de sessie in Assen op 28 juni intrekken vanwege een extra raadsvergadering.',
    sig: SIG,
    want: 'cancel/assen',
  },
  {
    name: 'an English out-of-office',
    subject: 'Re: Ontwerpsessie',
    body: 'Thank you for your message. I am out of the office until Monday 11 June and have no access to my email. Your message will be read on my return.',
    sig: 'Kind regards,\nSarah Miles',
    want: 'ignore/-',
  },
  {
    name: 'a short signup with the session in the subject',
    subject: 'Aanmelding Breda 3 juli',
    body: 'Ik ben erbij!',
    sig: 'Groet, Bas',
    want: 'register/breda x1',
  },
];

// --- surface changes of the new text (the signature is left alone) --------------------

function wrapAt(text: string, width: number, flowed = false): string {
  return text.split('\n').flatMap((line) => {
    if (line.length <= width) return [line];
    const out: string[] = [];
    let cur = '';
    for (const w of line.split(' ')) {
      if (cur && (cur + ' ' + w).length > width) { out.push(flowed ? cur + ' ' : cur); cur = w; } else cur = cur ? `${cur} ${w}` : w;
    }
    out.push(cur);
    return out;
  }).join('\n');
}

const SURFACES: [string, (body: string) => string][] = [
  ['double spaces', (b) => b.replace(/ /g, '  ')],
  ['NBSP and narrow spaces', (b) => b.replace(/ /g, (_s, i: number) => (i % 2 ? '\u00a0' : i % 5 ? ' ' : '\u202f'))],
  ['extra blank lines', (b) => b.replace(/\n\n/g, '\n\n\n\n')],
  ['indent and trailing blanks', (b) => b.replace(/^/gm, '\t').replace(/$/gm, '  ')],
  ['zero-width characters', (b) => b.replace(/ijn\b/g, 'ij\u200bn')],
  ['decomposed accents', (b) => b.normalize('NFD')],
  ...[24, 27, 31, 36, 42, 50, 61, 72].map((w): [string, (b: string) => string] => [`wrapped at ${w}`, (b) => wrapAt(b, w)]),
];

const show = (v: Verdict) => `${v.intent}/${v.session ?? '-'}${v.intent === 'register' ? ` x${v.attendees}` : ''}`;

async function judge(m: Msg, body: string, flowed = false): Promise<Verdict> {
  const text = `${body}\n\n${m.sig}`;
  if (!flowed) return verdict({ subject: m.subject, text });
  return verdict({ subject: m.subject, contentType: 'text/plain; charset=utf-8; format=flowed', raw: text });
}

for (const m of MESSAGES) {
  test(`surface changes keep the verdict: ${m.name}`, async () => {
    assert.equal(show(await judge(m, m.body)), m.want, 'the message as written');
    for (const [what, change] of SURFACES) {
      assert.equal(show(await judge(m, change(m.body))), m.want, what);
    }
    assert.equal(show(await judge(m, wrapAt(m.body, 33, true), true)), m.want, 'format=flowed at 33');
  });
}

test('a wrapped weekday and date, names and a question are read as one paragraph', () => {
  const body = (t: string) => splitNewText(`${t}\n\nMet vriendelijke groet,\nPiet`).body;
  assert.equal(body('Graag meld ik mij aan voor\nde sessie in Breda op dinsdag\n3 juli.'), 'Graag meld ik mij aan voor de sessie in Breda op dinsdag 3 juli.');
  assert.equal(body('Ik kom samen met\nWethouder Joke Smit naar Assen.'), 'Ik kom samen met Wethouder Joke Smit naar Assen.');
  assert.equal(body('Ik wil graag deelnemen. Welke sessie\nligt het dichtst bij Enkhuizen?'), 'Ik wil graag deelnemen. Welke sessie ligt het dichtst bij Enkhuizen?');
  assert.equal(body('Ik  kom\u00a0naar   Haarlem.'), 'Ik kom naar Haarlem.');
});

test('paragraphs keep greetings, list items, form fields, names and new sentences apart', () => {
  assert.deepEqual(paragraphs(['Beste D-Loket,', 'ik kom naar Venlo.']), ['Beste D-Loket,', 'ik kom naar Venlo.']);
  assert.deepEqual(paragraphs(['Hoi', 'ik kom naar Venlo']), ['Hoi', 'ik kom naar Venlo']);
  assert.deepEqual(paragraphs(['Wij komen met:', '- Jan de Vries', '- Anna Smit']), ['Wij komen met:', '- Jan de Vries', '- Anna Smit']);
  assert.deepEqual(paragraphs(['Naam: Jan de Vries', 'Sessie: Utrecht']), ['Naam: Jan de Vries', 'Sessie: Utrecht']);
  // A wrapped sentence with a colon in it is no form field.
  assert.deepEqual(paragraphs(['Wij komen met z\'n', 'drieën naar Venlo: de', 'burgemeester en ik.']), ['Wij komen met z\'n drieën naar Venlo: de burgemeester en ik.']);
  assert.deepEqual(paragraphs(['Wij komen met z\'n drieën naar', 'Venlo: de burgemeester en ik.']), ['Wij komen met z\'n drieën naar Venlo: de burgemeester en ik.']);
  assert.deepEqual(paragraphs(['Ik kom naar Assen', 'Jan de Vries', 'Gemeente Meppel']), ['Ik kom naar Assen', 'Jan de Vries', 'Gemeente Meppel']);
  assert.deepEqual(paragraphs(['Ik kan niet naar Assen komen', 'Mijn collega gaat wel']), ['Ik kan niet naar Assen komen', 'Mijn collega gaat wel']);
  assert.deepEqual(paragraphs(['Ik kom.', 'P.S. mijn collega ook']), ['Ik kom.', 'P.S. mijn collega ook']);
  // A contrast on a line of its own is not folded under the "niet" before it; after "maar" it goes on.
  assert.deepEqual(paragraphs(['ik kan niet naar assen', 'wel naar breda']), ['ik kan niet naar assen', 'wel naar breda']);
  assert.deepEqual(paragraphs(['Ik kan niet naar Assen maar', 'wel naar Breda.']), ['Ik kan niet naar Assen maar wel naar Breda.']);
  assert.deepEqual(paragraphs(['Eerste alinea.', '', '', '', 'Tweede.']), ['Eerste alinea.', '', 'Tweede.']);
});

test('spaces: Unicode spaces are spaces, a gap between words is one space, a tab (a column) stays one tab', () => {
  assert.equal(normaliseLine('\tIk\u00a0kom\u2009naar  Utrecht\u3000 '), 'Ik kom naar Utrecht');
  assert.equal(normaliseLine('ont\u00adwerp\u200bsessie'), 'ontwerpsessie');
  assert.equal(normaliseLine('met z\'n driee\u0308n'), 'met z\'n drie\u00ebn');
  assert.equal(normaliseLine('Dhr. J. Hoekstra \t FNP'), 'Dhr. J. Hoekstra\tFNP');
  assert.equal(normaliseLine('Dhr.  J.  Hoekstra    FNP'), 'Dhr. J. Hoekstra FNP');
  assert.equal(normaliseLine(normaliseLine('a \t  b')), normaliseLine('a \t  b'));
});

test('names and roles in capitals are counted like any other', async () => {
  const cases: [string, string][] = [
    ['GRAAG MELD IK MIJ AAN VOOR UTRECHT, SAMEN MET MIJN COLLEGA.', 'register/utrecht x2'],
    ['Ik kom met WETHOUDER PIETERSEN naar de sessie in Haarlem.', 'register/haarlem x2'],
    ['WETHOUDER ANNE DE GROOT EN IK KOMEN NAAR ARNHEM.', 'register/arnhem x2'],
    ['Graag aanmelden voor Assen: ik kom met de BURGEMEESTER.', 'register/assen x2'],
    ['Graag aanmelden voor Venlo voor mij en twee COLLEGA\'S.', 'register/venlo x3'],
  ];
  for (const [body, want] of cases) {
    assert.equal(show(await verdict({ subject: 'Ontwerpsessie', text: `Beste,\n\n${body}\n\n${SIG}` })), want, body);
  }
});

test('Outlook 2010 "-----Oorspronkelijk bericht-----" is cut like the 2016 "Van:" block', async () => {
  const header = 'Van: D-Loket [mailto:D-Loket@VNG.nl]\nVerzonden: maandag 4 juni 2018 09:15\nAan: Evelien Brouwer\nOnderwerp: Ontwerpsessies lokale democratie\n\n'
    + 'Geachte heer, mevrouw,\n\nU bent van harte welkom op een van de zes ontwerpsessies: Utrecht, Haarlem, Arnhem, Assen, Venlo en Breda.\nMet vriendelijke groet,\nD-Loket';
  const top = 'Beste,\n\nIk kom graag naar de sessie in Breda, met een collega.';
  for (const sep of ['-----Oorspronkelijk bericht-----\n', '________________________________\n', '', '-----Original Message-----\n']) {
    const text = `${top}\n\n${SIG}\n\n${sep}${header}`;
    const s = splitNewText(text);
    assert.equal(s.body, 'Beste,\n\nIk kom graag naar de sessie in Breda, met een collega.', JSON.stringify(sep));
    assert.equal(show(await verdict({ subject: 'FW: Ontwerpsessies lokale democratie', text })), 'register/breda x2', JSON.stringify(sep));
  }
});

test('a mistyped role still counts its person; a word that is itself a word does not', async () => {
  const cases: [string, string][] = [
    ['Graag meld ik mij aan voor Utrecht, samen met mijn colega.', 'register/utrecht x2'],
    ['Ik kom naar Haarlem met de burgemeestr.', 'register/haarlem x2'],
    ['Hierbij meld ik onze drie wethoduers aan voor Arnhem.', 'register/arnhem x3'],
    ['Ik kom naar Venlo met iemmand van de griffie.', 'register/venlo x2'],
    ['Ik kom naar Venlo met imand van de griffie.', 'register/venlo x2'],
    ['Hierbij meld ik onze twee wethoudes aan voor Breda.', 'register/breda x2'],
    ['Ik kom naar Venlo, namens het college.', 'register/venlo x1'],
    ['Ik kom naar Assen, niemand van de griffie kan mee.', 'register/assen x1'],
  ];
  for (const [body, want] of cases) {
    assert.equal(show(await verdict({ subject: 'Ontwerpsessie', text: `Beste,\n\n${body}\n\n${SIG}` })), want, body);
  }
});

test('a signup read from the subject takes its people from the sender\'s own statements', async () => {
  const v = await verdict({ subject: 'Aanmelding Venlo 29 juni', text: `Beste,\n\nVanuit Tiel komme we met z'n vieren: de burgemeester, twee raadsleden en ikzelf.\n\n${SIG}` });
  assert.equal(show(v), 'register/venlo x4');
});

test('a mistyped cue word never makes a bolder act: a slip of a signup is no withdrawal, a slip of a withdrawal no signup', async () => {
  const { fixKeywordTypos, withdrawalSlip } = await import('../../src/understanding/text.js');
  assert.equal(fixKeywordTypos('graag aanmleden voor breda'), 'graag aanmelden voor breda');
  assert.equal(fixKeywordTypos('ik wil mij aamelden'), 'ik wil mij aamelden'); // aanmelden or afmelden: left alone
  assert.equal(withdrawalSlip('ik wil mij afmeden voor haarlem'), 'afmeden');
  assert.equal(withdrawalSlip('ik wil mij aanmelden voor haarlem'), null);
  assert.equal(withdrawalSlip('i can no linger attend'), 'no linger');
  const signup = (t: string) => verdict({ subject: 'Ontwerpsessie Haarlem', text: `Beste,\n\n${t}\n\n${SIG}` });
  for (const t of ['Ik wil mij afmeden voor de sessie in Haarlem.', 'Ik moet helaas afzegen voor Haarlem, ik kom graag naar Haarlem op een later moment.']) {
    const v = await signup(t);
    assert.ok(v.intent === 'escalate' || v.intent === 'cancel', `${t}: ${show(v)}`);
  }
  const v = await verdict({ subject: 'Arnhem 22 June', text: 'Hello,\n\nUnfortunately I can no linger attend the session in Arnhem.\n\nKind regards,\nJohn Smith' });
  assert.notEqual(v.intent, 'register', show(v));
  assert.notEqual((await signup('Ik wil mij aamelden voor Haarlem.')).intent, 'cancel');
});

test('a mistyped number of people goes to a person; ordinary words in that place do not', async () => {
  const signup = (t: string) => verdict({ subject: 'Aanmelding Venlo', text: `Beste,\n\n${t}\n\n${SIG}` });
  for (const t of ['Wij komen met z\'n dieën naar Venlo.', 'Graag aanmelden voor Venlo met vijv personen.']) {
    const v = await signup(t);
    assert.equal(v.intent, 'escalate', `${t}: ${show(v)}`);
    assert.equal(v.candidate, 'venlo');
  }
  assert.equal(show(await signup('Wij komen met z\'n allen naar Venlo, met ons team.')), 'register/venlo x1');
  assert.equal(show(await signup('Wij komen met z\'n drieën naar Venlo.')), 'register/venlo x3');
});
