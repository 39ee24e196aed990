// Who comes, when the mail names them: people joined by "en" ("Jan de Vries en Piet Bakker",
// "Jan Smit en ik", "mijzelf en Ellen Mooij"), names one per line after a colon, a group as the
// subject ("de volgende personen komen"), and a mail that is all subject. A person is counted
// once however many patterns name them. Fresh messages, written before the held-out failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signed, verdict } from './mail.js';

const CASES: [number, string, string][] = [
  [2, 'Venlo', 'Ik kom naar Venlo samen met mijn collega Ellen Mooij.'],
  [2, 'Venlo', 'Wij (Jan Smit en ik) komen graag naar Venlo.'],
  [2, 'Venlo', 'Hierbij meld ik mijzelf en Ellen Mooij aan voor Venlo.'],
  [2, 'Venlo', "Graag aanmelden voor Venlo: mijn twee collega's Anne Wit en Kees Bos. Zelf kan ik er niet bij zijn."],
  [2, 'Venlo', "Zelf kan ik niet, maar ik meld mijn collega's Tom Verhoef en Sanne Koster aan voor Venlo."],
  [3, 'Venlo', 'De volgende personen komen naar Venlo:\n- Anne Wit\n- Kees Bos\n- Piet Dam'],
  [4, 'Venlo', 'Namens de griffie meld ik aan voor Venlo:\nAnne Wit, raadslid\nKees Bos, raadslid\nPiet Dam, wethouder\nJoke Vos, griffier\nZelf ben ik er niet bij.'],
  [3, 'Venlo', 'Namens de griffie meld ik de volgende personen aan voor Venlo:\n- Anne Wit (raadslid)\n- Kees Bos (raadslid)\n- Piet Dam (griffier)\n\nIkzelf ben er niet bij.'],
  [2, 'Venlo', 'Aanmelding voor Venlo: ikzelf en wethouder Peter Sterk.'],
  [1, 'Venlo', 'Ik kom graag naar Venlo. Mijn collega Anne Wit heeft zich al apart aangemeld.'],
  [1, 'Venlo', 'Ik meld mij aan voor Venlo namens Gemeente Weert en Gemeente Nederweert.'],
  // A total in people ("drie mensen"), a role named in brackets, and the sender of a formal letter.
  [3, 'Venlo', 'Vanuit de raad komen er drie mensen naar Venlo: ik zelf, Bert Wolters en Gea Hoving.'],
  [2, 'Venlo', 'Graag de burgemeester (mevr. M. Willems) en de gemeentesecretaris (dhr. R. Leenders) aanmelden voor Venlo.'],
  [2, 'Venlo', 'Ik heb het genoegen u mede te delen dat ik, vergezeld van de raadsgriffier, mevrouw drs. E. Lensink, aanwezig zal zijn bij de sessie te Venlo.'],
];

test('people named by name, by list or as the subject are counted once each', async () => {
  const wrong: string[] = [];
  for (const [n, subject, text] of CASES) {
    const v = await verdict({ subject, text: signed(text, 'Bas Kramer', 'Gemeente Weert') });
    if (v.intent !== 'register' || v.attendees !== n) wrong.push(`${text.replace(/\n/g, ' | ')}: want ${n}, got ${v.intent}/${v.attendees}`);
  }
  assert.deepEqual(wrong, []);
});

test('"Graag!" under an invitation, with a colleague who comes along: the sender and the colleague', async () => {
  const v = await verdict({
    subject: 'RE: Uitnodiging ontwerpsessie lokale democratie 29 juni Venlo',
    text: signed('Graag! Mijn collega Fatima el Amrani komt ook mee.', 'Bas Kramer', 'Gemeente Weert'),
  });
  assert.equal(`${v.intent}/${v.session}/${v.attendees}`, 'register/venlo/2');
});

test('a mail that is all subject counts the people its subject names', async () => {
  const v = await verdict({ subject: 'Aanmelding Venlo 29 juni: Jan de Vries en Piet Bakker', text: '' });
  assert.equal(`${v.intent}/${v.session}/${v.attendees}`, 'register/venlo/2');
});
