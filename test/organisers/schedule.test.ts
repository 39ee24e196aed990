// The worker's schedule end to end (Dovecot, SMTP sink, PostgreSQL, a settable clock): the
// organisers' daily digest, once a day across restarts, and the reminders before a session,
// one per registration, never after the start; a "can't come" to a reminder cancels.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { digests, registrations } from '../../src/db/schema.js';
import type { CapturedMail } from '../support/smtp-sink.js';
import { prop } from '../replies/ics.js';
import { answer, exchange, expectSilence, invite } from '../e2e/conversation.js';
import { mail, startHarness, type Harness, type Worker } from '../e2e/harness.js';

const TICK_MS = 100;
const signoff = (name: string, gemeente: string) => `\r\n\r\nMet vriendelijke groet,\r\n${name}\r\nGemeente ${gemeente}`;
const settle = () => new Promise((r) => setTimeout(r, TICK_MS * 6));

async function catalogue(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dloket-cat-'));
  const file = join(dir, 'sessions.json');
  await writeFile(file, JSON.stringify({
    ...shippedCatalogue, sessions: shippedCatalogue.sessions.map((s) => (s.slug === 'haarlem' ? { ...s, capacity: 4 } : s)),
  }));
  return file;
}

describe('the daily digest and the reminders', () => {
  let h: Harness;
  let worker: Worker;
  const start = () => {
    worker = h.startWorker({ scheduleIntervalMs: TICK_MS });
    return worker.ready();
  };
  before(async () => {
    h = await startHarness({
      env: { SESSIONS_FILE: await catalogue(), DIGEST_TO: 'organisator@vng.nl, planner@minbzk.nl', DIGEST_AT: '07:30', REMINDER_DAYS: '3' },
    });
    h.clock.now = new Date('2018-06-01T05:00:00Z'); // 07:00 in Amsterdam: before DIGEST_AT
    await start();
  });
  after(() => h.close());

  const digestsIn = (mails: CapturedMail[]) => mails.filter((m) => /^Dagoverzicht D-Loket/.test(m.parsed.subject ?? ''));
  const regOf = async (email: string) => (await h.query(({ db }) => db.select().from(registrations).where(eq(registrations.email, email))))[0];
  let elsConfirmation: CapturedMail;

  it('sends no digest before DIGEST_AT; then one per organiser with the seats, the changes, the mail waiting for people and an attendee CSV', async () => {
    elsConfirmation = await exchange(h, mail({
      from: 'els@renkum.nl', name: 'Els Brouwer', subject: 'Aanmelding Haarlem', text: `Wij komen met z'n tweeën naar Haarlem op 21 juni.${signoff('Els Brouwer', 'Renkum')}`,
    }));
    await exchange(h, mail({ from: 'p.devries@zeist.nl', name: 'Pieter de Vries', subject: 'Haarlem', text: `Ik meld mij aan voor Haarlem.${signoff('Pieter de Vries', 'Zeist')}` }));
    await exchange(h, mail({ from: 'u.smit@lopik.nl', subject: 'Utrecht', text: `Ik meld mij aan voor Utrecht op 14 juni.${signoff('Ursula Smit', 'Lopik')}` }));
    const waitlisted = await exchange(h, mail({ from: 'bas@wageningen.nl', name: 'Bas Smit', subject: 'Haarlem', text: `Wij komen met twee personen naar Haarlem.${signoff('Bas Smit', 'Wageningen')}` }));
    assert.match(waitlisted.parsed.text ?? '', /wachtlijst/);
    await expectSilence(h, mail({ from: 'm.bos@emmen.nl', subject: 'Parkeren bij de Seinwezen?', text: `Kan ik daar parkeren?${signoff('Marijke Bos', 'Emmen')}` }));
    h.sink.failNext(1, 550, 'mailbox unavailable');
    await h.deliver(mail({ from: 'kapot@texel.nl', subject: 'Breda', text: `Ik meld mij aan voor Breda.${signoff('Kees Kapot', 'Texel')}` }));
    await h.waitForRecorded(6);
    await settle();
    assert.equal(digestsIn(h.sink.messages).length, 0, 'not before 07:30');

    const before = h.sink.messages.length;
    h.clock.now = new Date('2018-06-01T05:31:00Z');
    const sent = digestsIn((await h.sink.waitFor(before + 2, 10_000)).slice(before));
    assert.deepEqual(sent.map((m) => m.envelope.to[0]).sort(), ['organisator@vng.nl', 'planner@minbzk.nl']);
    const d = sent[0]!;
    assert.equal(d.parsed.headers.get('auto-submitted'), 'auto-generated');
    assert.deepEqual(d.parsed.replyTo?.value.map((a) => a.address).sort(), ['organisator@vng.nl', 'planner@minbzk.nl'], 'answers go to the organisers, not the mailbox');
    const text = d.parsed.text ?? '';
    assert.match(text, /^Dagoverzicht van het D-Loket, vrijdag 1 juni 2018$/m);
    assert.match(text, /^- Haarlem, 21 juni: 3 van 4 plaatsen bezet, 1 vrij; op de wachtlijst: 2 personen$/m);
    assert.match(text, /^- Utrecht, 14 juni: 1 van 50 plaatsen bezet, 49 vrij$/m);
    assert.match(text, /^- 1 juni, \d+:\d+: aangemeld, Haarlem: Els Brouwer els@renkum\.nl \(gemeente Renkum\), 2 personen – per mail$/m);
    assert.match(text, /^- 1 juni, \d+:\d+: op de wachtlijst, Haarlem: Bas Smit bas@wageningen\.nl/m);
    assert.match(text, /^Berichten die op een medewerker wachten \(1\)$/m);
    assert.match(text, /^- m\.bos@emmen\.nl: "Parkeren bij de Seinwezen\?" – vraag of opmerking voor een medewerker; \d+ minuten geleden \(bericht \d+\)$/m);
    assert.match(text, /^- 1 juni, \d+:\d+, aan kapot@texel\.nl: "Re: Breda" – geweigerd \(.*550.*\)$/m);
    assert.match(d.parsed.html || '', /<strong>Haarlem<\/strong>/);
    const csv = d.parsed.attachments.find((a) => a.filename === 'aanmeldingen-2018-06-01.csv');
    assert.ok(csv, 'the attendee list is attached');
    const rows = parse(csv.content, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(rows.map((r) => [r.sessie, r.status, r['e-mailadres']]), [
      ['Utrecht', 'bevestigd', 'u.smit@lopik.nl'], ['Haarlem', 'bevestigd', 'els@renkum.nl'], ['Haarlem', 'bevestigd', 'p.devries@zeist.nl'],
      ['Haarlem', 'wachtlijst', 'bas@wageningen.nl'], ['Breda', 'bevestigd', 'kapot@texel.nl'],
    ]);
  });

  it('sends it once a day, also across a restart; the next day reports what changed since', async () => {
    await worker.stop();
    await start();
    await settle();
    assert.equal(digestsIn(h.sink.messages).length, 2, 'no second digest the same day');
    assert.equal((await h.query(({ db }) => db.select().from(digests))).length, 1);

    const before = h.sink.messages.length;
    h.clock.now = new Date('2018-06-02T05:40:00Z');
    const [next] = digestsIn((await h.sink.waitFor(before + 2, 10_000)).slice(before));
    assert.match(next!.parsed.text ?? '', /^Sinds het vorige overzicht \(1 juni, 7:31\)$/m);
    assert.match(next!.parsed.text ?? '', /^Geen nieuwe aanmeldingen, afmeldingen of wijzigingen\.$/m);
    assert.ok(next!.parsed.attachments.some((a) => a.filename === 'aanmeldingen-2018-06-02.csv'));
  });

  it('reminds each confirmed registrant once, in the days before, with the details and the invite; not who just signed up', async () => {
    h.clock.now = new Date('2018-06-18T07:50:00Z'); // Haarlem starts 21 June 09:30; Utrecht has started
    const reminders = async (count: number) => (await h.sink.waitFor(count, 10_000)).filter((m) => /^Herinnering/.test(m.parsed.subject ?? ''));
    const got = await (async () => {
      for (let i = 0; i < 100; i++) {
        const r = await reminders(0);
        if (r.length >= 2) return r;
        await new Promise((res) => setTimeout(res, 100));
      }
      return reminders(0);
    })();
    assert.deepEqual(got.map((m) => m.envelope.to[0]).sort(), ['els@renkum.nl', 'p.devries@zeist.nl']);
    const els = got.find((m) => m.envelope.to[0] === 'els@renkum.nl')!;
    assert.equal(els.parsed.subject, 'Herinnering: ontwerpsessie Haarlem, donderdag 21 juni 2018');
    assert.equal(els.parsed.inReplyTo, elsConfirmation.parsed.inReplyTo, 'in the thread of her signup');
    assert.equal(els.parsed.headers.get('auto-submitted'), 'auto-generated');
    assert.match(els.parsed.text ?? '', /Locatie: Seinwezen/);
    assert.match(els.parsed.text ?? '', /Aanmelding: els@renkum\.nl, 2 personen/);
    const [first, again] = [invite(elsConfirmation), invite(els)];
    assert.equal(again.method, 'REQUEST');
    assert.equal(prop(again.event, 'UID').value, prop(first.event, 'UID').value);
    assert.equal((await regOf('u.smit@lopik.nl'))?.remindedAt, null, 'never after the session started');
    assert.equal((await regOf('bas@wageningen.nl'))?.remindedAt, null, 'not while waiting');

    // A signup inside the window: its confirmation carries it all, no reminder on top.
    const late = await exchange(h, mail({ from: 'kort@haarlem.nl', subject: 'Haarlem', text: `Ik meld mij nog aan voor Haarlem.${signoff('Kim Kort', 'Haarlem')}` }));
    assert.match(late.parsed.text ?? '', /U bent aangemeld/);
    await settle();
    assert.ok((await regOf('kort@haarlem.nl'))?.remindedAt, 'counted as reminded');
    assert.equal((await reminders(0)).length, 2);
    assert.deepEqual([(await regOf('els@renkum.nl'))?.remindedAt?.toISOString()], ['2018-06-18T07:50:00.000Z']);
  });

  it('cancels on "ik kan toch niet" or "afmelden" under the reminder and promotes from the waiting list; never a second reminder', async () => {
    const els = h.sink.messages.find((m) => /^Herinnering/.test(m.parsed.subject ?? '') && m.envelope.to[0] === 'els@renkum.nl')!;
    const before = h.sink.messages.length;
    const cancelled = await exchange(h, answer(els, 'els@renkum.nl', 'Ik kan toch niet.', 'Els Brouwer'));
    assert.match(cancelled.parsed.text ?? '', /U bent afgemeld voor de ontwerpsessie in Haarlem/);
    assert.equal(invite(cancelled).method, 'CANCEL');
    const promoted = (await h.sink.waitFor(before + 2, 10_000)).slice(before).find((m) => m.envelope.to[0] === 'bas@wageningen.nl');
    assert.match(promoted?.parsed.text ?? '', /plaats vrijgekomen/);
    assert.equal((await regOf('els@renkum.nl'))?.status, 'cancelled');
    const pieter = h.sink.messages.find((m) => /^Herinnering/.test(m.parsed.subject ?? '') && m.envelope.to[0] === 'p.devries@zeist.nl')!;
    const withdrawn = await exchange(h, answer(pieter, 'p.devries@zeist.nl', 'Afmelden'));
    assert.match(withdrawn.parsed.text ?? '', /U bent afgemeld voor de ontwerpsessie in Haarlem/);

    await worker.stop();
    const count = h.sink.messages.length;
    await start();
    await settle();
    assert.equal(h.sink.messages.length, count, 'no reminder twice, none for the one just promoted');
  });

  it('never sends the digest to a machine or to the mailbox itself', () => {
    const base = { IMAP_HOST: 'x', IMAP_USER: 'D-Loket@VNG.nl', IMAP_PASSWORD: 'x', SMTP_HOST: 'x' };
    assert.throws(() => loadConfig({ ...base, DIGEST_TO: 'noreply@vng.nl' }, { mail: true }), ConfigError);
    assert.throws(() => loadConfig({ ...base, DIGEST_TO: 'planner@minbzk.nl,d-loket@vng.nl' }, { mail: true }), /DIGEST_TO: d-loket@vng\.nl is the bot's own mailbox/);
    assert.throws(() => loadConfig({ ...base, DIGEST_TO: 'geen adres' }, { mail: true }), /DIGEST_TO: expected e-mail addresses/);
  });
});
