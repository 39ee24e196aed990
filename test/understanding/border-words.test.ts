// Words from the border, from threads and from attachments, read for what they are. Written after
// round 34 (2026-12-07), in fresh words, with look-alikes that must keep their verdict:
// - German "anmelden" signs up: it is no mistyped "afmelden";
// - whether the sender may take part at all, asked in German as in Dutch, is for a person,
//   whatever the subject says; so is whether others may, when only the subject signs anyone up;
// - "mijn Nederlands gaat nog niet zo goed" says how something goes, not that the sender stays away;
// - a reply to an auto-reply ("RE: Automatisch antwoord: …") is a person's when they sign up in
//   their own words; without them it stays machine mail;
// - "zie bijgevoegde brief" leans on the attachment: a person reads it;
// - "het aantal aanmeldingen per sessie" counts registrations; it signs nobody up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mismatchedCases, verdict, signed } from './mail.js';

test('German signups are signups, and German eligibility questions are for a person', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/venlo', 'Anmeldung Venlo', 'Hiermit möchte ich mich für die Sitzung in Venlo am 29. Juni anmelden.'],
    ['register/venlo', 'Aanmelding Venlo', 'Ich bin angemeldet? Nein: bitte melden Sie mich für Venlo an. Ik kom alleen.'],
    ['escalate/null', 'Teilnahme Venlo', 'Können wir als Gemeinde aus Deutschland an der Sitzung in Venlo teilnehmen?'],
    ['escalate/null', 'Aanmelding Venlo', 'Ik meld mij aan voor Venlo. Mag ik als inwoner van Kleef eigenlijk wel deelnemen?'],
    // (Round 36: whether others may come, under a subject that is the only signup.)
    ['escalate/null', 'Deelname Duitse partners Venlo', 'Können auch Kollegen aus Mönchengladbach an der Sitzung in Venlo teilnehmen?'],
    ['register/venlo', 'Aanmelding Venlo', 'Ik meld mij aan voor Venlo. Mag mijn collega uit Kleef ook komen?'],
    // A practical question asked "as" someone is no question of eligibility.
    ['register/venlo', 'Aanmelding Venlo', 'Ik meld mij aan voor Venlo. Kan ik als vegetariër mee-eten met de lunch?'],
    ['register/venlo', 'Venlo', 'Entschuldigung, mijn Nederlands gaat nog niet zo goed. Ik kom graag naar Venlo op 29 juni.'],
    ['cancel/venlo', 'Venlo', 'Het gaat mij helaas niet lukken om naar Venlo te komen.'],
  ]), []);
});

test('a reply to an auto-reply is a person\'s only in their own words', async () => {
  const person = await verdict({
    subject: 'RE: Automatisch antwoord: Uitnodiging ontwerpsessie Venlo',
    text: signed('Mijn collega is met verlof. Wilt u mij aanmelden voor Venlo op 29 juni? Ik ga in haar plaats.\n\nVan: Jansen, Els\nVerzonden: maandag 4 juni 2018 09:00\nAan: D-Loket\nOnderwerp: Automatisch antwoord: Uitnodiging ontwerpsessie Venlo\n\nIk ben afwezig tot 1 juli.'),
  });
  assert.equal(`${person.intent}/${person.session}`, 'register/venlo');
  const machine = await verdict({ subject: 'RE: Automatisch antwoord: Uitnodiging ontwerpsessie Venlo', text: 'Ik ben afwezig tot 1 juli. Uw bericht wordt niet doorgestuurd.' });
  assert.equal(machine.intent, 'ignore');
});

test('a text that leans on its attachment, and registrations counted, sign nobody up', async () => {
  const letter = await verdict({
    subject: 'Aanmelding ontwerpsessies', text: signed('Zie bijgevoegde brief van ons college.'),
    attachments: [{ filename: 'brief.pdf', contentType: 'application/pdf', content: '%PDF-1.4 brief' }],
  });
  assert.equal(letter.intent, 'escalate');
  assert.deepEqual(await mismatchedCases([
    ['escalate/null', 'Stand aanmeldingen', 'Kunnen jullie mij voor het overleg van donderdag het aantal aanmeldingen per sessie sturen?'],
    ['register/venlo', 'Aanmelding Venlo', 'Graag mijn aanmelding voor Venlo op 29 juni.'],
  ]), []);
});
