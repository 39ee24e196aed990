// Contrary evidence in shapes the word lists missed. Attendance that waits on a condition is no signup yet, whatever stands between "als" and the
// attendance: the sentence's shape (a subordinate "als/indien/wanneer … ," before an inverted
// "kom ik", or "ik kom … als de/het …" after it) decides, not a list of the words that may
// follow "als". "Als raadslid" (as a council member) and conditions the bot answers itself
// ("als er nog plek is") are no conditions. Fresh messages, written before the rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signed, verdict } from './mail.js';

/** Those of `texts` that are confirmed when sent as a signup mail, with the verdict. */
async function confirmed(texts: string[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const text of texts) {
    const v = await verdict({ subject: 'Ontwerpsessie', text: signed(text, 'Bas Kramer', 'Gemeente Weert') });
    if (v.intent === 'register') wrong.push(`${text} -> ${v.intent}/${v.session} (${v.reason})`);
  }
  return wrong;
}

const CONDITIONAL = [
  'Als de sessie om 16.00 uur klaar is, kom ik naar Venlo.',
  'Wanneer de trein naar Venlo weer rijdt, ben ik erbij op 29 juni.',
  'Indien de raadsvergadering wordt verzet, kom ik graag naar de sessie in Venlo.',
  'Ik kom graag naar Venlo, als de wethouder die middag vrij kan krijgen.',
  'Ik meld mij aan voor Venlo als de commissievergadering van die dag niet doorgaat.',
  'If the afternoon programme ends before five, I will come to Venlo.',
  'I will attend the session in Venlo if the train strike is over by then.',
];

const UNCONDITIONAL = [
  'Als raadslid van Weert kom ik graag naar de sessie in Venlo.',
  'Als griffier meld ik mij aan voor Venlo op 29 juni.',
  'Als het nog kan, kom ik graag naar Venlo.',
  'Ik kom graag naar Venlo als er nog plek is.',
];

test('attendance that waits on a condition goes to a person, whatever words the condition holds', async () => {
  assert.deepEqual(await confirmed(CONDITIONAL), []);
});

test('"als" as a role, or a condition the bot answers itself, still signs up', async () => {
  for (const text of UNCONDITIONAL) {
    const v = await verdict({ subject: 'Ontwerpsessie', text: signed(text, 'Bas Kramer', 'Gemeente Weert') });
    assert.equal(`${v.intent}/${v.session}`, 'register/venlo', text);
  }
});

// Holding back without the usual words: a step first, an exception, an agenda not settled,
// attendance only hoped for, expected or tried. Fresh messages, written before the rule.
const HELD_BACK = [
  'Ik zou graag naar Venlo willen, maar ik moet eerst toestemming vragen aan mijn leidinggevende.',
  'I would love to attend the session in Venlo, but I need to check with my manager first.',
  'Ik kom naar Venlo, tenzij de raad die avond extra vergadert.',
  'Ik verwacht dat ik erbij kan zijn in Venlo, maar mijn agenda is nog niet rond.',
  'Hopelijk kan ik op 29 juni naar Venlo komen.',
  'Ik ga proberen om naar de sessie in Venlo te komen.',
  'We will try to make it to the session in Venlo.',
];

test('a signup held back by a first step, an exception, an open agenda or only a hope goes to a person', async () => {
  assert.deepEqual(await confirmed(HELD_BACK), []);
});

test('courtesies that hope or expect nothing of the attendance leave a signup alone', async () => {
  for (const extra of ['Ik hoop u hiermee voldoende te hebben geïnformeerd.', 'I hope this email finds you well.', 'Ik verwacht uw bevestiging.']) {
    const v = await verdict({ subject: 'Ontwerpsessie', text: signed(`Hierbij meld ik mij aan voor de sessie in Venlo. ${extra}`, 'Bas Kramer', 'Gemeente Weert') });
    assert.equal(`${v.intent}/${v.session}`, 'register/venlo', extra);
  }
});

test('leaving a newsletter is a mailing matter, not a withdrawal', async () => {
  for (const text of ['Bij deze meld ik mij af voor de nieuwsbrief van de VNG.', 'Please unsubscribe me from the VNG newsletter.', 'Graag uitschrijven van de mailinglijst.']) {
    const v = await verdict({ subject: 'Afmelden', text: signed(text, 'Bas Kramer', 'Gemeente Weert') });
    assert.notEqual(v.intent, 'cancel', text);
  }
});

test('places asked for others beside "ik kom zelf niet" are never the sender\'s cancellation', async () => {
  for (const text of [
    'Graag 2 plekken voor Breda, op naam van Jan Smit en Kees Hol. Ik kom zelf niet.',
    'Wilt u drie plaatsen voor Breda reserveren voor onze raadsleden? Zelf kan ik helaas niet.',
  ]) {
    const v = await verdict({ subject: 'Breda', text: signed(text, 'Lotte Bos', 'Gemeente Oss') });
    assert.notEqual(v.intent, 'cancel', text);
  }
});

test('asking whether one may take part in a capacity of one\'s own is for a person, also with "kan/kunnen/can"', async () => {
  for (const text of [
    'Kan ik als gepensioneerd raadslid nog deelnemen aan de sessie in Breda?',
    'Kunnen wij als waterschap ook aansluiten bij de sessie in Breda op 3 juli?',
    'Could I, as an intern at the municipality, attend the session in Breda?',
  ]) {
    const v = await verdict({ subject: 'Sessie Breda', text: signed(text, 'Lotte Bos', 'Gemeente Oss') });
    assert.notEqual(v.intent, 'register', text);
  }
  const plain = await verdict({ subject: 'Sessie Breda', text: signed('Kan ik mij nog aanmelden voor de sessie in Breda?', 'Lotte Bos', 'Gemeente Oss') });
  assert.equal(`${plain.intent}/${plain.session}`, 'register/breda');
});
