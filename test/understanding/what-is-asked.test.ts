// What the sender asks and who they are (session of 2026-12-07, night, after round 24): an
// if-clause after the coming that ends in its verb is a condition ("ik kom graag, als inwoners
// welkom zijn"), "als raadslid" is none; a student who signs up is signed up, one who asks leave
// to observe is for a person; "kan ik nog aansluiten?" about a session that has passed is
// answered by the list of open sessions; asking to move to one named session chooses it; a
// withdrawal beside a newsletter matter is still a withdrawal when it is about the session; and
// signing someone else up while not coming oneself is never the sender's withdrawal. Fresh
// messages written for the principles before any rule was changed, beside look-alikes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases, signed, verdict } from './mail.js';

test('an if-clause after the coming that ends in its verb is a condition; "als raadslid" is not', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Breda', 'Ik kom graag op 3 juli meepraten, als inwoners ook welkom zijn.'],
    ['register/*', 'Arnhem', 'Wij komen met twee mensen naar Arnhem, als de zaal rolstoeltoegankelijk is.'],
    ['register/*', 'Assen', 'Graag meld ik mij aan voor Assen, als ik als ambtenaar van een provincie ook mag deelnemen.'],
    ['register/*', 'Venlo session', "If the trains run normally that afternoon, I'd like to come to Venlo on the 29th."],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Venlo', "I'd like to come to Venlo on the 29th. If possible, a vegetarian lunch please."],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['register/breda', 'Breda', 'Ik kom graag op 3 juli, als raadslid van de fractie GroenLinks.'],
    ['register/arnhem', 'Arnhem', 'Wij komen met twee mensen naar Arnhem, als vertegenwoordigers van de griffie.'],
    ['register/assen', 'Assen', 'Graag meld ik mij aan voor Assen, als er nog plek is.'],
  ]), []);
});

test('a student who signs up is signed up; one who asks leave to observe is for a person', async () => {
  const student = (text: string) => `${text}\n\nMet vriendelijke groet,\nSanne de Wit\nmasterstudent Bestuurskunde, Universiteit Leiden`;
  const cases: [string, string, string][] = [
    ['register/haarlem', 'Aanmelding Haarlem', 'Ik schrijf mijn scriptie over lokale democratie en meld mij graag aan voor de ontwerpsessie op 21 juni in Haarlem.'],
    ['register/utrecht', 'Registration Utrecht', 'I am writing my thesis on citizen participation. I would like to register for the design session on 14 June in Utrecht.'],
    ['escalate/null', 'Vraag', 'Voor mijn scriptie zou ik graag de sessie in Haarlem willen observeren. Mag dat?'],
    ['escalate/null', 'Thesis', 'For my thesis I would like to observe the session in Utrecht. Would that be possible?'],
  ];
  const wrong: string[] = [];
  for (const [want, subject, text] of cases) {
    const v = await verdict({ subject, text: student(text) });
    if (`${v.intent}/${v.session}` !== want) wrong.push(`${text}: want ${want}, got ${v.intent}/${v.session} (${v.reason})`);
  }
  assert.deepEqual(wrong, []);
  // The press still asks leave, whatever it says.
  assert.deepEqual(await actedOn([
    ['register/*', 'Aanmelding', 'Als journalist van het Brabants Dagblad meld ik mij aan voor de sessie in Breda op 3 juli.'],
  ]), []);
});

test('"can I still join?" about a session that has passed is answered by the list', async () => {
  const after = (date: string, subject: string, text: string) => verdict({ subject, date, text: signed(text) });
  const got = [
    await after('Sat, 30 Jun 2018 09:00:00 +0200', 'Venlo', 'Ik wil me graag aanmelden voor de sessie in Venlo. Ben ik nog op tijd?'),
    await after('Thu, 5 Jul 2018 09:00:00 +0200', 'Breda', 'Is aanmelden voor de sessie in Breda nog mogelijk? Ik was op vakantie.'),
    await after('Fri, 15 Jun 2018 09:00:00 +0200', 'Utrecht', 'Ik zag net dat Utrecht gisteren was. Kan ik nog ergens anders aansluiten? Arnhem of Haarlem kan ook.'),
  ].map((v) => v.intent);
  assert.deepEqual(got, ['alternatives', 'alternatives', 'alternatives']);
  // Before the session, the same question is a signup; a question the list does not answer stays for a person.
  const before = await after('Mon, 25 Jun 2018 09:00:00 +0200', 'Venlo', 'Ik wil me graag aanmelden voor de sessie in Venlo. Ben ik nog op tijd?');
  assert.equal(`${before.intent}/${before.session}`, 'register/venlo');
  const content = await after('Sat, 30 Jun 2018 09:00:00 +0200', 'Venlo', 'Ik heb de sessie in Venlo gemist. Komt er nog een verslag van?');
  assert.notEqual(content.intent, 'register');
  assert.notEqual(content.intent, 'alternatives');
});

