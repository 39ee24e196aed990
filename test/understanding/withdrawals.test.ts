// A withdrawal is the sender's registration given up. Not when the mail asks for another date or
// session instead (the list of dates goes out), asks to change the registration to a number of
// people (a person changes it), or a colleague may take the place (a person re-assigns it). One of
// a group who drops out is that one's withdrawal, as the written sets label it. Fresh messages
// written for the principles before the rules changed, beside plain withdrawals that stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mismatchedCases, verdictsOf as verdicts } from './mail.js';


test('a withdrawal that asks for another date or session gets the list, not a cancellation', async () => {
  assert.deepEqual(await verdicts([
    ['Utrecht lukt niet', 'Ik ben aangemeld voor Utrecht, maar 14 juni gaat mij niet lukken. Zijn er nog andere data waarop ik kan aansluiten?'],
    ['Arnhem', 'Mijn aanmelding voor Arnhem moet ik helaas intrekken. Is er een andere sessie waar ik nog bij kan?'],
  ]), ['alternatives/null', 'alternatives/null']);
  assert.deepEqual(await mismatchedCases([
    ['cancel/utrecht', 'Afmelding Utrecht', 'Ik ben aangemeld voor Utrecht op 14 juni, maar ik kan helaas niet. Ik meld mij af.'],
  ]), []);
});

test('a registration changed to a number of people, or a colleague who may take the place, is for a person', async () => {
  const got = await verdicts([
    ['Wijziging aantal Venlo', 'Wij hadden ons met drie mensen aangemeld voor Venlo. Eén raadslid kan helaas niet; wilt u de aanmelding aanpassen naar twee personen?'],
    ['Aantal Assen', 'Van onze groep van vijf voor Assen vallen er twee af. De andere drie komen wel.'],
    ['Breda', 'Ik kan zelf niet naar Breda op 3 juli. Mijn collega Joris denkt erover om te gaan; kan de aanmelding op zijn naam blijven staan?'],
  ]);
  assert.ok(got.every((v) => !v.startsWith('cancel/') && !v.startsWith('register/')), got.join(', '));
  // A colleague who will sign up for themselves leaves the sender's withdrawal standing.
  assert.deepEqual(await mismatchedCases([
    ['cancel/assen', 'Afmelding Assen', 'Ik meld me af voor Assen op 28 juni. Mogelijk gaat een collega; die meldt zich dan zelf bij u.'],
  ]), []);
});
