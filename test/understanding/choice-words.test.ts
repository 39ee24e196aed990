// Choosing in so many words, and what follows a session. Written after round 44 (2026-12-07),
// fresh messages beside look-alikes that must keep their verdict:
// - a verb of choosing whose object is the session itself chooses it, wherever the mail stands
//   ("ik ga voor Venlo", "ik pak de sessie in Venlo", "dan wordt het donderdag 28 juni in Assen");
//   with anything else after it, or asked, or hedged, it confirms nothing;
// - a withdrawal beside a question about what follows the session ("komt het verslag online?")
//   is the withdrawal, the question a remark for a person; asking to take part online is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases, mismatchedOn, verdict } from './mail.js';

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

// After round 45: "ik kom graag donderdag" under an invitation to 14 June in Utrecht was sent the
// list; a withdrawal that waits on an answer ("als dat niet kan, moet ik afhaken") was acted on.
test('a day that fits several sessions is the one the subject names; a withdrawal that waits on an answer waits', async () => {
  assert.deepEqual(await mismatchedOn('Tue, 12 Jun 2018 08:14:00 +0200', [
    ['register/utrecht', 'RE: Uitnodiging ontwerpsessie lokale democratie 14 juni Utrecht', 'Goedemorgen, ik kom graag donderdag.'],
    ['alternatives/null', 'Ontwerpsessie', 'Ik kom graag donderdag.'],
    ['escalate/null', 'Venlo: kinderopvang?', 'Ik wil graag naar Venlo maar heb op vrijdagmiddag mijn zoontje. Mag hij mee? Als dat niet kan, moet ik helaas afhaken.'],
    ['escalate/null', 'Venlo', 'Als mijn zoontje niet mee mag, haak ik af voor Venlo.'],
  ]), []);
});

test('"Utrecht graag" chooses; "ik hoor graag of Utrecht doorgaat" asks', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/utrecht', 'RE: aanmelding ontwerpsessie', 'Oh ik zie nu dat ik vergeten ben te zeggen welke: Utrecht graag, 14 juni.'],
    ['register/breda', 'Ontwerpsessie', 'Graag de sessie in Breda, met z\'n tweeën.'],
  ]), []);
  assert.deepEqual(await actedOn([
    // (The last was confirmed before round 45's rules: an elliptic "graag" beside an indirect question.)
    ['register/*', 'Ontwerpsessie', 'Graag het verslag van Utrecht.'],
    ['register/*', 'Ontwerpsessie', 'Graag de presentatie van Haarlem achteraf.'],
    ['register/*', 'Ontwerpsessie', 'Utrecht graag, maar alleen als er parkeerplek is.'],
    ['register/*', 'Ontwerpsessie', 'Graag Utrecht of Haarlem.'],
    ['register/*', 'Ontwerpsessie', 'Graag informatie over Utrecht.'],
    ['register/*', 'Ontwerpsessie', 'Venlo graag? Of liever Breda?'],
    ['register/*', 'Ontwerpsessie', 'Ik hoor graag of Utrecht doorgaat.'],
  ]), []);
});

// After round 46: where the sender works is no place asked for, in English too; a session missed is
// history; "Arnhem mag eruit" rules Arnhem out.
test('an affiliation in English, a session missed, and one ruled out choose nothing', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Venlo session 29 June', 'I am a council member in Maastricht and I\'d like to attend the session in Venlo on 29 June.'],
    ['alternatives/null', 'Ontwerpsessie', 'Is there also a session in Maastricht? I\'d like to attend.'],
    ['register/haarlem', 'FW: Uitnodiging ontwerpsessie Haarlem', 'Graag aanmelden voor Haarlem. Utrecht heb ik gemist door ziekte.'],
    ['register/assen', 'nogmaals wijziging', 'Sorry voor het heen-en-weer. Eerst Assen, toen Arnhem, en nu weet ik het definitief: ik kom naar Assen, 28 juni. Arnhem mag eruit.'],
    ['escalate/null', 'Wijziging', 'Ik kom naar Assen. Mag Arnhem eruit?'],
  ]), []);
});

test('"Haarlem mag eraf; Utrecht blijft staan" withdraws from Haarlem and confirms nothing', async () => {
  const v = await verdict({ subject: 'Dubbele aanmelding - Haarlem graag schrappen', text: 'Per ongeluk heb ik mij zowel voor Utrecht als voor Haarlem opgegeven. Haarlem mag eraf; Utrecht blijft staan.', date: 'Mon, 28 May 2018 09:30:00 +0200' });
  assert.equal(`${v.intent}/${v.session}`, 'cancel/haarlem');
});
