// Many everyday wordings, written fresh: the decision must not hinge on one phrasing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signed, verdict, type MailSpec } from './mail.js';

type Row = [MailSpec, string]; // expected "intent/session" (session only for register and cancel)

const S = (text: string, subject = 'Ontwerpsessie', extra: Partial<MailSpec> = {}): MailSpec => ({ subject, text: signed(text), ...extra });

const rows: Row[] = [
  // signups
  [S('Hierbij geef ik mij op voor de sessie in Assen.'), 'register/assen'],
  [S('Ik wil er graag bij zijn op 29 juni.'), 'register/venlo'],
  [S('Reken maar op mij voor Breda!'), 'register/breda'],
  [S('Wilt u mij noteren voor de bijeenkomst in Haarlem?'), 'register/haarlem'],
  [S('Ik zou graag de ontwerpsessie in Arnhem bijwonen.'), 'register/arnhem'],
  [S('Ik schuif graag aan bij de sessie van donderdag 14 juni.'), 'register/utrecht'],
  [S('Ik kom graag.', 'RE: Uitnodiging ontwerpsessie lokale democratie 28 juni Assen'), 'register/assen'],
  [S('Ja, ik ben erbij!', 'Antw: Uitnodiging ontwerpsessie 3 juli Breda'), 'register/breda'],
  [S('Leuk, daar wil ik heen. Graag aanmelden voor Venlo.', 'FW: ontwerpsessies'), 'register/venlo'],
  [S('Namens onze raad: graag twee plekken voor de sessie in Utrecht.'), 'register/utrecht'],
  [S('Ik wil deelnemen aan de regiosessie Zuid-West.'), 'register/breda'],
  [S('Zet mij maar op de lijst voor Haarlem.'), 'register/haarlem'],
  [S('Graag een plek voor mij in Arnhem op vrijdagmiddag 22 juni.'), 'register/arnhem'],
  // withdrawals
  [S('Ik ben er op 28 juni helaas niet bij.'), 'cancel/assen'],
  [S('Helaas moet ik passen voor Venlo.'), 'cancel/venlo'],
  [S('Ik zie af van deelname aan de sessie in Utrecht.'), 'cancel/utrecht'],
  [S('Ik kom toch niet naar Breda.'), 'cancel/breda'],
  [S('Door een raadsvergadering kan ik helaas niet aanwezig zijn.', 'RE: Bevestiging aanmelding ontwerpsessie Haarlem 21 juni'), 'cancel/haarlem'],
  [S('Mijn collega Tom Smit gaat in mijn plaats naar Arnhem.'), 'escalate/null'],
  // alternatives
  [S('Ik wil graag komen, maar welke data zijn er nog?'), 'alternatives/null'],
  [S('Ik meld me graag aan voor een sessie in de buurt van Eindhoven.'), 'alternatives/null'],
  [S('Graag aanmelden voor Amersfoort.'), 'alternatives/null'],
  [S('Graag aanmelden voor Utrecht of Arnhem, wat het beste uitkomt.'), 'alternatives/null'],
  [S('Ik meld mij aan voor de sessie op woensdag 27 juni.'), 'alternatives/null'],
  [S('Is er nog ruimte in een van de sessies?'), 'alternatives/null'],
  // escalate
  [S('Ik ben raadslid en vroeg me af of ik mijn partner mag meenemen naar Breda.'), 'escalate/null'],
  [S('Kunt u mij vertellen hoe laat de sessie in Assen eindigt?'), 'escalate/null'],
  [S('Kan ik ook online deelnemen aan de sessie in Venlo?'), 'escalate/null'],
  [S('Ik ben student bestuurskunde en wil de sessie in Utrecht bijwonen voor mijn scriptie.'), 'escalate/null'],
];

test('fresh wordings are read the way an organiser would', async () => {
  const failures: string[] = [];
  for (const [spec, expected] of rows) {
    const v = await verdict(spec);
    const got = `${v.intent}/${v.intent === 'register' || v.intent === 'cancel' ? v.session : null}`;
    if (got !== expected) failures.push(`${JSON.stringify(spec.text?.split('\n')[0])} -> ${got}, expected ${expected} (${v.reason}; ${v.evidence.join('; ')})`);
  }
  assert.deepEqual(failures, []);
});
