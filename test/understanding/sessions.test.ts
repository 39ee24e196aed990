// Which session: by city (with typos), region, venue or date; and the traps around them.
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

test('by city, also with ordinary typos', () => check([
  ['inschrijven', { text: signed('Hierbij schrijf ik mij in voor de bijeenkomst in Venlo.') }, 'register', 'venlo'],
  ['Utrect', { subject: 'Aanmelding', text: 'Graag aanmelden voor Utrect.' }, 'register', 'utrecht'],
  ['Arnhm', { text: signed('Ik kom graag naar Arnhm.') }, 'register', 'arnhem'],
  ['Harlem', { text: signed('Graag meld ik mij aan voor de ontwerpsessie in Harlem.') }, 'register', 'haarlem'],
  ['lower case', { text: 'graag aanmelden voor breda' }, 'register', 'breda'],
]));

test('by region and venue', () => check([
  ['Noordoost', { subject: 'Aanmelding regiosessie Noordoost', text: signed('Ik doe graag mee.') }, 'register', 'assen'],
  ['regio Midden-West', { text: signed('Graag zou ik deelnemen aan de sessie voor regio Midden-West.') }, 'register', 'utrecht'],
  ['Podium Bloos', { text: signed('Ik meld mij aan voor de bijeenkomst in Podium Bloos.') }, 'register', 'breda'],
  ['Zuidhaege', { text: signed('Aanmelding voor de sessie in Zuidhaege graag.') }, 'register', 'assen'],
  ['venue with the city in it', { html: '<p>Ik meld me aan voor de bijeenkomst in het Stadskantoor Utrecht.</p>' }, 'register', 'utrecht'],
  ['organisation-like venue alone', { text: signed('Graag aanmelden voor de sessie bij de Provincie Gelderland.') }, 'register', 'arnhem'],
  ['street with typo', { text: signed('Ik kom naar de Kinderhuisingel voor de sessie, graag aanmelden.') }, 'register', 'haarlem'],
  ['regio Zuid is two', { text: signed('Graag aanmelden voor de sessie in regio Zuid.') }, 'alternatives', null],
  ['regio Noord is two', { text: signed('Ik wil me aanmelden voor regio Noord.') }, 'alternatives', null],
]));

test('by date in Dutch and English forms', () => check([
  ['22-6', { text: signed('Ik meld me aan voor 22-6.') }, 'register', 'arnhem'],
  ['22/06', { subject: 'Aanmelding 22/06', text: signed('Tot dan!') }, 'register', 'arnhem'],
  ['22.06.2018', { text: signed('Aanmelding voor de sessie van 22.06.2018.') }, 'register', 'arnhem'],
  ['do 28 juni', { text: signed('Graag aanmelden voor do 28 juni.') }, 'register', 'assen'],
  ['3 juli a.s.', { text: signed('Ik kom graag op 3 juli a.s.') }, 'register', 'breda'],
  ['weekday plus date', { text: signed('Aanmelding: vrijdag 29 juni.') }, 'register', 'venlo'],
  ['ordinal', { text: signed('Graag aanmelden voor de 3e juli.') }, 'register', 'breda'],
  ['aanstaande donderdag', { date: 'Mon, 11 Jun 2018 09:00:00 +0200', text: signed('Ik kom graag aanstaande donderdag.') }, 'register', 'utrecht'],
  ['morgen', { date: 'Wed, 27 Jun 2018 16:00:00 +0200', text: signed('Kan ik morgen nog aanschuiven? Graag aanmelden.') }, 'register', 'assen'],
  ['English', { subject: 'Registration', text: 'Dear D-Loket,\n\nI would like to register for the session in Haarlem on 21 June.\n\nKind regards,\nAnne' }, 'register', 'haarlem'],
  ['English date only', { text: 'Please sign me up for June 29.\n\nBest regards,\nTom' }, 'register', 'venlo'],
]));

