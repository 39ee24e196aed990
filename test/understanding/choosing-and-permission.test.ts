// Choosing, asking leave, and yeses to other things. Written after round 38 (2026-12-07), in fresh
// words, each principle beside look-alikes that must keep their verdict:
// - whether others may take part, asked as a permission ("is het mogelijk dat ook een Vlaamse
//   gemeente deelneemt?"), and a signup that waits on it ("als dat mag, komen we") are for a person;
//   so is whether the sender may, in a capacity of their own ("is het toegestaan dat wij als
//   buitenlandse gemeente aansluiten?"); whether one can *still* come asks for a seat;
// - a short reply under our own list of sessions chooses one by a word of choosing that stands at
//   it ("Breda dan maar", "dan wordt het Venlo") or by naming nothing but the session; naming it
//   among other things ("op 21 juni ben ik al in Haarlem") chooses nothing;
// - a yes to something else ("graag ontvang ik het verslag van Utrecht", "graag de presentatie")
//   accepts no seat;
// - not knowing whether it is still possible asks for a seat; not knowing whether one makes it is
//   a doubt; "als mijn agenda het toelaat" is a condition wherever it stands;
// - "elders", "ergens anders" ask for another session only when a session or taking part is
//   what is elsewhere (not where a chauffeur waits);
// - a filled-in form ("Naam: …", "Sessie: Assen") is a signup; "maak er Utrecht van" and "kunt u
//   dat wijzigen naar Breda?" switch, "kunt u mijn adres wijzigen naar … Breda" does not;
// - "kunnen wij geen van beiden" withdraws; "ik kan de bevestiging niet meer vinden" does not; nor
//   does "ik zelf kan niet" beside a colleague who goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOT, mismatchedCases, verdict, signed } from './mail.js';

const OVERVIEW = `Op di 12 jun 2018 om 13:00 schreef D-Loket <${BOT}>:

> Geachte heer, mevrouw,
>
> Hieronder vindt u het overzicht van de ontwerpsessies waarvoor nog plaatsen beschikbaar zijn.
>
> Donderdag 14 juni | Utrecht, Stadskantoor
> Donderdag 21 juni | Haarlem, Seinwezen
> Vrijdag 22 juni | Arnhem, Provincie Gelderland
> Donderdag 28 juni | Assen, Podium Zuidhaege
> Vrijdag 29 juni | Venlo, Stadhuis
> Dinsdag 3 juli | Breda, Podium Bloos
>
> Aanmelden? Stuur een e-mail naar ${BOT} en geef aan in welke stad u aansluit.
>
> Met vriendelijke groet,
> D-Loket`;

/** The verdict on `text` as a reply under our quoted list of sessions. */
async function underOurList(text: string): Promise<string> {
  const v = await verdict({
    subject: 'Re: Overzicht ontwerpsessies lokale democratie 2018', date: 'Wed, 13 Jun 2018 10:00:00 +0200',
    headers: { 'In-Reply-To': '<overzicht@vng.nl>' }, text: `${text}\n\nGroet,\nBas Kramer\nGemeente Weert\n\n${OVERVIEW}`,
  });
  return `${v.intent}/${v.session}`;
}

test('whether others may take part, asked as a permission, and a signup waiting on it are for a person', async () => {
  assert.deepEqual(await mismatchedCases([
    ['escalate/null', 'Deelname Breda', 'Is het mogelijk dat ook een Vlaamse gemeente deelneemt aan de sessie in Breda op 3 juli? Als dat mag, komen we graag met twee personen.'],
    ['escalate/null', 'Breda 3 juli', 'Is het mogelijk dat ook twee inwoners uit ons burgerpanel meekomen naar Breda? Als dat mag, komen we met drie.'],
    ['escalate/null', 'Vraag deelname Assen', 'Wij zijn een Duitse Gemeinde bij Coevorden. Is het toegestaan dat ook wij als buitenlandse gemeente aansluiten in Assen op 28 juni? Als dat kan, komen we met z\'n tweeën.'],
    // A firm signup beside such a question stands; the question is a remark for a person.
    ['register/breda', 'Breda 3 juli', 'Ik kom graag naar Breda op 3 juli. Is het mogelijk dat ook een inwoner uit ons burgerpanel meekomt?'],
    // Whether one can still sign up, or still join, asks for a seat.
    ['register/breda', 'Aanmelding Breda', 'Is het mogelijk dat ik mij nog aanmeld voor Breda op 3 juli? Graag!'],
    ['register/haarlem', 'Haarlem', 'Kunnen mijn wethouder en ik nog aansluiten bij de sessie in Haarlem op 21 juni?'],
  ]), []);
});

