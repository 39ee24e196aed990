// When the sender can come, and what else a letter tells (session of 2026-12-07, morning, after
// round 26). A sentence after the signup that says when the sender is free or would rather come
// ("ik heb alleen tijd op 19 juni", "19 juni zou beter uitkomen") reopens the choice: it is no
// confirmation of the session signed up for. A date of other business, in a clause that says
// nothing of coming, choosing, being free or asking ("de raad vergadert op 12 juni", "de
// werkgroep komt op 4 juni bijeen"), is context: it neither contradicts nor replaces the session
// the sender signs up for. Fresh messages written for the principles before any rule was
// changed, each beside look-alikes that must keep their verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases } from './mail.js';

test('a later sentence on when the sender is free or would rather come is no confirmation', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Aanmelding', 'Ik wil me aanmelden voor de sessie in Utrecht. Ik heb alleen tijd op 19 juni.'],
    ['register/*', 'Aanmelding', 'Ik meld me aan voor Utrecht. 19 juni zou mij beter uitkomen.'],
    ['register/*', 'Aanmelding', 'Graag aanmelden voor Haarlem. Ik ben eigenlijk alleen op 26 juni vrij.'],
    ['register/*', 'Breda', 'Ik meld mij aan voor Breda. Wij zijn op 10 juli beschikbaar.'],
    ['register/*', 'Aanmelding', 'Aanmelding voor Assen. Mijn voorkeur gaat uit naar 5 juli.'],
    ['register/*', 'Registration', 'Please register me for Utrecht. I am only available on 19 June.'],
    ['register/*', 'Aanmelding', 'Ik schrijf me in voor Arnhem. Liefst zou ik op 25 juni komen.'],
  ]), []);
  // Another engagement told after the signup leaves it standing.
  assert.deepEqual(await mismatchedCases([
    ['register/utrecht', 'Aanmelding', 'Ik meld mij aan voor Utrecht op 14 juni. Op 19 juni vergadert onze raad.'],
    ['register/arnhem', 'Aanmelding Arnhem', 'Graag meld ik mij aan voor Arnhem. Op 2 juli begint ons zomerreces.'],
    ['register/breda', 'Aanmelding', 'Ik kom naar Breda op 3 juli. Op 10 juli treedt onze nieuwe wethouder aan.'],
  ]), []);
});

test('a date of other business is context, not a date the sender asks for', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/utrecht', 'Aanmelding', 'De gemeenteraad van Amersfoort vergadert op 12 en 26 juni; daartussen hebben wij ruimte voor de ontwerpsessie in Utrecht op 14 juni. Graag melden wij mevrouw De Groot aan.'],
    ['register/utrecht', 'Raadsvernieuwing', 'De werkgroep raadsvernieuwing komt op 4 juni voor het eerst bij elkaar. Als voorzitter lijkt het mij nuttig om de sessie van donderdag 14 juni in Utrecht bij te wonen. Ik meld mij daarom aan.'],
    ['register/breda', 'Aanmelding', 'Op 5 juli ontvangen wij een delegatie uit Zeist. Wij komen graag naar Breda op 3 juli, de wethouder en ikzelf.'],
    ['register/assen', 'Ontwerpsessie Assen', 'De provincie presenteert op 10 juli haar plannen voor de regio. Ik meld mij aan voor Assen op 28 juni.'],
  ]), []);
  // A date tied to coming, choosing or asking still counts, in the same clause or its own.
  assert.deepEqual(await actedOn([
    ['register/*', 'Aanmelding', 'Ik meld mij aan voor Utrecht, maar dan op 19 juni.'],
    ['register/*', 'Aanmelding', 'Aanmelding Utrecht. Kan dat ook op 19 juni?'],
    ['register/*', 'Aanmelding', 'Utrecht. 19 juni.'],
    ['register/*', 'Aanmelding', 'Graag Utrecht, op 19 juni.'],
    ['register/*', 'Aanmelding', 'Ik kom naar de sessie in Utrecht. Wij hebben op 19 juni ruimte in de agenda.'],
  ]), []);
});

