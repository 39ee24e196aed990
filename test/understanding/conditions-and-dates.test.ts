// Conditions in other shapes and dates read as people write them. A condition put as a question
// first ("Is dat zo, dan kom ik", "Mocht het lukken, dan ..."), "op het moment dat", talks still
// going on: no signup yet. A place without a session beside a date that fits another session
// chooses nothing; "28 of 29 juni" names two dates; "Morgen," as a greeting names no day.
// Fresh messages, written for the principles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmedAmong, fromWeert, signed, verdict } from './mail.js';

const of = fromWeert;

test('a condition put first as a question, "op het moment dat", or talks still going on hold a signup back', async () => {
  assert.deepEqual(await confirmedAmong('Ontwerpsessie', [
    'Zijn raadsleden ook welkom in Venlo? Is dat zo, dan kom ik graag.',
    'Mocht het lukken met de oppas, dan ben ik er in Venlo bij.',
    'Ik wil graag naar Venlo op het moment dat mijn wethouder akkoord geeft.',
    'Venlo lijkt me mooi, maar ik ben nog in overleg met mijn leidinggevende.',
    'Is er ook een sessie in Zwolle, eind juni? Daar wil ik me graag voor inschrijven.',
    '28 of 29 juni, wat u het beste uitkomt; ik wil graag meedoen.',
    // Verb families in every form: "denk er serieus over", "kom er bij u op terug", "eerst zien",
    // "hangt nog af van", "minder zin", "schuif ik" after the condition.
    'Venlo trekt me wel, ik denk er serieus over.',
    'Ik kom er volgende week bij u op terug of ik naar Venlo kan.',
    'Ik moet eerst zien hoe mijn agenda loopt; dan kom ik misschien naar Venlo.',
    'Ik meld me aan voor Venlo, al hangt het nog af van de begroting.',
    "Kunnen we onze eigen casus inbrengen in Venlo? Als dat kan, komen we met z'n tweeën; anders heeft het minder zin.",
    'Als er bij het stadhuis plek is voor mijn auto, schuif ik graag aan in Venlo.',
    // An inverted condition ("should my schedule allow it", "mocht mijn agenda het toelaten"), a
    // promise to tell without "I", and a signup word inside a "whether".
    'I would be glad to come to Venlo, should my diary allow it.',
    'Mocht mijn agenda het toelaten, dan kom ik graag naar Venlo.',
    'Thank you, I would like to join in Venlo and will let you know once my week is clear.',
    'Is de sessie in Venlo ook voor ambtenaren? Dan weet ik of het zin heeft om me aan te melden.',
  ]), []);
});

test('"wij trekken ons terug" withdraws', async () => {
  const v = await of('Venlo 29 juni', 'Mijn collega en ik trekken ons allebei terug voor de sessie in Venlo.');
  assert.equal(`${v.intent}/${v.session}`, 'cancel/venlo');
});

test('an acceptance that starts "Prima, dan" is no condition, and "Morgen," names no day', async () => {
  const yes = await of('Venlo', 'Prima, dan kom ik naar Venlo.');
  assert.equal(`${yes.intent}/${yes.session}`, 'register/venlo');
  const off = await verdict({ subject: 'Aanmelding 29 juni', date: 'Wed, 27 Jun 2018 07:58:44 +0200', text: signed('Morgen,\n\nVrijdag de 29e lukt het me niet, ik moet mijn aanmelding intrekken.', 'Bas Kramer', 'Gemeente Weert') });
  assert.equal(`${off.intent}/${off.session}`, 'cancel/venlo');
});
