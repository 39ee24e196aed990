// Choosing in so many words, and what follows a session. Written after round 44 (2026-12-07),
// fresh messages beside look-alikes that must keep their verdict:
// - a verb of choosing whose object is the session itself chooses it, wherever the mail stands
//   ("ik ga voor Venlo", "ik pak de sessie in Venlo", "dan wordt het donderdag 28 juni in Assen");
//   with anything else after it, or asked, or hedged, it confirms nothing;
// - a withdrawal beside a question about what follows the session ("komt het verslag online?")
//   is the withdrawal, the question a remark for a person; asking to take part online is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases } from './mail.js';

test('a verb of choosing with the session as its object chooses it', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Ontwerpsessie', 'Ik ga voor Venlo.'],
    ['register/venlo', 'Ontwerpsessie', 'Wij gaan voor de sessie in Venlo, met z\'n tweeën.'],
    ['register/venlo', 'Ontwerpsessie', 'Ik pak de sessie in Venlo.'],
    ['register/venlo', 'Ontwerpsessie', 'Ik neem Venlo, 29 juni.'],
    ['register/assen', 'Re: overzicht', 'Dank voor het overzicht. Dan wordt het donderdag 28 juni in Assen.'],
    ['register/assen', 'Re: overzicht', 'Het wordt dus Assen.'],
  ]), []);
});

test('with anything else as its object, asked or hedged, it confirms nothing', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Ontwerpsessie', 'Ik pak de trein naar Venlo.'],
    ['register/*', 'Ontwerpsessie', 'Het wordt een lange dag in Assen.'],
    ['register/*', 'Ontwerpsessie', 'Het wordt Venlo of Breda, dat weet ik nog niet.'],
    ['register/*', 'Ontwerpsessie', 'Wordt het Venlo?'],
    ['register/*', 'Ontwerpsessie', 'Ik neem Venlo mee in mijn afweging.'],
    ['register/*', 'Ontwerpsessie', 'Ik ga voor Venlo, als mijn agenda het toelaat.'],
    ['register/*', 'Ontwerpsessie', 'Misschien wordt het Venlo.'],
    ['register/*', 'Ontwerpsessie', 'Ik ga voor de sessie in Venlo niet mijn hele dag vrijmaken.'],
    ['register/*', 'Ontwerpsessie', 'Dan wordt het Venlo, tenzij Breda nog plek heeft.'],
    ['register/*', 'Ontwerpsessie', 'Ik ga voor Venlo een presentatie voorbereiden.'],
  ]), []);
});

test('a withdrawal beside a question about what follows the session stands', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/breda', 'Afmelding sessie Breda', 'Ik moet me helaas afmelden voor 3 juli in Breda. Komen de resultaten van de sessies nog ergens online? Dan lees ik het daar na.'],
    ['cancel/breda', 'Afmelding sessie Breda', 'Ik moet me helaas afmelden voor 3 juli in Breda. Komt het verslag online?'],
    // Taking part online is the question: a person answers it.
    ['escalate/null', 'Afmelding sessie Breda', 'Ik kan helaas niet naar Breda op 3 juli. Kan ik online meekijken?'],
  ]), []);
});
