// More of how people write: who else may come, withdrawals in other words, "maar" as a
// particle, reasons that rule a session out, first thoughts given up, someone else's
// withdrawal, parts of the day, questions the list answers, and unsolicited mail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signed, verdict } from './mail.js';

const said = async (text: string, subject = 'Ontwerpsessie', org = 'Gemeente Oss') => {
  const v = await verdict({ subject, text: signed(text, 'Karin Smits', org) });
  return `${v.intent}/${v.session}`;
};

test('asking whether others may take part is for a person; asking for oneself is a signup', async () => {
  assert.equal(await said('Mogen raadsleden van onze buurgemeente ook aanschuiven bij de sessie in Venlo?'), 'escalate/null');
  assert.equal(await said('Kunnen medewerkers van de provincie ook deelnemen aan de bijeenkomst in Arnhem?'), 'escalate/null');
  assert.equal(await said('Kan ik nog aansluiten bij de sessie in Venlo? Graag!'), 'register/venlo');
});

test('withdrawals in other words: laten vervallen, doorstrepen, afhaken', async () => {
  assert.equal(await said('Wilt u mijn inschrijving voor Arnhem laten vervallen? Er is iets tussengekomen.'), 'cancel/arnhem');
  assert.equal(await said('Mijn aanmelding voor Assen vervalt helaas.'), 'cancel/assen');
  assert.equal(await said('U mag mijn naam voor de sessie in Breda doorstrepen.'), 'cancel/breda');
  assert.equal(await said('Ik haak helaas af voor Haarlem, de agenda laat het niet toe.'), 'cancel/haarlem');
});

test('"maar" after a pronoun is a particle, not a contrast', async () => {
  assert.equal(await said('Meld mij maar af voor Venlo, ik ben ziek.'), 'cancel/venlo');
  assert.equal(await said('Zet mij maar op de lijst voor Utrecht.'), 'register/utrecht');
});

test('a meeting or the distance as the reason rules a session out in a switch', async () => {
  assert.equal(await said('Graag wissel ik van Haarlem naar Assen, want op 21 juni heb ik een commissievergadering.'), 'register/assen');
  assert.equal(await said('Ik stond voor Breda op de lijst, maar ik wil liever naar Utrecht. Breda is voor mij te ver weg.'), 'register/utrecht');
});

test('a first thought given up does not count', async () => {
  assert.equal(await said('Ik had eerst Arnhem in gedachten, maar dat gaat niet lukken. Dan kies ik voor Venlo.'), 'register/venlo');
  assert.equal(await said('Arnhem leek me handig, maar dat wordt niets; ik ga naar Assen.'), 'register/assen');
});

test('someone else’s withdrawal is theirs: the sender who takes the place signs up', async () => {
  assert.equal(await said('De wethouder heeft zich afgemeld voor Utrecht. Kunt u mij aanmelden? Dan ga ik.'), 'register/utrecht');
  // The mayor's withdrawal told by someone else is not the sender's own: a person sees whose it is.
  assert.equal(await said('De burgemeester is helaas verhinderd voor Venlo en meldt zich af.'), 'escalate/null');
});

test('the part of the day narrows a weekday down', async () => {
  assert.equal(await said('Ik kan alleen op donderdag in de middag. Graag aanmelden.'), 'register/assen');
  assert.equal(await said('Een donderdagochtend past mij het best, meld mij aan.'), 'alternatives/null');
  assert.equal(await said('Schrijf mij in voor een vrijdagmiddag.'), 'alternatives/null');
});

test('questions the list of sessions answers lead to the list', async () => {
  assert.equal(await said('Ik kom graag naar een sessie in Zwolle. Wanneer is die?'), 'alternatives/null');
  const en = await verdict({ subject: 'Design sessions', text: 'Hello,\n\nIs there a session near Groningen? I would like to attend.\n\nRegards,\nPeter' });
  assert.equal(en.intent, 'alternatives');
  assert.equal(await said('Hoe kunnen wij ons aanmelden voor het project Democratie in Actie, en wat houdt dat in?'), 'escalate/null');
});