test('under our list, a reply chooses by a word of choosing at the session or by naming nothing else', async () => {
  const cases: [string, string][] = [
    ['register/breda', 'Breda dan maar, 3 juli zit ik vrij.'],
    ['register/venlo', 'Dan wordt het Venlo voor mij.'],
    ['register/arnhem', 'Arnhem 22 juni, met z\'n tweeën.'],
    ['register/assen', 'Assen past mij het best.'],
    ['escalate/null', 'Op 21 juni ben ik al in Haarlem voor iets anders.'],
    ['escalate/null', 'Breda wordt te laat, sorry.'],
    ['escalate/null', 'Dan wordt het lastig, Assen is ver weg.'],
    ['escalate/null', 'Haarlem lijkt me interessant, ik overleg even met mijn wethouder.'],
    ['escalate/null', 'Bedankt! Breda staat al in mijn agenda.'],
    ['escalate/null', 'Prima overzicht, dank. Ik heb Arnhem doorgegeven aan de griffie.'],
    ['escalate/null', 'Prima, ik stuur het door naar collega\'s in Venlo.'],
    ['escalate/null', 'Dan wordt het Arnhem, mits de trein rijdt.'],
  ];
  const wrong: string[] = [];
  for (const [want, text] of cases) {
    const got = await underOurList(text);
    if (got !== want) wrong.push(`${text}: want ${want}, got ${got}`);
  }
  assert.deepEqual(wrong, []);
});

test('a yes to something else accepts no seat; a condition on the agenda holds wherever it stands', async () => {
  assert.deepEqual(await mismatchedCases([
    ['escalate/null', 'Utrecht', 'Graag ontvang ik het verslag van Utrecht.'],
    ['escalate/null', 'Haarlem', 'Graag de presentatie van Haarlem achteraf.'],
    ['escalate/null', 'Venlo', 'Graag Venlo, als mijn agenda het toelaat.'],
    ['register/venlo', 'Venlo', 'Graag Venlo 29 juni.'],
    ['register/venlo', 'Venlo', 'Venlo graag, met 2 personen.'],
    ['register/venlo', 'Venlo', 'Graag Venlo. Mijn agenda laat het toe.'],
  ]), []);
});

test('not knowing whether it is still possible asks for a seat; not knowing whether one makes it is a doubt', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/haarlem', 'Haarlem', 'Ik weet niet of het nog kan, maar ik wil me graag aanmelden voor Haarlem op 21 juni.'],
    ['escalate/null', 'Haarlem', 'Ik weet niet of ik het red, maar ik wil me graag aanmelden voor Haarlem op 21 juni.'],
    ['escalate/null', 'Haarlem', 'Ik weet niet of het lukt, ik wil graag naar Haarlem op 21 juni.'],
  ]), []);
});

test('elsewhere asks for another session only where a session or taking part is elsewhere', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Aanmelding Venlo', 'Ik kom naar Venlo op 29 juni. Kunt u laten weten of ik met de auto kan komen of beter ergens anders kan parkeren?'],
    ['register/venlo', 'Aanmelding burgemeester Venlo', 'Hierbij meld ik burgemeester De Vries aan voor Venlo op 29 juni. Kan de chauffeur bij het stadhuis wachten, of beter ergens anders?'],
    ['register/venlo', 'Aanmelding Venlo', 'Ik kom naar Venlo op 29 juni. Mijn collega wordt die middag elders verwacht.'],
    ['alternatives/null', 'Venlo', 'Venlo 29 juni kan ik helaas niet. Kan ik ergens anders aansluiten?'],
    ['alternatives/null', 'Venlo', 'Ik zou graag naar Venlo gaan, maar liever ergens anders in Limburg. Kan dat?'],
  ]), []);
});

test('a form filled in signs up; switches asked in other words switch; an address changed does not', async () => {
  const form = await verdict({
    subject: 'RE: Uw bericht aan D-Loket', text: signed('De aanmelding zat in de bijlage. Nogmaals in de tekst:\n\nNaam: Piet Bos\nFunctie: raadslid\nGemeente: Weert\nSessie: Venlo, 29 juni'),
  });
  assert.equal(`${form.intent}/${form.session}`, 'register/venlo');
  assert.deepEqual(await mismatchedCases([
    ['register/utrecht', 'Wijziging: Haarlem wordt Utrecht', 'Ik stond voor Haarlem op 21 juni, maar onze raad vergadert dan. Maak er alsjeblieft Utrecht (14 juni) van.'],
    ['register/breda', 'Wijziging', 'Ik sta ingeschreven voor Utrecht. Kunt u dat wijzigen naar Breda op 3 juli?'],
    ['escalate/null', 'Wijziging', 'Kunt u mijn adres wijzigen naar Stationsplein 1 in Breda?'],
    ['escalate/null', 'Succes!', 'Maak er een mooie dag van in Arnhem op 22 juni!'],
  ]), []);
});

test('who cannot come, in more words; what cannot be found, and a colleague who goes, withdraw nothing', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/haarlem', 'RE: Bevestiging aanmelding Haarlem 21 juni', 'Helaas kunnen wij geen van beiden op 21 juni. Excuses!'],
    ['escalate/null', 'Bevestiging', 'Als het goed is sta ik al ingeschreven voor Breda op 3 juli, maar ik kan de bevestiging niet meer vinden. Kunt u dat checken?'],
    ['register/assen', 'Ontwerpsessie', 'Ik kom naar Assen, niemand van de griffie kan mee.'],
  ]), []);
  const colleague = await verdict({ subject: 'Aanmelding collega 21 juni Haarlem', text: signed('Mijn collega Youssef (in cc) gaat namens ons team naar de sessie op 21 juni in Haarlem. Ik zelf kan niet.') });
  assert.notEqual(colleague.intent, 'cancel');
});
