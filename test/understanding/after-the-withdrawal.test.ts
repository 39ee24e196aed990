// What a withdrawal leaves standing (session of 2026-12-07, tenth, after round 28). A firm
// withdrawal beside a request for what follows the session (the report, the slides, the results,
// being kept informed) is still a withdrawal, as a signup beside a practical question is still a
// signup: the bot acts and leaves the request for a person. A question that bears on taking part
// (another date, another way to join, a colleague in the sender's place, a condition) still holds
// it back. A "not" that bears on how the sender travels or how long they stay is no withdrawal.
// Someone else who comes in the sender's stead ("mijn plaatsvervanger komt namens ons") is no
// plain withdrawal; a colleague who "still comes" ("komt wel") was signed up already. Fresh
// messages written for the principles before any rule was changed, each beside look-alikes that
// must keep their verdict. And a doubt told as overcome ("na lang twijfelen", "ondanks mijn
// eerdere twijfels") is no hedge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, fromWeert, mismatchedCases } from './mail.js';

test('a withdrawal beside a request for what follows the session is a withdrawal', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/utrecht', 'Afmelding Utrecht', 'Ik moet me helaas afmelden voor Utrecht. Kunt u mij het verslag toesturen?'],
    ['cancel/arnhem', 'Afmelding', 'Helaas kan ik niet naar Arnhem op 22 juni komen. Wilt u mij op de hoogte houden van het vervolg?'],
    ['cancel/breda', 'Afmelding Breda', 'Ik ben verhinderd voor Breda. Worden de presentaties achteraf gedeeld?'],
    ['cancel/haarlem', 'Cancellation Haarlem', 'I cannot attend the session in Haarlem after all. Could you send me the results?'],
    ['cancel/assen', 'Afmelding Assen', 'Ik meld mij af voor Assen. Komt er een terugkoppeling van de uitkomsten?'],
    ['cancel/venlo', 'Afmelding Venlo', 'Door ziekte kan ik niet naar Venlo. Ik hoor graag hoe het is gegaan; ontvang ik de sheets?'],
  ]), []);
  // The request is left for a person.
  assert.equal((await fromWeert('Afmelding Utrecht', 'Ik moet me helaas afmelden voor Utrecht. Kunt u mij het verslag toesturen?')).question, true);
});

test('a withdrawal beside a question that bears on taking part is held back', async () => {
  assert.deepEqual(await actedOn([
    ['cancel/*', 'Afmelding Utrecht', 'Ik kan niet naar Utrecht komen. Kan mijn collega in mijn plaats komen?'],
    ['cancel/*', 'Afmelding Venlo', 'Ik kan helaas niet op 29 juni in Venlo. Is er een andere datum?'],
    ['cancel/*', 'Afmelding Arnhem', 'Ik kan helaas niet naar Arnhem. Kan ik ook online meekijken?'],
    ['cancel/*', 'Afmelding Breda', 'Ik moet me afmelden voor Breda, tenzij de sessie later begint. Hoe laat begint het?'],
    ['cancel/*', 'Afmelding Haarlem', 'Ik kan niet naar Haarlem. Wanneer is de volgende sessie?'],
    ['cancel/*', 'Afmelding Assen', 'Ik kan niet naar Assen. Wordt het verslag ook besproken op een bijeenkomst waar ik wel kan komen?'],
  ]), []);
  // An absence told in the past, or all sessions declined: the request is what the mail is for.
  assert.deepEqual(await actedOn([
    ['cancel/*', 'Sheets Breda', 'Ik heb de sessie in Breda helaas gemist. Kunt u mij de sheets sturen?'],
    ['cancel/*', 'Verslag', 'Wij kunnen helaas bij geen enkele sessie aanwezig zijn. Komt er een verslag?'],
    ['cancel/*', 'Uitkomsten Venlo', 'Ik was vorige week niet in Venlo. Zijn de uitkomsten al bekend?'],
    ['cancel/*', 'Sheets', 'Ik was verhinderd in Breda. Zijn de sheets al beschikbaar?'],
  ]), []);
});

test('a "not" on how the sender travels or how long they stay is no withdrawal', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/haarlem', 'Aanmelding Haarlem', 'Ik meld mij aan voor Haarlem, maar kan niet blijven voor de lunch.'],
    ['register/utrecht', 'Aanmelding Utrecht', 'Ik kom niet met de trein maar met de auto naar Utrecht. Graag aanmelden.'],
    ['register/breda', 'Aanmelding', 'Graag aanmelden voor Breda op 3 juli. Ik kan niet de hele middag blijven, ik moet om 16.00 uur weg.'],
    ['register/assen', 'Aanmelding Assen', 'Ik meld mij aan voor Assen. Ik kom niet per auto maar per trein; is het ver lopen vanaf het station?'],
  ]), []);
  // A "not" on the coming itself still withdraws, whatever else the sentence says of travel.
  assert.deepEqual(await mismatchedCases([
    ['cancel/haarlem', 'Afmelding Haarlem', 'Ik kan niet komen naar Haarlem.'],
    ['cancel/breda', 'Afmelding Breda', 'Ik kan niet naar Breda komen; de trein rijdt niet en met de auto lukt het ook niet.'],
    ['cancel/venlo', 'Afmelding Venlo', 'Ik kom helaas niet naar Venlo.'],
    ['cancel/utrecht', 'Afmelding Utrecht', 'Ik kan helaas niet blijven wachten op een nieuwe datum: ik meld mij af voor Utrecht.'],
  ]), []);
});

