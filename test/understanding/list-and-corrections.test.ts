// Three principles in more words (night of 2026-12-06, after round 17): a question the list of
// open sessions answers, from someone who wants to come, is answered with the list whatever its
// verb ("wordt er ook een sessie in Zwolle georganiseerd?", "welke kunnen we kiezen?"); a
// correction under one's own quoted signup is a signup for the corrected session; a doubt told
// in the past perfect ("ik had eerst mijn twijfels, maar …") is overtaken. Fresh messages written
// for the principles before any rule was changed, beside look-alikes that keep their verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, mismatchedCases, verdict, signed } from './mail.js';

test('a question the list answers, from someone who wants to come, gets the list', async () => {
  assert.deepEqual(await mismatchedCases([
    ['alternatives/undefined', 'Sessie Enschede?', 'Ik zou graag meedoen. Wordt er ook een sessie in Enschede gehouden? Dan schrijf ik me daarvoor in.'],
    ['alternatives/undefined', 'Aanmelding', 'We willen met z\'n vieren naar een van de sessies, maar weten nog niet welke. Welke kunnen we het beste kiezen?'],
    ['alternatives/undefined', 'Ontwerpsessie', 'Ik wil graag aansluiten bij een ontwerpsessie. Welke zouden er voor mij in de buurt zijn?'],
  ], (v) => `${v.intent}/${v.intent === 'alternatives' ? undefined : v.session}`), []);
  // A question about the programme beside such a wish stays with a person.
  const v = await verdict({ subject: 'Sessie', text: signed('Ik wil graag meedoen. Welke onderwerpen komen er aan bod?') });
  assert.equal(v.intent, 'escalate');
});

test('where, when and what is still free are questions the list answers, in more words', async () => {
  // Written for the principle before the rule changed (after round 21): a signup for a city
  // without a session, or for "one of them", asking for dates, places, times or room.
  assert.deepEqual(await mismatchedCases([
    ['alternatives/undefined', 'Aanmelding', 'Ik meld mij graag aan voor de ontwerpsessie in Deventer. Kunt u mij de juiste datum en het adres doorgeven?'],
    ['alternatives/undefined', 'Ontwerpsessie Leeuwarden', 'Graag schrijf ik mij in voor de sessie in Leeuwarden. Wilt u mij de tijden toesturen?'],
    ['alternatives/undefined', 'Sessies', 'Wij willen graag komen, Arnhem of Venlo, het maakt ons niet zoveel uit. Welke heeft nog de meeste ruimte?'],
    ['alternatives/undefined', 'Design sessions', 'Two of us would like to attend one of the sessions. Could you send us the dates and locations?'],
    ['alternatives/undefined', 'Aanmelding', 'Ik wil graag deelnemen aan een van de sessies. Waar is nog plek?'],
  ], (v) => `${v.intent}/${v.intent === 'alternatives' ? undefined : v.session}`), []);
  // Questions a person answers beside the same wish, and the same questions with no wish to come.
  assert.deepEqual(await actedOn([
    ['alternatives/*', 'Sessies', 'Ik wil graag komen naar een van de sessies. Kunt u mij de agenda en de sprekers doorgeven?'],
    ['alternatives/*', 'Vraag', 'Kunt u mij de data en locaties van de sessies sturen? Dan bespreek ik het met de griffie.'],
  ]), []);
});

test('a correction under one\'s own quoted signup signs up for the corrected session', async () => {
  const quoted = (session: string, date: string) => `\n\nOp 24-05-18 16:30 schreef Karin de Boer <k.deboer@zeist.nl>:\n> Hierbij meld ik mij aan voor de ontwerpsessie in ${session} op ${date}.\n> Karin de Boer, gemeente Zeist`;
  for (const [text, subject, want] of [
    [`Sorry, dat moest Utrecht zijn, 14 juni. Haarlem was een vergissing.${quoted('Haarlem', '21 juni')}`, 'Re: Aanmelding Haarlem', 'register/utrecht'],
    [`14 juni natuurlijk, niet 21 juni. Dus Utrecht.${quoted('Utrecht', '21 juni')}`, 'Re: Aanmelding Utrecht 21 juni', 'register/utrecht'],
  ] as const) {
    const v = await verdict({ from: 'Karin de Boer <k.deboer@zeist.nl>', subject, text, headers: { 'In-Reply-To': '<own-1@zeist.nl>' } });
    assert.equal(`${v.intent}/${v.session}`, want, `${text.split('\n')[0]} -> ${v.intent}/${v.session} (${v.reason})`);
  }
  // Without one's own signup quoted, a bare correction of a date is no signup.
  const bare = await verdict({ subject: 'Correctie', text: signed('14 juni natuurlijk, niet 21 juni.') });
  assert.notEqual(bare.intent, 'register');
});

test('a doubt told in the past is overtaken; one still held is not', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Venlo', 'Ik had aanvankelijk mijn twijfels, maar de fractievergadering is verzet. Ik kom dus graag naar Venlo op 29 juni.'],
    ['register/arnhem', 'Arnhem', 'Ik was eerst onzeker of het zou passen, maar het lukt. Graag aanmelden voor Arnhem, 22 juni.'],
  ]), []);
  assert.deepEqual(await actedOn([
    ['register/*', 'Venlo', 'Ik heb nog mijn twijfels, maar ik meld me voorlopig aan voor Venlo op 29 juni.'],
    ['register/*', 'Arnhem', 'Ik ben nog onzeker of het past. Graag aanmelden voor Arnhem, 22 juni.'],
  ]), []);
});
