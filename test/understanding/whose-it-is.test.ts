// Evidence counts against an act only where it is about what the act is about: the sender's own
// attendance, this session, this withdrawal. Someone else's doubt, the sender replacing a colleague
// elsewhere, a "maybe next time", a remark after "zo niet" and what was considered before the
// sentence that signs up do not stop the act; the same words about the sender's own coming do.
// Fresh messages, written for the principles (see "When the bot may act" in
// src/understanding/README.md), each beside look-alikes that must still be left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases, verdict } from './mail.js';

type Case = readonly [want: string, subject: string, text: string];


test("someone else's doubt leaves the sender's own firm signup standing", async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/arnhem', 'Aanmelding Arnhem', 'Ik meld me aan voor de sessie in Arnhem op 22 juni. Mijn collega twijfelt nog of ze mee kan.'],
    ['register/breda', 'Aanmelding', 'Hierbij meld ik mij aan voor Breda (3 juli). Of de wethouder ook komt, weet ik nog niet; hij laat het zelf weten.'],
    ['register/utrecht', 'Utrecht 14 juni', 'Graag meld ik me aan voor Utrecht, 14 juni. Misschien komt mijn collega Piet ook, dat hoort u dan van hem.'],
    ['register/assen', 'Design session Assen', 'Please sign me up for Assen on 28 June. My colleague is not sure yet; she will let you know herself.'],
  ]), []);
  // The sender's own coming in doubt, whoever else is named, is held back.
  assert.deepEqual(await actedOn([
    ['register/*', 'Aanmelding Arnhem', 'Ik meld me misschien aan voor Arnhem, mijn collega ook.'],
    ['register/*', 'Aanmelding Arnhem', 'Ik meld me aan voor Arnhem, maar mijn leidinggevende weet nog niet of ik mag.'],
    ['register/*', 'Venlo', 'Mijn collega en ik komen misschien naar Venlo op 29 juni.'],
    ['register/*', 'Utrecht', 'Ik kom naar Utrecht op 14 juni, tenzij de wethouder mij die dag nodig heeft.'],
    ['register/*', 'Aanmelding Breda', 'Ik meld me aan voor Breda. Mijn wethouder twijfelt nog of hij mij kan missen.'],
  ]), []);
});

test('after "zo niet" a remark is no condition; attendance that waits on the answer is', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Aanmelding Venlo', 'Ik meld me aan voor Venlo op 29 juni. Is er een lift? Zo niet, dan hoor ik graag welke ingang ik het beste kan nemen.'],
    ['register/haarlem', 'Haarlem 21 June', 'I would like to register for Haarlem on 21 June. Is there parking nearby? No problem if not.'],
    ['register/assen', 'Aanmelding Assen', 'Graag aanmelden voor Assen, 28 juni. Is er een vegetarische lunch? Zo niet, geen probleem, dan neem ik zelf iets mee.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Venlo', 'Is er een lift in het stadhuis? Zo ja, dan meld ik mij aan voor Venlo.'],
    ['register/*', 'Assen', 'Ik meld me aan voor Assen. Is er parkeergelegenheid? Zo niet, dan kom ik niet.'],
    ['register/*', 'Venlo', 'I sign up for Venlo on 29 June. Is there a lift? If not, I cannot attend.'],
  ]), []);
});

