// Sessions named the way people name them, and whom a mail is written to. Fresh wordings of
// principles: a province as an adjective ("de Limburgse sessie"), a compound of a session word
// ("de dinsdagsessie") with the weekday that picks one session, a separable verb typed in two
// words ("mee doen"), a switch said with "zet ... om", a comparison ("dichterbij dan Arnhem")
// that rules out what it compares with, a full agenda ("overvol") that belongs to another
// engagement. And: a mail to others with D-Loket only in Cc is not a request to us, unless it
// speaks to us by name ("D-Loket, wilt u ...").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromWeert, mismatchedCases } from './mail.js';

const of = fromWeert;

test('sessions named by province adjective, weekday compound, split verb, switch and comparison', async () => {
  const cases: [string, string, string][] = [
    ['register/venlo', 'Aanmelding', 'Zet mij maar op de lijst voor de Limburgse sessie.'],
    ['register/assen', 'Aanmelding', 'Ik kom graag naar de Drentse bijeenkomst.'],
    ['register/breda', 'aanmelden', 'Ik schrijf me in voor de dinsdagsessie, dinsdagmiddag heb ik vrij.'],
    ['register/assen', 'Zuidhaege', 'Ik wil graag mee doen met de sessie in Assen.'],
    ['register/venlo', 'Wijziging', 'Graag zet ik mijn aanmelding om naar de sessie in Venlo op 29 juni.'],
    ['register/venlo', 'Wijziging', 'Venlo is voor ons veel handiger dan Arnhem. Graag daarom een plek in Venlo.'],
    ['cancel/arnhem', 'Afmelding', 'Helaas moeten wij ons afmelden voor Arnhem; de agenda is die vrijdag overvol.'],
  ];
  assert.deepEqual(await mismatchedCases(cases), []);
});

test('a province adjective before a word that is no session names nothing', async () => {
  const v = await of('Vraag', 'Als Limburgse gemeente vragen wij ons af wat de sessies kosten?');
  assert.notEqual(v.intent, 'register');
});

test('written to others with D-Loket only in Cc: no act, unless it speaks to D-Loket by name', async () => {
  const cc = { to: 'Raadsleden <raadsleden@weert.nl>', headers: { Cc: 'D-Loket@VNG.nl' } };
  const toOthers = await of('FW: ontwerpsessie Venlo', 'Beste raadsleden, wie wil er mee naar Venlo? Ik verzorg dan de aanmelding. Het D-Loket leest mee.', cc);
  assert.equal(toOthers.intent, 'escalate');
  const toUs = await of('FW: ontwerpsessie Venlo', 'Hoi Anne, jij gaat naar Venlo. D-Loket, wilt u Anne Wit hiervoor aanmelden?', cc);
  assert.equal(`${toUs.intent}/${toUs.session}`, 'register/venlo');
});
