// How many and who, and the registrant's municipality (official CBS name on the message date).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signed, verdict } from './mail.js';

async function attendees(text: string, subject = 'Aanmelding Venlo'): Promise<number | null> {
  const v = await verdict({ subject, text: signed(text) });
  assert.equal(v.intent, 'register', `${v.reason} ${v.evidence.join('; ')}`);
  return v.attendees;
}

test('the sender alone is one', async () => {
  assert.equal(await attendees('Graag meld ik mij aan voor Venlo.'), 1);
  assert.equal(await attendees('Ik kom.'), 1);
});

test('a colleague, a named official, "met z\'n drieën", totals', async () => {
  assert.equal(await attendees('Ik kom samen met mijn collega Henk Bos naar Venlo.'), 2);
  assert.equal(await attendees('Wethouder Karin Jansen en ik melden ons aan voor Venlo.'), 2);
  assert.equal(await attendees('Wij komen met z\'n drieën naar Venlo.'), 3);
  assert.equal(await attendees('We komen met 5 personen naar de sessie in Venlo.'), 5);
  assert.equal(await attendees('Ik neem twee collega\'s mee naar Venlo, graag ons aanmelden.'), 3);
  assert.equal(await attendees('Graag reserveer ik 2 plaatsen voor Venlo.'), 2);
});

test('listed names are counted; the sender only when listed or "and I"', async () => {
  assert.equal(await attendees('Graag melden wij de volgende raadsleden aan voor Venlo:\n\n1. Piet Kramer\n2. Sara el Amrani\n3. Joost Visser\n4. Anneke de Wit'), 4);
  assert.equal(await attendees('Voor Venlo komen:\n- wethouder Ria Smit\n- raadslid Tom Bakker\n- en ikzelf'), 3);
});

test('signing up someone else counts only them', async () => {
  assert.equal(await attendees('Hierbij meld ik onze burgemeester, Frits Vermeer, aan voor de sessie in Venlo.'), 1);
  assert.equal(await attendees('Graag meld ik wethouder Anton de Graaf en raadslid Els Vos aan voor Venlo.'), 2);
});

test('English attendee wordings', async () => {
  const v = await verdict({ subject: 'Registration Venlo', text: 'My colleague and I would like to attend the session in Venlo.\n\nKind regards,\nPeter' });
  assert.equal(v.attendees, 2);
  assert.equal(v.language, 'en');
});

async function municipality(spec: Parameters<typeof verdict>[0]): Promise<string | null> {
  return (await verdict(spec)).municipality;
}

test('municipality from the signature, the text, the display name or the domain', async () => {
  assert.equal(await municipality({ text: signed('Aanmelding Breda.', 'Kim Dekker', 'Gemeente Oisterwijk') }), 'Oisterwijk');
  assert.equal(await municipality({ from: 'Kim <k@gmail.com>', text: 'Namens de gemeente Heusden meld ik mij aan voor Breda.\nKim' }), 'Heusden');
  assert.equal(await municipality({ from: 'Griffie Gilze en Rijen <griffie@example.nl>', text: 'Aanmelding Breda' }), 'Gilze en Rijen');
  assert.equal(await municipality({ from: 'a.bakker@zundert.nl', text: 'Aanmelding Breda\nAnna' }), 'Zundert');
  assert.equal(await municipality({ from: 'a.bakker@raad.bergen-nh.nl', text: 'Aanmelding Haarlem' }), 'Bergen (NH.)');
  assert.equal(await municipality({ from: 'x@hotmail.com', text: 'Aanmelding Breda.\n\nGroet,\nRaadslid GroenLinks Dongen' }), 'Dongen');
  assert.equal(await municipality({ from: 'x@live.nl', text: 'Aanmelding Breda.\n\nGroet,\nRaadslid CU Urk' }), 'Urk');
});

test('aliases give the official CBS name', async () => {
  assert.equal(await municipality({ text: signed('Aanmelding Breda.', 'A', 'Gemeente Den Bosch') }), "'s-Hertogenbosch");
  assert.equal(await municipality({ text: signed('Aanmelding Haarlem.', 'A', 'Gemeente Den Haag') }), "'s-Gravenhage");
  assert.equal(await municipality({ text: signed('Aanmelding Venlo.', 'A', 'Gemeente Nuenen c.a.') }), 'Nuenen, Gerwen en Nederwetten');
});

test('names valid on the message date: dissolved municipalities in 2018, their successors later', async () => {
  const text = signed('Aanmelding Assen.', 'Bert', 'Gemeente Haren');
  assert.equal(await municipality({ text }), 'Haren');
  assert.equal(await municipality({ from: 'x@leeuwarden.nl', date: 'Mon, 4 Jun 2018 10:00:00 +0200', text: 'Aanmelding Assen\nBert' }), 'Leeuwarden');
  assert.equal(await municipality({ from: 'x@example.org', text: signed('Aanmelding Haarlem.', 'Bert', 'Gemeente Haarlemmerliede en Spaarnwoude') }), 'Haarlemmerliede en Spaarnwoude');
});

test('no municipality: a province, a private address without signature, a postal address', async () => {
  assert.equal(await municipality({ from: 'x@provincie-gelderland.nl', text: signed('Aanmelding Arnhem.', 'Ed', 'Provincie Gelderland\nMarkt 11, 6811 CG Arnhem') }), null);
  assert.equal(await municipality({ from: 'pietje1970@gmail.com', text: 'Aanmelding Breda\nPiet' }), null);
  assert.equal(await municipality({ from: 'x@example.com', text: 'Aanmelding Breda\n\nGroet,\nPiet\nKerkstraat 1, 4811 AB Breda' }), null);
});

test('a person whose surname is a municipality is not that municipality', async () => {
  assert.equal(await municipality({ from: 'x@example.com', text: 'Graag meld ik wethouder Jan Steenbergen aan voor Breda.\n\nGroet,\nAnna' }), null);
});

test('companions by role: with an article, after "met", before a bracketed role; not the sender\'s own role', async () => {
  assert.equal(await attendees('Ik kom met een collega naar Venlo.'), 2);
  assert.equal(await attendees('Graag aanmelden voor Venlo; ik kom samen met de wethouder.'), 2);
  assert.equal(await attendees('Karel de Boer (wethouder) en ik melden ons aan voor Venlo.'), 2);
  assert.equal(await attendees('Als raadslid meld ik mij graag aan voor Venlo.'), 1);
  assert.equal(await attendees('De burgemeester en de gemeentesecretaris komen graag naar Venlo.'), 2);
});

test('someone unnamed, and people added by someone already registered', async () => {
  assert.equal(await attendees('Ik kom naar Venlo, samen met iemand van de griffie.'), 2);
  const v = await verdict({ subject: 'RE: Bevestiging aanmelding ontwerpsessie Venlo 29 juni', text: 'Dank voor de bevestiging! Ik neem twee collega\'s mee, kunt u hen ook noteren?\n\nLinda' });
  assert.equal(`${v.intent}/${v.session}/${v.attendees}`, 'register/venlo/2');
});