test('a substitute is someone in the sender\'s place: not a colleague the sender replaces elsewhere, nor "geen vervanger"', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/utrecht', 'Afmelding Utrecht 14 juni', 'Ik moet mij helaas afmelden voor Utrecht, omdat ik een zieke collega moet vervangen.'],
    ['cancel/breda', 'Afmelding', 'Ik kan helaas niet naar Breda op 3 juli; ik vervang die dag de burgemeester bij een andere afspraak.'],
    ['cancel/arnhem', 'Afmelding Arnhem 22 juni', 'Ik ben helaas verhinderd en meld me af voor Arnhem. Er komt geen vervanger.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['cancel/*', 'Afmelding Breda', 'Ik kan niet naar Breda op 3 juli, mijn collega Jan gaat in mijn plaats.'],
    ['cancel/*', 'Assen', 'Ik ben verhinderd voor Assen; mijn vervanger is Els Bakker.'],
  ]), []);
});

test("a secretariat withdrawing the person it writes for withdraws the registration; a colleague's absence is not the sender's", async () => {
  const secretariat = (text: string) => `${text}\n\nMet vriendelijke groet,\n\nCarla Jonker\nSecretariaat burgemeester en wethouders\nGemeente Heusden`;
  const cases: Case[] = [
    ['cancel/arnhem', 'Afmelding burgemeester Arnhem 22 juni', 'De burgemeester is op 22 juni helaas verhinderd en zal niet aan de sessie in Arnhem deelnemen.'],
    ['cancel/assen', 'Afmelding', 'Namens wethouder Jansen laat ik u weten dat zij helaas verhinderd is voor de sessie in Assen op 28 juni.'],
    ['cancel/haarlem', 'Afmelding wethouder Haarlem', 'De wethouder kan op 21 juni helaas niet naar Haarlem komen. Er komt geen vervanger.'],
  ];
  const wrong: string[] = [];
  for (const [want, subject, text] of cases) {
    const v = await verdict({ subject, text: secretariat(text) });
    if (`${v.intent}/${v.session}` !== want) wrong.push(`${text}: got ${v.intent}/${v.session} (${v.reason})`);
  }
  assert.deepEqual(wrong, []);
  // The sender still comes, or asks to take the place: not a withdrawal of the registration.
  const stays: Case[] = [
    ['cancel/*', 'Assen', 'Mijn collega Jan kan helaas niet naar Assen, ik kom wel.'],
    ['cancel/*', 'Arnhem', 'De wethouder kan helaas niet op 22 juni; ik kom in zijn plaats.'],
    ['cancel/*', 'Arnhem', 'Onze burgemeester kan niet naar Arnhem. Kunt u mij in zijn plaats aanmelden?'],
  ];
  const acted: string[] = [];
  for (const [, subject, text] of stays) {
    const v = await verdict({ subject, text: secretariat(text) });
    if (v.intent === 'cancel') acted.push(`${text}: got cancel (${v.reason})`);
  }
  assert.deepEqual(acted, []);
});

test('a hedge about another occasion does not hold back a withdrawal; a hedged withdrawal is held back', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/venlo', 'Afmelding Venlo', 'Ik meld me af voor Venlo, 29 juni, vanwege een raadsvergadering. Misschien een volgende keer!'],
    ['cancel/haarlem', 'Afmelding', 'Helaas kan ik niet bij de sessie in Haarlem zijn. Wellicht bij een andere gelegenheid.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['cancel/*', 'Venlo', 'Ik moet me misschien afmelden voor Venlo.'],
    ['cancel/*', 'Haarlem', 'Waarschijnlijk kan ik niet naar Haarlem op 21 juni; ik laat het nog weten.'],
  ]), []);
});

test('a request to be signed up for a named session is a signup made, also "in plaats daarvan"', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/arnhem', 'Wijziging aanmelding', 'Vorige week meldde ik me aan voor Utrecht, maar die datum past niet meer. Wilt u mij in plaats daarvan inschrijven voor Arnhem op 22 juni?'],
    ['register/assen', 'Wijziging', 'Ik sta ingeschreven voor Venlo. Kunt u mij in plaats daarvan aanmelden voor Assen (28 juni)?'],
  ]), []);
  // Asking whether another is possible, or where there is one, chooses nothing.
  assert.deepEqual(await actedOn([
    ['register/*', 'Utrecht', 'Utrecht past mij niet. Kan ik in plaats daarvan ook naar Arnhem komen?'],
    ['register/*', 'Utrecht', 'Utrecht past mij niet. Is er in plaats daarvan een sessie in Zwolle?'],
  ]), []);
});

test('a comparison whose object is the chosen session gives the reason for it', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/assen', 'Aanmelding', 'Zwolle ligt veel dichter bij Assen, dus ik meld me aan voor de sessie in Assen op 28 juni.'],
    ['register/breda', 'Aanmelding', 'Roosendaal ligt een stuk dichter bij Breda, dus ik kom graag op 3 juli naar Breda.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Assen', 'Is er ook een sessie dichter bij Zwolle? Anders meld ik me aan voor Assen.'],
    ['register/*', 'Assen', 'Assen is ver weg. Ik zoek een sessie dichter bij huis.'],
  ]), []);
});

test('what was considered before the sentence that signs up is context; what comes after it is not', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/arnhem', 'Aanmelding', 'Eerst dacht ik aan Utrecht, maar Arnhem komt beter uit. Meldt u mij aan voor Arnhem, 22 juni.'],
    ['register/breda', 'Aanmelding ontwerpsessie', 'Ik had eerst aan Venlo gedacht, maar Breda is voor ons dichterbij. Ik meld me dus aan voor 3 juli in Breda.'],
    // The correction is itself the last choice made: "the last firm choice" (mind-changed.test.ts).
    ['register/arnhem', 'Aanmelding', 'Ik meld me aan voor Utrecht op 14 juni. O nee, ik bedoel Arnhem!'],
    ['register/arnhem', 'Aanmelding', 'Op 12 juni tekenen wij het coalitieakkoord en op 5 juli wordt het college geïnstalleerd. Ik meld mij graag aan voor de sessie in Arnhem op vrijdag 22 juni.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Aanmelding', 'Ik meld me aan voor de sessie. Arnhem of Utrecht, dat maakt mij niet uit.'],
    ['register/*', 'Aanmelding', 'Ik meld mij aan voor Utrecht. Of toch Arnhem? Ik twijfel nog.'],
    ['register/*', 'Aanmelding', 'Ik meld me aan voor Arnhem op 22 juni. Op 5 juli kan ik ook.'],
  ]), []);
});

/** A reply above our invitation (or our question) as Outlook quotes it. */
function above(newText: string, quotedSubject: string, quotedBody: string): string {
  return `${newText}\n\nGroet,\nBas Kramer\nGemeente Weert\n\nVan: D-Loket <D-Loket@VNG.nl>\nVerzonden: vrijdag 18 mei 2018 11:02\nAan: Kramer, Bas\nOnderwerp: ${quotedSubject}\n\n${quotedBody}`;
}
const UTRECHT_INVITATION = 'Geachte heer, mevrouw,\n\nGraag nodigen we u uit voor een gesprek over democratische uitdagingen in uw gemeente.\n\nUitnodiging ONTWERPSESSIE LOKALE DEMOCRATIE\n14 juni | 9:00 - 12:00 | Stadskantoor Utrecht, Stadsplateau 1, Utrecht\n\nAanmelden?\nStuur een e-mail naar: D-Loket@VNG.nl';

test("the quoted invitation's session decides only when the new text only accepts", async () => {
  const under = async (text: string) => {
    const v = await verdict({ subject: 'RE: Uitnodiging ontwerpsessie lokale democratie 14 juni Utrecht', text: above(text, 'Uitnodiging ontwerpsessie lokale democratie 14 juni Utrecht', UTRECHT_INVITATION) });
    return `${v.intent}/${v.session}`;
  };
  assert.equal(await under('Ja, ik kom graag!'), 'register/utrecht');
  assert.equal(await under('Ik kom graag, maar niet in Utrecht: doe mij maar Haarlem, dat is dichterbij.'), 'register/haarlem');
  for (const text of [
    'Ik kom graag, maar niet in Utrecht.',
    'Graag aanmelden, maar dan voor een andere sessie: op 14 juni vergadert onze raad.',
    'Ja graag, maar liever op een andere datum.',
  ]) assert.notEqual(await under(text), 'register/utrecht', text);
});

test('a short answer to our question which session is a choice made', async () => {
  const answer = async (text: string, question: string) => {
    const v = await verdict({ subject: 'RE: Uw aanmelding ontwerpsessie', text: above(text, 'Uw aanmelding ontwerpsessie', `Beste heer Kramer,\n\n${question}\n\nMet vriendelijke groet,\nMarieke Hoogland\nprojectsecretariaat Democratie in Actie`) });
    return `${v.intent}/${v.session}`;
  };
  assert.equal(await answer('Breda bedoel ik, excuus.', "U meldde zich aan voor 'de sessie in het zuiden'. Bedoelt u Venlo (vrijdag 29 juni) of Breda (dinsdag 3 juli)?"), 'register/breda');
  assert.equal(await answer('Raadslid, gemeente Weert. En graag voor Arnhem ja.', 'Om u te kunnen aanmelden missen we nog uw functie, uw gemeente en de sessie die u wilt bijwonen.'), 'register/arnhem');
  // Not an answer that names none, or doubts.
  assert.notEqual(await answer('Dat weet ik nog niet, misschien Breda.', 'Bedoelt u Venlo of Breda?'), 'register/breda');
});

test('a signup said to follow after an answer is not made yet; a date the sender is busy is ruled out', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Inwoners mee naar Haarlem?', 'Onze wethouder wil graag naar de sessie in Haarlem op 21 juni en zou twee inwoners willen meenemen. Is dat de bedoeling van de sessie? Dan melden we ons daarna aan.'],
    ['register/*', 'Aanmelding', 'Ik meld me aan voor de sessie. Op 22 juni ben ik al bezet.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['cancel/utrecht', 'Afmelding Utrecht', 'Ik moet me helaas afmelden voor 14 juni. Op 28 juni ben ik ook al bezet, dus een andere sessie zit er niet in.'],
  ]), []);
});