test('unsolicited mail without a spam header is a machine: fake mailbox warnings and sales pitches', async () => {
  const phish = await verdict({ subject: 'Uw account wordt geblokkeerd', from: 'Servicedesk <it@mail-beheer.example>', text: 'Uw mailbox is vol. Klik hier om uw account te verifieren, anders wordt het account geblokkeerd.' });
  assert.equal(`${phish.intent}/${phish.automated}`, 'ignore/spam');
  const sales = await verdict({ subject: 'Registraties', from: 'Tom <tom@eventtool.example>', text: 'Beste team,\n\nOnze software automatiseert aanmeldingen voor evenementen. Heeft u tijd voor een kort gesprek van 15 minuten?\n\nTom' });
  assert.equal(`${sales.intent}/${sales.automated}`, 'ignore/spam');
  // A search-engine pitch dressed as a reply, its domain name inside the sentence, promising results.
  const seo = await verdict({ from: 'Sam <sam@rank-boost.example>', subject: 'Re: Proposal for your site', text: 'Hello,\n\nI looked at your website gemeente.example.nl and it is not ranking well for your keywords. We guarantee more visitors within 60 days at a competitive price.\n\nThanks,\nSam' });
  assert.equal(`${seo.intent}/${seo.automated}`, 'ignore/spam');
  // A signup that happens to mention a link is a person.
  const person = await verdict({ subject: 'Aanmelding', text: signed('Graag meld ik mij aan voor Breda. Klik hier voor onze nieuwe website: www.oss.nl') });
  assert.equal(person.intent, 'register');
});

test('a signature with "gemeenteraadslid" names the municipality', async () => {
  const v = await verdict({ subject: 'Breda', from: 'Ali <ali1970@gmail.com>', text: 'Ik meld mij aan voor de ontwerpsessie in Breda.\n\nGroet,\nAli Demir\ngemeenteraadslid Oosterhout' });
  assert.equal(v.municipality, 'Oosterhout');
});

test('a supplier writing about "your attendees" is unsolicited mail', async () => {
  const hotel = await verdict({ subject: 'Rooms for your participants', from: 'Sales <sales@stayeasy.example>', text: 'Dear organizer,\n\nWe offer discounted hotel rooms for the participants of your sessions in Venlo and Breda. Please register your group with us.\n\nKind regards' });
  assert.equal(`${hotel.intent}/${hotel.automated}`, 'ignore/spam');
  const bus = await verdict({ subject: 'Vervoer naar uw bijeenkomsten', from: 'Info <info@busreizen.example>', text: 'Geachte organisatie,\n\nWij verzorgen busvervoer voor de deelnemers aan uw bijeenkomsten in Assen. Graag sturen wij een vrijblijvende offerte.\n\nMet vriendelijke groet' });
  assert.equal(bus.intent, 'ignore');
});

test('a question word asks for a person, unless it asks how to sign up or which sessions there are', async () => {
  // Beside a signup that stands on its own, the question goes to a person and the signup is confirmed.
  assert.equal(await said('Ik kom graag naar Arnhem op 22 juni. Waar kan ik mijn auto kwijt?'), 'register/arnhem');
  assert.equal(await said('Ik kom op 28 juni naar Assen. Hoe kom ik het best vanaf het station bij de zaal?'), 'register/assen');
  assert.equal(await said('Hoe kom ik het best vanaf het station bij de zaal in Assen?'), 'escalate/null');
  assert.equal(await said('Ik wil graag naar een sessie. Welke sessies zijn er nog?'), 'alternatives/null');
});

test('a contrast after a colon: "graag, maar niet in X: liever Y of Z"', async () => {
  assert.equal(await said('Ik kom graag, maar niet in Utrecht: liever Haarlem of Arnhem.'), 'alternatives/null');
});

test('questions that only ask the bot to do it are answered by doing it', async () => {
  assert.equal(await said('Ik wil graag overstappen van Arnhem naar Assen. Kunt u dat voor mij aanpassen?'), 'register/assen');
  assert.equal(await said('Graag aanmelden voor Venlo op 29 juni. Lukt dat nog?'), 'register/venlo');
  assert.equal(await said('Ik moet mij helaas afmelden voor Breda. Kunt u dat verwerken?'), 'cancel/breda');
  assert.equal(await said('Zou ik nog kunnen aanschuiven in Haarlem? Ik meld mij hierbij aan.'), 'register/haarlem');
});