test('a place inside a longer name, or where the sender works, is not that place', () => check([
  ['Haarlemmermeer', { text: signed('Graag aanmelden voor Breda.', 'Eva Smit', 'Gemeente Haarlemmermeer') }, 'register', 'breda'],
  ['gemeente Assen in the text', { text: signed('Namens de gemeente Assen meld ik mij aan voor de sessie op 22 juni.') }, 'register', 'arnhem'],
  ['Provincie Utrecht', { text: signed('Ik werk bij de Provincie Utrecht en kom graag naar Haarlem.') }, 'register', 'haarlem'],
  ['Asten is not Assen', { text: signed('Wij uit Asten komen graag naar Venlo.') }, 'register', 'venlo'],
  ['Asten alone', { subject: 'Aanmelding raadslid Asten', text: signed('Graag aanmelden.', 'Ria Kop', 'Gemeente Asten') }, 'alternatives', null],
  ['Venray is not Venlo', { subject: 'Aanmelding Venray', text: signed('Ik meld mij aan.', 'Tim Gooi', 'Gemeente Venray') }, 'alternatives', null],
  ['Bredase', { text: signed('Als Bredase wethouder meld ik mij aan voor de sessie in Venlo.') }, 'register', 'venlo'],
  ['Utrechtse Heuvelrug', { text: signed('Namens Utrechtse Heuvelrug meld ik me aan voor Assen.') }, 'register', 'assen'],
  ['Haarlemmerliede', { text: signed('Ik kom uit Haarlemmerliede en meld me aan voor de sessie op 3 juli.') }, 'register', 'breda'],
  ['signature without closing', { text: 'Graag aanmelden voor Breda.\nPiet Peters\nGemeente Venlo\nMarkt 1 | 5911 HH Venlo' }, 'register', 'breda'],
  ['address of the sender', { text: signed('Aanmelding voor de sessie in Arnhem.', 'Ad Wit', 'Gemeente Utrecht\nStadsplateau 1, 3521 AZ Utrecht') }, 'register', 'arnhem'],
  ['e-mail address naming a city', { text: 'Aanmelding Assen, bevestiging graag ook naar griffie@venlo.nl.' }, 'register', 'assen'],
]));

test('dates of other meetings, times, phone numbers and postcodes name no session', () => check([
  ['holiday date', { text: signed('Ik ben 22 juni op vakantie, dus graag aanmelden voor Assen.') }, 'register', 'assen'],
  ['times and numbers', { text: signed('Aanmelding Breda, ik ben er om 14.00 uur. Bel gerust 06-12345678 of 076 529 4000, postcode 4811 ZZ.') }, 'register', 'breda'],
  ['deadline', { text: signed('Graag aanmelden voor Utrecht; kunt u mij voor 1 juni een bevestiging sturen.') }, 'register', 'utrecht'],
  ['period of absence', { text: signed('Van 4 t/m 8 juni ben ik weg, daarna graag aanmelden voor Venlo.') }, 'register', 'venlo'],
]));

test('city and date that disagree, several options, and no session at the place or date', () => check([
  ['Utrecht on 21 June', { text: signed('Graag aanmelden voor Utrecht op 21 juni.') }, 'alternatives', null],
  ['weekday and date disagree', { text: signed('Ik meld mij aan voor donderdag 22 juni.') }, 'alternatives', null],
  ['two without choice', { text: signed('Haarlem of Utrecht, het maakt mij niet uit. Graag aanmelden.') }, 'alternatives', null],
  ['Zwolle', { text: signed('Ik meld me aan voor de sessie in Zwolle.') }, 'alternatives', null],
  ['5 juli', { text: signed('Aanmelding voor 5 juli graag.') }, 'alternatives', null],
  ['other dates', { text: signed('Geen van de data komt mij uit. Komen er nog andere data?') }, 'alternatives', null],
  ['any Thursday', { text: signed('Ik wil graag komen, maar ik kan alleen op donderdagen.') }, 'alternatives', null],
]));

test('sessions that already started, judged in Europe/Amsterdam', () => check([
  ['Utrecht after start', { date: 'Thu, 14 Jun 2018 09:30:00 +0200', text: signed('Graag aanmelden voor Utrecht.') }, 'alternatives', null],
  ['Utrecht before start', { date: 'Thu, 14 Jun 2018 08:30:00 +0200', text: signed('Graag aanmelden voor Utrecht.') }, 'register', 'utrecht'],
  ['Arnhem a minute before (UTC header)', { date: 'Fri, 22 Jun 2018 11:59:00 +0000', text: signed('Aanmelding Arnhem.') }, 'register', 'arnhem'],
  ['Arnhem a minute after (UTC header)', { date: 'Fri, 22 Jun 2018 12:01:00 +0000', text: signed('Aanmelding Arnhem.') }, 'alternatives', null],
  ['past session by date', { date: 'Mon, 25 Jun 2018 10:00:00 +0200', text: signed('Graag aanmelden voor 21 juni.') }, 'alternatives', null],
]));

