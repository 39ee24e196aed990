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
