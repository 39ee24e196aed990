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
  // An assistant withdrawing the mayor is a withdrawal.
  assert.equal(await said('De burgemeester is helaas verhinderd voor Venlo en meldt zich af.'), 'cancel/venlo');
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
  // A signup that happens to mention a link is a person.
  const person = await verdict({ subject: 'Aanmelding', text: signed('Graag meld ik mij aan voor Breda. Klik hier voor onze nieuwe website: www.oss.nl') });
  assert.equal(person.intent, 'register');
});

test('a signature with "gemeenteraadslid" names the municipality', async () => {
  const v = await verdict({ subject: 'Breda', from: 'Ali <ali1970@gmail.com>', text: 'Ik meld mij aan voor de ontwerpsessie in Breda.\n\nGroet,\nAli Demir\ngemeenteraadslid Oosterhout' });
  assert.equal(v.municipality, 'Oosterhout');
});
