// What a doubt, a "niet" or a question is about decides what it does to the act beside it. Written
// after round 32 (2026-12-07), in fresh words and with look-alikes that must keep their verdict:
// - a hope about something that comes ("dat er een vervolg komt") doubts nobody's coming;
// - a doubt about whom the sender brings or what they contribute leaves their own coming firm;
// - a doubt that the next sentence sets aside ("hoe dan ook: ik meld mij aan") is settled, unless
//   it was about the coming itself or the signup is made "alvast";
// - a "niet" that affirms ("ik kan niet wachten", "dit laat ik niet schieten") denies nothing;
// - being double booked rules the session out;
// - a question about taking part beside a withdrawal is for a person, not a cancellation;
// - someone else's absence changes a registration only where there is one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mismatchedCases } from './mail.js';

test('a hope about what comes, not about coming, holds nothing back', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/arnhem', 'Afmelding 22 juni', 'Door een operatie ben ik 22 juni verhinderd. Ik hoop dat er later nog een vervolg komt.'],
    ['cancel/arnhem', 'Arnhem gaat niet door voor mij', 'Ik kan niet naar Arnhem komen. Hopelijk komt er een verslag op de website.'],
    ['register/arnhem', 'Aanmelding Arnhem', 'Ik meld mij aan voor Arnhem op 22 juni. Ik hoop dat er een mooi vervolg komt.'],
    // Still a hope about the sender's own coming.
    ['escalate/null', 'Arnhem', 'Ik hoop erbij te kunnen zijn in Arnhem op 22 juni.'],
    ['escalate/null', 'Arnhem', 'Ik hoop dat ik op 22 juni naar Arnhem kan komen.'],
  ]), []);
});

test('a doubt about a companion or a contribution leaves the sender\'s own signup firm', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/assen/1', 'Assen 28 juni', 'Ik kom in elk geval naar Assen. Wellicht neem ik een collega van de griffie mee; dat hoort u nog.'],
    ['register/assen/1', 'Aanmelding Assen', 'Hierbij meld ik mij aan voor Assen op 28 juni. Misschien kan ik kort iets vertellen over ons jongerenpanel.'],
    // The doubt in the sentence that signs up, or about the coming itself, still holds it back.
    ['escalate/null/null', 'Assen', 'Misschien neem ik een collega mee naar Assen.'],
    ['escalate/null/null', 'Aanmelding Assen', 'Ik meld mij aan voor Assen. Misschien kom ik toch niet, ik laat het nog weten.'],
  ], (v) => `${v.intent}/${v.session}/${v.attendees}`), []);
});

test('not knowing whether one can come holds a signup back; not knowing whether one can park does not', async () => {
  assert.deepEqual(await mismatchedCases([
    ['escalate/null', 'Haarlem', 'Weet nog niet of het mij lukt die ochtend, maar meld mij alvast aan voor Haarlem.'],
    ['register/haarlem', 'Haarlem', 'Ik meld mij aan voor Haarlem. Weet niet of ik daar kan lunchen, maar ik kom hoe dan ook.'],
  ]), []);
});

test('a doubt the next sentence sets aside is settled; one about the coming itself is not', async () => {
  assert.deepEqual(await mismatchedCases([
    // Not knowing whether one can come is a doubt about the coming (found writing these cases).
    ['escalate/null', 'Haarlem', 'Ik weet niet of ik die dag vrij ben, maar ik meld mij aan voor Haarlem.'],
    ['escalate/null', 'Haarlem', "I don't know if I can make it; please register me for Haarlem anyway."],
    ['register/haarlem', 'Haarlem', 'Ik weet niet of het nodig is om te reageren, maar ik meld mij aan voor Haarlem.'],
    ['register/haarlem', 'Haarlem', 'Het is mij niet helemaal duidelijk of griffiemedewerkers ook welkom zijn. In ieder geval meld ik mij aan voor Haarlem op 21 juni.'],
    ['escalate/null', 'Haarlem', 'Ik weet niet of ik die ochtend kan. Hoe dan ook meld ik mij aan voor Haarlem.'],
    ['escalate/null', 'Haarlem', 'Ik weet nog niet zeker of de sessie voor mij bedoeld is. In elk geval schrijf ik me alvast in voor Haarlem.'],
  ]), []);
});

