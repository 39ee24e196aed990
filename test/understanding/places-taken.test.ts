// Three principles after round 18 (night of 2026-12-06), each written as fresh messages before
// any rule was changed: a sender who leaves the choice between sessions to us has made none; a
// sender who takes over the place of someone who withdrew signs up; a withdrawal the sender
// undoes ("vergeet mijn afmelding, ik kom") is a signup. Beside look-alikes that keep their verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases } from './mail.js';

const listOrSession = (v: { intent: string; session: string | null }) => `${v.intent}/${v.intent === 'alternatives' ? '-' : v.session}`;

test('leaving the choice between sessions to us is no choice', async () => {
  assert.deepEqual(await mismatchedCases([
    ['alternatives/-', 'Aanmelding', 'Ik meld me aan. Venlo of Breda, het maakt mij niet uit; zet me maar waar plek is.'],
    ['alternatives/-', 'Ontwerpsessie', 'Graag aanmelden voor een sessie: Haarlem kan, Utrecht kan ook. Kiest u maar.'],
    ['alternatives/-', 'Aanmelding', 'Aanvankelijk wilde ik naar Utrecht, maar Haarlem is ook prima. Het mag allebei.'],
    ['register/arnhem', 'Aanmelding', 'Eerst dacht ik aan Assen, maar ik kies toch voor Arnhem.'],
  ], listOrSession), []);
});

test('taking over the place of someone who withdrew is a signup of the sender', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Venlo', 'Mijn collega Anne Smeets heeft zich afgemeld voor Venlo. Ik neem haar plaats graag in.'],
    ['register/arnhem', 'Arnhem 22 juni', 'Wethouder Jansen kan helaas niet meer naar Arnhem; ik kom in zijn plaats.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Venlo', 'Kan ik de plek van mijn collega in Venlo overnemen?'],
    ['cancel/*', 'Venlo', 'Mijn collega Anne Smeets heeft zich afgemeld voor Venlo. Ik neem haar plaats graag in.'],
  ]), []);
});

test('a withdrawal the sender undoes is a signup; one that stands is a withdrawal', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/assen', 'Assen', 'Ik had me afgemeld voor Assen, maar het kan toch. Vergeet u mijn afmelding maar, ik kom.'],
    ['register/utrecht', 'Utrecht', 'Vorige week meldde ik mij af voor Utrecht. Dat trek ik in: ik ben er op 14 juni gewoon bij.'],
    ['cancel/assen', 'Assen', 'Ik had me aangemeld voor Assen, maar ik kan toch niet. Ik meld me af.'],
  ]), []);
});