test('a question the list of sessions answers, from someone who wants to come and has no session, gets the list', async () => {
  assert.deepEqual(await mismatchedCases([
    ['alternatives/null', 'Aanmelding', 'Ik wil graag naar een sessie in Groningen. Wanneer is die?'],
    ['alternatives/null', 'Ontwerpsessie', "Graag meld ik mij aan voor de sessie in Den Bosch. Waar is die precies?"],
    ['alternatives/null', 'Deelname', 'Wij willen graag met z\'n tweeën deelnemen aan een ontwerpsessie. Wat is voor ons de dichtstbijzijnde locatie?'],
    ['alternatives/null', 'Sessie', 'Ik meld me graag aan. Welke zijn er nog?'],
  ]), []);
  // A question the list does not answer stays for a person; no session is ever confirmed.
  assert.deepEqual(await actedOn([
    ['alternatives/*', 'Zwolle', 'Ik wil graag naar de sessie in Zwolle. Is er parkeergelegenheid?'],
    ['register/*', 'Zwolle', 'Is er ook een sessie in Zwolle? Hoe laat begint die?'],
  ]), []);
});

test("another event's signup and a registration one already has are no signup made", async () => {
  assert.deepEqual(await actedOn([
    ['alternatives/*', 'Aanmelding workshop: nog 3 plaatsen beschikbaar!', 'Uw gemeente komt in aanmerking voor een gratis workshop. Meld u vandaag nog aan!'],
    ['register/*', 'Aanmelding webinar', 'Graag aanmelden voor het webinar over participatie.'],
    ['register/*', 'Route Seinwezen', 'Ik kom donderdag naar het Seinwezen (ik sta al op de lijst). Kan ik mijn fiets daar kwijt?'],
  ]), []);
});