test('leaving another meeting early is not leaving the session early', async () => {
  assert.equal(await said('Ik kan eerder weg van mijn overleg, dus ik meld mij aan voor Breda.'), 'register/breda');
  assert.equal(await said('Ik meld mij aan voor Breda, maar moet om 16.00 uur eerder weg.'), 'register/breda'); // with a remark for a person
});

test('an answer on top of the bot’s own list of sessions is read as a choice, also without the database', async () => {
  const v = await verdict({
    subject: 'Re: Kies een ontwerpsessie',
    text: 'Doe maar Venlo dan.\n\nOp 20 jun. 2018 om 11:05 schreef D-Loket <D-Loket@VNG.nl>:\n> Kies een ontwerpsessie: antwoord met het nummer van uw keuze.\n> 1. Arnhem\n> 2. Venlo\n> 3. Breda',
  });
  assert.equal(`${v.intent}/${v.session}`, 'register/venlo');
});

test('a wrong weekday with an agreeing city and date still names the session; a mistyped verb is still a verb', async () => {
  assert.equal(await said('Ik meld mij aan voor Assen op vrijdag 28 juni.'), 'register/assen');
  assert.equal(await said('Ik meld mij aan voor vrijdag 28 juni.'), 'alternatives/null');
  assert.equal(await said('Graag wil ik mij aanmedlen voor de sessie in Haarlem.'), 'register/haarlem');
});

test('a day without its month, and a part of a month', async () => {
  assert.equal(await said('Ik schuif graag aan op de 21ste.'), 'register/haarlem');
  assert.equal(await said('Ik kom graag naar de sessie half juni.'), 'register/utrecht'); // 14 juni is the only mid-June one
  assert.equal(await said('Ik kom graag naar de sessie eind juni.'), 'alternatives/null');
  assert.equal(await said('Meld mij maar aan voor de sessie eind juni in het noorden, dus Assen.'), 'register/assen');
});

test('the building word alone names the venue, but not someone’s own building', async () => {
  assert.equal(await said('Graag kom ik naar het Stadskantoor op de ontwerpsessie.'), 'register/utrecht');
  assert.equal(await said('Graag aanmelden. Ik vertrek vanuit ons stadskantoor.'), 'alternatives/null');
});

test('people brought along, listed in a table, or signed up "ook namens"', async () => {
  const count = async (text: string) => (await verdict({ subject: 'Aanmelding Venlo', text: signed(text) })).attendees;
  assert.equal(await count('Graag meld ik mij aan voor Venlo. Ik neem drie collega\'s mee.'), 4);
  assert.equal(await count('Aanmelden voor Venlo graag, ook namens mijn collega Bart Smeets.'), 2);
  assert.equal(await count('Wij melden voor Venlo aan:\n\nDhr. P. Janssen    CDA\nMw. L. Peters      VVD\nDhr. K. Willems    SP\n\nMet dank.'), 3);
});

test('someone else’s plans are theirs: the sender’s own choice decides', async () => {
  assert.equal(await said('Mijn buurman in de raad vertelde dat hij naar Venlo gaat. Zelf meld ik mij graag aan voor Breda.'), 'register/breda');
  // A secretary signing the mayor up: the mayor's session.
  assert.equal(await said('De burgemeester komt graag naar de sessie in Assen.'), 'register/assen');
});

test('two people for two sessions in one sentence is for a person', async () => {
  assert.equal(await said('Ik kom naar Arnhem op 22 juni, en mijn collega Ruud de Wit naar Assen op 28 juni.'), 'escalate/null');
});

test('an earlier withdrawal undone is a signup again', async () => {
  assert.equal(await said('Ik had mij afgemeld voor Venlo, maar het overleg is verzet. Graag meld ik mij alsnog aan.'), 'register/venlo');
  // Told as news only, it stays a withdrawal.
  assert.equal(await said('Ik heb mij vorige week afgemeld voor Venlo, dat klopt toch?'), 'cancel/venlo');
});

