// A switch asked of us is a signup for the new session: "zou u mijn aanmelding kunnen verplaatsen
// naar …", "kunt u mij omzetten naar …", "liever Breda i.p.v. Venlo", "ik stap over naar …". The
// earlier signup the sender tells of is the session left; a session that clashes ("valt samen
// met onze raad") is ruled out. Fresh messages written for the principle before the rules
// changed, beside look-alikes that choose nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases, verdict } from './mail.js';

test('a switch asked of us signs up for the new session', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/haarlem', 'Wijziging aanmelding', 'Vorige maand heb ik mij opgegeven voor Utrecht. Zou u mijn aanmelding kunnen verplaatsen naar de sessie van 21 juni in Haarlem?'],
    ['register/venlo', 'Wijziging', 'Ik had me opgegeven voor Breda, maar Venlo ligt voor ons veel beter. Kunt u mijn inschrijving omzetten naar Venlo op 29 juni?'],
    ['register/breda', 'Sessie', 'Liever Breda i.p.v. Venlo, als dat nog kan.'],
    ['register/arnhem', 'Van Assen naar Arnhem', 'Assen valt samen met onze raad. Ik stap daarom over naar Arnhem op 22 juni.'],
  ]), []);
  const held: string[] = [];
  for (const [subject, text] of [
    ['Wijziging', 'Kunt u mijn aanmelding voor Breda verplaatsen naar een andere datum?'],
    ['Wissel', 'Ik had me opgegeven voor Breda. Kan ik nog wisselen naar een andere sessie?'],
    ['Sessie', 'Liever Breda of Venlo, het maakt niet uit welke.'],
    ['Twee sessies', 'Ik wil graag naar zowel Venlo als Breda. Kan dat?'],
  ] as const) {
    const v = await verdict({ subject, text: `${text}\n\nGroet,\nAnouk Vos\nGemeente Tiel` });
    if (v.intent === 'register') held.push(`${text}: ${v.intent}/${v.session}`);
  }
  assert.deepEqual(held, []);
});

test('a switch in more words: "zet u mij maar op X", "toch X i.p.v. Y", "change that to X", "inschrijven voor X en Y doorhalen"', async () => {
  // Written after round 18 (night of 2026-12-06), before any rule was changed for it.
  assert.deepEqual(await mismatchedCases([
    ['register/utrecht', 'RE: Bevestiging aanmelding Haarlem', 'Helaas past 21 juni toch niet. Zet u mij maar op Utrecht, 14 juni.'],
    ['register/venlo', 'Re: Aanmelding Breda', 'Toch Venlo i.p.v. Breda.'],
    ['register/haarlem', 'Change of registration', 'I signed up for Utrecht, but could you change that to Haarlem on 21 June instead?'],
    ['register/arnhem', 'RE: Aanmelding Assen', 'Liever toch Arnhem dan Assen. Wilt u mij voor Arnhem inschrijven en Assen doorhalen?'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Haarlem', 'Kan ik eventueel naar Utrecht wisselen als Haarlem vol zit? Dan laat ik het nog weten.'],
    ['register/*', 'Re: Aanmelding Breda', 'Mijn collega wil misschien liever naar Venlo i.p.v. Breda.'],
  ]), []);
});

test('a clash in English rules a session out, as "valt samen met" does', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/arnhem', 'Registration', 'Please register me for Arnhem on 22 June. Venlo clashes with our council meeting.'],
    ['register/breda', 'Registration', 'Assen conflicts with a trip abroad, so I would like to come to Breda on 3 July.'],
  ]), []);
});
