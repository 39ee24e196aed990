// What a hedge or a condition is about (night of 2026-12-06, after round 16): a hedge that
// softens a request to us is politeness, not doubt about coming; a condition whose consequence
// is a request or thanks holds no coming back; a promise to tell that points back at someone
// else's possible coming is about them. And signups in the words of Fryslân and Limburg. Fresh
// messages written for the principles before any rule was changed, each family beside
// look-alikes that must keep their verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases } from './mail.js';

test('a hedge that softens a request to us is politeness; a hedge on the coming holds it back', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Aanmelding', 'Ik meld mij aan voor Venlo op 29 juni. Misschien kunt u mij de parkeerinstructies vooraf sturen?'],
    ['register/arnhem', 'Arnhem', 'Wij komen met z\'n tweeën naar Arnhem op 22 juni. Wellicht kunt u bij de lunch rekening houden met een glutenvrij dieet.'],
    ['register/haarlem', 'Haarlem 21 juni', 'Graag aanmelden voor Haarlem. Mogelijk kunt u de stukken ook per post sturen.'],
    ['register/utrecht', 'Utrecht', 'Please sign me up for the session in Utrecht on 14 June. Perhaps you could send the programme beforehand.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Venlo', 'Misschien kan ik naar Venlo komen op 29 juni.'],
    ['register/*', 'Arnhem', 'Wellicht kom ik naar Arnhem op 22 juni; kunt u mij de stukken sturen?'],
    ['register/*', 'Utrecht', 'Perhaps I could come to Utrecht on 14 June, could you send me the programme?'],
  ]), []);
});

test('a condition whose consequence is a request or thanks holds no coming back; one on the coming does', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/assen', 'Assen', 'Ik meld mij aan voor Assen op 28 juni. Als u nog een presentielijst heeft van de vorige bijeenkomst, zou ik die graag ontvangen.'],
    ['register/utrecht', 'Ontwerpsessie', 'Als er een verslag komt van de sessies, zou ik dat op prijs stellen. Ik kom graag naar Utrecht op 14 juni.'],
    ['register/breda', 'Breda', 'Ik wil me aanmelden voor Breda op 3 juli. Indien er een routebeschrijving is, stel ik het op prijs als u die meestuurt.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Utrecht', 'Als er een lift is, zou ik graag naar Utrecht komen op 14 juni.'],
    ['register/*', 'Breda', 'Indien de sessie ook over de Omgevingswet gaat, zou ik het op prijs stellen om aan te sluiten in Breda.'],
  ]), []);
});

test('a promise to tell that points back at someone else\'s possible coming leaves the sender\'s signup standing', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/assen', 'Assen 28 juni', 'Ik meld mij aan voor Assen op 28 juni. Misschien komt een collega mee; dat laat ik nog weten.'],
    ['register/breda', 'Breda', 'Graag aanmelden voor Breda op 3 juli. De wethouder twijfelt nog of hij meegaat. Dat hoort u later van mij.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Assen', 'Ik twijfel nog over Assen op 28 juni; dat laat ik nog weten.'],
    ['register/*', 'Breda', 'Breda op 3 juli zou kunnen. Dat hoort u later van mij.'],
  ]), []);
});

test('signups in Frisian and Limburgish words are signups; their withdrawals are not', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Sesje', 'Ik bin der by yn Venlo op 29 juny.'],
    ['register/haarlem', 'Haarlem', 'Skriuw my mar yn foar de sesje yn Haarlem.'],
    ['register/assen', 'Assen', 'Wy binne der by yn Assen, mei ús twaen.'],
    ['register/arnhem', 'Arnhem', 'Ich kom nao Arnhem, zèt mich mer op de lies.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Assen', 'Ik bin der net by yn Assen, it spyt my.'],
    ['register/*', 'Venlo', 'Ich kin neet kómme nao Venlo.'],
  ]), []);
});
