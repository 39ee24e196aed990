import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildInvite, buildInviteInFull, describeInvite } from '../../src/replies/calendar.js';
import type { CalendarInvite } from '../../src/replies/types.js';
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { sessionView } from './fixtures.js';
import { component, parseIcs, prop, unescapeText } from './ics.js';

const stamp = new Date('2018-05-20T08:15:00Z');

function invite(over: Partial<CalendarInvite> = {}): CalendarInvite {
  return {
    method: 'REQUEST', uid: 'registration-42@dloket.vng.nl', sequence: 0, session: sessionView('haarlem'),
    timezone: 'Europe/Amsterdam', summary: 'Ontwerpsessie lokale democratie: Haarlem',
    organizer: { name: 'D-Loket', email: 'D-Loket@VNG.nl' },
    attendee: { name: 'Anna "de" Griffier; Haarlem', email: 'griffie@haarlem.example' }, stamp, ...over,
  };
}

function withTz<T>(tz: string, fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe('replies/calendar', () => {
  it('writes a REQUEST that Outlook and Gmail show as an invitation', () => {
    const cal = parseIcs(buildInvite(invite()));
    assert.equal(cal.type, 'VCALENDAR');
    assert.equal(prop(cal, 'VERSION').value, '2.0');
    assert.equal(prop(cal, 'METHOD').value, 'REQUEST');
    const event = component(cal, 'VEVENT');
    assert.equal(prop(event, 'UID').value, 'registration-42@dloket.vng.nl');
    assert.equal(prop(event, 'SEQUENCE').value, '0');
    assert.equal(prop(event, 'DTSTAMP').value, '20180520T081500Z');
    assert.deepEqual(prop(event, 'DTSTART').params, { TZID: 'Europe/Amsterdam' });
    assert.equal(prop(event, 'DTSTART').value, '20180621T093000');
    assert.equal(prop(event, 'DTEND').value, '20180621T123000');
    assert.equal(prop(event, 'STATUS').value, 'CONFIRMED');
    assert.equal(unescapeText(prop(event, 'SUMMARY').value), 'Ontwerpsessie lokale democratie: Haarlem');
    assert.equal(unescapeText(prop(event, 'LOCATION').value), 'Seinwezen, Kinderhuissingel 1, Haarlem');
    const organizer = prop(event, 'ORGANIZER');
    assert.equal(organizer.value.toLowerCase(), 'mailto:d-loket@vng.nl');
    assert.equal(organizer.params.CN, 'D-Loket');
    const attendee = prop(event, 'ATTENDEE');
    assert.equal(attendee.value.toLowerCase(), 'mailto:griffie@haarlem.example');
    assert.equal(attendee.params.RSVP, 'TRUE');
    assert.equal(attendee.params.PARTSTAT, 'NEEDS-ACTION');
    // A quote cannot be escaped inside a quoted parameter: it is replaced, the rest kept.
    assert.equal(attendee.params.CN, "Anna 'de' Griffier; Haarlem");
    const description = unescapeText(prop(event, 'DESCRIPTION').value);
    assert.match(description, /donderdag 21 juni 2018, 9:30–12:30 uur/);
    assert.match(description, /9:00–9:30 inloop/);
    assert.match(description, /Beantwoord de bevestigingsmail of mail naar D-Loket@VNG\.nl/);
  });

  it('includes the VTIMEZONE for Europe/Amsterdam with the EU summer-time rules', () => {
    const cal = parseIcs(buildInvite(invite()));
    const tz = component(cal, 'VTIMEZONE');
    assert.equal(prop(tz, 'TZID').value, 'Europe/Amsterdam');
    const daylight = component(tz, 'DAYLIGHT');
    const standard = component(tz, 'STANDARD');
    assert.equal(prop(daylight, 'TZOFFSETTO').value, '+0200');
    assert.equal(prop(daylight, 'RRULE').value, 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    assert.equal(prop(standard, 'TZOFFSETTO').value, '+0100');
    assert.equal(prop(standard, 'RRULE').value, 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    // No calendar-wide zone: DTSTAMP must stay UTC.
    assert.ok(!cal.props.some((p) => p.name === 'X-WR-TIMEZONE'));
  });

  it('writes the session wall-clock times whatever the host zone', () => {
    const expected = buildInvite(invite());
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham']) {
      assert.equal(withTz(tz, () => buildInvite(invite())), expected, tz);
    }
  });

  it('a move re-sends the same UID with a higher SEQUENCE and the new time and place', () => {
    const first = component(parseIcs(buildInvite(invite())), 'VEVENT');
    const moved = component(
      parseIcs(buildInvite(invite({ sequence: 1, session: sessionView('arnhem'), stamp: new Date('2018-05-25T12:00:00Z') }))),
      'VEVENT',
    );
    assert.equal(prop(moved, 'UID').value, prop(first, 'UID').value);
    assert.ok(Number(prop(moved, 'SEQUENCE').value) > Number(prop(first, 'SEQUENCE').value));
    assert.equal(prop(moved, 'DTSTART').value, '20180622T140000');
    assert.equal(prop(moved, 'DTSTAMP').value, '20180525T120000Z');
    assert.equal(unescapeText(prop(moved, 'LOCATION').value), 'Provincie Gelderland, Markt 11, Arnhem');
  });

  it('a cancellation is METHOD:CANCEL with STATUS:CANCELLED and the same UID', () => {
    const cal = parseIcs(buildInvite(invite({ method: 'CANCEL', sequence: 2 })));
    assert.equal(prop(cal, 'METHOD').value, 'CANCEL');
    const event = component(cal, 'VEVENT');
    assert.equal(prop(event, 'STATUS').value, 'CANCELLED');
    assert.equal(prop(event, 'UID').value, 'registration-42@dloket.vng.nl');
    assert.equal(prop(event, 'SEQUENCE').value, '2');
    assert.equal(prop(event, 'ATTENDEE').params.RSVP, undefined);
    assert.match(unescapeText(prop(event, 'DESCRIPTION').value), /^Deze afspraak is geannuleerd\./);
  });

  it('describes in English when asked', () => {
    const text = describeInvite(invite(), 'en');
    assert.match(text, /Thursday 21 June 2018, 9:30–12:30/);
    assert.match(text, /To cancel or switch sessions, reply/);
  });

  it('keeps hostile names and summaries on their own content line', () => {
    const ics = buildInvite(invite({
      summary: 'Sessie\r\nMETHOD:PUBLISH',
      attendee: { name: 'X\r\nATTENDEE:mailto:evil@example.com', email: 'griffie@haarlem.example' },
    }));
    const cal = parseIcs(ics);
    assert.equal(cal.props.filter((p) => p.name === 'METHOD').length, 1);
    assert.equal(component(cal, 'VEVENT').props.filter((p) => p.name === 'ATTENDEE').length, 1);
  });

  it('refuses what would make a broken invite', () => {
    assert.throws(() => buildInvite(invite({ timezone: 'Mars/Olympus' })), /no VTIMEZONE/);
    assert.throws(() => buildInvite(invite({ attendee: { name: null, email: 'a b@c' } })), /attendee address/);
    assert.throws(() => buildInvite(invite({ sequence: -1 })), /SEQUENCE/);
  });

  it('fills in the template with exactly the text ical-generator writes in full', () => {
    const slugs = shippedCatalogue.sessions.map((x) => x.slug);
    // Names and addresses of every length and script: folding depends on their UTF-8 octets.
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', ';', ',', '\\', 'é', 'ß', 'Ø', '€', '中', '😀', '\n', '\ud800', '\udc00'), maxLength: 120 });
    const local = fc.stringMatching(/^[a-z0-9.+-]{1,70}$/);
    fc.assert(fc.property(
      fc.record({
        method: fc.constantFrom('REQUEST' as const, 'CANCEL' as const),
        slug: fc.constantFrom(...slugs),
        uid: fc.stringMatching(/^[A-Za-z0-9@.:;,\\-]{1,120}$/),
        sequence: fc.nat(1_000_000),
        name: fc.option(text),
        local,
        stamp: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }),
        language: fc.constantFrom('nl' as const, 'en' as const),
        summary: fc.constantFrom('Ontwerpsessie lokale democratie: Haarlem', 'Sessie für Zürich – één'),
      }),
      (r) => {
        const i = invite({
          method: r.method, session: sessionView(r.slug), uid: r.uid, sequence: r.sequence, stamp: r.stamp, language: r.language,
          summary: r.summary, attendee: { name: r.name, email: `${r.local}@gemeente.example` },
        });
        assert.equal(buildInvite(i), buildInviteInFull(i));
      },
    ), { numRuns: 500 });
  });
});
