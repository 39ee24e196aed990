// Outsiders (night of 2026-12-06, after round 17): a researcher or lecturer who signs up outright
// for themselves is a participant like any other (municipality none); the press, and anyone who
// asks whether they may attend or observe, are for a person. Fresh messages written for the
// principle before any rule was changed, beside look-alikes that must stay with a person.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases } from './mail.js';

test('a researcher or lecturer who signs up outright is signed up; one who comes for a thesis is for a person', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/haarlem', 'Aanmelding', 'Als onderzoeker bestuurskunde aan de Universiteit Leiden meld ik mij aan voor de sessie in Haarlem op 21 juni.'],
    ['register/arnhem', 'Arnhem', 'Hierbij schrijf ik mij in voor Arnhem op 22 juni. Ik ben universitair docent aan de Radboud Universiteit en doe onderzoek naar lokale democratie.'],
    ['register/arnhem', 'Registration', 'I am a researcher at the University of Twente and would like to register for the session in Arnhem on 22 June.'],
  ]), []);
});

test('the press, observers and those who ask whether they may come stay with a person', async () => {
  assert.deepEqual(await actedOn([
    ['register/*', 'Scriptie', 'Ik ben student bestuurskunde en schrijf mijn scriptie over de gemeenteraad. Mag ik als toehoorder aanwezig zijn in Utrecht op 14 juni?'],
    ['register/*', 'Verslag', 'Als journalist van De Gelderlander wil ik graag verslag doen van de sessie in Arnhem op 22 juni.'],
    ['register/*', 'Onderzoek', 'Ik doe onderzoek naar burgerparticipatie. Zou ik de sessie in Venlo mogen observeren?'],
    ['register/*', 'Breda', 'Onze stagiair, student bestuurskunde, wil graag meekijken in Breda op 3 juli, kan dat?'],
    ['register/*', 'Assen', 'Ik ben onderzoeker en wil graag als waarnemer aanwezig zijn bij de sessie in Assen op 28 juni.'],
    ['register/*', 'Haarlem', 'Voor mijn afstudeeronderzoek zou ik graag de sessie in Haarlem op 21 juni bijwonen.'],
  ]), []);
});