test('asking to move to one named session chooses it; asking for another one asks for the list', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/breda', 'Wijziging', 'Op 29 juni in Venlo ben ik toch verhinderd. Kan ik in plaats daarvan naar Breda op 3 juli komen? Graag omzetten.'],
    ['register/assen', 'Wijziging', 'Utrecht gaat niet lukken. Zou u mij in plaats daarvan voor Assen op 28 juni willen noteren?'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['alternatives/null', 'Wijziging', 'Op 29 juni in Venlo ben ik toch verhinderd. Kan ik in plaats daarvan naar een andere sessie?'],
  ]), []);
});

test('a withdrawal from the session beside a newsletter matter is a withdrawal; the newsletter alone is not', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/null', 'Afmelding', 'Ik kan helaas niet bij de ontwerpsessie zijn waarvoor ik mij had aangemeld. Wilt u mij ook van de verzendlijst van de nieuwsbrief halen?'],
    ['cancel/arnhem', 'Afmelding Arnhem', 'Ik meld mij af voor de sessie in Arnhem. Daarnaast ontvang ik de nieuwsbrief graag op mijn nieuwe adres.'],
  ]), []);
  // The newsletter matter is left for a person beside the withdrawal.
  const beside = await verdict({ subject: 'Afmelding Arnhem', text: signed('Ik meld mij af voor de sessie in Arnhem. Daarnaast ontvang ik de nieuwsbrief graag op mijn nieuwe adres.') });
  assert.equal(`${beside.intent}/${beside.session}/${beside.question}`, 'cancel/arnhem/true');
  assert.deepEqual(await actedOn([
    ['cancel/*', 'Afmelden', 'Graag afmelden voor de nieuwsbrief Democratie in Actie.'],
    ['cancel/*', 'Nieuwsbrief', 'Ik wil mij afmelden voor de mailinglijst; de sessies volg ik wel via de website.'],
    // No registration withdrawn: "kan niet" only leads up to the newsletter asked for.
    ['cancel/*', 'Sessies', 'Zelf kan ik niet naar een van de sessies, maar ik blijf graag op de hoogte. Kunt u mij op de verzendlijst van de nieuwsbrief zetten?'],
  ]), []);
});

test('signing someone else up while not coming oneself is no withdrawal of the sender', async () => {
  assert.deepEqual(await actedOn([
    ['cancel/*', 'FW: Uitnodiging ontwerpsessie 3 juli Breda', 'Graag Ruud de Bruin aanmelden voor deze sessie. Ikzelf kom niet.'],
    ['cancel/*', 'Utrecht 14 juni', 'Wilt u mevrouw A. Visser aanmelden voor Utrecht? Zelf ben ik verhinderd.'],
    ['cancel/*', 'Arnhem', 'Ik kom zelf niet, maar graag Karin Smit en Joost Mulder inschrijven voor Arnhem op 22 juni.'],
  ]), []);
  assert.deepEqual(await mismatchedCases([
    ['cancel/breda', 'Breda', 'Ik kom niet naar Breda op 3 juli. Graag mijn aanmelding doorhalen.'],
  ]), []);
});