test('the sender who takes someone else\'s place signs up, and the swap is left for a person', async () => {
  const cases: [string, string, string][] = [
    ['register/breda', 'Aanmelding Breda (vervanging)', 'Mijn collega Piet Smits kan helaas niet naar de sessie in Breda op 3 juli. Ik ga in zijn plaats. Wilt u mij aanmelden?'],
    ['register/assen', 'Assen', 'Onze wethouder is verhinderd voor Assen op 28 juni. Ik kom in haar plaats en meld mij hierbij aan.'],
    ['register/venlo', 'Venlo 29 juni', 'Mijn collega Jan wilde naar Venlo, maar hij is ziek. Mocht hij op de lijst staan, dan kunt u hem vervangen door mij. Ik kom graag.'],
    ['register/assen', 'Aanmelding sessie Assen', 'Namens de gemeente Leeuwarden meld ik mij aan voor de ontwerpsessie in Assen op 28 juni. Mijn collega Ruud is met vakantie, dus ik ga in zijn plaats.'],
  ];
  assert.deepEqual(await mismatchedCases(cases), []);
  assert.deepEqual(await mismatchedCases(cases, (v) => `${v.intent}/${v.session}${v.question ? '' : ' without the swap for a person'}`), []);
  // Someone else taking the sender's place, asked or hedged, or with a condition: a person decides.
  assert.deepEqual(await actedOn([
    ['register/*', 'Assen', 'Ik sta ingeschreven voor Assen. Mijn collega gaat in mijn plaats.'],
    ['cancel/*', 'Assen', 'Ik sta ingeschreven voor Assen. Mijn collega gaat in mijn plaats.'],
    ['register/*', 'Utrecht', 'Kan mijn collega in mijn plaats naar Utrecht op 14 juni?'],
    ['register/*', 'Breda', 'Mijn collega kan niet naar Breda op 3 juli. Misschien ga ik in zijn plaats.'],
    ['register/*', 'Breda', 'Mijn collega kan niet naar Breda op 3 juli. Ik ga in zijn plaats als mijn agenda het toelaat.'],
  ]), []);
});

test('words that are about something else than coming leave the act standing', async () => {
  assert.deepEqual(await mismatchedCases([
    // "ikzelf" is the sender: the clause it ends is the sender's, not only the alderman's.
    ['register/breda', 'Ontwerpsessie Breda', 'Wij komen daarom graag naar de ontwerpsessie in Breda op 3 juli: de wethouder en ikzelf.'],
    // A doubt about what the reader knows is no doubt about coming or going.
    ['cancel/haarlem', 'Afmelding Haarlem 21 juni', 'Zoals u misschien hebt gelezen, start onze gemeente per 1 juli met een nieuwe organisatie. Helaas moet ik me daarom afmelden voor de sessie in Haarlem.'],
    ['register/assen', 'Assen', 'Zoals jullie wellicht weten, fuseren wij volgend jaar. Ik meld mij graag aan voor Assen op 28 juni.'],
    ['register/utrecht', 'Utrecht', 'As you may know, our council was newly elected in March. Please register me for Utrecht on 14 June.'],
    // Taking over someone's tasks is why the sender cannot come, not a place handed on.
    ['cancel/assen', 'Afmelden Assen', 'Ik wil mij graag afmelden voor de sessie in Assen op 28 juni. Door ziekte van een collega moet ik zijn taken overnemen.'],
  ]), []);
  // Doubt about coming, and a place handed on, still hold the act back.
  assert.deepEqual(await actedOn([
    ['register/*', 'Assen', 'Zoals het er nu uitziet kom ik misschien naar Assen.'],
    ['cancel/*', 'Assen', 'Ik kan niet naar Assen op 28 juni. Mijn collega kan mijn plek overnemen.'],
  ]), []);
});

test('asking for the overview of all sessions beside a date that does not suit asks for the list', async () => {
  const listOrSession = (v: { intent: string; session: string | null }) => `${v.intent}/${v.intent === 'alternatives' ? '-' : v.session}`;
  assert.deepEqual(await mismatchedCases([
    ['alternatives/-', 'RE: Uitnodiging ontwerpsessie 21 juni Haarlem', 'Deze datum past niet. Kunt u mij het overzicht van alle sessies sturen? Dan kies ik er een.'],
    ['alternatives/-', 'Utrecht', 'Utrecht lukt mij niet. Mag ik de lijst met de andere data?'],
  ], listOrSession), []);
  // A withdrawal that asks for nothing more is a withdrawal.
  assert.deepEqual(await mismatchedCases([
    ['cancel/haarlem', 'Afmelding Haarlem 21 juni', 'Deze datum past mij helaas niet, ik meld mij af voor Haarlem.'],
  ]), []);
});