test('a "niet" that affirms denies nothing; a real one still does', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/utrecht', 'Utrecht', 'Ik kan bijna niet wachten: graag een plek voor mij in Utrecht op 14 juni.'],
    ['register/utrecht', 'Utrecht 14 juni', "Can't wait to join you in Utrecht on 14 June, please sign me up."],
    ['register/utrecht', 'Utrecht', 'Zo\'n kans laat ik niet lopen, ik meld mij aan voor Utrecht.'],
    ['register/utrecht', 'Utrecht', 'Ik kon niet anders dan meteen reageren: ik kom graag naar Utrecht op 14 juni.'],
    // (Round 35: "als gastgemeente kunnen we natuurlijk niet ontbreken" was read as a withdrawal.)
    ['register/utrecht', 'Utrecht', 'Als Utrechtse griffie mogen we natuurlijk niet ontbreken. Ik meld mij aan voor 14 juni.'],
    ['cancel/utrecht', 'Utrecht', 'Ik kan helaas niet naar Utrecht op 14 juni komen.'],
    ['cancel/utrecht', 'Utrecht 14 juni', 'Ik blijk die dag dubbel geboekt te zijn, dus ik moet mij afmelden voor Utrecht.'],
    ['cancel/utrecht', 'Utrecht 14 juni', 'Sorry, I am double-booked on 14 June and cannot come to Utrecht.'],
  ]), []);
});

test('a question about taking part beside a withdrawal is for a person', async () => {
  assert.deepEqual(await mismatchedCases([
    ['escalate/null', 'Sessies', 'Wij kunnen niet naar de regiosessies komen, maar doen graag mee aan het vervolg. Hoe kunnen we ons daarvoor opgeven?'],
    ['escalate/null', 'Vraag', 'Komt er een opname van de sessies? Zelf kan ik in juni niet weg, maar ik wil het graag terugkijken.'],
    ['escalate/null', 'Afmelding Venlo', 'Ik kan niet naar Venlo komen. Kan ik in plaats daarvan online meekijken?'],
    // Asking to be taken off, or for the report, is no question about taking part.
    ['cancel/venlo', 'Afmelding Venlo', 'Ik kan niet naar Venlo komen. Wilt u mijn inschrijving doorhalen?'],
    ['cancel/venlo', 'Afmelding Venlo', 'Ik moet mij helaas afmelden voor Venlo. Kunt u mij de presentaties nasturen?'],
  ]), []);
});

test("someone else's absence changes a registration only where there is one", async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/breda', 'Breda 3 juli', 'De burgemeester kan op 3 juli helaas niet, maar ik kom zelf graag naar de sessie in Breda.'],
    ['escalate/null', 'RE: Aanmelding Breda (2 personen)', 'Mijn collega kan helaas niet meer naar Breda; ik kom nog steeds.'],
    ['escalate/null', 'Breda', 'De burgemeester heeft zich afgemeld voor Breda, ik kom wel.'],
  ]), []);
});

test('a place joined to where the sender lives or works is no choice either', async () => {
  // Round 37: "Ik woon in de buurt van Utrecht of Arnhem, beide prima" confirmed Arnhem.
  assert.deepEqual(await mismatchedCases([
    ['alternatives/null', 'Aanmelden', 'Graag doe ik mee aan een sessie. Ik werk in Haarlem of Amsterdam, dat wisselt; beide zijn goed.'],
    ['alternatives/null', 'Aanmelden', 'Ik woon tussen Assen en Groningen in en wil graag meedoen aan een sessie.'],
    ['register/arnhem', 'Aanmelding', 'Ik werk in Utrecht en kom graag naar Arnhem.'],
  ]), []);
});
