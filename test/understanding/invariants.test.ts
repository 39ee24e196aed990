// The invariants of "When the bot may act" (src/understanding/README.md), checked on fresh
// messages: plain signups and withdrawals of our own, each combined with every kind of
// contrary evidence. Whatever the wording, contrary evidence never ends in a confirmation, a
// withdrawal must be the sender's own and about our sessions, and the session list goes only
// to someone who wants to attend one of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signed, verdict } from './mail.js';

const SIGNUPS: [string, string][] = [
  ['Hierbij meld ik mij aan voor de ontwerpsessie in Haarlem.', 'haarlem'],
  ['Ik kom graag naar Venlo op 29 juni.', 'venlo'],
  ['Graag noteren voor de bijeenkomst in Assen.', 'assen'],
  ['Wij willen deelnemen aan de sessie in Breda.', 'breda'],
];

// Each holds the sender back, makes attendance depend on something, or asks for another session.
const CONTRARY: [string, string[]][] = [
  ['Maar misschien lukt het niet, dat hoort u nog.', ['escalate']],
  ['Ik laat nog weten of het definitief doorgaat.', ['escalate']],
  ['Dit is wel onder voorbehoud van de raadsagenda.', ['escalate']],
  ['Ik twijfel nog of ik kan.', ['escalate']],
  ['Als ik vervoer kan regelen, kom ik zeker.', ['escalate']],
  ['Is er ook een sessie dichter bij huis?', ['alternatives', 'escalate']],
  ['Zijn er ook andere data?', ['alternatives', 'escalate']],
];

test('contrary evidence anywhere in the new text never ends in a confirmation', async () => {
  const wrong: string[] = [];
  for (const [signup, session] of SIGNUPS) {
    for (const [extra, allowed] of CONTRARY) {
      for (const text of [`${signup} ${extra}`, `${extra} ${signup}`]) {
        const v = await verdict({ subject: 'Ontwerpsessies lokale democratie', text: signed(text, 'Petra Lind', 'Gemeente Zeist') });
        if (!allowed.includes(v.intent)) wrong.push(`${text} -> ${v.intent}/${v.session} (${v.reason})`);
      }
      // The same signup without the contrary sentence is confirmed: the test can tell them apart.
    }
    const plain = await verdict({ subject: 'Ontwerpsessies lokale democratie', text: signed(signup, 'Petra Lind', 'Gemeente Zeist') });
    assert.equal(`${plain.intent}/${plain.session}`, `register/${session}`, signup);
  }
  assert.deepEqual(wrong, []);
});

test('a signup that stands on its own is confirmed, and its practical question is kept for a person', async () => {
  for (const [signup, session] of SIGNUPS) {
    for (const q of ['Is er parkeergelegenheid bij de zaal?', 'Ik ben vegetariër, is daar rekening mee te houden?', 'Ik kom met de rolstoel.']) {
      const v = await verdict({ text: signed(`${signup} ${q}`) });
      assert.equal(`${v.intent}/${v.session}/${v.question}`, `register/${session}/true`, `${signup} ${q}`);
      assert.ok(v.evidence.some((e) => e.startsWith('for a person:')), `${signup} ${q}: the question is in the evidence`);
    }
  }
});

test('a withdrawal must be the sender\'s own: someone else\'s or a transfer goes to a person', async () => {
  for (const text of [
    'Mijn collega Anja de Wit kan helaas niet naar Breda komen.',
    'De wethouder moet zich helaas afmelden voor de sessie in Haarlem.',
    'Kan ik mijn plek in Assen overdragen aan een collega?',
  ]) {
    const v = await verdict({ text: signed(text) });
    assert.equal(v.intent, 'escalate', `${text} -> ${v.intent} (${v.reason})`);
  }
  // The sender's own withdrawal is one.
  const own = await verdict({ text: signed('Ik moet mij helaas afmelden voor de sessie in Haarlem.') });
  assert.equal(`${own.intent}/${own.session}`, 'cancel/haarlem');
});

