// Only the new text counts: quoted replies and forwarded parts in the shapes Dutch offices
// produce are split off, and so is the signature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitNewText } from '../../src/understanding/new-text.js';
import { htmlToText } from '../../src/understanding/html-text.js';
import { verdict } from './mail.js';

const overview = `Ontwerpsessies 2018
Donderdag 14 juni | Utrecht
Donderdag 21 juni | Haarlem
Vrijdag 22 juni | Arnhem
Donderdag 28 juni | Assen
Vrijdag 29 juni | Venlo
Dinsdag 3 juli | Breda`;

test('Outlook Van:/Verzonden:/Aan:/Onderwerp: block', () => {
  const s = splitNewText(`Doe mij Assen maar.\n\nGroet,\nKees\n\nVan: D-Loket <D-Loket@VNG.nl>\nVerzonden: dinsdag 29 mei 2018 09:12\nAan: Kees de Wit\nOnderwerp: Overzicht\n\n${overview}`);
  assert.equal(s.body, 'Doe mij Assen maar.');
  assert.match(s.signature, /Kees/);
  assert.match(s.quoted, /^Van: D-Loket/);
});

test('"-----Oorspronkelijk bericht-----" and English "-----Original Message-----"', () => {
  for (const sep of ['-----Oorspronkelijk bericht-----', '-----Original Message-----', '------ Oorspronkelijk bericht ------']) {
    const s = splitNewText(`Ik kies Venlo\n\n${sep}\nVan: D-Loket\nVerzonden: 1 juni 2018\nOnderwerp: Sessies\n\n${overview}`);
    assert.equal(s.body, 'Ik kies Venlo');
    assert.ok(s.quoted.includes('Breda'));
  }
});

test('Gmail "Op ... schreef ...:" with > lines, also when the attribution wraps', () => {
  const wrapped = 'Breda graag.\n\nOp wo 30 mei 2018 om 14:03 schreef D-Loket <\nD-Loket@VNG.nl>:\n\n> Welke sessie wilt u bijwonen?\n> Utrecht of Haarlem?';
  assert.equal(splitNewText(wrapped).body, 'Breda graag.');
  const plain = 'Breda graag.\n\nOp 30 mei 2018 14:03 schreef D-Loket <D-Loket@VNG.nl>:\n> Utrecht?';
  assert.equal(splitNewText(plain).body, 'Breda graag.');
});

test('Apple Mail "Op ... heeft ... het volgende geschreven:" and its device line', () => {
  const s = splitNewText('Ik ben erbij in Haarlem\n\nVerstuurd vanaf mijn iPad\n\nOp 31 mei 2018 om 09:00 heeft D-Loket <D-Loket@VNG.nl> het volgende geschreven:\n\n> Utrecht, Arnhem');
  assert.equal(s.body, 'Ik ben erbij in Haarlem');
});

test('English "On ... wrote:" and forwarded-message separators', () => {
  assert.equal(splitNewText('Count me in for Assen.\n\nOn Tue, 29 May 2018 at 10:00, D-Loket <d-loket@vng.nl> wrote:\n> Utrecht').body, 'Count me in for Assen.');
  for (const sep of ['---------- Forwarded message ---------', 'Begin doorgestuurd bericht:', 'Begin forwarded message:', '---------- Doorgestuurd bericht ----------']) {
    const s = splitNewText(`Zie hieronder, ik wil graag mee.\n\n${sep}\nFrom: Griffie\nDate: 28 mei 2018\nSubject: sessies\n\n${overview}`);
    assert.equal(s.body, 'Zie hieronder, ik wil graag mee.');
  }
});

test('GroupWise and Notes headers start the quote', () => {
  assert.equal(splitNewText('Venlo graag\n\n>>> "D-Loket" <D-Loket@VNG.nl> 30-5-2018 10:12 >>>\nUtrecht, Breda').body, 'Venlo graag');
  assert.equal(splitNewText('Venlo graag\n\n"D-Loket" <D-Loket@VNG.nl> schreef op 30-05-2018 10:12:\n\nUtrecht, Breda').body, 'Venlo graag');
});

test('a reply written below the quote is still found', () => {
  const s = splitNewText('Op 30 mei 2018 om 10:00 schreef D-Loket <D-Loket@VNG.nl>:\n> Welke sessie?\n> Utrecht of Breda\n\nBreda, graag.');
  assert.equal(s.body, 'Breda, graag.');
});

test('closings, mobile signatures and postscripts', () => {
  assert.equal(splitNewText('Aanmelding Assen.\nGr. Piet').body, 'Aanmelding Assen.');
  assert.equal(splitNewText('Aanmelding Assen\n\nVerzonden vanaf mijn Samsung-apparaat').body, 'Aanmelding Assen');
  assert.equal(splitNewText('Aanmelding Assen. Vriendelijke groet, Piet Bakker, Gemeente Assen').body, 'Aanmelding Assen.');
  const ps = splitNewText('Graag aanmelden voor Utrecht.\n\nHartelijke groet,\nAnna\n\nPS mijn collega komt ook');
  assert.match(ps.body, /PS mijn collega komt ook/);
  assert.equal(splitNewText('Please register me for Venlo.\n\nKind regards,\nMary Smith').body, 'Please register me for Venlo.');
});

test('HTML: Outlook and Gmail quote markers, entities, tables and blank paragraphs', () => {
  const outlook = '<html><head><style>p{}</style></head><body><div class="WordSection1"><p class="MsoNormal">Graag&nbsp;aanmelden voor Assen&eacute;<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p>Groet</p><div id="divRplyFwdMsg"><b>Van:</b> D-Loket<br><b>Onderwerp:</b> Breda</div><p>Breda, Utrecht</p></div></body></html>';
  const text = htmlToText(outlook);
  assert.match(text, /^Graag aanmelden voor Assené\n\nGroet/);
  assert.match(text, /\n> Van: D-Loket/);
  const gmail = '<div dir="ltr">Ik neem Venlo &amp; kom met z&#39;n twee&euml;n</div><br><div class="gmail_quote"><div class="gmail_attr">Op di 29 mei schreef D-Loket:</div><blockquote>Breda</blockquote></div>';
  assert.match(htmlToText(gmail), /^Ik neem Venlo & kom met z'n tweeën\n\n> Op di 29 mei/);
  const table = '<table><tr><td>Sessie:</td><td>Haarlem</td></tr><tr><td>Naam:</td><td>Els</td></tr></table>';
  assert.equal(htmlToText(table), 'Sessie: Haarlem\nNaam: Els');
});

test('a session named only in the quoted overview decides nothing', async () => {
  const v = await verdict({ subject: 'RE: Nog plaatsen vrij', text: `Ik meld mij graag aan.\n\nVan: D-Loket\nVerzonden: 31 mei 2018\nAan: Kees\nOnderwerp: Nog plaatsen vrij\n\n${overview}` });
  assert.equal(v.intent, 'alternatives');
});

test('an HTML-only reply reads only the new part', async () => {
  const html = '<html><body><p>Ik kom graag naar Assen.</p><div style="border:none;border-top:solid #E1E1E1 1.0pt"><p><b>Van:</b> D-Loket</p><p><b>Onderwerp:</b> Breda</p></div><p>Breda 3 juli</p></body></html>';
  const v = await verdict({ subject: 'RE: Uitnodiging', html });
  assert.equal(v.intent, 'register');
  assert.equal(v.session, 'assen');
});
