// Holding back, however it is worded: a promise to come back on it, a hedge on the coming itself,
// a word that says the mail is no signup yet, a signup word that belongs to a question about the
// programme, and "ik kom" that is part of another verb. Fresh messages written for the
// principles (see "When the bot may act" in src/understanding/README.md) before any rule was
// changed for them, each family beside look-alikes that must still be confirmed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases, verdict } from './mail.js';


test('a promise to come back on it holds a signup back, whatever time or channel it names', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Sessie Arnhem 22 juni', 'Ik kom graag naar Arnhem, maar ik kom er na het weekend definitief op terug.'],
    ['register/*', 'RE: uitnodiging Venlo', 'Venlo op 29 juni spreekt me aan. Ik kom hier later deze week op terug.'],
    ['register/*', 'Breda 3 juli', 'Breda zou kunnen. Ik laat het jullie na de collegevergadering weten.'],
    ['register/*', 'Assen', 'Ik wil wel naar Assen komen. Ik mail u eind mei nog een keer.'],
    ['register/*', 'Haarlem 21 juni', 'Ik ben geïnteresseerd in Haarlem. U hoort begin juni van mij.'],
    ['register/*', 'Utrecht', 'Utrecht op 14 juni komt mij goed uit, ik bevestig het na overleg met de griffier.'],
    ['register/*', 'Arnhem session', 'Arnhem on 22 June looks good. I will get back to you next week.'],
  ]), []);
  // A courtesy about later changes, or news promised about something else, leaves the signup standing.
  assert.deepEqual(await mismatchedCases([
    ['register/arnhem', 'Aanmelding Arnhem', 'Hierbij meld ik mij aan voor Arnhem op 22 juni. Mocht er iets veranderen, dan laat ik het u weten.'],
    ['register/venlo', 'Aanmelding Venlo', 'Ik meld me aan voor de sessie in Venlo. Als ik een dieetwens heb, laat ik het nog weten.'],
    ['register/breda', 'Breda', 'Graag aanmelden voor Breda, 3 juli. Ik kom met de auto; het kenteken geef ik later door.'],
  ]), []);
});

test('a hedge on the coming itself holds it back; the same word elsewhere does not', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Utrecht 14 juni', 'Ik kom mogelijk naar Utrecht op 14 juni.'],
    ['register/*', 'Haarlem', 'Wij zijn er eventueel bij in Haarlem, met z\'n tweeën.'],
    ['register/*', 'Assen 28 juni', 'In principe kom ik naar Assen, als er niets tussenkomt.'],
    ['register/*', 'Venlo', 'Mogelijk sluit ik aan in Venlo op 29 juni.'],
    ['register/*', 'Arnhem', 'I might come to Arnhem on 22 June.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/utrecht', 'Aanmelding Utrecht', 'Ik meld me aan voor Utrecht op 14 juni. Graag zo snel mogelijk een bevestiging.'],
    ['register/haarlem', 'Aanmelding Haarlem', 'Ik kom graag naar Haarlem. Indien mogelijk zou ik een vegetarische lunch willen.'],
    ['register/assen', 'Assen 28 juni', 'Ik meld mij aan voor Assen op 28 juni. Ik kom mogelijk iets later binnen door een eerdere afspraak.'],
  ]), []);
});

test('a mail that says it is no signup (yet) is none', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Venlo 29 juni', 'Ik kom graag naar Venlo. Zie dit nog niet als officiële aanmelding; die volgt zodra mijn agenda rond is.'],
    ['register/*', 'Arnhem', 'Arnhem op 22 juni lijkt me mooi. Dit is nog geen aanmelding hoor.'],
    ['register/*', 'Breda', 'We willen graag naar Breda. Dit mailtje is bedoeld als vooraankondiging, niet als inschrijving.'],
    ['register/*', 'Haarlem session', 'I would like to come to Haarlem. Please do not treat this as a registration yet.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Aanmelding Venlo', 'Ik meld me aan voor Venlo op 29 juni. Mijn collega had nog geen aanmelding gedaan, dus ik doe het nu voor ons beiden.'],
    ['register/arnhem', 'Arnhem', 'Dit is mijn aanmelding voor Arnhem op 22 juni.'],
  ]), []);
});

test('a signup word inside a question about the programme is no signup', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Vraag over 22 juni', 'Wij vragen ons af of de Omgevingswet er op 22 juni ook bij hoort. Kunt u daar iets over zeggen?'],
    ['register/*', 'Programma Venlo', 'Doen er op 29 juni in Venlo ook provincies mee, of alleen gemeenten?'],
    ['register/*', 'Vraag programma 3 juli', 'Komt het thema burgerbegroting aan bod op 3 juli? Is dat onderdeel van de sessie?'],
    ['register/*', 'Assen 28 juni', 'Ik ben benieuwd welke gemeenten er in Assen bij zijn. Is er al een deelnemerslijst?'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Aanmelding Venlo', 'Ik doe graag mee in Venlo op 29 juni. Komt het thema burgerbegroting ook aan bod?'],
    ['register/assen', 'Assen 28 juni', 'Ik ben erbij in Assen! Is er al een deelnemerslijst?'],
  ]), []);
});

