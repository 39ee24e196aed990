// Frisian is an official language of the Netherlands and Fryslân's municipalities write in it:
// its signup wordings count like the Dutch ones, and its hedges hold a signup back. Fresh messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signed, verdict } from './mail.js';

test('a signup in Frisian is read like one in Dutch', async () => {
  for (const text of [
    'Hjirby meld ik my oan foar de sesje yn Assen.',
    'Ik kom graach nei de gearkomste yn Assen op 28 juny.',
    'Wy wolle graach dielnimme oan de sesje yn Assen.',
  ]) {
    const v = await verdict({ subject: 'Oanmelding', text: signed(text, 'Sjoukje Bosma', 'Gemeente Heerenveen') });
    assert.equal(`${v.intent}/${v.session}`, 'register/assen', text);
  }
});

test('a Frisian hedge holds the signup back', async () => {
  const v = await verdict({ subject: 'Oanmelding', text: signed('Miskien kom ik nei de sesje yn Assen, dat wit ik noch net.', 'Sjoukje Bosma', 'Gemeente Heerenveen') });
  assert.notEqual(v.intent, 'register');
});

test('a step still to take and a promise to tell later hold a Frisian signup back, as in Dutch', async () => {
  for (const text of [
    'Ik wol graach nei Venlo komme, mar ik moat it earst oerlizze mei myn fraksje.',
    'Ik kom nei Assen op 28 juny, mar ik lit it jim noch witte oft it slagget.',
    'Graach in plak yn Haarlem; ik moat it noch ôfstimme mei de wethâlder.',
    'Ik soe graach nei de sesje yn Arnhem komme. Wy litte it jim nije wike witte.',
  ]) {
    const v = await verdict({ subject: 'Sesje', text: signed(text, 'Sjoukje Bosma', 'Gemeente Heerenveen') });
    assert.notEqual(v.intent, 'register', `${text} -> ${v.intent}/${v.session}`);
  }
  // "Lit my witte" asks us to tell: the signup stands.
  const v = await verdict({ subject: 'Oanmelding Assen', text: signed('Ik meld my oan foar Assen op 28 juny. Lit my witte oft der parkearplak is.', 'Sjoukje Bosma', 'Gemeente Heerenveen') });
  assert.equal(`${v.intent}/${v.session}`, 'register/assen');
});