test('signing others up while staying away is a signup of them, however they are named', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Aanmelding Venlo', 'Namens het college meld ik wethouder P. de Vries en burgemeester mw. A. Smit aan voor Venlo op 29 juni. Zelf ben ik er niet bij.'],
    ['register/assen', 'Aanmelding Assen', 'Graag meld ik de raadsleden Jan Bos en Els Kok aan voor Assen (28 juni). Ikzelf kom niet mee.'],
    ['register/breda', 'Aanmelding', 'Ik meld drie medewerkers van mijn afdeling aan voor Breda op 3 juli. Zelf heb ik die dag verlof, dus ik kom niet.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Assen', 'Ik kan helaas niet naar Assen op 28 juni. Zelf ben ik er dus niet bij.'],
    ['register/*', 'Arnhem', 'Ik kom niet naar Arnhem. Zelf ben ik die dag verhinderd.'],
  ]), []);
});

test('"Dan kom ik" after a question waits on its answer, unless the question is whether a seat is free', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Venlo', 'Wordt er ook over de Omgevingswet gesproken? Dan meld ik me aan voor Venlo.'],
    ['register/*', 'Assen', 'Are travel costs reimbursed? Then I will come to Assen on 28 June.'],
    ['register/*', 'Utrecht', 'Is er een vegetarische lunch in Utrecht? Dan kom ik graag op 14 juni.'],
    ['register/*', 'Assen', 'Wij willen graag komen naar Assen. Is de sessie alleen voor bestuurders, of ook voor inwoners?'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Venlo 29 juni', 'Is er nog plek in Venlo op 29 juni? Dan kom ik graag.'],
  ]), []);
});

test('coming from a meeting is no signup; "al aangemeld" is a registration had; a registration withdrawn is a cancel', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'vraagje breda', 'hoe laat begint breda precies? ik kom uit een raadsvergadering'],
    ['register/*', 'Parkeren Venlo', 'Wij komen met vier personen (al aangemeld) naar het stadhuis in Venlo. Waar kunnen we parkeren?'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['cancel/arnhem', 'Afmelding', 'Helaas trekken wij de aanmelding van onze drie raadsleden voor de sessie in Arnhem in.'],
    ['register/haarlem', 'Aanmelding', 'Wij komen vanuit Oostzaan met twee man naar de sessie in Haarlem op 21 juni.'],
  ]), []);
});

test('phone-short mail: a few words that name a session and ask for it are a signup made', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'ontwerpsessie lokale democratie', 'venlo aub'],
    ['register/arnhem', 'sessie', 'arnhem 22/6 graag. mvg'],
    ['register/assen', 'aanm', 'regio noord-oost graag, 2 personen'],
    ['register/haarlem', 'aanmeling', 'graag aanmelen voor harlem 21 juni'],
    ['register/utrecht', 'sessie', 'aanm. utrecht 14/6, thx'],
    ['register/breda', 'ontwerpsessie', 'kom met twee collega\'s naar breda op 3 juli'],
    ['register/venlo', 'venlo', 'venlo 29 juni, ik kom. (staat nog als voorlopig in mijn agenda, maar ik ben er)'],
  ]), []);
  // Asking for information, a question, or a weekday alone is not asking for a seat.
  assert.deepEqual(await actedOn([
    ['register/*', 'sessie', 'venlo graag meer info'],
    ['register/*', 'sessie', 'arnhem graag?'],
    ['register/*', 'sessie', 'vrijdag graag'],
    ['register/*', 'sessie', 'assen misschien, graag'],
  ]), []);
});