test('a session that started is reported as requested', async () => {
  const v = await verdict({ date: 'Tue, 3 Jul 2018 15:00:00 +0200', text: signed('Kan ik nog aanschuiven in Breda? Graag aanmelden.') });
  assert.equal(v.intent, 'alternatives');
  assert.equal(v.requested, 'breda');
  assert.equal(v.reason, 'started');
});

test('--now overrides the Date header', async () => {
  const v = await verdict({ text: signed('Aanmelding Arnhem.') }, { now: new Date('2018-06-23T10:00:00+02:00') });
  assert.equal(v.intent, 'alternatives');
});

test('numbers that only look like dates, and regions of provinces, name no session', () => check([
  ['group size', { text: signed('We komen met 3-7 personen, graag aanmelden voor Assen.') }, 'register', 'assen'],
  ['price', { text: signed('Graag aanmelden voor Utrecht; de reiskosten (€ 28.06) declareer ik zelf.') }, 'register', 'utrecht'],
  ['Zuidoost-Drenthe', { text: signed('Namens de gemeenten in Zuidoost-Drenthe meld ik mij aan.') }, 'alternatives', null],
  ['regio West-Brabant', { text: signed('Ik meld mij aan voor de sessie in regio West-Brabant.') }, 'alternatives', null],
]));

test('a form with labelled fields: the session field decides, the municipality field does not', () => check([
  ['form', { subject: 'Aanmelding', text: 'Naam: Joris Meijer\nFunctie: raadslid\nGemeente: Assen\nWoonplaats: Venlo\nSessie: Breda, 3 juli\n\nGroet, Joris' }, 'register', 'breda'],
]));

test('words that chrono could take for dates: "nu", "zo", a weekday without a session', () => check([
  ['nu', { date: 'Fri, 1 Jun 2018 10:00:00 +0200', text: signed('Ik zie nu pas de uitnodiging, graag aanmelden voor Breda.') }, 'register', 'breda'],
  ['zo', { text: signed('Graag aanmelden voor Breda op 3 juli, ik hoor het zo snel mogelijk.') }, 'register', 'breda'],
  ['saturday', { text: signed('Graag aanmelden voor Venlo; zaterdag ben ik er niet, maar dat maakt niet uit.') }, 'register', 'venlo'],
]));

test('"aanstaande" looks forward; an organisation that is also the venue does not outvote a city', () => check([
  ['aanstaande vrijdag on a Monday', { date: 'Mon, 25 Jun 2018 09:00:00 +0200', text: signed('Ik meld mij aan voor de sessie aanstaande vrijdag.') }, 'register', 'venlo'],
  ['deze donderdag', { date: 'Tue, 26 Jun 2018 09:00:00 +0200', text: signed('Graag aanmelden voor deze donderdag.') }, 'register', 'assen'],
  ['worked at the province', { text: signed('Ik werkte eerder bij de Provincie Gelderland, maar meld mij nu aan voor Assen.') }, 'register', 'assen'],
]));

test('a deadline or an earlier date in the text leaves the choice to the subject', () => check([
  ['deadline', { subject: 'Aanmelding Breda 3 juli', text: signed('Graag aanmelden, en een bevestiging voor 1 juli als dat kan.') }, 'register', 'breda'],
  ['earlier mail', { subject: 'Aanmelding Assen', date: 'Mon, 4 Jun 2018 10:00:00 +0200', text: signed('Naar aanleiding van uw mail van 31 mei meld ik mij aan.') }, 'register', 'assen'],
]));

test('a place the sender lives in or travels through is not a session', () => check([
  ['woon in', { text: signed('Graag aanmelden voor Breda (ik woon in Utrecht).') }, 'register', 'breda'],
  ['via', { text: signed('Aanmelding Venlo. Ik reis via Arnhem.') }, 'register', 'venlo'],
]));

test('where the sender comes from is not where they go', () => check([
  ['uit de regio', { text: signed('Ik kom uit de regio Utrecht en meld me aan voor Haarlem.') }, 'register', 'haarlem'],
  ['vanaf', { text: signed('Ik reis vanaf Breda en kom graag naar Venlo.') }, 'register', 'venlo'],
  ['in de regio', { text: signed('Graag aanmelden voor de sessie in de regio Utrecht.') }, 'register', 'utrecht'],
]));