test('"ik kom" that is part of another verb is no coming', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Haarlem 21 juni', 'Over Haarlem: ik kom er nog niet uit of het past.'],
    ['register/*', 'Utrecht', 'Ik kom pas volgende week achter mijn rooster voor 14 juni in Utrecht.'],
    ['register/*', 'Breda', 'Breda 3 juli: we komen er vandaag met het team op terug.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/haarlem', 'Haarlem 21 juni', 'Ik kom er graag bij in Haarlem op 21 juni.'],
    ['register/utrecht', 'Utrecht', 'Ik kom op 14 juni naar Utrecht.'],
  ]), []);
});

test('what holds back the sender does not stop a signup that is told after it', async () => {
  // The order of a mind made up: the last word decides.
  const v = await verdict({ subject: 'Arnhem', text: 'Ik twijfelde eerst, maar ik heb het geregeld: ik meld me aan voor Arnhem op 22 juni.\n\nGroet,\nIneke Smit\nGemeente Ede' });
  assert.equal(`${v.intent}/${v.session}`, 'register/arnhem');
});

test('a signup put off until after a step ("pas na", "pas nadat") or asked not to be noted yet is none', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Sessie Haarlem', 'Ik zou graag naar Haarlem gaan, maar dat kan ik pas na de fractievergadering van dinsdag toezeggen.'],
    ['register/*', 'Arnhem 22 juni', 'Arnhem staat in mijn agenda. Aanmelden doe ik pas als de begroting erdoor is.'],
    ['register/*', 'Venlo', 'Venlo op 29 juni lijkt me goed. Wilt u mij nog niet noteren? Ik wacht op mijn rooster.'],
    ['register/*', 'Breda', 'Breda 3 juli, daar wil ik wel heen. Zet me voorlopig nog niet op de lijst.'],
    ['register/*', 'Assen', 'Assen past misschien. Graag nog niets vastleggen; dan hoort u van mij.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/haarlem', 'Aanmelding Haarlem', 'Ik meld me aan voor Haarlem op 21 juni. Ik ben er pas na de lunch, want ik heb s ochtends raad.'],
    ['register/arnhem', 'Arnhem', 'Graag aanmelden voor Arnhem. Mijn collega hoeft u niet te noteren, hij heeft zich al aangemeld.'],
  ]), []);
});

test('a hedge in the subject holds the signup back', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Venlo 29 juni (voorlopig)', 'Ik meld me aan voor Venlo.'],
    ['register/*', 'Aanmelding onder voorbehoud: Breda', 'Graag aanmelden voor Breda op 3 juli.'],
    ['register/*', 'Tentative: Arnhem 22 June', 'Please sign me up for Arnhem.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Aanmelding Venlo', 'Ik meld me aan voor Venlo op 29 juni; de voorlopige agenda heb ik gezien.'],
  ]), []);
});

test('taking oneself off the list is a withdrawal, whatever the subject says', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'aanmelding Breda', 'Ik weet niet of ik op 3 juli kan. Haal mij dus maar van de lijst voor Breda.'],
    ['register/*', 'Re: Aanmelding Haarlem', 'Het lukt me toch niet goed, schrap mijn naam maar van de deelnemerslijst.'],
    ['register/*', 'aanmelding Arnhem', 'Het blijft onzeker of ik er 22 juni bij kan zijn en ik wil geen stoel bezet houden. Haal mij dus maar van de lijst voor Arnhem.'],
  ]), []);
});

test('asking to move to "another session" chooses none', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Wijziging', 'Mijn aanmelding voor Breda wil ik omzetten naar een andere ontwerpsessie. Op 3 juli ben ik in Brussel.'],
    ['register/*', 'Wijziging aanmelding', 'Kunt u mij van Arnhem naar een andere regiosessie overzetten? Welke maakt niet uit. 22 juni zit ik vast.'],
  ]), []);
});

