// Every confirmation needs a signup made in the mail, not only a session named: the sender's own
// ("ik meld mij aan", "ben erbij", "aanmelden voor Arnhem graag", "graag zou ik deelnemen"), a
// colleague said to come, people listed to come, a request to us ("zet u mij op de lijst?", "kan
// ik me nog aanmelden?"), an acceptance of our invitation or an option picked from our list.
// Interest, plans told of, invitations passed on, a signup left for later, a signup that waits on
// an answer ("zo ja", "in het eerste geval", "als dat het geval is", "if so") and a mailing
// request are no signup. Fresh messages, written for the principles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmedAmong, mismatched, signed, verdict } from './mail.js';

const SUBJECT = 'Ontwerpsessie Arnhem 22 juni';

test('a session named without a signup made is left for a person', async () => {
  assert.deepEqual(await confirmedAmong(SUBJECT, [
    'De sessie in Arnhem lijkt me erg interessant.',
    'Ik heb de uitnodiging voor Arnhem doorgestuurd naar onze raadsleden.',
    'Onze burgemeester heeft laten weten naar Arnhem te willen. Heeft u zijn aanmelding al?',
    'Ter info: twee raadsleden van ons overwegen om naar Arnhem te gaan.',
    'Kunnen zij zich rechtstreeks bij u aanmelden voor Arnhem, of gaat dat via de griffie?',
  ]), []);
});

test('a question in the subject is no signup', async () => {
  assert.deepEqual(await confirmedAmong('Deelname raadsleden Arnhem?', [
    'Zouden onze acht raadsleden samen naar de sessie in Arnhem kunnen komen?',
  ]), []);
});

test('a signup left for later, or to the person themselves, is no signup yet', async () => {
  assert.deepEqual(await confirmedAmong(SUBJECT, [
    'Onze wethouder is van plan om naar Arnhem te gaan. Zij meldt zich later zelf aan.',
    'Mijn collega gaat naar Arnhem; hij schrijft zich binnenkort zelf in.',
    'De aanmelding voor Arnhem volgt nog.',
    'Wij willen met de hele fractie naar Arnhem. Hoeveel mensen mogen er komen, zodat we de aanmelding kunnen afronden?',
    'My colleague plans to attend in Arnhem; she will register herself.',
  ]), []);
  // Someone else's signup to come leaves the sender's own standing.
  assert.deepEqual(await mismatched('register/arnhem', SUBJECT, [
    'Wij melden ons aan voor Arnhem met zijn tweeën. De burgemeester meldt zich eventueel later zelf aan.',
  ]), []);
});

test('a signup that waits on the answer to a question is held back, however the answer is pointed at', async () => {
  assert.deepEqual(await confirmedAmong(SUBJECT, [
    'Is de sessie in Arnhem ook open voor studenten? In dat geval kom ik graag met mijn klas.',
    'Is de sessie in Arnhem ook voor externe adviseurs? In het eerste geval meld ik me aan.',
    'Kunnen we in Arnhem ook in het Engels meedoen? If so, count me in.',
    'Is there an induction loop in Arnhem? If yes, I would like to join.',
    'Is er in Arnhem een ringleiding? Als dat het geval is, meld ik me aan.',
    'Als er bij de zaal in Arnhem geparkeerd kan worden, vlak bij de ingang, dan kom ik.',
  ]), []);
});

test('a mailing request under an invitation is no signup', async () => {
  assert.deepEqual(await confirmedAmong('RE: Uitnodiging ontwerpsessie lokale democratie 22 juni Arnhem', [
    'Graag mijn adres uit uw verzendlijst verwijderen, ik werk hier niet meer.',
    'Please remove me from your mailing list for the Arnhem session.',
  ]), []);
});

test('signups made in everyday shapes are confirmed', async () => {
  assert.deepEqual(await mismatched('register/arnhem', SUBJECT, [
    'Aanmelden voor Arnhem graag.',
    'Ben erbij in Arnhem!',
    'Ik ben er in Arnhem zeker bij.',
    'Graag zou ik deelnemen aan de sessie in Arnhem.',
    'Ik zou graag naar Arnhem komen.',
    'I would like to register for Arnhem.',
    "I'd like to sign up for the session in Arnhem.",
    'Zet u mij op de lijst voor Arnhem?',
    'Kunnen jullie mij aanmelden voor Arnhem?',
    'Kan ik me nog aanmelden voor Arnhem?',
    'Mag ik nog aanschuiven in Arnhem?',
    'Burgemeester De Wit neemt graag deel aan de sessie in Arnhem.',
    'Bij dezen meld ik mij dus aan voor Arnhem.',
    'Utrecht lukt niet, Arnhem wel.',
    'Kan ik nog aanhaken in Arnhem? Dan is dit mijn aanmelding.',
  ]), []);
});