test('good wishes, slips of the pen and full agendas choose nothing', async () => {
  const v = await verdict({ subject: 'RE: Bevestiging aanmelding Utrecht', date: 'Thu, 14 Jun 2018 07:30:00 +0200', text: 'Ik moet helaas afzeggen, ik ben ziek. Succes vandaag!' });
  assert.equal(`${v.intent}/${v.session}`, 'cancel/utrecht');
  assert.equal(await said('Ik meld mij aan voor 21 juni. PS ik zie dat ik 21 juni schreef, maar ik bedoel Venlo op 29 juni.'), 'register/venlo');
  assert.equal(await said('Mijn agenda zit in juni helemaal vol, dus ik meld mij aan voor de sessie in juli.'), 'register/breda');
});

test('outsiders asking to watch are for a person', async () => {
  assert.equal(await said('Als promovendus bestuurskunde zou ik graag als toehoorder aanwezig zijn bij de sessie in Breda.', 'Ontwerpsessie', 'Universiteit Tilburg'), 'escalate/null');
});

test('more ways of signing up: "op de lijst zetten", "wil er graag bij zijn", a form count, parties of several words', async () => {
  assert.equal(await said('Ik kom graag naar Haarlem. Wilt u mij op de lijst zetten?'), 'register/haarlem');
  assert.equal(await said('Ik wil bij de sessie in Utrecht graag bij zijn.'), 'register/utrecht');
  const form = await verdict({ subject: 'Aanmeldformulier', text: 'Gemeente: Oss\nSessie: Venlo\nAantal personen: 3\n' });
  assert.equal(`${form.intent}/${form.session}/${form.attendees}`, 'register/venlo/3');
  const party = await verdict({ subject: 'Breda', from: 'Anne <anne88@hotmail.com>', text: 'Ik meld mij aan voor Breda.\n\nAnne Vos\nraadslid Gemeentebelangen Sterk Alphen-Chaam' });
  assert.equal(party.municipality, 'Alphen-Chaam');
});

test('switches in other words: "wijzigen in", "in plaats van naar", "dus die kan ik niet"', async () => {
  assert.equal(await said('Eerder meldde ik mij aan voor Haarlem. Graag wijzig ik dat in Assen, 28 juni.'), 'register/assen');
  assert.equal(await said('Graag kom ik naar Venlo in plaats van naar Utrecht.'), 'register/venlo');
  assert.equal(await said('De sessie in Arnhem valt samen met een training, dus die kan ik niet bijwonen. In plaats daarvan kom ik graag naar Breda.'), 'register/breda');
});

test('signups in other words: "doe mij maar", "aanhaken", "hieronder de deelnemers"', async () => {
  assert.equal(await said('Doe mij maar Haarlem.'), 'register/haarlem');
  assert.equal(await said('Kan ik nog aanhaken bij de sessie in Assen? Dan is dit mijn aanmelding.'), 'register/assen');
  const table = await verdict({ subject: 'Deelnemers Breda', text: 'Hieronder de deelnemers voor de sessie in Breda.\n\nNaam | Functie\nA. (Anna) Smit | wethouder\nP. (Piet) Kok | raadslid\n\nGroet' });
  assert.equal(`${table.intent}/${table.session}/${table.attendees}`, 'register/breda/2');
});

test('a meeting on the weekday rules it out under a confirmation; more ways to ask for other dates or room', async () => {
  const v = await verdict({ subject: 'RE: Bevestiging aanmelding ontwerpsessie Haarlem', text: 'Ik moet helaas afhaken; donderdagochtend is er een extra raadsvergadering.' });
  assert.equal(`${v.intent}/${v.session}`, 'cancel/haarlem');
  assert.equal(await said('Op 21 juni kan ik niet. Is er een alternatief moment?'), 'alternatives/null');
  assert.equal(await said('Komen er ook sessies na de zomervakantie, in september bijvoorbeeld?'), 'alternatives/null');
  assert.equal(await said('Venlo en Breda kunnen allebei. Zet u mij maar bij de sessie waar de meeste ruimte is.'), 'alternatives/null');
});

test('people named after a plural role count one by one', async () => {
  const v = await verdict({ subject: 'Aanmelding Assen', text: signed('Graag meld ik mezelf en de raadsleden Joost Bakker en Ilse de Vries aan voor Assen.') });
  assert.equal(v.attendees, 3);
});
