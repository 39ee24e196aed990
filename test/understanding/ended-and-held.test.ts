// Two principles in wordings the cue lists had not met, written as fresh messages before the
// held-out failures were read:
// - a registration ended in any form of the verb ("mogen vervallen", "kunnen geschrapt worden",
//   "graag doorhalen", "wij zien af van deelname", "drop our registration") is a withdrawal, even
//   when the sentence names the places it ends ("de drie plaatsen voor Venlo doorhalen");
// - attendance that waits on something is no signup, whatever the modal ("ik zou naar Arnhem
//   komen als ..."), the conjunction ("zodra", "as soon as") or the promise of a later
//   confirmation ("de bevestiging volgt").
// Plain signups that share their words still sign up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmedAmong, mismatched } from './mail.js';

const ENDED = [
  'Onze twee aanmeldingen voor Venlo kunnen helaas geschrapt worden.',
  'Mijn inschrijving voor Venlo mag vervallen, ik ben die dag op vakantie.',
  'Graag de drie plaatsen voor Venlo doorhalen, de raad vergadert die middag.',
  'Wij zien af van deelname aan de sessie in Venlo.',
  'Please drop our registration for Venlo, none of us can make it.',
  'We have to pull out of the Venlo session, sorry.',
  'Helaas, niemand van ons kan op 29 juni naar Venlo.',
  'Geen van ons drieën kan nog naar Venlo komen, excuses.',
  'Onze aanmeldingen voor Venlo (Jan Smit, Piet Dam en ondergetekende, allen raadslid van Weert) mogen helaas vervallen.',
  "I won't be able to make it to Venlo after all. Please take me off the list so someone else can have my seat.",
];

const WAITS = [
  'Ik zou naar Arnhem komen als mijn collega ook kan.',
  'Wij zouden graag naar Arnhem gaan mits de wethouder meegaat.',
  'Ik kom naar Arnhem zodra mijn vervanging geregeld is.',
  'Reserveer alvast twee plaatsen in Arnhem, de namen en de bevestiging volgen.',
  'Kunt u een plek in Arnhem voor mij vasthouden? Ik bevestig volgende week.',
  'Zet mij voorlopig op de lijst voor Arnhem, definitief hoort u later.',
  'I would come to Arnhem provided that my colleague can join.',
  'We will join the Arnhem session as soon as our budget is approved.',
  // "als dat kan" pointing back at a question a person must answer; a modal inverted after the
  // condition; attendance that is pointless otherwise; a decision deferred.
  'Mag mijn hulphond mee naar binnen? Als dat kan, ben ik erbij in Arnhem.',
  'Is er een vegetarische lunch? Als dat zo is, kom ik graag naar Arnhem.',
  'Als de reiskosten vergoed worden, wil ik graag naar Arnhem.',
  'Ik kom graag naar Arnhem. Is de zaal zonder trappen bereikbaar? Anders kom ik niet.',
  'Ik zou naar Arnhem willen, maar is er een ringleiding? Zo niet, dan heeft het voor mij geen zin.',
  'Of wij aan de sessie in Arnhem deelnemen, besluiten we volgende week in het college.',
  'Over onze deelname aan Arnhem hoort u later meer.',
];

const SIGNUPS = [
  'Hierbij mijn aanmelding voor de sessie in Arnhem.',
  'Ik zou graag naar de sessie in Arnhem komen.',
  "Wij komen met z'n tweeën naar Arnhem. Niemand van ons is eerder bij zo'n sessie geweest.",
  'Graag een plek voor mij in Arnhem op 22 juni.',
  'Ik kom naar Arnhem. Mijn inschrijving voor de nieuwsbrief mag trouwens vervallen.',
  'Graag drie plaatsen voor Arnhem; de namen volgen.',
  'Als het nog kan, kom ik graag naar Arnhem.',
  // The sender's own meeting called off frees the day: no withdrawal.
  'Mijn overleg van vanmiddag is geschrapt, dus ik kan toch naar Arnhem. Mag ik nog aanschuiven?',
  'De raadsvergadering is geannuleerd, dus ik kom graag naar Arnhem.',
];

test('a registration ended in any form of the verb is never confirmed', async () => {
  assert.deepEqual(await confirmedAmong('Sessie Venlo', ENDED), []);
});

test('the sender\'s own registration ended, with its session named, is a cancellation of it', async () => {
  assert.deepEqual(await mismatched('cancel/venlo', 'Sessie Venlo', ENDED.slice(0, 6)), []);
});

test('attendance that waits on something is never confirmed', async () => {
  assert.deepEqual(await confirmedAmong('Arnhem', WAITS), []);
});

test('signups that share those words still sign up', async () => {
  assert.deepEqual(await mismatched('register/arnhem', 'Arnhem', SIGNUPS), []);
});