test('the languages of the border and the provinces: German, Flemish, Frisian and Limburgish signups and withdrawals', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Anmeldung Venlo', 'Sehr geehrte Damen und Herren, hiermit melde ich mich für die Sitzung am 29.06. in Venlo an.'],
    ['register/arnhem', 'Teilnahme', 'Ich möchte gerne am Freitag, 22. Juni, in Arnhem teilnehmen.'],
    ['cancel/venlo', 'Absage Venlo', 'Leider muss ich meine Anmeldung für die Sitzung in Venlo am 29.6. absagen.'],
    ['cancel/breda', 'Verontschuldiging', 'Ik moet mij helaas verontschuldigen voor de sessie van 3 juli in Breda.'],
    ['cancel/assen', 'Assen', 'Ik kin spitigernôch net komme nei Assen. Wolle jo my ôfmelde?'],
    ['cancel/venlo', 'Venlo', 'Ich kin toch neet kómme nao Venlo, sorry. Wils doe mich aafmelde?'],
    ['alternatives/null', 'Teilnahme Ontwerpsessie', 'Ich möchte gerne an einer der Sitzungen teilnehmen. Welche Termine gibt es noch?'],
  ]), []);
});

test('a step still to take holds a signup back', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Sessie Breda', 'Ik zou graag naar Breda op 3 juli komen, maar moet het nog afstemmen met de griffier. Ik kom er zo snel mogelijk bij u op terug.'],
    ['register/*', 'Arnhem', 'Ik kom graag naar Arnhem, maar ik moet dat nog even overleggen met mijn wethouder.'],
  ]), []);
});

test('conditions in more words: "zo nee", "afhankelijk daarvan", "is dat mogelijk voor …"', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Kosten', 'Moeten we voor de lunch betalen? Zo nee, dan meld ik me graag aan voor Assen op 28 juni.'],
    ['register/*', 'Vraag', 'Hoeveel plekken zijn er per gemeente in Venlo? Afhankelijk daarvan melden wij ons aan.'],
    ['register/*', 'Arnhem', 'Wij zijn een adviesbureau en zouden graag bij de sessie in Arnhem zijn. Is dat mogelijk voor niet-gemeenten?'],
  ]), []);
});

test('a signup word inside what the sender asks to hear, an eligibility question in the subject, a signup promised after our answer', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Groep naar Breda', 'Is het aantal plekken per gemeente in Breda op 3 juli beperkt? Graag horen wij hoeveel mensen we mogen aanmelden.'],
    ['register/*', 'Mag ik als student ook komen?', 'Ik mag toch ook aanschuiven bij de sessie in Utrecht op 14 juni? Ik vind het onderwerp erg interessant.'],
    ['register/*', 'Assen', 'Wie moet er volgens u komen, de wethouder of de griffier? Laat het ons weten, dan melden we die aan voor Assen.'],
  ]), []);
});

test('more ways to sign up: "noteert u", "hierbij aangemeld", "put me down", "count me in", "Anmeldung", a count of people, "ik bedoelde X"', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/haarlem', 'Haarlem', 'Noteert u ons maar voor Haarlem, 21 juni.'],
    ['register/venlo', 'Venlo', 'Hierbij aangemeld voor de sessie in Venlo, 29 juni.'],
    ['register/arnhem', 'Design session', 'Please put me down for the Arnhem session on 22 June.'],
    ['register/breda', 'Design session', 'Count me and a colleague in for Breda on 3 July.'],
    ['register/venlo', 'Sitzung', 'Anmeldung: Venlo, 29. Juni, eine Person.'],
    ['register/arnhem', 'sessie', '22/6 Arnhem, 2 pers.'],
    ['register/assen', 'Re: Aanmelding', 'Excuus, ik bedoelde Assen, 28 juni.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Vraag', 'Wat bedoelt u met de sessie in het oosten? Is dat Arnhem?'],
    ['register/*', 'Arnhem', 'Ik bedoelde niet dat ik naar Arnhem kom, alleen dat het me interessant lijkt.'],
    ['register/*', 'Breda', 'Hoeveel mensen mogen er naar Breda? 4 pers?'],
  ]), []);
});
