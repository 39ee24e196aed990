// A signup told of is not one made: an earlier signup (the sender's or a colleague's) beside a
// question goes to a person; a signup word in what is made possible ("zodat zij zich kunnen
// aanmelden", "om mee te kunnen doen") or in a question word's question ("hoe kom ik ...?") is
// not the sender signing up. Fresh messages, written for the principle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmedAmong, mismatched } from './mail.js';

test('a signup told of, or made possible, is never confirmed', async () => {
  assert.deepEqual(await confirmedAmong('Sessie Venlo', [
    'Mijn collega heeft zich aangemeld voor Venlo. Zij is slechthorend; is er een ringleiding in de zaal?',
    'Ik ben al ingeschreven voor Venlo. Hoe kom ik vanaf het station het beste bij het stadhuis?',
    'Kunt u de uitnodiging voor Venlo ook naar onze raadsleden sturen, zodat zij zich zelf kunnen aanmelden?',
    'Onze wethouder wil graag weten of er een tolk is, om in Venlo mee te kunnen doen.',
  ]), []);
});

test('a signup made beside a question, or said with "om ... te", still signs up', async () => {
  assert.deepEqual(await mismatched('register/venlo', 'Sessie Venlo', ['Ik meld mij aan voor Venlo. Hoe laat begint de inloop?', 'Ik mail u om mij aan te melden voor Venlo.']), []);
});
