// People who need a person: questions, complaints, signups only an attachment explains,
// press, offers; and questions that the registration itself answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signed, verdict, type MailSpec } from './mail.js';

async function escalated(spec: MailSpec, reason?: string) {
  const v = await verdict(spec);
  assert.equal(v.intent, 'escalate', `${v.reason} ${v.evidence.join('; ')}`);
  if (reason) assert.equal(v.reason, reason);
  return v;
}

test('questions about venue, access, programme, timing and costs', async () => {
  await escalated({ text: signed('Is het stadhuis in Venlo goed bereikbaar met de trein?') }, 'question');
  await escalated({ text: signed('Zijn er invalidenparkeerplaatsen bij de locatie in Arnhem?') }, 'question');
  await escalated({ text: signed('Wat is het programma van de middag in Assen?') }, 'question');
  await escalated({ text: signed('Kunnen jullie de sheets van Utrecht nasturen?') }, 'question');
  await escalated({ text: signed('Graag hoor ik of er kosten verbonden zijn aan deelname.') }, 'question');
  await escalated({ subject: 'Question', text: 'Is lunch provided at the Haarlem session?\n\nThanks,\nAmy' }, 'question');
});

test('a signup whose attendance waits on the answer to a question is escalated, with the session kept as candidate', async () => {
  const v = await escalated({ text: signed('Ik meld mij aan voor Breda, maar moet om 16.00 uur weg. Is dat een probleem?') }, 'condition');
  assert.equal(v.candidate, 'breda');
  assert.equal(v.session, null);
});

test('questions the registration answers do not stop it', async () => {
  const v = await verdict({ text: signed('Is er in Assen nog plek? Dan meld ik mij graag aan.') });
  assert.equal(`${v.intent}/${v.session}/${v.question}`, 'register/assen/false');
  const w = await verdict({ text: signed('Graag aanmelden voor Venlo. Ontvang ik nog een bevestiging?') });
  assert.equal(`${w.intent}/${w.session}`, 'register/venlo');
});

test('a signup that only an attachment explains', async () => {
  await escalated({ subject: 'Aanmelding', text: signed('In de bijlage ons aanmeldformulier.'), attachments: [{ filename: 'aanmelding.pdf', contentType: 'application/pdf', content: '%PDF-1.4 fake' }] }, 'attachment');
  await escalated({ subject: 'Deelnemers', text: 'Bijgaand de namen van onze deelnemers.\nGroet', attachments: [{ filename: 'namen.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: 'PK' }] }, 'attachment');
});

test('an inline logo is no attachment that explains anything', async () => {
  const v = await verdict({ html: '<p>Graag aanmelden voor Haarlem.</p><p><img src="cid:logo.png@test"></p>', attachments: [{ filename: 'logo.png', contentType: 'image/png', content: 'png', inline: true }] });
  assert.equal(`${v.intent}/${v.session}`, 'register/haarlem');
});

test('press, offers to contribute, complaints', async () => {
  await escalated({ text: 'Als verslaggever van het Dagblad wil ik graag de sessie in Breda bijwonen.\nGroet, Ed' }, 'press');
  await escalated({ text: signed('Wij willen op de sessie in Utrecht graag ons burgerpanel presenteren.') }, 'offer');
  await escalated({ text: signed('Ik heb een klacht: ik kreeg twee keer dezelfde uitnodiging en geen reactie op mijn aanmelding.') }, 'complaint');
});

test('nothing to act on', async () => {
  await escalated({ text: signed('Dank voor de uitnodiging, mooi initiatief!') }, 'unclear');
  await escalated({ subject: '', text: '' });
});

test('a signup on a condition, or a tentative one, goes to a person', async () => {
  const v = await escalated({ text: signed('Ik meld mij aan voor Venlo, mits ik die middag vrij kan krijgen van de raad.') }, 'condition');
  assert.equal(v.candidate, 'venlo');
  const w = await escalated({ text: signed('Onder voorbehoud meld ik mij aan voor Venlo.') }, 'hedged');
  assert.equal(w.candidate, 'venlo');
});

test('"meld u aan" addresses the reader: an advertisement is no signup', async () => {
  const v = await verdict({ from: 'Events <info@events.example.com>', subject: 'Webinar', text: 'Meld u nu aan voor ons webinar op 3 juli in Breda! Schrijf je snel in.' });
  assert.notEqual(v.intent, 'register');
});

test('"meldt u mij aan?" asks the organiser to sign the sender up', async () => {
  const v = await verdict({ text: signed('Meldt u mij aan voor de sessie in Breda?') });
  assert.equal(`${v.intent}/${v.session}`, 'register/breda');
});

test('"ik heb een vraag over mijn aanmelding" is a question, not a signup', async () => {
  const v = await escalated({ subject: 'RE: Bevestiging aanmelding ontwerpsessie Arnhem 22 juni', text: 'Ik heb een vraag over mijn aanmelding. Kunt u mij bellen.\n\nGroet, Ella' }, 'question');
  assert.equal(v.session, null);
});

test('a signup that comes late, leaves early or needs the venue arranged is confirmed, and left for a person too', async () => {
  for (const [text, session] of [['Ik meld mij aan voor Breda; ik ben er pas vanaf 15.00 uur.', 'breda'], ['Graag aanmelden voor Assen. Ik zit in een rolstoel.', 'assen'],
    ['Aanmelding voor Venlo, maar ik moet om 16.00 uur weer weg.', 'venlo']]) {
    const v = await verdict({ text: signed(text!) });
    assert.equal(`${v.intent}/${v.session}/${v.question}`, `register/${session}/true`, text);
    assert.ok(v.evidence.some((e) => e.startsWith('for a person:')), text);
  }
});
