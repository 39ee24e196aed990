// What a doubt is about, in long mail (session of 2026-12-06, night, after round 21 showed long
// letters whose firm signups were held back by a "misschien" or "waarschijnlijk" about something
// else). A hedge holds a signup back only when it is about the sender's coming: not when it is
// about a meeting that may run late (a remark on arriving), about someone unnamed who may join,
// about what a session is, or when it softens a suggestion of something to tell there. A
// contribution offered beside a firm signup is a remark for a person; a vendor's pitch is not a
// signup. Fresh messages written for the principles before any rule was changed, each family
// beside look-alikes whose doubt is about the coming and must keep it from a confirmation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases } from './mail.js';

test('a doubt about something that makes one late is a remark on arriving; a doubt about coming holds back', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Venlo', 'Ik kom naar Venlo op 29 juni. Mijn overleg in Roermond loopt waarschijnlijk uit, dus ik ben er pas om half drie.'],
    ['register/assen', 'Assen 28 juni', 'Graag aanmelden voor Assen. Mijn trein heeft misschien vertraging, dus ik schuif wellicht een kwartier later aan.'],
    ['register/breda', 'Breda', 'Ik meld mij aan voor Breda op 3 juli. Ik heb die ochtend een zitting die vermoedelijk uitloopt, dus ik kom rond half drie binnen.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Venlo', 'Ik wil graag naar Venlo op 29 juni. Misschien lukt het niet, maar ik probeer er om twee uur te zijn.'],
    ['register/*', 'Assen', 'Aanmelding Assen. Mijn overleg loopt waarschijnlijk uit, dus of ik kan komen weet ik nog niet.'],
    ['register/*', 'Breda', 'Ik kom waarschijnlijk naar Breda op 3 juli, maar pas om half drie.'],
  ]), []);
});

test('a doubt about someone unnamed who may join leaves the sender\'s own signup standing', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/arnhem', 'Ontwerpsessie', 'Graag aanmelden voor Arnhem op 22 juni. Misschien schuift er iemand van de buurgemeente aan, maar die meldt zich dan zelf.'],
    ['register/haarlem', 'Haarlem', 'Ik meld mij aan voor Haarlem op 21 juni. Wellicht komt er nog iemand van de griffie mee; dat hoort u dan van hem.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Arnhem', 'Misschien komen ik of iemand van de griffie naar Arnhem op 22 juni.'],
    ['register/*', 'Haarlem', 'Iemand van ons komt misschien naar Haarlem op 21 juni.'],
  ]), []);
});

test('not knowing what a session is, is no doubt about coming; not knowing whether, is', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/haarlem', 'Ontwerpsessie 21 juni', 'Eerlijk gezegd weet ik nog niet zo goed wat een ontwerpsessie is, maar het onderwerp spreekt me aan. Bij deze meld ik me aan voor Haarlem op 21 juni.'],
    ['register/utrecht', 'Utrecht', 'Ik weet nog niet precies wat ik mij bij een ontwerpsessie moet voorstellen, maar ik meld mij graag aan voor Utrecht op 14 juni.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Haarlem', 'Ik meld me aan voor Haarlem op 21 juni, al weet ik nog niet of ik de hele middag kan blijven of kan komen.'],
    ['register/*', 'Utrecht', 'Ik weet nog niet wat ik doe: Utrecht op 14 juni of thuisblijven.'],
  ]), []);
});

test('a hedge that softens a suggestion is no doubt about coming; "misschien leuk om te komen" is', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/breda', 'Aanmelding Breda', 'Ik wil me graag aanmelden voor de ontwerpsessie in Breda op 3 juli. In Moerdijk hebben we een raadsakkoord gesloten; wellicht interessant om daar in de sessie iets over te vertellen.'],
    ['register/assen', 'Assen', 'Wij komen met z\'n tweeën naar Assen op 28 juni. Misschien een idee om ook de ervaringen met ons dorpsbudget te bespreken.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Breda', 'Wellicht leuk om naar Breda te komen op 3 juli.'],
    ['register/*', 'Assen', 'Misschien interessant om mee te doen in Assen; ik kijk nog even naar mijn agenda.'],
  ]), []);
});

test('a contribution offered beside a firm signup is a remark; a vendor pitching is no signup', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/breda', 'Aanmelding Breda', 'Ik meld mij aan voor de sessie in Breda op 3 juli. We organiseren in september een stadsgesprek; mocht de VNG daar een spreker voor willen leveren, dan hoor ik dat graag.'],
    ['register/arnhem', 'Arnhem 22 juni', 'Graag meld ik mijzelf en mijn collega aan voor Arnhem op 22 juni. Op 12 juni presenteren we de eerste resultaten van onze wijkaanpak in Zwolle.'],
    ['register/venlo', 'Venlo', 'Ik kom graag naar Venlo op 29 juni. Als het past, wil ik daar best kort iets presenteren over onze dorpsraden.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Utrecht', 'Graag meld ik mij aan voor Utrecht op 14 juni, dan kan ik daar ons platform voor burgerparticipatie laten zien aan de aanwezige gemeenten.'],
    ['register/*', 'Ontwerpsessie', 'Wij willen tijdens de sessie in Haarlem graag een demo geven van onze software voor digitale raadpleging.'],
  ]), []);
});

test('a withdrawal that hangs on an answer is a condition, not a withdrawal', async () => {
  // The if-clause ends in its verb, and no comma need follow it ("als dat niet lukt kan ik niet komen").
  assert.deepEqual(await actedOn([
    ['cancel/*', 'Utrecht', 'Ik wil graag naar Utrecht op 14 juni. Is het Stadskantoor toegankelijk met een rolstoel? Als dat niet lukt kan ik helaas niet komen.'],
    ['cancel/*', 'Breda', 'Ik kom naar Breda op 3 juli. Als de trein die dag niet rijdt kan ik er helaas niet zijn.'],
    ['register/*', 'Arnhem', 'Ik kom naar Arnhem op 22 juni. Als de vergadering uitloopt kan ik niet komen.'],
  ]), []);
  // "Als raadslid kom ik graag": no verb closes an if-clause there.
  assert.deepEqual(await mismatchedCases([
    ['register/assen', 'Assen', 'Als raadslid kom ik graag naar Assen op 28 juni.'],
    ['register/venlo', 'Venlo', 'Als nieuwe griffier van de gemeente meld ik mij graag aan voor Venlo op 29 juni.'],
  ]), []);
});

test('"mee te denken over" takes part; "denk erover na" deliberates', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/breda', 'Breda', 'Hierbij meld ik mij aan voor Breda op 3 juli. Op 7 juli vragen we inwoners mee te denken over het stadhuisplein.'],
    ['register/assen', 'Assen', 'Graag aanmelden voor Assen op 28 juni. We willen graag meedenken over de rol van de raad.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Breda', 'Ik denk er nog over na of ik naar Breda kom op 3 juli.'],
    ['register/*', 'Utrecht', 'Ik wil naar Utrecht op 14 juni, maar ik kan nog niet toezeggen dat het lukt.'],
  ]), []);
});
