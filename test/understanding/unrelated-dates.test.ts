// Held-out set B (issue 7): a date or city said for another reason than a session choice
// (the sender's own council meeting, a congress, a work visit) chooses nothing; "wil ik niet
// missen" is no negation; whether the sender may take part at all, or whether coming is still
// worth it, is a condition a person answers; a supplier who wants to show its product is an
// offer, not a signup. Messages written for these tests, not taken from any held-out set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signed, verdict } from './mail.js';

const said = async (text: string, subject = 'Ontwerpsessie', org = 'Gemeente Oss') => {
  const v = await verdict({ subject, text: signed(text, 'Pieter Dekker', org) });
  return `${v.intent}/${v.session}`;
};

test('a date of the sender’s own meeting is no session choice', async () => {
  // 21 juni is Haarlem's date, 14 juni Utrecht's: here they are the council's and a committee's.
  assert.equal(await said('Onze gemeenteraad vergadert op 21 juni over de begroting. Ik meld mij graag aan voor Arnhem.'), 'register/arnhem');
  assert.equal(await said('Op donderdag 14 juni is er een commissievergadering over het sociaal domein, daarna een drukke week. Graag aanmelden voor de sessie in Assen.'), 'register/assen');
  // Only the meeting's date, no session chosen: the signup leads to the list, never to Haarlem.
  assert.equal(await said('De raad vergadert op 21 juni. Ik wil graag deelnemen aan een ontwerpsessie.'), 'alternatives/null');
});

test('a city of a work visit or a congress is no session choice', async () => {
  assert.equal(await said('Volgende week ben ik op werkbezoek in Utrecht. Voor de ontwerpsessie kies ik Breda op 3 juli.'), 'register/breda');
  assert.equal(await said('We had a council meeting in Venlo last month. I would like to register for the session in Haarlem.', 'Design session'), 'register/haarlem');
  // Said in the same clause as the signup, the date still counts.
  assert.equal(await said('Na de raadsvergadering kom ik graag naar de sessie in Utrecht.'), 'register/utrecht');
});

test('"wil ik niet missen" wants the session', async () => {
  assert.equal(await said('Die week is druk, maar de sessie in regio Midden-Oost wil ik niet missen. Bij deze meld ik mij aan.'), 'register/arnhem');
  assert.equal(await said('I do not want to miss the session in Assen, please sign me up.', 'Design session'), 'register/assen');
});

test('whether the sender may take part at all waits on a person', async () => {
  assert.equal(await said('Ik zou graag de sessie in Venlo bijwonen. Is dat ook mogelijk voor een Duitse gemeente?', 'Sessie Venlo', 'Stadt Kleve'), 'escalate/null');
  assert.equal(await said('I would like to attend the Utrecht session. Is it also open to a non-member organisation?', 'Design session', 'Stichting Wijkkracht'), 'escalate/null');
  // Asking whether there is room is answered by the bot.
  assert.equal(await said('Ik wil graag naar Breda. Is dat nog mogelijk?'), 'register/breda');
});

test('whether coming late is still worth it waits on a person', async () => {
  assert.equal(await said('Ik wil graag naar Assen, maar ben pas om 15:30 vrij. Heeft het dan nog zin om te komen?'), 'escalate/null');
  assert.equal(await said('I would like to join in Arnhem but can only arrive at four. Is it still worth coming?', 'Design session'), 'escalate/null');
  // Arriving late without asking whether to come: a signup with a remark.
  assert.equal(await said('Ik meld mij aan voor Assen; ik ben er pas om 15:30.'), 'register/assen');
});

test('a supplier who wants to show its product makes an offer', async () => {
  assert.equal(await said('Wij zijn graag aanwezig in Utrecht en zouden in de pauze onze software willen demonstreren.', 'Deelname', 'DataBurger BV'), 'escalate/null');
  assert.equal(await said('We would love to attend in Breda and show our platform to the participants.', 'Design session', 'CivicTools Ltd'), 'escalate/null');
});

test('a meeting elsewhere ("voor een overleg", "for a meeting", "een bijeenkomst over …") is not our session', async () => {
  assert.equal(await said('Eind juni ben ik in Assen voor een provinciaal overleg. Voor de ontwerpsessie kies ik Venlo, graag aanmelden.'), 'register/venlo');
  assert.equal(await said('Next week I am in Breda for a regional meeting, unrelated. I would like to register for the session in Utrecht.', 'Design session'), 'register/utrecht');
  assert.equal(await said('Op 22 juni ben ik naar een bijeenkomst over afvalbeleid. Meld mij aan voor de sessie in Assen.'), 'register/assen');
  // "De raad stemt op 12 juni": the council's date, not a session; the session is Haarlem.
  assert.equal(await said('De raad stemt op dinsdag 12 juni over het akkoord. Ik kom graag naar Haarlem.'), 'register/haarlem');
});