test('"ik kan niet, mijn collega komt in mijn plaats" signs up the colleague alone', async () => {
  const v = await verdict({ subject: 'Ontwerpsessie Venlo', text: signed('Zelf kan ik helaas niet, maar mijn collega Bas Frissen komt in mijn plaats.') });
  assert.equal(`${v.intent}/${v.session}/${v.attendees}`, 'register/venlo/1');
});

test('nothing is acted on in mail that is not about our sessions', async () => {
  for (const [subject, text] of [
    ['Your account', 'Sign up today and join thousands of happy customers! Register in 24 hours to get 50% off.'],
    ['Weekend', "Sorry, I can't make it to the barbecue on Saturday. Remove me from the group list please."],
    ['Webinar', 'Join our free webinar today from 3-5 pm. Participate and present your ideas.'],
    ['Vrijdag', 'Ik kan vrijdag helaas niet komen, het etentje gaat niet door.'],
  ] as const) {
    const v = await verdict({ from: 'Someone <someone@example.org>', subject, text });
    assert.ok(!['register', 'cancel', 'alternatives'].includes(v.intent), `${text} -> ${v.intent} (${v.reason})`);
  }
  // The same kind of wording about our sessions is acted on.
  const ours = await verdict({ subject: 'Design session Utrecht', text: "Hello,\n\nI can't make it to the session in Utrecht after all.\n\nBest regards,\nAnne" });
  assert.equal(`${ours.intent}/${ours.session}`, 'cancel/utrecht');
});

test('"remove me from your list" is a mailing matter, not a cancellation', async () => {
  const v = await verdict({ subject: 'Ontwerpsessies', text: signed('Wilt u mij uit uw mailinglijst verwijderen? Ik ontvang te veel mail van de VNG.') });
  assert.notEqual(v.intent, 'cancel');
});

test('a province names the sessions held in it, or none', async () => {
  const said = async (t: string) => { const v = await verdict({ text: signed(t) }); return `${v.intent}/${v.session}`; };
  assert.equal(await said('Graag meld ik mij aan voor de sessie in Limburg.'), 'register/venlo');
  assert.equal(await said('Ik kom graag naar de bijeenkomst in Drenthe.'), 'register/assen');
  assert.equal(await said('Ik wil graag naar de sessie in Brabant.'), 'register/breda');
  assert.equal(await said('Ik doe graag mee aan een sessie in Zeeland.'), 'alternatives/null');
  // Where the sender works is no choice.
  assert.equal(await said('Ik werk in Gelderland en kom graag naar Breda.'), 'register/breda');
  assert.equal(await said('Namens de provincie Limburg meld ik mij aan voor Assen.'), 'register/assen');
});

test('asking whether one may take part in a capacity of one\'s own is for a person; asking for a place is a signup', async () => {
  const said = async (t: string) => { const v = await verdict({ text: signed(t) }); return `${v.intent}/${v.session}`; };
  assert.equal(await said('Mag ik als medewerker van een adviesbureau ook deelnemen aan de sessie in Arnhem?'), 'escalate/null');
  assert.equal(await said('Zou ik als Duitse collega mogen aanschuiven bij de sessie in Venlo?'), 'escalate/null');
  assert.equal(await said('Mag ik mij aanmelden voor de sessie in Venlo?'), 'register/venlo');
});

test('"X lukt niet, Y wel" stays a choice of Y whatever the line breaks', async () => {
  for (const text of ['Assen lukt niet\nbreda wel\n\nGroet, Piet', 'Assen lukt niet, Breda wel.\n\nGroet, Piet', 'Utrecht kan ik niet Arnhem wel.\n\nPiet']) {
    const v = await verdict({ subject: 'Ontwerpsessie', text });
    assert.equal(v.intent, 'register', JSON.stringify(text));
  }
});
