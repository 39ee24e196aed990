// Negation and choice ("X lukt niet, Y wel"), switches, and cancellations in everyday words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signed, verdict, type MailSpec } from './mail.js';

type Case = [string, MailSpec, string, string | null];

async function check(cases: Case[]) {
  for (const [name, spec, intent, session] of cases) {
    const v = await verdict(spec);
    assert.equal(`${v.intent}/${v.session}`, `${intent}/${session}`, `${name}: ${v.reason} | ${v.evidence.join('; ')}`);
  }
}

test('one place ruled out, another chosen', () => check([
  ['niet X maar Y', { text: signed('Graag aanmelden, niet in Assen maar in Venlo.') }, 'register', 'venlo'],
  ['X lukt niet, Y wel', { text: signed('Utrecht kan ik helaas niet, Haarlem wel. Graag aanmelden.') }, 'register', 'haarlem'],
  ['in plaats van', { text: signed('In plaats van Utrecht kom ik liever naar Haarlem.') }, 'register', 'haarlem'],
  ['liever Y dan X', { text: signed('Ik ga liever naar Breda dan naar Venlo, dus graag aanmelden voor Breda.') }, 'register', 'breda'],
  ['date ruled out, date chosen', { text: signed('Op 21 juni zit ik in de raad, maar 28 juni kan ik wel. Graag aanmelden.') }, 'register', 'assen'],
  ['reply to invitation, other date chosen', { subject: 'RE: Uitnodiging ontwerpsessie 14 juni Utrecht', text: 'Die datum past niet, ik kom graag naar Arnhem op 22 juni.\n\nGroet, Bas' }, 'register', 'arnhem'],
  ['ruled out, nothing chosen', { subject: 'RE: Uitnodiging 21 juni Haarlem', text: 'Haarlem lukt niet. Zijn er andere mogelijkheden?\n\nGroet, Ria' }, 'alternatives', null],
]));

test('switches register the new session and name the old one', async () => {
  const v = await verdict({ subject: 'Wijziging', text: signed('Ik ben aangemeld voor Venlo, maar wil graag wisselen naar de sessie in Breda.') });
  assert.equal(v.intent, 'register');
  assert.equal(v.session, 'breda');
  assert.equal(v.replaces, 'venlo');
  const w = await verdict({ text: signed('Kunt u mijn aanmelding van Utrecht omzetten naar Arnhem?') });
  assert.equal(`${w.intent}/${w.session}/${w.replaces}`, 'register/arnhem/utrecht');
});

test('cancellations in everyday wordings', () => check([
  ['afmelden', { subject: 'Afmelding', text: signed('Graag wil ik mij afmelden voor de sessie in Haarlem.') }, 'cancel', 'haarlem'],
  ['moet helaas afzeggen', { text: signed('Ik moet de bijeenkomst van 29 juni helaas afzeggen.') }, 'cancel', 'venlo'],
  ['trek in', { text: signed('Bij deze trek ik mijn aanmelding voor Assen in.') }, 'cancel', 'assen'],
  ['verstek', { text: signed('Wegens ziekte moet ik verstek laten gaan.') }, 'cancel', null],
  ['kan toch niet under a confirmation', { subject: 'RE: Bevestiging aanmelding ontwerpsessie Utrecht 14 juni', text: 'Ik kan er toch niet bij zijn, sorry.\n\nGroet, Ans' }, 'cancel', 'utrecht'],
  ['verhinderd', { subject: 'Verhinderd', text: signed('Helaas ben ik op 3 juli verhinderd.') }, 'cancel', 'breda'],
  ['afzien', { text: signed('Ik moet helaas afzien van de sessie in Breda.') }, 'cancel', 'breda'],
  ['uitschrijven', { text: signed('Wilt u mij uitschrijven voor de sessie in Arnhem?') }, 'cancel', 'arnhem'],
  ['for someone else', { text: signed('Burgemeester De Vries kan helaas niet aanwezig zijn op 14 juni en meldt zich af.') }, 'cancel', 'utrecht'],
  ['English', { subject: 'Cancellation', text: 'Unfortunately I have to cancel my registration for Venlo.\n\nRegards,\nJohn' }, 'cancel', 'venlo'],
  ["English can't make it", { subject: 'Re: Bevestiging aanmelding ontwerpsessie Breda 3 juli', text: "Sorry, I can't make it after all.\n\nBest,\nSam" }, 'cancel', 'breda'],
]));

test('a newsletter-style "afmelden" link in a person\'s mail is still read as text', async () => {
  const v = await verdict({ text: signed('Graag aanmelden voor Assen.') });
  assert.equal(v.intent, 'register');
});

test('"haal mij van de lijst" withdraws; "welke is het dichtst bij" asks for the list', () => check([
  ['van de lijst', { text: signed('Ik ben er op 21 juni toch niet bij; wilt u mij van de lijst halen?') }, 'cancel', 'haarlem'],
  ['closest', { text: signed('Ik neem graag deel aan een van de sessies. Welke is het dichtst bij Hoorn?') }, 'alternatives', null],
]));

test('a choice in words ("ik kies voor"), something that came up, a session somewhere else', () => check([
  ['kies', { subject: 'RE: Nog plaatsen vrij', text: 'Ik kies voor Asen.\n\nBert' }, 'register', 'assen'],
  ['tussengekomen', { subject: 'RE: Bevestiging aanmelding ontwerpsessie Venlo 29 juni', text: 'Er is helaas iets tussengekomen.\n\nBram' }, 'cancel', 'venlo'],
  ['is er een sessie in', { text: signed('Is er ook een sessie in Limburg? Dan kom ik graag.') }, 'alternatives', null],
]));

test('a first choice beats a fallback', () => check([
  ['voorkeur, kan ook', { text: signed('Ik heb een voorkeur voor Utrecht, maar Haarlem kan ook. Graag aanmelden.') }, 'register', 'utrecht'],
  ['als vol, dan', { text: signed('Ik wil graag naar Venlo, maar als dat vol is dan Breda.') }, 'register', 'venlo'],
  ['liefst, anders', { text: signed('Graag aanmelden: liefst Arnhem, anders Venlo.') }, 'register', 'arnhem'],
  ['no preference stays open', { text: signed('Utrecht of Haarlem, ik heb geen voorkeur. Graag aanmelden.') }, 'alternatives', null],
]));

test('asking whether a session is full: the list, unless the sender also signs up', () => check([
  ['al vol', { text: signed('Is de sessie in Breda al vol?') }, 'alternatives', null],
  ['al vol, graag komen', { text: signed('Is de sessie in Breda al vol? Ik zou graag komen.') }, 'register', 'breda'],
]));

test('a colleague going elsewhere while the sender cannot is for a person', () => check([
  ['third person', { text: signed('Mijn collega gaat naar Haarlem, ik kan helaas niet.') }, 'escalate', null],
]));
