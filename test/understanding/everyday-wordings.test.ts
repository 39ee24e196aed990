// Everyday wordings of signups and withdrawals that the cue lists lacked, each a family rather
// than a phrase: "aanschuiven" in every form, "zet me er (maar) bij", participants "doorgeven",
// an earlier "gaf me op", "haalt u mij van de lijst", places "vrijgeven", a weekday with "die"
// that points back, "dat is dichterbij" as a reason, a role in brackets that describes a person.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mismatchedCases } from './mail.js';

test('everyday wordings read as what they say', async () => {
  const cases: [string, string, string][] = [
    ['register/venlo/1', 'Ontwerpsessie', 'Wij schuiven graag aan bij de sessie in Venlo.'],
    ['register/venlo/1', 'Venlo', 'Zet me er maar bij voor Venlo.'],
    ['register/venlo/2', 'Deelnemers Venlo', 'Hierbij geef ik de volgende deelnemers door voor Venlo:\n- Anne Wit\n- Kees Bos'],
    ['register/venlo/1', 'Wijziging', 'Vorige week gaf ik me op voor Breda, maar die dinsdag blijkt er een raadsavond te zijn. Ik ga liever naar Venlo, dat is voor mij ook dichterbij.'],
    ['register/venlo/2', 'Venlo', 'Ik kom naar Venlo met raadslid Bert Hoving (fractievoorzitter).'],
    ['cancel/venlo/null', 'Venlo', 'Haalt u mij maar van de lijst voor Venlo.'],
    ['register/venlo/1', 'Ontwerpsessie', 'We organiseren zelf op 19 juni een inwonersavond. Daarom meld ik mij graag aan voor Venlo op 29 juni.'],
    ['cancel/venlo/null', 'RE: Bevestiging Venlo', 'Het lukt ons niet. Wilt u onze twee plekken in Venlo vrijgeven?'],
  ];
  assert.deepEqual(await mismatchedCases(cases, (v) => `${v.intent}/${v.session}/${v.attendees}`), []);
});
