// A switch asked of us is a signup for the new session: "zou u mijn aanmelding kunnen verplaatsen
// naar …", "kunt u mij omzetten naar …", "liever Breda i.p.v. Venlo", "ik stap over naar …". The
// earlier signup the sender tells of is the session left; a session that clashes ("valt samen
// met onze raad") is ruled out. Fresh messages written for the principle before the rules
// changed, beside look-alikes that choose nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mismatchedCases, verdict } from './mail.js';

test('a switch asked of us signs up for the new session', async () => {
  assert.deepEqual(await mismatchedCases([
    ['register/haarlem', 'Wijziging aanmelding', 'Vorige maand heb ik mij opgegeven voor Utrecht. Zou u mijn aanmelding kunnen verplaatsen naar de sessie van 21 juni in Haarlem?'],
    ['register/venlo', 'Wijziging', 'Ik had me opgegeven voor Breda, maar Venlo ligt voor ons veel beter. Kunt u mijn inschrijving omzetten naar Venlo op 29 juni?'],
    ['register/breda', 'Sessie', 'Liever Breda i.p.v. Venlo, als dat nog kan.'],
    ['register/arnhem', 'Van Assen naar Arnhem', 'Assen valt samen met onze raad. Ik stap daarom over naar Arnhem op 22 juni.'],
  ]), []);
  const held: string[] = [];
  for (const [subject, text] of [
    ['Wijziging', 'Kunt u mijn aanmelding voor Breda verplaatsen naar een andere datum?'],
    ['Wissel', 'Ik had me opgegeven voor Breda. Kan ik nog wisselen naar een andere sessie?'],
    ['Sessie', 'Liever Breda of Venlo, het maakt niet uit welke.'],
    ['Twee sessies', 'Ik wil graag naar zowel Venlo als Breda. Kan dat?'],
  ] as const) {
    const v = await verdict({ subject, text: `${text}\n\nGroet,\nAnouk Vos\nGemeente Tiel` });
    if (v.intent === 'register') held.push(`${text}: ${v.intent}/${v.session}`);
  }
  assert.deepEqual(held, []);
});
