// A hedge that qualifies a remark on how one comes (arrival time, food, access) leaves the signup
// standing, and the remark goes to a person; a hedge on whether one comes holds it back, even
// beside such a remark. "Laat het me weten" asks us to tell; it is no "ik laat het nog weten".
// Beside a question only a signup made firmly is confirmed; a wish ("ik zou best willen", "I
// would love to"), someone else's wish or what "je" can do leaves the mail to a person.
// Fresh messages, written for the principles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmedAmong, mismatched } from './mail.js';

const SUBJECT = 'Venlo 29 juni';

test('a hedge on a remark leaves the signup standing', async () => {
  assert.deepEqual(await mismatched('register/venlo', SUBJECT, [
    'Ik kom naar Venlo, misschien wat later.',
    'Ik kom naar Venlo. Ik ben er waarschijnlijk pas om half drie.',
    'Graag meld ik mij aan voor Venlo. Ik eet glutenvrij, misschien goed om te weten voor de lunch.',
    'Ik meld me aan voor Venlo. Is er een lift? Het is fijn als iemand me dat laat weten.',
  ]), []);
});

test('a hedge on coming holds the signup back, even beside a remark', async () => {
  assert.deepEqual(await confirmedAmong(SUBJECT, [
    'Ik weet nog niet of ik kom, misschien sluit ik later aan.',
    'Misschien kom ik naar Venlo, maar dan pas later.',
    'Waarschijnlijk kom ik naar Venlo, dat laat ik nog weten.',
    'Ik kom misschien naar Venlo. Ik eet vegetarisch.',
  ]), []);
});

test('a wish beside a question goes to a person; a firm signup beside one is confirmed', async () => {
  assert.deepEqual(await confirmedAmong(SUBJECT, [
    'Ik zou best naar Venlo willen. Is er een lift naar de zaal?',
    'I would love to join the session in Venlo. Is there parking nearby?',
    'In de uitnodiging staat dat je je kunt aanmelden voor het project. Wat houdt dat in? Wie van ons naar Venlo gaat, bespreek ik daarna.',
    "Twee collega's zouden graag met mij meegaan naar Venlo. Mogen zij mee, of is de sessie alleen voor raadsleden?",
  ]), []);
  assert.deepEqual(await mismatched('register/venlo', SUBJECT, [
    'Ik meld mij aan voor Venlo. Is er een lift?', 'Graag een plek in Venlo. Is er parkeergelegenheid?', "Wij komen met z'n tweeën naar Venlo. Hoe laat begint het?",
  ]), []);
});
