// Other business beside the act, and doubts that are settled or someone else's. Written after round
// 33 (2026-12-07), in fresh words, with look-alikes that must keep their verdict:
// - a withdrawal beside a question about other business is a withdrawal, the question left for a
//   person (five writers of round 33 labelled it so); one that waits on a fact ("als het 28 juni
//   is, moet ik me afmelden") or comes from someone who never signed up is for a person;
// - a signup "onder voorbehoud van akkoord van onze secretaris" is held back: the one whose
//   approval is needed is no one else's coming; a confirmation promised "zodra" holds back too;
// - a doubt told as past or come true is history; "maar ik kom in elk geval" sets one aside;
// - "kan ik morgen nog aansluiten? Zo ja: ik ben er" asks for a seat, which confirming answers;
// - a "niet" on finding or opening something denies no coming; a paper going to the council on
//   a session's date is other business; "geen twijfel" is certainty;
// - an Outlook recall is the mail client's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mismatchedCases, verdict, signed } from './mail.js';

test('a withdrawal beside other business is a withdrawal; one on a condition, or from someone never signed up, is not', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/assen', 'Assen + vraag over subsidie', 'Voor Assen op 28 juni moet ik helaas afzeggen. Weet u of de subsidieregeling voor burgerpanels nog openstaat?'],
    ['cancel/breda', 'Breda', 'Ik kan op 3 juli toch niet naar Breda. Los daarvan: kunt u mij het telefoonnummer van de accountmanager sturen?'],
    // Still for a person: a question that bears on taking part, a condition, nothing to withdraw.
    ['alternatives/null', 'Breda', 'Ik kan op 3 juli toch niet naar Breda. Is er nog een andere datum?'],
    ['escalate/null', 'Afmelding', 'Ik weet niet meer of ik voor Breda of Venlo sta. Als het Breda is, moet ik me afmelden. Kunt u dat nagaan?'],
    ['escalate/null', 'Afmelden', 'Haal mij van de lijst. Ik heb me nergens voor opgegeven. Waar heeft u mijn adres vandaan?'],
  ]), []);
});

test('a signup on someone\'s approval, or with its confirmation promised, is held back', async () => {
  assert.deepEqual(await mismatchedCases([
    ['escalate/null', 'Aanmelding Venlo', 'Hierbij meld ik mij aan voor Venlo, onder voorbehoud van goedkeuring van mijn afdelingshoofd.'],
    ['escalate/null', 'Venlo', 'Ik meld me aan voor Venlo op 29 juni. Ik bevestig het definitief zodra mijn agenda rond is.'],
    ['escalate/null', 'Voorlopige aanmelding Venlo', 'Graag een plek voor mij in Venlo op 29 juni.'],
    // Someone else's doubt leaves the sender's own signup standing.
    ['register/venlo', 'Venlo', 'Ik meld me aan voor Venlo. Of de burgemeester ook komt, weet ik nog niet.'],
  ]), []);
});

test('a doubt told as past, come true or set aside is no hold; companions in doubt are not counted', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/venlo/null', 'Venlo', 'Ik moet me afmelden voor Venlo. Mijn twijfel van gisteren is uitgekomen: de raad vergadert die dag.'],
    ['register/venlo/1', 'Venlo', 'Eerst was ik er niet zeker van, maar nu meld ik mij aan voor Venlo op 29 juni.'],
    ['register/venlo/1', 'Venlo', 'Of ik iets mag presenteren weet ik nog niet, maar ik kom in elk geval naar Venlo.'],
    ['register/venlo/1', 'Venlo 29 June', 'Not sure yet whether my colleague joins, but I will definitely be there in Venlo. Please register me.'],
    ['register/venlo/1', 'Venlo', 'Ik kom naar Venlo op 29 juni. Misschien gaan er nog twee raadsleden mee, die melden zich zelf.'],
    // A doubt about the coming, now, still holds back.
    ['escalate/null/null', 'Venlo', 'Ik ben er nog niet zeker van, maar meld mij voorlopig aan voor Venlo.'],
  ], (v) => `${v.intent}/${v.session}/${v.attendees}`), []);
});

test('asking whether one can still join, then saying yes to it, is a signup', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Morgen Venlo', 'Kan ik morgen nog aansluiten in Venlo? Zo ja, dan ben ik er.'],
    // (Round 35: "is er morgen in Utrecht nog plek?" was read as asking for a session elsewhere.)
    ['register/venlo', 'Venlo', 'Is er vanmiddag in Venlo nog een plekje? Dan schuif ik graag aan.'],
    ['alternatives/null', 'Venlo', 'Is er ook in Roermond een sessie? Dan schuif ik graag aan.'],
    // A condition on something else still holds it back.
    ['escalate/null', 'Venlo', 'Is er in Venlo een invalidetoilet? Zo ja, dan kom ik.'],
  ].map(([want, subject, text]) => [want!, subject!, text!] as const)), []);
});

test('what a "niet" or a date is about: finding a file, a paper for the council, no doubt at all', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo/1', 'Venlo', 'Ik meld me aan voor Venlo op 29 juni. Het programma kan ik nergens vinden; ik kan de bijlage niet openen.'],
    ['register/venlo/2', 'Venlo en ons burgerbudget', 'Het voorstel burgerbudget gaat 21 juni naar de raad. Wethouder Peters en ik komen samen naar Venlo op 29 juni.'],
    ['register/venlo/1', 'Venlo', 'Geen twijfel: Venlo, 29 juni. Zet me erop.'],
    // (Not "Wethouder Peters komt 29 juni naar Venlo" as a signup made: a first reading that took
    // a titled person's "komt naar" as one confirmed "Mevrouw Bakker komt volgende week naar ons
    // stadhuis voor een werkbezoek. Zij vroeg ook naar de sessie in Venlo." It did not land.)
    ['escalate/null/null', 'Venlo', 'Mevrouw Bakker komt volgende week naar ons stadhuis voor een werkbezoek. Zij vroeg ook naar de sessie in Venlo.'],
    ['escalate/null/null', 'Venlo', 'Wethouder Jansen komt naar Venlo als de raad het toelaat.'],
    // A titled person's withdrawal said with the whole session between its words.
    ['cancel/venlo/null', 'afzegging 29/6', 'Mevr. De Wit, wethouder, zegt haar deelname aan de ontwerpsessie in het stadhuis van Venlo af.'],
  ], (v) => `${v.intent}/${v.session}/${v.attendees}`), []);
});

test('an Outlook recall is the mail client\'s; a person who withdraws in the same words is not', async () => {
  const recall = await verdict({ subject: 'Intrekken: Aanmelding ontwerpsessie Venlo', text: 'Jansen, Piet wil het bericht "Aanmelding ontwerpsessie Venlo" intrekken.' });
  assert.equal(recall.intent, 'ignore');
  const person = await verdict({ subject: 'Intrekken: aanmelding Venlo', text: signed('Ik trek mijn aanmelding voor Venlo in; ik kan toch niet.') });
  assert.equal(`${person.intent}/${person.session}`, 'cancel/venlo');
});
