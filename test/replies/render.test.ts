import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { escapeHtml } from '../../src/replies/markup.js';
import {
  defaultTemplatesDir, languages, loadTemplates, parseTemplate, renderReply, TemplateError, type Templates,
} from '../../src/replies/render.js';
import { replyKinds, type RenderedReply } from '../../src/replies/types.js';
import { cleanValue } from '../../src/replies/view.js';
import { model, sessionView } from './fixtures.js';

const hostileValues = [
  '<script>alert("x")</script>',
  `Tom & Jerry "de" 'Griffie' &amp; <b>`,
  '{{name}} {{{organiser}}} {{#session}}{{city}}{{/session}} {{>x}}',
  'Jan\r\nBcc: evil@example.com\r\n\r\n- **injected**\n1. item\n  <li>',
  '\u202eevil\u202c spiegel \u2067x\u2069 \u200f\u05e9\u05dc\u05d5\u05dd\u200f',
  'Ŵïłłęm-Álëxāndęr van der Wëtering-Ñúñez 👩‍👩‍👧‍👦🇳🇱 '.repeat(12),
];

/** Tag names of an HTML string, in order: the structure that values must not change. */
const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z!][a-zA-Z0-9]*)/g)].map((m) => m[0]);
const allowedTags = new Set(['!DOCTYPE', 'html', 'head', 'meta', 'title', 'body', 'div', 'p', 'br', 'strong', 'ul', 'ol', 'li']);

