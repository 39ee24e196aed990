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

test('Frisian and Limburgish in more words: "wy komme nei", "jao, ich bin d\'rbij", "ich kin neet kómme", "sjrap mich"', async () => {
  // Written after round 19 (night of 2026-12-06), before any rule was changed for it.
  const invitation = '\n\nOp vr 18 mei 2018 om 11:02 schreef D-Loket <D-Loket@VNG.nl>:\n> Graag nodigen we u uit voor de ontwerpsessie lokale democratie op 29 juni in Venlo.\n> Aanmelden kan via D-Loket@VNG.nl.';
  for (const [subject, text, want] of [
    ['Sesje Assen', 'Wy komme mei ús trijen nei Assen op 28 juny.', 'register/assen'],
    ['RE: Uitnodiging ontwerpsessie 29 juni Venlo', `Jao, ich bin d'r gaer bij.${invitation}`, 'register/venlo'],
    ['Venlo', 'Ich kin op 29 juni helaas neet nao Venlo kómme.', 'cancel/venlo'],
    ['Venlo 29 juni', 'Sorry, ich kin neet. Sjrap mich mer van de lies veur Venlo.', 'cancel/venlo'],
  ] as const) {
    const v = await verdict({ subject, text: signed(text, 'Jo Schmeets', 'Gemeente Kerkrade'), headers: subject.startsWith('RE:') ? { 'In-Reply-To': '<inv-1@vng.nl>' } : {} });
    assert.equal(`${v.intent}/${v.session}`, want, `${text.split('\n')[0]} -> ${v.intent}/${v.session} (${v.reason})`);
  }
  // "Ik bin der net by" withdraws; Dutch "net" ("ik ben net terug") negates nothing.
  const back = await verdict({ subject: 'Aanmelding Venlo', text: signed('Ik heb net de uitnodiging gelezen en meld me graag aan voor Venlo op 29 juni.') });
  assert.equal(`${back.intent}/${back.session}`, 'register/venlo');
});

test('"bij ons in X" is where the sender is, not a place asked for', async () => {
  const v = await verdict({ subject: 'Sessie Venlo', text: signed('Ik kom graag naar Venlo op 29 juni. Bij ons in Beesel is de samenwerking met Venlo weer een onderwerp, dus dat wil ik graag bespreken.', 'Sjef Custers', 'Gemeente Beesel') });
  assert.equal(`${v.intent}/${v.session}`, 'register/venlo');
});

test('"es" in Limburgish and "as" in Frisian open a condition, as "als" does', async () => {
  // Written for the principle before the rule changed (after round 22).
  for (const text of [
    'Ich kom nao Venlo op 29 juni es ich vrij krieg van mien baas.',
    'Ik kom nei Assen op 28 juny as it wurk it talit.',
    'Es \'t lukt, kom ich nao Venlo.',
  ]) {
    const v = await verdict({ subject: 'Sessie', text: signed(text) });
    assert.notEqual(v.intent, 'register', `${text} -> ${v.intent}/${v.session} (${v.reason})`);
  }
  const firm = await verdict({ subject: 'Venlo', text: signed('Ich kom nao Venlo op 29 juni. Es gaet um de gemeinde, zoe es altied.') });
  assert.equal(`${firm.intent}/${firm.session}`, 'register/venlo');
  // A seat is for the bot to answer, in any tongue: "es d'r nog plek is".
  const seat = await verdict({ subject: 'Venlo', text: signed('Ich kom graag nao Venlo op 29 juni, es d\'r nog plek is.') });
  assert.equal(`${seat.intent}/${seat.session}`, 'register/venlo');
});

test('a Frisian "oare mooglikheid" asks for another session', async () => {
  // Written for the principle before the rule changed (after round 23).
  const v = await verdict({ subject: 'Re: Uitnodiging ontwerpsessie lokale democratie 28 juni Assen', text: signed('Op 28 juny bin ik yn Den Haach. Is der in oare datum? Ik soe graach meidwaan.') });
  assert.notEqual(v.intent, 'register', `${v.intent}/${v.session} (${v.reason})`);
  const w = await verdict({ subject: 'Sesje', text: signed('Ik kin net op 28 juny. Hawwe jimme in oare mooglikheid? Ik wol graach komme.') });
  assert.equal(w.intent, 'alternatives', `${w.intent}/${w.session} (${w.reason})`);
});