test('still deciding whether to come, a withdrawal in a subordinate clause, two days for one signup, a subject that asks after a signup', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Vraag Venlo', 'Is er in Venlo een doventolk? Dan kan ik beslissen of ik kom.'],
    ['register/*', 'Breda 3 juli', 'Wij gaan intern kijken of we op 3 juli in Breda deelname kunnen regelen.'],
    ['register/*', 'Sessie 22-6', 'Bij deze deel ik u mee dat wij afzien van deelname aan de sessie van 22-6.'],
    ['register/*', 'aanmelding', 'Zowel 21 als 22 juni past mij. Graag aanmelden voor een van beide.'],
    ['register/*', 'Aanmelding', 'Op 14 en/of 21 juni kan ik, zet me maar ergens neer.'],
    ['register/*', 'Bevestiging inschrijving', 'Ik heb me vorige week ingeschreven voor Breda, maar nog niets ontvangen.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['cancel/arnhem', 'Sessie 22-6', 'Bij deze deel ik u mee dat ik afzie van deelname aan de sessie in Arnhem.'],
    ['register/haarlem', 'Aanmelding Haarlem', 'Ik meld me aan voor Haarlem. Ik kijk nog even of ik met de trein of de auto kom.'],
  ]), []);
});

test('a signup promised after our answer, in any verb, is none yet; choosing whom to send after an answer neither', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'kosten?', 'Als er geen kosten aan verbonden zijn, schrijf ik me graag in voor Venlo op 29 juni.'],
    ['register/*', 'Vraag', 'Utrecht zou goed uitkomen. Laat u mij weten of ook buurgemeenten welkom zijn, dan schrijf ik me meteen in.'],
    ['register/*', 'Doelgroep', 'Is de sessie ook voor griffiemedewerkers bedoeld? Dan bekijk ik daarna wie we opgeven voor Assen.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Aanmelding Venlo', 'Ik schrijf me graag in voor Venlo op 29 juni. Laat u mij weten waar ik kan parkeren?'],
  ]), []);
});

test('attendance that still awaits a judgment, an open question or a plan is held back; a settled one is not', async () => {
  // Written after the second reading let two such doubts through (second-reader.test.ts).
  assert.deepEqual(await actedOn([
    ['register/*', 'Ontwerpsessie', 'Ik meld mij aan voor de sessie in Venlo. Het is alleen nog de vraag of mijn knie het tegen die tijd toelaat, dat moet de fysio nog beoordelen.'],
    ['register/*', 'Ontwerpsessie', 'Ik kom naar Assen op 28 juni, tenminste dat is nu het plan; de fractie moet er nog een klap op geven.'],
    ['register/*', 'Breda 3 juli', 'Graag een plek in Breda op 3 juli. De vraag is nog of de fractie mij die avond kan missen.'],
    ['register/*', 'Haarlem', 'I will come to Haarlem on 21 June, that is the plan for now at least.'],
    ['register/*', 'Aanmelding Arnhem', 'Aanmelding voor Arnhem 22 juni; de wethouder moet mijn deelname nog goedkeuren.'],
    ['register/*', 'Utrecht', 'Schrijf mij maar in voor Utrecht op 14 juni. Het presidium moet er wel nog mee instemmen.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Aanmelding Venlo', 'Ik meld mij aan voor Venlo op 29 juni. De vraag die ik nog heb: is er een lift in het gebouw?'],
    ['register/assen', 'Assen', 'Ik kom naar Assen op 28 juni; dat was al langer het plan.'],
    ['register/arnhem', 'Aanmelding Arnhem', 'Aanmelding voor Arnhem 22 juni. De wethouder heeft mijn deelname al goedgekeurd.'],
    ['register/breda', 'Breda', 'Graag aanmelden voor Breda op 3 juli. De vraag is of er parkeerplaatsen zijn bij de zaal.'],
  ]), []);
});

test('still to see whether or how it works out holds a signup back; looking forward does not', async () => {
  // Written on the night of 2026-12-06, when a retrained second reading let "al moet ik nog zien
  // of het gaat lukken" through (second-reader.test.ts had it as its withheld example).
  assert.deepEqual(await actedOn([
    ['register/*', 'Ontwerpsessie', 'Ik meld mij aan voor de sessie in Venlo op 29 juni, al moet ik nog zien of het gaat lukken met de oppas.'],
    ['register/*', 'Breda', 'Ik schrijf me in voor Breda op 3 juli; ik moet nog zien hoe ik het met mijn werk combineer.'],
    // ("Het is nog afwachten of de trein rijdt" was first written here; whether the train runs is
    // how one comes, a remark whose hedge leaves the signup standing, as for "misschien met de trein".)
    ['register/*', 'Arnhem', 'Graag aanmelden voor Arnhem. Het is nog afwachten of mijn fractie akkoord gaat.'],
    ['register/*', 'Utrecht', 'I will sign up for Utrecht on 14 June, but we will have to see whether my schedule allows it.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/breda', 'Breda', 'Ik meld me aan voor Breda op 3 juli. Ik zie uit naar de sessie.'],
    ['register/venlo', 'Venlo', 'Ik meld mij aan voor Venlo op 29 juni. Ik zie in de uitnodiging dat er een lunch is, fijn.'],
  ]), []);
});
