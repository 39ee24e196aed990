// Answers to the bot's own mail (ctx.thread): a choice from the numbered alternatives, a yes
// to a proposal, a withdrawal under a confirmation. The quoted bot text never counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ThreadContext } from '../../src/understanding/types.js';
import { verdict } from './mail.js';

const alternatives: ThreadContext = { about: 'alternatives', session: null, options: ['arnhem', 'assen', 'venlo', 'breda'], proposal: null };
const quotedList = '\n\nOp 12 jun. 2018 om 10:00 schreef D-Loket <D-Loket@VNG.nl>:\n> 1. Arnhem, vrijdag 22 juni\n> 2. Assen, donderdag 28 juni\n> 3. Venlo\n> 4. Breda';

test('a bare number picks that option', async () => {
  for (const answer of ['2', 'Optie 2', 'nummer 2 graag', 'Doe maar de tweede.']) {
    const v = await verdict({ subject: 'Re: Welke sessie?', date: 'Tue, 12 Jun 2018 11:00:00 +0200', text: answer + quotedList }, { thread: alternatives });
    assert.equal(`${v.intent}/${v.session}`, 'register/assen', answer);
  }
});

test('a number outside the list asks again', async () => {
  const v = await verdict({ subject: 'Re: Welke sessie?', text: '7' + quotedList }, { thread: alternatives });
  assert.equal(v.intent, 'alternatives');
});

test('naming a city after an alternatives mail registers for it', async () => {
  const v = await verdict({ subject: 'Re: Welke sessie?', text: 'Doe maar Breda.' + quotedList }, { thread: alternatives });
  assert.equal(`${v.intent}/${v.session}`, 'register/breda');
});

test('"ja" or "graag" after a waiting-list mail with a proposal registers for the proposal', async () => {
  const waitlist: ThreadContext = { about: 'waitlist', session: 'haarlem', options: [], proposal: 'utrecht' };
  for (const answer of ['Ja', 'Graag!', 'Ja, prima.', 'Yes please']) {
    const v = await verdict({ subject: 'Re: Wachtlijst Haarlem', text: `${answer}\n\nOp 1 jun. 2018 schreef D-Loket <D-Loket@VNG.nl>:\n> Wilt u naar Utrecht?` }, { thread: waitlist });
    assert.equal(`${v.intent}/${v.session}`, 'register/utrecht', answer);
  }
  const no = await verdict({ subject: 'Re: Wachtlijst Haarlem', text: 'Nee, dank je.' }, { thread: waitlist });
  assert.notEqual(no.intent, 'register');
});

test('a withdrawal under a confirmation cancels the confirmed session', async () => {
  const confirmation: ThreadContext = { about: 'confirmation', session: 'venlo', options: [], proposal: null };
  for (const answer of ['Afmelden graag.', 'Ik kan toch niet.', 'Helaas, het lukt me niet meer.']) {
    const v = await verdict({ subject: 'Re: Uw aanmelding', text: `${answer}\n\nVan: D-Loket\nVerzonden: 1 juni 2018\nAan: Piet\nOnderwerp: Uw aanmelding\n\nU bent aangemeld voor Breda en Utrecht.` }, { thread: confirmation });
    assert.equal(`${v.intent}/${v.session}`, 'cancel/venlo', answer);
  }
});

test('adding a colleague under a confirmation registers for the same session', async () => {
  const confirmation: ThreadContext = { about: 'confirmation', session: 'assen', options: [], proposal: null };
  const v = await verdict({ subject: 'Re: Uw aanmelding', text: 'Mijn collega Sanne Vos komt ook graag, kunt u haar aanmelden?' }, { thread: confirmation });
  assert.equal(`${v.intent}/${v.session}/${v.attendees}`, 'register/assen/1');
});

test('a bare acceptance above the quoted invitation for one session registers for it', async () => {
  const invitation = '\n\nVan: D-Loket <D-Loket@VNG.nl>\nVerzonden: vrijdag 18 mei 2018 11:02\nAan: Wil Post\nOnderwerp: Uitnodiging ontwerpsessie lokale democratie\n\nGraag nodigen we u uit.\n\n28 juni | 14:00 – 17:00 | Theatercafé Podium Zuidhaege, Zuidhaege 2, Assen\n\nAanmelden? Stuur een e-mail naar D-Loket@VNG.nl';
  const v = await verdict({ subject: 'RE: Uitnodiging ontwerpsessie lokale democratie', text: 'Ja, ik kom graag.' + invitation });
  assert.equal(`${v.intent}/${v.session}`, 'register/assen');
  const overview = '\n\nVan: D-Loket <D-Loket@VNG.nl>\nVerzonden: donderdag 31 mei 2018 09:00\nAan: Wil Post\nOnderwerp: Nog plaatsen vrij\n\nUtrecht 14 juni\nHaarlem 21 juni\nArnhem 22 juni\nAssen 28 juni';
  const w = await verdict({ subject: 'RE: Nog plaatsen vrij', text: 'Ja, ik kom graag.' + overview });
  assert.equal(w.intent, 'alternatives');
  const someone = '\n\nVan: Piet Klaassen <p.klaassen@example.nl>\nVerzonden: 1 juni 2018\nAan: Wil Post\nOnderwerp: sessie\n\nIk ga naar Assen op 28 juni.';
  const x = await verdict({ subject: 'RE: sessie', text: 'Ik kom ook graag.' + someone });
  assert.equal(x.intent, 'alternatives'); // only the bot's own invitation can decide
});

test('"top, tot dan" under a confirmation or practical information is a thank-you, not a signup', async () => {
  const v = await verdict({ subject: 'RE: Praktische informatie ontwerpsessie Venlo 29 juni', text: 'Top, tot vrijdag!\n\nGroet, Mia' });
  assert.notEqual(v.intent, 'register');
  const w = await verdict({ subject: 'RE: Uitnodiging ontwerpsessie lokale democratie 29 juni Venlo', text: 'Top, ik kom!\n\nGroet, Mia' });
  assert.equal(`${w.intent}/${w.session}`, 'register/venlo');
});

test('under the confirmation of a move, the thread’s session beats the stale subject of the chain', async () => {
  const confirmation: ThreadContext = { about: 'confirmation', session: 'haarlem', options: [], proposal: null };
  const quoted = '\n\nVan: D-Loket <D-Loket@VNG.nl>\nVerzonden: vrijdag 1 juni 2018 12:00\nAan: Jan\nOnderwerp: Re: Aanmelding Utrecht 14 juni\n\nUw aanmelding is gewijzigd.';
  for (const [answer, expected] of [
    ['Mijn collega Sanne de Boer komt ook mee.', 'register/haarlem/1/true'],
    ['Graag meld ik ook mijn collega Sanne de Boer aan.', 'register/haarlem/1/true'],
  ] as const) {
    const v = await verdict({ subject: 'RE: Re: Aanmelding Utrecht 14 juni', text: answer + quoted }, { thread: confirmation });
    assert.equal(`${v.intent}/${v.session}/${v.attendees}/${v.attendeesAdded}`, expected, answer);
  }
  const cancel = await verdict({ subject: 'RE: Re: Aanmelding Utrecht 14 juni', text: 'Het lukt toch niet, ik meld mij af.' + quoted }, { thread: confirmation });
  assert.equal(`${cancel.intent}/${cancel.session}`, 'cancel/haarlem');
  const notComing = await verdict({ subject: 'RE: Re: Aanmelding Utrecht 14 juni', text: 'Mijn collega komt toch niet mee.' + quoted }, { thread: confirmation });
  assert.notEqual(notComing.intent, 'register');
});
