// A mind changed within the mail: the last choice said firmly is the one; what the writer took
// back ("nee", "correctie", a first thought, a question answered at once with "nee") chooses
// nothing. A mind not settled is never confirmed. A secretary who signs up someone else ("ik
// meld haar aan") and stays away herself is not withdrawing. Fresh messages, written first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmedAmong, mismatchedCases } from './mail.js';

const SETTLED: [string, string, string][] = [
  ['venlo', 'Aanmelding', 'Ik wilde me aanmelden voor Breda, maar nee, dat gaat niet. Doe maar Venlo.'],
  ['venlo', 'Aanmelding', 'Eerst dacht ik aan Breda, maar ik kies toch voor Venlo op 29 juni.'],
  ['venlo', 'Aanmelding', 'Breda? Nee, toch liever Venlo. Meld mij daar maar aan.'],
  ['venlo', 'Aanmelding', 'Ik meld me aan voor Breda. Correctie: het moet Venlo zijn, Breda lukt niet.'],
  ['venlo', 'Aanmelding', 'Utrecht gaat niet lukken, dus schrijf mij maar in voor Venlo.'],
  ['breda', 'Wijziging', 'Graag mijn aanmelding omzetten van Arnhem naar Breda.'],
  ['venlo', 'Aanmelding', 'Mijn collega Anne Wit is op vakantie; ik meld haar bij deze aan voor Venlo. Ik kom zelf niet.'],
  ['venlo', 'Aanmelding wethouder', 'Namens wethouder Jan Peters meld ik hem aan voor Venlo. Zelf ga ik niet mee.'],
  ['venlo', 'Aanmelding wethouder', 'Namens wethouder Hendriks wil ik hem graag aanmelden voor de sessie in Venlo. Zelf ben ik er niet bij.'],
  // A second thought, and a reason that tells of another engagement ("want ... hebben we raad").
  ['venlo', 'Aanmelding', 'Ik wilde me eigenlijk aanmelden voor Breda, maar bij nader inzien heb ik die dinsdagmiddag een raadsvergadering. Doe dus maar Venlo op 29 juni.'],
  ['breda', 'Wijziging', 'Ik stond voor Arnhem, maar graag omzetten naar Breda want op 22 juni hebben we raad.'],
];

const UNSETTLED = [
  'Breda of toch Venlo? Ik laat het nog weten.',
  'Ik twijfel tussen Breda en Venlo, wat raadt u aan?',
  'Venlo lijkt me mooi, maar misschien wordt het Breda.',
  'Doe maar Venlo. Of nee, wacht, ik moet eerst mijn agenda checken.',
];

test('the last choice said firmly is the one signed up for', async () => {
  assert.deepEqual(await mismatchedCases(SETTLED.map(([session, subject, text]) => [`register/${session}`, subject, text] as const)), []);
});

test('a mind not settled is never confirmed', async () => {
  assert.deepEqual(await confirmedAmong('Aanmelding', UNSETTLED), []);
});
