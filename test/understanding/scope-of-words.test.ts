// How far a word reaches (session of 2026-12-07, night, after round 24): a "niet" inside a
// purpose ("om elkaar niet in de weg te zitten") is about that purpose, not about coming; a
// withdrawal that names nothing points back to the session named just before it, not to every
// session in the mail; a reference that fits several sessions chooses none; a place handed to
// nobody in particular ("iemand anders kan mijn plek innemen") or to nobody at all ("er is geen
// collega die het kan overnemen") is freed, not handed on; and someone else's session is never
// the sender's own when the sender signs up themselves. Fresh messages written for the
// principles before any rule was changed, each beside look-alikes that must keep their verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases } from './mail.js';

test('a "niet" in a purpose is about the purpose; "besloten om niet te gaan" is about going', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/breda', 'Aanmelding Breda', 'Om elkaar niet in de weg te zitten meld ik mij aan voor Breda op 3 juli.'],
    ['register/utrecht', 'Utrecht', 'Om het niet ingewikkeld te maken: ik kom naar Utrecht op 14 juni.'],
    ['register/assen', 'Assen 28 juni', 'Om geen dubbele aanmeldingen te krijgen meld ik alleen mijzelf aan voor Assen.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Breda', 'Ik heb besloten om niet naar Breda te gaan op 3 juli.'],
    ['register/*', 'Utrecht', 'Wij hebben ervoor gekozen om niet deel te nemen aan de sessie in Utrecht.'],
    ['register/*', 'Assen', 'Om niet aanwezig te hoeven zijn in Assen heb ik de raad gevraagd iemand anders te sturen.'],
  ]), []);
});

test('someone else\'s session is not the sender\'s when the sender signs up for themselves', async () => {
  assert.deepEqual(await actedOn([
    ['register/venlo', 'Ontwerpsessie', 'Mijn collega Ellen gaat al naar Venlo. Ik wil zelf ook graag komen, maar niet naar Venlo. Kunt u mij noteren?'],
    ['register/arnhem', 'Aanmelding', 'De wethouder gaat naar Arnhem op 22 juni. Zelf wil ik graag naar een andere sessie; kunt u mij aanmelden?'],
  ]), []);
  // Joining the other one is a choice of their session; so is a secretary's signup of them.
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Ontwerpsessie', 'Mijn collega Ellen gaat naar Venlo. Kunt u mij ook noteren? Dan reizen we samen.'],
    ['register/utrecht', 'Aanmelding', 'De burgemeester komt graag naar Utrecht op 14 juni.'],
    // One who already goes elsewhere has arranged their own place.
    ['register/breda', 'Aanmelding Breda', 'Mijn collega gaat al naar Venlo namens onze gemeente. Zelf wil ik graag naar Breda op 3 juli; kunt u mij noteren?'],
  ]), []);
  // Both to be entered now: a person enters them.
  assert.deepEqual(await actedOn([
    ['register/*', 'Aanmelding', 'Mijn collega gaat naar Venlo en ik wil graag naar Breda op 3 juli. Kunt u ons allebei noteren?'],
  ]), []);
});

test('a withdrawal that names nothing points back to the session just before it', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/utrecht', 'Wijziging', 'Graag wil ik overstappen naar Utrecht op 14 juni. Op 21 juni heb ik raad. Haarlem dus graag laten vervallen.'],
    ['register/breda', 'Wijziging aanmelding', 'Ik wil overstappen naar Breda op 3 juli. De aanmelding voor Venlo mag dus vervallen.'],
  ]), []);
  // Pointing back at a sentence that names two sessions, it is not clear which one goes.
  assert.deepEqual(await actedOn([
    ['cancel/*', 'Wijziging', 'Arnhem op 22 juni past mij beter dan Venlo. Die kunt u dus laten vervallen.'],
  ]), []);
  // The session withdrawn from, named just before, is withdrawn from.
  assert.deepEqual(await actedOn([
    ['register/*', 'Utrecht', 'Ik stond genoteerd voor Utrecht op 14 juni. Dat moet ik helaas laten vervallen.'],
    ['register/*', 'Haarlem 21 juni', 'Ik had mij aangemeld voor Haarlem. Die aanmelding mag vervallen.'],
  ]), []);
});

test('a reference that fits several sessions chooses none beside a withdrawal', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/assen', 'Assen 28 juni', 'Ik moet mij helaas afmelden. Ik neem de portefeuille van een zieke collega waar en zit donderdag in Den Haag.'],
    ['cancel/utrecht', 'Afmelding Utrecht 14 juni', 'Helaas kan ik toch niet. Donderdag is er een extra raadsvergadering.'],
  ]), []);
  // A day asked for instead is a wish for another session, not a withdrawal alone.
  assert.deepEqual(await actedOn([
    ['cancel/*', 'Venlo', 'Ik kan helaas niet naar Venlo. Een donderdag zou beter uitkomen.'],
    ['cancel/*', 'Venlo', 'Venlo lukt niet, donderdag kan wel.'],
  ]), []);
});

test('a place given up to anyone, or that nobody takes over, is freed, not handed on', async () => {
  assert.deepEqual(await mismatchedCases([
    ['cancel/assen', 'Afmelding Assen', 'Ik moet mijn aanmelding voor Assen helaas intrekken. Misschien kan iemand anders mijn plek innemen.'],
    ['cancel/arnhem', 'Arnhem 22 juni', 'Ik ben op 22 juni verhinderd voor Arnhem. Er is geen collega die het kan overnemen, dus mijn plek mag naar een ander.'],
    ['cancel/breda', 'Breda', 'Ik kan niet naar Breda komen. Geef mijn plaats maar aan iemand op de wachtlijst.'],
  ]), []);
  // Handed to a particular person, it is a transfer for a person to re-assign.
  assert.deepEqual(await actedOn([
    ['cancel/*', 'Afmelding Assen', 'Ik kan niet naar Assen. Mijn collega Petra neemt mijn plek in.'],
    ['cancel/*', 'Arnhem', 'Ik ben verhinderd voor Arnhem; kan mijn collega mijn plek overnemen?'],
  ]), []);
});