test('an earlier choice, a session left "in plaats daarvan", and a building of another place are no choice now', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/haarlem', 'Graag omzetten naar Haarlem', 'Eerder had ik Arnhem gekozen, maar Haarlem ligt voor ons veel handiger. Wilt u mij omzetten naar de sessie van 21 juni in Haarlem?'],
    ['register/arnhem', 'RE: Herinnering: ontwerpsessie 28 juni Assen', 'Assen wordt voor mij te krap. Wilt u mij in plaats daarvan inschrijven voor Arnhem op 22 juni?'],
    ['register/breda', 'Utrecht', 'Utrecht gaat hem niet worden. In plaats daarvan graag aanmelden voor Breda op 3 juli.'],
    ['register/utrecht', 'Aanmelding 14 juni', 'Ik meld me aan voor de sessie in Utrecht op 14 juni. Ik heb om 8.30 uur nog een kort overleg in het stadshuis van Nieuwegein, dus ik schuif later aan.'],
    ['register/breda', 'Ontwerpsessie Breda', 'In de regio spreken de gemeenten op 27 juni in Etten-Leur over samenwerking. Wij komen graag naar de ontwerpsessie in Breda op 3 juli: de wethouder en ikzelf.'],
  ]), []);
  // A choice made now beside one had before, or a switch asked without a session, is no confirmation of the old one.
  assert.deepEqual(await actedOn([
    ['register/arnhem', 'Wijziging', 'Eerder had ik Arnhem gekozen, maar dat lukt niet meer. Welke andere data zijn er?'],
    ['register/*', 'Assen', 'Assen wordt voor mij te krap. Kunt u mij in plaats daarvan ergens anders inschrijven?'],
  ]), []);
});

test('asking to be placed wherever there is room is never a confirmation of one session', async () => {
  // (Read as a signup, "zet me maar ergens neer" confirmed Venlo for "beschikbaar op 22 en op 29
  // juni", whose "22" is no date on its own: round 27 at first sight. The choice is left to us.)
  assert.deepEqual(await actedOn([
    ['register/*', 'Re: Overzicht ontwerpsessies', 'Voor mij komen Arnhem of Venlo in aanmerking, allebei prima. Zet me maar ergens neer waar plek is.'],
    ['register/*', 'Ontwerpsessie', 'Utrecht of Haarlem, het maakt niet uit. Plaats mij maar waar ruimte is.'],
    ['register/*', 'beschikbaarheid ontwerpsessie', 'Ik ben beschikbaar op 22 en op 29 juni. Zet me maar ergens neer waar plek is.'],
  ]), []);
});

test('an event that does not take place, or a place taken over, is no withdrawal of the sender', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/haarlem', 'Aanmelding ontwerpsessie 21 juni Haarlem', 'Wij sturen vier raadsleden naar de ontwerpsessie van 21 juni in Haarlem. Overige punten: de excursie naar Wormerland gaat niet door.'],
    ['register/utrecht', 'Utrecht 14 juni', 'Mark Hermans kan niet op 14 juni. Ik ben zijn collega en neem zijn plek over voor Utrecht.'],
  ]), []);
  // One's own taking part that does not go ahead is a withdrawal.
  assert.deepEqual(await mismatchedCases([
    ['cancel/haarlem', 'Haarlem', 'Mijn deelname aan de sessie in Haarlem gaat helaas niet door.'],
    ['cancel/breda', 'Breda 3 juli', 'Breda gaat voor mij niet door, er is iets tussengekomen.'],
  ]), []);
});

test('a registration to be put onto the sender\'s name is swapped by a person', async () => {
  // Two writers labelled this a signup, one a matter for a person; a swap presupposes a
  // registration the bot may not hold, so the confirmation waits for a person.
  assert.deepEqual(await actedOn([
    ['register/*', 'Aanmelding omzetten', 'Wilt u de aanmelding van Peter Zwaan voor Haarlem op 21 juni omzetten naar mijn naam? Peter kan niet en ik neem zijn plek over.'],
    ['register/*', 'RE: Bevestiging Breda 3 juli', 'Mijn collega Ilse kan helaas niet op 3 juli. Ik ga in haar plaats naar Breda. Wilt u de aanmelding op mijn naam zetten?'],
  ]), []);
});

test('a day listed before a dated day shares its month, with or without "op" between', async () => {
  // (Found on the last case of round 27: "beschikbaar op 22 en op 29 juni" read only 29 juni.)
  assert.deepEqual(await actedOn([
    ['register/*', 'Aanmelding', 'Ik ben beschikbaar op 22 en op 29 juni. Graag aanmelden.'],
    ['register/*', 'Aanmelding', 'Ik kan op 22 of op 29 juni. Graag aanmelden.'],
    ['register/*', 'Registration', 'I can make it on 22 or on 29 June. Please sign me up.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Aanmelding', 'Graag aanmelden voor 29 juni in Venlo. Op 22 mei was ik al bij een andere bijeenkomst.'],
  ]), []);
});
