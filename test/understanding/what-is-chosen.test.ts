// What is chosen, released or wished, in more words. Written after round 39 (2026-12-07), fresh
// messages beside look-alikes that must keep their verdict:
// - "doe maar Arnhem" after ruling one out chooses ("doe maar rustig aan" does not); a first
//   thought given up may be followed by the choice in a sentence of its own ("Het wordt dus
//   Utrecht"); "maar de ochtendsessie past er mooi voor" sets the busy afternoon aside;
// - "ik moet mij terugtrekken", "de 3e juli red ik niet", "mijn plaats in Breda mag naar iemand
//   anders" withdraw; a place in a steering group handed on, or a train missed, does not;
// - either session being fine ("allebei prima", "either works for me") and interest in taking
//   part are wishes to come: with no single session they earn the list, and interest alone
//   confirms nothing;
// - "kunt u mij de lijst met data nog eens sturen?" asks for the list; the list of participants
//   does not; "kunt u mij toevoegen?" asks to be signed up;
// - "ik denk graag mee over de opgaven" takes part in the thinking; "ik denk er nog over na" holds back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mismatchedCases } from './mail.js';

test('a choice after one ruled out or a first thought given up, in its own words or sentence', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/arnhem', 'Re: aanmelding', 'Utrecht red ik niet, doe maar Arnhem dan.'],
    ['register/venlo', 'Venlo', 'Doe maar rustig aan met de bevestiging, ik kom naar Venlo.'],
    ['escalate/null', 'Venlo', 'Doe maar een seintje als Venlo doorgaat.'],
    ['register/utrecht', 'Sessies', 'Ik dacht eerst aan Haarlem, maar de 21e zit ik in Brussel. Het wordt dus Utrecht. Graag aanmelden.'],
    ['escalate/null', 'Sessies', 'Ik dacht eerst aan Haarlem. Het wordt lastig, want ik zit dan in Brussel.'],
    ['register/utrecht', 'Utrecht', 'Op 14 juni heb ik \'s middags al een overleg in Amersfoort, maar de ochtendsessie in Utrecht past er mooi voor. Meld mij maar aan.'],
  ]), []);
});

test('withdrawals in more words; a place elsewhere handed on, or a train missed, withdraws nothing', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/haarlem', 'Haarlem 21 juni', 'Ik moet mij helaas terugtrekken voor donderdag 21 juni.'],
    ['cancel/haarlem', 'Haarlem', 'Ik wil mijn aanmelding voor Haarlem terugtrekken.'],
    ['cancel/breda', 'Breda', 'De 3e juli red ik niet meer. Mijn plaats in Breda mag naar iemand anders.'],
    ['register/breda', 'Breda', 'Ik kom naar Breda op 3 juli. Mijn plaats in de stuurgroep mag naar iemand anders.'],
    ['register/breda', 'Breda', 'Ik red het niet op tijd voor de start, maar ik kom wel naar Breda op 3 juli.'],
    ['register/breda', 'Breda', 'Ik haal de trein van 13 uur niet, dus ik kom wat later in Breda op 3 juli.'],
  ]), []);
});

test('either being fine, and interest in taking part, are wishes to come: the list, never a confirmation', async () => {
  assert.deepEqual(await mismatchedCases([
    ['alternatives/null', 'Sessions', 'Either Arnhem or Utrecht works for me, whichever suits you.'],
    ['register/utrecht', 'Utrecht', 'Utrecht works for me. See you on the 14th!'],
    ['alternatives/null', 'Sessies', 'Ik heb interesse om deel te nemen aan een van de sessies. Kunt u mij de mogelijkheden sturen?'],
    ['escalate/null', 'Utrecht', 'Ik heb interesse om deel te nemen aan de sessie in Utrecht op 14 juni.'],
    ['escalate/null', 'Utrecht', 'Ik heb interesse in het verslag van Utrecht.'],
  ]), []);
});

test('the list asked for in other nouns, and "kunt u mij toevoegen?", are what they ask', async () => {
  assert.deepEqual(await mismatchedCases([
    ['alternatives/null', 'Sessies', 'Kunt u mij de lijst met data nog eens sturen? Dan kies ik er een.'],
    ['escalate/null', 'Utrecht', 'Kunt u mij de lijst van deelnemers van Utrecht sturen?'],
    ['register/assen', 'FW: Bevestiging aanmelding Assen 28 juni', 'Mijn collega heeft de bevestiging gekregen voor Assen. Ik wil graag ook komen, kunt u mij toevoegen?'],
    ['escalate/null', 'Assen', 'Kunt u mijn collega toevoegen aan de mailinglijst? Hij was in Assen.'],
  ]), []);
});

test('thinking along is taking part; thinking it over holds back', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/breda', 'Breda', 'Ik meld mij aan voor Breda op 3 juli en denk graag mee over de opgaven van onze regio.'],
    ['escalate/null', 'Breda', 'Ik denk er nog over na of ik naar Breda kom op 3 juli.'],
  ]), []);
});