test('the list of dates goes only to someone who wants to come; an advertisement gets nothing', async () => {
  for (const text of [
    'We noticed you organise sessions in June. Register today and receive 30% discount on our attendee database.',
    'Boost attendance at your June events: sign up now for our mailing service and fill every seat.',
  ]) {
    const v = await verdict({ from: 'Growth Team <offers@reach.example.biz>', subject: 'Fill every seat at your June sessions', text });
    assert.ok(v.intent === 'escalate' || v.intent === 'ignore', `${text} -> ${v.intent}`);
  }
  // An unsubscribe footer withdraws nothing: no "no registration" reply to an advertisement.
  for (const text of [
    'Geachte D-Loket,\n\nMeld u nu aan voor onze gratis webinar over vindbaarheid.\n\nGeen berichten meer van ons? Uitschrijven voor deze mails kan hier.',
    'Beste D-Loket,\n\nMeld u deze week nog aan voor onze gratis drukwerkscan en krijg 40% korting.\n\nAfmelden voor deze mails? Antwoord met STOP.',
  ]) {
    const v = await verdict({ from: 'Acties <info@drukwerkdeals.example.biz>', subject: 'Aanmelden = korting!', text });
    assert.ok(v.intent === 'escalate' || v.intent === 'ignore', `${text} -> ${v.intent}`);
  }
  // A wish to come with only a seat asked after is a signup, also for a session that has passed.
  assert.deepEqual(await mismatched('register/arnhem', SUBJECT, [
    'Ik wil graag meedoen met de sessie in Arnhem op 22 juni, kan dat nog?',
    'Kan ik morgen nog aanschuiven in Arnhem?',
  ]), []);
});

test('a colleague withdrawn while the sender still comes is for a person, not a cancellation', async () => {
  for (const text of [
    'Mijn collega Paul kan helaas niet meer naar Arnhem. Ik kom wel gewoon. Wilt u hem van de lijst halen?',
    'My colleague has to withdraw from Arnhem; I am still coming.',
  ]) {
    const v = await verdict({ subject: 'RE: Aanmelding Arnhem 22 juni (2 personen)', text: signed(text) });
    assert.equal(v.intent, 'escalate', `${text} -> ${v.intent}/${v.session}`);
  }
});

test('a colleague in the sender\'s place with a change asked for is a swap for a person', async () => {
  for (const [subject, text] of [
    ['Vervanging aanmelding Arnhem', 'Ik kan zelf niet naar Arnhem op 22 juni. Mijn collega Joost gaat in mijn plaats. Kunt u dit aanpassen?'],
    ['Ontwerpsessie Arnhem', 'Ik kan helaas niet naar Arnhem, mijn collega Sanne komt in mijn plaats. Wilt u dat wijzigen?'],
  ] as const) {
    const v = await verdict({ subject, text: signed(text) });
    assert.equal(v.intent, 'escalate', `${text} -> ${v.intent}/${v.session}`);
  }
});

test('a yes under a quoted invitation whose session line carries the venue\'s street is a signup for it', async () => {
  for (const [line, session] of [
    ['21 juni | 09:30 – 12:30 | Seinwezen, Kinderhuissingel 1, Haarlem', 'haarlem'],
    ['14 juni | 9:00 – 12:00 | Stadskantoor Utrecht, Stadsplateau 1, Utrecht', 'utrecht'],
  ] as const) {
    const quote = `\n\n> Van: D-Loket <D-Loket@VNG.nl>\n> Verzonden: vrijdag 18 mei 2018 10:02\n> Onderwerp: Uitnodiging ontwerpsessie lokale democratie\n> Graag nodigen we u uit voor een gesprek over democratische uitdagingen in uw gemeente.\n> Uitnodiging ONTWERPSESSIE LOKALE DEMOCRATIE\n> ${line}\n> Aanmelden? Stuur een e-mail naar D-Loket@VNG.nl`;
    const v = await verdict({ subject: 'RE: Uitnodiging ontwerpsessie lokale democratie', text: `Ja, ik ben erbij!${quote}` });
    assert.equal(`${v.intent}/${v.session}`, `register/${session}`, line);
  }
});