test('"X ligt voor de hand, maar op die dag ben ik daar al voor …" rules X out', async () => {
  assert.equal(await said('Utrecht ligt het meest voor de hand, maar op 14 juni ben ik daar al voor een werkbezoek. Zet mij maar op de lijst voor Haarlem.'), 'register/haarlem');
  // Without another choice the sender gets the list, never the session they are busy on.
  assert.equal(await said('Utrecht ligt het meest voor de hand, maar op 14 juni ben ik daar al voor een werkbezoek. Ik wil wel graag meedoen aan een sessie.'), 'alternatives/null');
});

test('a question the sender will ask elsewhere does not hold a signup back', async () => {
  assert.equal(await said('Ik heb nog een vraag over de subsidieregeling, maar die stel ik via de gewone weg. Ik kom graag naar de sessie in Breda.'), 'register/breda');
  const elsewhere = await verdict({ subject: 'Ontwerpsessie', text: signed('Ik heb nog een vraag over de subsidieregeling, maar die stel ik via de gewone weg. Ik kom graag naar de sessie in Breda.', 'Pieter Dekker', 'Gemeente Oss') });
  assert.equal(elsewhere.question, false);
  // A question announced for us rides along with the signup and waits for a person.
  const here = await verdict({ subject: 'Ontwerpsessie', text: signed('Ik heb nog een vraag over het programma. Ik kom graag naar de sessie in Breda.', 'Pieter Dekker', 'Gemeente Oss') });
  assert.equal(`${here.intent}/${here.session}/${here.question}`, 'register/breda/true');
});

test('declining another engagement beside a signup is no withdrawal from the session', async () => {
  assert.equal(await said('Het VNG-jaarcongres kan ik helaas niet bijwonen, maar de sessie in Breda op 3 juli wil ik graag bijwonen.'), 'register/breda');
  // Declining the session itself still is.
  assert.equal(await said('De sessie in Breda kan ik helaas niet bijwonen.'), 'cancel/breda');
});

test('"doe mij X maar" chooses X', async () => {
  assert.equal(await said('Doe mij Venlo maar.'), 'register/venlo');
  assert.equal(await said('Doe ons de sessie in Assen maar.'), 'register/assen');
});

test('signing others up while staying away oneself is a signup of the others', async () => {
  const v = await verdict({ subject: 'Aanmelding Utrecht', text: signed('Namens de griffie meld ik de volgende raadsleden aan voor de sessie in Utrecht:\n\n- Jan Visser\n- Aylin Demir\n- Kees Bos\n\nIk ben er zelf niet bij. Wilt u de bevestiging naar hen sturen?', 'Pieter Dekker', 'Gemeente Oss') });
  assert.equal(`${v.intent}/${v.session}/${v.attendees}`, 'register/utrecht/3');
  // Registered before and then sending others: a person swaps the names.
  assert.notEqual(await said('Ik sta ingeschreven voor Utrecht, maar ik ben er zelf niet bij. Ik meld de volgende raadsleden aan: Jan Visser en Kees Bos.'), 'register/utrecht');
});

test('asking for the overview of the sessions is answered with the list', async () => {
  assert.equal(await said('Op 14 juni kan ik niet. Ik zou wel naar een van de andere sessies willen; kunt u mij het overzicht sturen?', 'RE: Uitnodiging sessie Utrecht 14 juni'), 'alternatives/null');
});

test('"ik zou graag ergens … naar een van de sessies komen" wants a session without choosing', async () => {
  assert.equal(await said('Ik zou graag in de loop van juni naar een van de sessies komen.'), 'alternatives/null');
});

test('someone taking the registered sender’s place is a transfer for a person, not a cancellation', async () => {
  assert.equal(await said('Ik sta ingeschreven voor Venlo, maar kan zelf niet. Mijn collega Anna de Wit neemt mijn plaats in.'), 'escalate/null');
  assert.equal(await said('I am registered for Assen but cannot come; my colleague Tom Baker takes my place.', 'Design session Assen'), 'escalate/null');
  // Plainly withdrawing stays a cancellation.
  assert.equal(await said('Ik sta ingeschreven voor Venlo, maar kan helaas niet komen.'), 'cancel/venlo');
});

test('"mijn collega-wethouder X en ik" are two people', async () => {
  const v = await verdict({ subject: 'Aanmelding', text: signed('Mijn collega-wethouder Joost Verbeek en ik komen graag naar de sessie in Assen.', 'Pieter Dekker', 'Gemeente Oss') });
  assert.equal(`${v.intent}/${v.session}/${v.attendees}`, 'register/assen/2');
});

test('"vergezeld van de griffier" brings one more person', async () => {
  const v = await verdict({ subject: 'Aanmelding', text: signed('Ik kom graag naar de sessie in Breda, vergezeld van de griffier.', 'Pieter Dekker', 'Gemeente Oss') });
  assert.equal(`${v.intent}/${v.session}/${v.attendees}`, 'register/breda/2');
});