test('someone else who comes in the sender\'s stead is no plain withdrawal', async () => {
  assert.deepEqual(await actedOn([
    ['cancel/*', 'Re: Uitnodiging ontwerpsessie lokale democratie 3 juli Breda', 'Ik ben er helaas niet bij; mijn plaatsvervanger komt namens onze gemeente.'],
    ['cancel/*', 'Afmelding Utrecht', 'Ik kan helaas niet naar Utrecht; mijn opvolger gaat in mijn plaats.'],
  ]), []);
  // No one in the sender's stead: the withdrawal stands.
  assert.deepEqual(await mismatchedCases([
    ['cancel/assen', 'Afmelding Assen', 'Ik kan niet naar Assen. Mijn collega komt ook niet.'],
    // A colleague who "still comes" was signed up already: only the sender withdraws (as writers label it).
    ['cancel/utrecht', 'Afmelding Utrecht', 'Ik kan niet naar Utrecht, maar twee beleidsmedewerkers komen wel.'],
    ['cancel/haarlem', 'Afmelding Haarlem', 'Helaas moet ik mij afmelden voor Haarlem. Er komt geen vervanger.'],
    ['cancel/utrecht', 'Afmelding Utrecht', 'Ik kan niet naar Utrecht komen; mijn collega komt volgende week terug van vakantie en die moet ik inwerken.'],
  ]), []);
});

test('a doubt told as overcome is no hedge', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/breda', 'Aanmelding Breda', 'Na lang twijfelen meld ik mij toch aan voor Breda.'],
    ['register/assen', 'Aanmelding Assen', 'Ondanks mijn twijfels over de reistijd kom ik graag naar Assen.'],
    ['register/haarlem', 'Re: Uitnodiging ontwerpsessie lokale democratie 21 juni Haarlem', 'Ondanks eerdere twijfel: ik ben erbij.'],
    ['register/venlo', 'Aanmelding Venlo', 'Mijn twijfel is weg, ik meld mij aan voor Venlo.'],
  ]), []);
  // A doubt still there holds the signup back.
  assert.deepEqual(await actedOn([
    ['register/*', 'Assen', 'Ondanks de reistijd twijfel ik nog of ik naar Assen kom.'],
    ['register/*', 'Aanmelding Utrecht', 'Ik meld mij aan voor Utrecht, al twijfel ik nog of mijn agenda het toelaat.'],
    ['register/*', 'Aanmelding Utrecht', 'Ik meld mij aan voor Utrecht, al is mijn twijfel over de datum nog niet weg.'],
  ]), []);
});

test('the sender\'s own withdrawal naming no session is a withdrawal, with or without a request for what follows', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/null', 'afmelden', 'Goedemorgen, ik meld mij af. Groet.'],
    ['cancel/null', 'Sorry', 'Ik kan helaas toch niet komen, excuses.'],
    ['cancel/null', 'Helaas', 'Wilt u mij afmelden? Er is iets tussengekomen.'],
    ['cancel/null', 'Afmelding ontwerpsessie', 'Ik moet mij afmelden voor de ontwerpsessie. Kunt u mij de uitkomsten sturen?'],
    ['cancel/null', 'Verhinderd', 'Wij zijn helaas verhinderd. Houdt u ons op de hoogte van het vervolg?'],
  ]), []);
  // No withdrawal of the sender's own, or every session declined by someone who chose none.
  assert.deepEqual(await actedOn([
    ['cancel/*', 'Vraag', 'Ik kan niet vinden waar ik mij moet aanmelden.'],
    ['cancel/*', 'Model', 'Kunt u mij het verslag van de ledenvergadering toesturen? Ik kan het niet vinden op de website.'],
    ['cancel/*', 'Verslag', 'Wij kunnen bij geen van de sessies aanwezig zijn. Komt er een verslag?'],
    ['cancel/*', 'Nieuwsbrief', 'Graag afmelden voor uw nieuwsbrief.'],
    ['cancel/*', 'Headphones', 'Our new noise-cancelling headphones: I can\'t stop listening!'],
  ]), []);
});