test('what is missing deciding attendance ("zonder tolk heeft het weinig zin") holds a signup back', async () => {
  assert.deepEqual(await confirmedAmong(SUBJECT, [
    'Ik wil graag naar Arnhem. Is er een gebarentolk? Zonder tolk heeft deelname voor mij weinig zin.',
    'Ik kom graag naar Arnhem, maar zonder lift kan ik de zaal niet bereiken en dus niet komen.',
    'I would like to join in Arnhem. Is there step-free access? Without it I cannot attend.',
  ]), []);
});

test('a subject that asks or corrects, and a registration one has, are no signup made', async () => {
  assert.deepEqual(await confirmedAmong('Vraag over deelname Arnhem', [
    'Ik ben geen raadslid maar inwoner. Is het mogelijk dat ik mij aanmeld voor Arnhem, of is die alleen voor bestuurders?',
  ]), []);
  assert.deepEqual(await confirmedAmong('Correctie aanmelding 22 juni', [
    'Bij mijn aanmelding voor Arnhem heb ik vermeld dat ik raadslid ben, maar ik ben griffier. Wilt u dat aanpassen?',
  ]), []);
  assert.deepEqual(await mismatched('register/arnhem', '22/6', ['Hierbij mijn aanmelding voor Arnhem.']), []);
});

test('a short reply naming one session under our question which one is a choice made', async () => {
  const ourQuestion = '\n\nOp 25 mei 2018 om 14:10 schreef D-Loket <D-Loket@VNG.nl>:\n> Dank voor uw aanmelding. U schrijft niet voor welke sessie u zich wilt aanmelden.\n> Kunt u aangeven welke sessie uw voorkeur heeft?\n> Met vriendelijke groet, D-Loket';
  for (const [answer, session] of [['Assen graag, 28 juni.', 'assen'], ['Dan wordt het Utrecht, 14 juni.', 'utrecht'], ['14 juni', 'utrecht']] as const) {
    const v = await verdict({ subject: 'Re: Uw aanmelding ontwerpsessie', text: `Hoi,\n${answer}\nGr. Sietske${ourQuestion}` });
    assert.equal(`${v.intent}/${v.session}`, `register/${session}`, answer);
  }
  // Not under a question of ours, and not an answer that doubts or asks. (With "graag" it asks
  // for the session, phone-short: see whose-it-is.test.ts.)
  const plain = await verdict({ subject: 'Ontwerpsessie', text: 'Assen, 28 juni.\n\nGr. Sietske' });
  assert.notEqual(plain.intent, 'register');
  const doubt = await verdict({ subject: 'Re: Uw aanmelding ontwerpsessie', text: `Assen misschien, of toch niet?${ourQuestion}` });
  assert.notEqual(doubt.intent, 'register');
  assert.deepEqual(await mismatched('register/haarlem', 'Ontwerpsessie', ['Ik ben er 21 juni bij.']), []);
});

test('a withdrawal whose sentence names the session it withdraws from is a cancellation of it', async () => {
  for (const text of [
    'Op 22 juni is er onverwacht een raadsvergadering. Ik meld mij daarom af voor de sessie in Arnhem. Jammer!',
    'Door de begrotingsbehandeling moet ik helaas afzeggen voor de sessie in Arnhem.',
  ]) {
    const v = await verdict({ subject: 'Ontwerpsessie Arnhem 22 juni - afmelding', text: signed(text) });
    assert.equal(`${v.intent}/${v.session}`, 'cancel/arnhem', text);
  }
  // Ruling one out and naming another in the same sentence stays a choice of the other.
  const v = await verdict({ subject: 'RE: Bevestiging aanmelding ontwerpsessie 22 juni Arnhem', text: signed('Ik moet 22 juni helaas verstek laten gaan, maar 29 juni in Venlo kan ik wel. Wilt u mij daarvoor inschrijven?') });
  assert.equal(`${v.intent}/${v.session}`, 'register/venlo');
});