describe('replies/render', () => {
  let templates: Templates;
  before(async () => {
    templates = await loadTemplates();
  });

  it('loads every kind in both languages from the package templates/ by default', () => {
    assert.match(defaultTemplatesDir(), /templates\/?$/);
    for (const language of languages) for (const kind of replyKinds) assert.ok(templates[language][kind].body);
  });

  describe('hostile values from mail stay inert text in both parts', () => {
    for (const language of languages) {
      for (const kind of replyKinds) {
        it(`${language}/${kind}`, () => {
          const benign = renderReply(model(kind, language), templates);
          for (const value of hostileValues) {
            const session = { ...sessionView('haarlem'), venue: value, city: `Haar${value}lem` };
            const hostile = renderReply(
              model(kind, language, {
                recipient: { name: value, address: `x${value.slice(0, 20)}@example.com` },
                session,
                previousSession: kind === 'moved' ? { ...sessionView('utrecht'), address: value } : null,
                requested: kind === 'alternatives' ? { ...sessionView('breda'), venue: value } : null,
                alternatives: [{ ...sessionView('arnhem'), address: value }],
              }),
              templates,
            );
            const benignAlt = renderReply(
              model(kind, language, {
                recipient: { name: 'Jan', address: 'jan@example.com' },
                session: { ...sessionView('haarlem'), venue: 'Zaal', city: 'Haarlem' },
                previousSession: kind === 'moved' ? sessionView('utrecht') : null,
                alternatives: [sessionView('arnhem')],
              }),
              templates,
            );
            checkInert(value, hostile, benignAlt);
          }
          assert.ok(benign.text.length > 0);
        });
      }
    }
  });

  function checkInert(value: string, hostile: RenderedReply, benign: RenderedReply) {
    const shown = cleanValue(value, 100);
    // The name is in every template (the greeting), so it must arrive, escaped in HTML.
    assert.ok(hostile.text.includes(shown), 'name missing from text');
    assert.ok(hostile.html.includes(escapeHtml(shown)), 'name missing or unescaped in HTML');
    // Same tags in the same order as with harmless values: nothing injected, nothing lost.
    assert.deepEqual(tags(hostile.html), tags(benign.html));
    for (const tag of tags(hostile.html)) assert.ok(allowedTags.has(tag.replace(/^<\/?/, '')), tag);
    assert.doesNotMatch(hostile.html, /<script|<b>|<li>\s*<li>/i);
    // CR/LF in a value cannot add lines, nor a header to the subject.
    assert.equal(hostile.text.split('\n').length, benign.text.split('\n').length);
    assert.doesNotMatch(hostile.text, /\r|^Bcc:/m);
    assert.doesNotMatch(hostile.subject, /[\r\n]/);
    // Explicit bidi overrides are dropped; mustache syntax in values is never expanded.
    assert.doesNotMatch(hostile.text + hostile.html + hostile.subject, /[\u202a-\u202e\u2066-\u2069]/);
    if (value.includes('{{name}}')) assert.ok(hostile.text.includes('{{name}} {{{organiser}}}'));
  }

  it('cuts very long names at a grapheme boundary', () => {
    const family = '👩‍👩‍👧‍👦';
    const cut = cleanValue(`${'A'.repeat(98)}${family}${family}${family}`, 100);
    assert.equal(cut, `${'A'.repeat(98)}${family}…`);
  });

  describe('confirmation', () => {
    it('nl: outcome first, then session, weekday and date, times, venue, address, programme, how to cancel or switch', () => {
      const r = renderReply(model('confirmed', 'nl'), templates);
      assert.equal(r.subject, 'Aanmelding bevestigd: ontwerpsessie Haarlem, donderdag 21 juni 2018');
      assert.equal(r.text.split('\n')[0], 'U bent aangemeld voor de ontwerpsessie in Haarlem op donderdag 21 juni 2018.');
      for (const fact of [
        'Sessie: ontwerpsessie Haarlem, regio Noord-west', 'Datum: donderdag 21 juni 2018', 'Tijd: 9:30–12:30 uur',
        'Locatie: Seinwezen', 'Adres: Kinderhuissingel 1, Haarlem', 'griffie@gemeente-haarlem.example, 2 personen',
        '- 9:00–9:30 uur: inloop', '- 12:30–13:30 uur: broodje en napraten', 'Programma',
      ]) {
        assert.ok(r.text.includes(fact), `missing: ${fact}\n${r.text}`);
      }
      assert.match(r.text, /Afmelden of een andere sessie kiezen\? Beantwoord dan gewoon deze e-mail/);
      assert.match(r.text, /agenda-uitnodiging/);
      assert.match(r.text, /Democratie in Actie \(VNG, ministerie van BZK en partners\)\n$/);
      assert.match(r.html, /<strong>U bent aangemeld voor de ontwerpsessie in Haarlem/);
      assert.match(r.html, /<ul[^>]*>\n<li[^>]*>9:00–9:30 uur: inloop<\/li>/);
      assert.match(r.html, /^<!DOCTYPE html>\n<html lang="nl">/);
    });

    it('en: the same facts in English', () => {
      const r = renderReply(model('confirmed', 'en'), templates);
      assert.equal(r.text.split('\n')[0], 'You are registered for the design session in Haarlem on Thursday 21 June 2018.');
      for (const fact of ['Date: Thursday 21 June 2018', 'Time: 9:30–12:30', 'Venue: Seinwezen',
        'Address: Kinderhuissingel 1, Haarlem', '2 people', '- 11:00–12:00: thematische verdieping', 'Just reply']) {
        assert.ok(r.text.includes(fact), `missing: ${fact}`);
      }
      assert.match(r.html, /<html lang="en">/);
    });

    it('leaves the programme out where the catalogue has none', () => {
      const r = renderReply(model('confirmed', 'nl', { session: sessionView('utrecht') }), templates);
      assert.doesNotMatch(r.text, /Programma/);
      assert.match(r.text, /Tijd: 9:00–12:00 uur/);
      assert.match(r.text, /Adres: Stadsplateau 1, Utrecht/);
    });

    it('greets without a name when the sender gave none', () => {
      const r = renderReply(model('confirmed', 'nl', { recipient: { name: null, address: 'a@b.example' } }), templates);
      assert.match(r.text, /^Goedendag,$/m);
    });
  });

  describe('alternatives', () => {
    for (const kind of ['alternatives', 'waitlisted', 'session-closed'] as const) {
      it(`${kind}: numbered 1..n in the given order, with date, times and place, answer with the number`, () => {
        const r = renderReply(model(kind, 'nl'), templates);
        const numbered = r.text.split('\n').filter((l) => /^\d+\. /.test(l));
        assert.deepEqual(numbered, [
          '1. Utrecht (regio Midden-west): donderdag 14 juni 2018, 9:00–12:00 uur',
          '2. Arnhem (regio Midden-oost): vrijdag 22 juni 2018, 14:00–17:00 uur',
          '3. Assen (regio Noord-oost): donderdag 28 juni 2018, 14:00–17:00 uur',
        ]);
        assert.match(r.text, /^ {3}Stadskantoor Utrecht, Stadsplateau 1, Utrecht$/m);
        assert.match(r.text, /alleen het nummer/);
        assert.equal((r.html.match(/<li /g) ?? []).length, 3);
        assert.match(r.html, /<ol style/);
        const en = renderReply(model(kind, 'en'), templates);
        assert.match(en.text, /^1\. Utrecht \(Midden-west region\): Thursday 14 June 2018, 9:00–12:00$/m);
        assert.match(en.text, /with just the number/);
      });
    }

    it('says so when no session is open', () => {
      const r = renderReply(model('alternatives', 'nl', { alternatives: [] }), templates);
      assert.match(r.text, /alle ontwerpsessies vol/);
      assert.doesNotMatch(r.text, /^1\. /m);
    });
  });

  it('waitlisted: on the waiting list, told so in the first line', () => {
    const r = renderReply(model('waitlisted', 'nl'), templates);
    assert.match(r.text.split('\n')[0] ?? '', /is vol: u staat op de wachtlijst/);
  });

  it('session-closed: says why', () => {
    const started = renderReply(model('session-closed', 'nl', { closedBecause: 'started' }), templates);
    assert.match(started.text, /al begonnen of voorbij/);
    const deadline = renderReply(model('session-closed', 'en', { closedBecause: 'deadline' }), templates);
    assert.match(deadline.text, /deadline for this session has passed/);
  });

  it('already-registered: plain, or with the updated number of people', () => {
    const same = renderReply(model('already-registered', 'nl'), templates);
    assert.match(same.text.split('\n')[0] ?? '', /^U bent al aangemeld voor de ontwerpsessie in Haarlem/);
    const changed = renderReply(model('already-registered', 'nl', { attendees: 3, previousAttendees: 1 }), templates);
    assert.match(changed.text.split('\n')[0] ?? '', /bijgewerkt: u komt met 3 personen \(was 1 persoon\)/);
    assert.match(changed.subject, /^Aanmelding bijgewerkt/);
  });

  it('moved, cancelled, promoted, no-registration, acknowledgement: outcome in the first line', () => {
    const first = (kind: (typeof replyKinds)[number], language: 'nl' | 'en' = 'nl') =>
      renderReply(model(kind, language), templates).text.split('\n')[0];
    assert.match(first('moved') ?? '', /gewijzigd: u gaat naar de ontwerpsessie in Haarlem/);
    assert.match(renderReply(model('moved', 'nl'), templates).text, /sessie in Utrecht op donderdag 14 juni 2018 is vervallen/);
    assert.match(first('cancelled') ?? '', /^U bent afgemeld voor de ontwerpsessie in Haarlem/);
    assert.match(first('promoted') ?? '', /plaats vrijgekomen/);
    const nobody = renderReply(model('no-registration', 'nl', { session: null, requested: null }), templates);
    assert.match(nobody.text.split('\n')[0] ?? '', /geen aanmelding gevonden voor griffie@gemeente-haarlem\.example/);
    // Registered for another session than the one named: say which, and keep it.
    assert.match(first('no-registration') ?? '', /^U staat niet aangemeld voor de sessie in Breda, maar voor de ontwerpsessie in Haarlem/);
    const full = renderReply(model('alternatives', 'nl'), templates).text;
    assert.match(full.split('\n')[0] ?? '', /^De ontwerpsessie in Breda op dinsdag 3 juli 2018 is vol/);
    assert.match(full, /U staat aangemeld voor de ontwerpsessie in Haarlem op donderdag 21 juni 2018; die aanmelding blijft staan/);
    assert.match(first('acknowledgement') ?? '', /uw bericht ontvangen/);
    assert.match(first('cancelled', 'en') ?? '', /has been cancelled/);
  });

  it('refuses a model that lacks the session its kind is about', () => {
    assert.throws(() => renderReply(model('confirmed', 'nl', { session: null }), templates), /needs the session/);
    assert.throws(() => renderReply(model('moved', 'nl', { previousSession: null }), templates), /session left/);
    // Kinds without a session render fine without one.
    renderReply(model('no-registration', 'nl', { session: null, alternatives: [] }), templates);
  });

  it('organiser markup: comments vanish, literal HTML is shown as text, lists and bold render', () => {
    const problems: string[] = [];
    const custom = parseTemplate('nl/confirmed.txt', [
      'Onderwerp: Test {{session.city}}',
      '',
      '{{! alleen voor collega\'s }}',
      '**Kop** met <i>html</i> & meer',
      'tweede regel',
      '',
      '- een',
      '- twee',
      '  vervolg',
      '',
      '3. drie',
      '4. vier',
    ].join('\n'), problems);
    assert.deepEqual(problems, []);
    assert.ok(custom);
    const r = renderReply(model('confirmed', 'nl'), { ...templates, nl: { ...templates.nl, confirmed: custom } });
    assert.equal(r.subject, 'Test Haarlem');
    assert.equal(r.text, '**Kop** met <i>html</i> & meer\ntweede regel\n\n- een\n- twee\n  vervolg\n\n3. drie\n4. vier\n'.replace('**Kop**', 'Kop'));
    assert.match(r.html, /<p style="[^"]*"><strong>Kop<\/strong> met &#60;i&#62;html&#60;\/i&#62; &#38; meer<br>\ntweede regel<\/p>/);
    assert.match(r.html, /<li [^>]*>twee<br>\nvervolg<\/li>/);
    assert.match(r.html, /<ol start="3" /);
    assert.doesNotMatch(r.text + r.html, /collega/);
  });

  describe('loadTemplates', () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'dloket-templates-'));
      await cp(defaultTemplatesDir(), dir, { recursive: true });
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('lists every problem in one error', async () => {
      await unlink(join(dir, 'en', 'moved.txt'));
      await writeFile(join(dir, 'nl', 'cancelled.txt'), 'Onderwerp: Afgemeld\n\nBeste {{nmae}},\n');
      await writeFile(join(dir, 'nl', 'confirmed.txt'), 'Onderwerp: x\n\n{{{name}}}\n');
      await writeFile(join(dir, 'en', 'promoted.txt'), 'Subject: x\n\nline\n{{#session}}\n{{city}}\n');
      await writeFile(join(dir, 'en', 'cancelled.txt'), 'Hello {{name}}\n');
      const original = await readFile(join(defaultTemplatesDir(), 'nl', 'moved.txt'), 'utf8');
      await writeFile(join(dir, 'nl', 'moved.txt'), original.replace('{{previousSession.city}}', '{{previousSession.town}}'));
      const err = await loadTemplates(dir).then(() => null, (e: unknown) => e);
      assert.ok(err instanceof TemplateError, String(err));
      const text = err.message;
      assert.match(text, /en\/moved\.txt: missing/);
      assert.match(text, /nl\/cancelled\.txt line 3: unknown placeholder \{\{nmae\}\}/);
      assert.match(text, /nl\/confirmed\.txt line 3: .*unescaped/);
      assert.match(text, /en\/promoted\.txt: Unclosed section "session"/);
      assert.match(text, /en\/cancelled\.txt: the first line must be the subject/);
      assert.match(text, /nl\/moved\.txt line \d+: unknown placeholder \{\{previousSession\.town\}\}/);
      assert.equal(err.problems.length, 6);
    });
  });
});