test('what the sender tells of themselves, asks us, or leaves open about who, leaves a signup standing', async () => {
  assert.deepEqual(await mismatchedCases([
    // Where the sender is before it is no other session asked for.
    ['register/venlo', 'Aanmelding Venlo', 'Graag aanmelden voor Venlo op 29 juni. Tot twee uur zit ik in een overleg elders, dus ik kom iets later.'],
    // Asking us to tell is no promise to tell.
    ['register/breda', 'Breda 3 juli', 'Ik kom naar Breda op 3 juli. Ik loop met krukken; laat het me gerust weten als ik iets moet regelen.'],
    // Who goes is still open, that someone goes is not.
    ['register/assen', 'Assen', 'Wij sturen één raadslid naar Assen op 28 juni. Wie dat wordt, horen we na het presidium; de naam laat ik u dan weten.'],
    // A date or place that suits, and one chosen over one ruled out.
    ['register/arnhem', 'Re: Overzicht ontwerpsessies', 'Vrijdag 22 juni past mij prima. Tot dan!'],
    ['register/haarlem', 'Re: Ontwerpsessie', 'Utrecht gaat niet lukken, dus doe maar Haarlem.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Venlo', 'Ik zou graag naar Venlo gaan, maar liever ergens anders in Limburg. Kan dat?'],
    ['register/*', 'Breda', 'Ik kom misschien naar Breda op 3 juli; dat laat ik u nog weten.'],
    ['register/*', 'Assen', 'Of en wie er namens ons naar Assen gaat, laat ik nog weten.'],
    ['register/*', 'Re: Overzicht ontwerpsessies', 'Welke datum past mij het best, denkt u?'],
    // Passed on, not sent.
    ['register/*', 'RE: Uitnodiging ontwerpsessie 28 juni Assen', 'Ik stuur de uitnodiging door naar onze wethouder; wellicht meldt hij zich aan.'],
  ]), []);
});

test('the languages of the regions sign up as Dutch does', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/assen', 'Re: Uitnodiging ontwerpsessie 28 juni Assen', "Moi, ik bin d'r bij op 28 juni in Assen."],
    ['register/venlo', 'Venlo 29 juni', 'Veer kómme mit zien twieë nao Venlo op 29 juni.'],
    ['register/venlo', 'Venlo', 'Iech kom geer nao Venlo op 29 juni.'],
    ['cancel/venlo', 'Venlo', 'Iech kan vrijdig toch neet nao Venlo.'],
    ['cancel/null', 'Re: Bevestiging aanmelding', 'Ik kin dy dei dochs net by wêze, sorry.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Venlo 29 juni', 'Veer kómme neet nao Venlo, sorry.'],
  ]), []);
});

test('the choice left to us, or other dates asked for, is answered with the list', async () => {
  assert.deepEqual(await mismatchedCases([
    ['alternatives/null', 'Aanmelding', 'Ik meld mij graag aan: Arnhem of Venlo, wat komt u het best uit?'],
    ['alternatives/null', 'Ontwerpsessie', 'Assen of Haarlem, wat is het handigst? Ik kom naar een van beide.'],
    ['alternatives/null', 'RE: Uitnodiging ontwerpsessie 21 juni Haarlem', 'De wethouder wil graag deelnemen, maar 21 juni past niet. Zijn er andere data waarop zij kan aansluiten?'],
  ]), []);
  // After a session, "kan ik nog mee?" or "ergens anders voor aanmelden?" is answered with the list too.
  const after = await Promise.all([
    verdict({ subject: 'Utrecht', date: 'Fri, 15 Jun 2018 10:00:00 +0200', text: signed('Kan ik nog mee naar Utrecht?') }),
    verdict({ subject: 'Utrecht vandaag', date: 'Thu, 14 Jun 2018 11:00:00 +0200', text: signed('Ik zie nu pas dat Utrecht vanochtend is. Kan ik me nog ergens anders voor aanmelden?') }),
  ]);
  assert.deepEqual(after.map((v) => v.intent), ['alternatives', 'alternatives']);
  // Before it, "kan ik nog mee naar Utrecht?" asks for a seat, which the bot gives.
  const before = await verdict({ subject: 'Utrecht', date: 'Mon, 11 Jun 2018 10:00:00 +0200', text: signed('Kan ik nog mee naar Utrecht?') });
  assert.equal(`${before.intent}/${before.session}`, 'register/utrecht');
  // What the list does not answer stays with a person.
  assert.deepEqual(await actedOn([
    ['alternatives/*', 'Ontwerpsessie', 'Arnhem of Venlo: wat is het programma van beide middagen precies?'],
  ]), []);
});
