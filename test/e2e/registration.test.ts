// The registration rules and conversations end to end: capacity, waiting list, promotion,
// moves, cancellations, closed sessions, escalation, answers to the bot's own mails and
// calendar responses, through Dovecot, the SMTP sink and PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { inboundMessages, outbox, registrations, sessions } from '../../src/db/schema.js';
import { prop } from '../replies/ics.js';
import { answer, exchange, expectSilence, invite } from './conversation.js';
import { mail, startHarness, type Harness, type Worker } from './harness.js';

async function smallCatalogue(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dloket-cat-'));
  const file = join(dir, 'sessions.json');
  const catalogue = {
    ...shippedCatalogue,
    sessions: shippedCatalogue.sessions.map((s) => (s.slug === 'arnhem' ? { ...s, capacity: 3 } : s)),
  };
  await writeFile(file, JSON.stringify(catalogue));
  return file;
}

const signoff = (name: string, gemeente: string) => `\r\n\r\nMet vriendelijke groet,\r\n${name}\r\nGemeente ${gemeente}`;

describe('registration rules and conversations, end to end', () => {
  let h: Harness;
  let worker: Worker;
  before(async () => {
    h = await startHarness({ env: { SESSIONS_FILE: await smallCatalogue() } });
    worker = h.startWorker();
    await worker.ready();
  });
  after(async () => {
    await worker.stop();
    await h.close();
  });

  const regsOf = (email: string) => h.query(({ db }) => db.select().from(registrations).where(eq(registrations.email, email)));

  it('counts seats, waitlists when full, and promotes when seats free up', async () => {
    const first = await exchange(h, mail({
      from: 'griffier@renkum.nl', name: 'Els Brouwer', subject: 'Aanmelding Arnhem',
      text: `Graag meld ik mij aan voor de sessie in Arnhem op 22 juni, samen met mijn collega Joost.${signoff('Els Brouwer', 'Renkum')}`,
    }));
    assert.match(first.parsed.text ?? '', /U bent aangemeld voor de ontwerpsessie in Arnhem/);
    assert.match(first.parsed.text ?? '', /2 personen/);
    const req = invite(first);
    assert.equal(req.method, 'REQUEST');
    assert.equal(req.mimeMethod, 'REQUEST');
    assert.match(prop(req.event, 'ORGANIZER').value, /mailto:d-loket@vng\.nl/i);
    assert.equal(prop(req.event, 'DTSTART').params.TZID, 'Europe/Amsterdam');
    assert.equal(prop(req.event, 'DTSTART').value, '20180622T140000');

    // Two of three seats are taken: a party of two does not fit and goes on the waiting list.
    const waiting = await exchange(h, mail({
      from: 'b.smit@wageningen.nl', name: 'Bas Smit', subject: 'Aanmelding ontwerpsessie 22 juni',
      text: `Wij komen met twee personen naar Arnhem.${signoff('Bas Smit', 'Wageningen')}`,
    }));
    assert.match(waiting.parsed.text ?? '', /is vol: u staat op de wachtlijst/);
    assert.match(waiting.parsed.text ?? '', /1\. .*(Assen|Venlo|Utrecht|Haarlem|Breda)/);
    assert.equal(waiting.parsed.attachments.length, 0, 'no invite for a waiting-list place');
    assert.deepEqual((await regsOf('b.smit@wageningen.nl')).map((r) => [r.status, r.attendees]), [['waitlisted', 2]]);

    // The first registrant cancels: her invite is withdrawn and the waiting list moves up.
    const cancelled = await exchange(h, answer(first, 'griffier@renkum.nl', 'Helaas kunnen wij toch niet komen, wilt u ons afmelden?', 'Els Brouwer'));
    assert.match(cancelled.parsed.text ?? '', /U bent afgemeld voor de ontwerpsessie in Arnhem/);
    const cancel = invite(cancelled);
    assert.equal(cancel.method, 'CANCEL');
    assert.equal(cancel.mimeMethod, 'CANCEL');
    assert.equal(prop(cancel.event, 'UID').value, prop(req.event, 'UID').value);
    assert.ok(Number(prop(cancel.event, 'SEQUENCE').value) > Number(prop(req.event, 'SEQUENCE').value));

    const [promoted] = await h.sink.waitFor(4).then((all) => all.slice(3));
    assert.deepEqual(promoted!.envelope.to, ['b.smit@wageningen.nl']);
    assert.match(promoted!.parsed.text ?? '', /plaats vrijgekomen/);
    assert.equal(invite(promoted!).method, 'REQUEST');
    assert.equal(promoted!.parsed.inReplyTo, waiting.parsed.inReplyTo, 'the promotion answers in the thread of the signup');
    assert.deepEqual((await regsOf('b.smit@wageningen.nl')).map((r) => r.status), ['confirmed']);
    assert.deepEqual((await regsOf('griffier@renkum.nl')).map((r) => r.status), ['cancelled']);
  });

  it('answers a repeat signup without a second registration, and updates the head count when told', async () => {
    const again = await exchange(h, mail({
      from: 'b.smit@wageningen.nl', subject: 'Aanmelding Arnhem', text: `Graag aanmelden voor Arnhem, 22 juni.${signoff('Bas Smit', 'Wageningen')}`,
    }));
    assert.match(again.parsed.text ?? '', /al aangemeld/);
    const more = await exchange(h, mail({
      from: 'b.smit@wageningen.nl', subject: 'Aanmelding Arnhem', text: `We komen toch met z'n drieën naar Arnhem.${signoff('Bas Smit', 'Wageningen')}`,
    }));
    assert.match(more.parsed.text ?? '', /3 personen/);
    assert.deepEqual((await regsOf('b.smit@wageningen.nl')).map((r) => [r.status, r.attendees]), [['confirmed', 3]]);
  });

  it('moves a registration to another session with the same calendar UID and a higher SEQUENCE', async () => {
    const confirmed = await exchange(h, mail({
      from: 'p.devries@zeist.nl', name: 'Pieter de Vries', subject: 'Aanmelding Utrecht 14 juni',
      text: `Hierbij meld ik mij aan voor de ontwerpsessie in Utrecht.${signoff('Pieter de Vries', 'Zeist')}`,
    }));
    const first = invite(confirmed);
    const moved = await exchange(h, answer(confirmed, 'p.devries@zeist.nl', 'Ik kom liever naar Haarlem op 21 juni.'));
    assert.match(moved.parsed.text ?? '', /Haarlem/);
    const update = invite(moved);
    assert.equal(update.method, 'REQUEST');
    assert.equal(prop(update.event, 'UID').value, prop(first.event, 'UID').value);
    assert.ok(Number(prop(update.event, 'SEQUENCE').value) > Number(prop(first.event, 'SEQUENCE').value));
    assert.match(prop(update.event, 'LOCATION').value, /Seinwezen/);
    // Under the confirmation, a colleague is added to the registration, not a new one made.
    const added = await exchange(h, answer(moved, 'p.devries@zeist.nl', 'Mijn collega Sanne de Boer komt ook mee.'));
    assert.match(added.parsed.text ?? '', /2 personen/);
    const rows = await regsOf('p.devries@zeist.nl');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.attendees, 2);
    const haarlem = await h.query(({ db }) => db.select().from(sessions).where(eq(sessions.slug, 'haarlem')));
    assert.equal(rows[0]?.sessionId, haarlem[0]?.id);
  });

  it('answers a cancellation from an address with no registration kindly', async () => {
    const reply = await exchange(h, mail({ from: 'onbekend@texel.nl', subject: 'Afmelding', text: `Ik meld mij af voor de sessie.${signoff('Kees', 'Texel')}` }));
    assert.match(reply.parsed.text ?? '', /geen aanmelding gevonden/);
  });

  it('reads an answer to the alternatives mail: a bare number picks that option, quoted list ignored', async () => {
    const list = await exchange(h, mail({
      from: 'r.kaptein@heemskerk.nl', subject: 'Ontwerpsessie', text: `Ik wil graag komen, maar welke data zijn er?${signoff('Roel Kaptein', 'Heemskerk')}`,
    }));
    const options = [...(list.parsed.text ?? '').matchAll(/^(\d)\. (\S+)/gm)].map((m) => [m[1], m[2]]);
    assert.ok(options.length >= 3, 'the alternatives are numbered');
    const second = options[1]![1]!.replace(/\*/g, '');
    const booked = await exchange(h, answer(list, 'r.kaptein@heemskerk.nl', '2'));
    assert.match(booked.parsed.text ?? '', new RegExp(`aangemeld voor de ontwerpsessie in ${second}`));
  });

  it('reads "doe maar Breda" after an alternatives mail, and "ja" after a waiting-list offer', async () => {
    const list = await exchange(h, mail({
      from: 'l.hendrikx@weert.nl', subject: 'Aanmelding', text: `Graag meld ik mij aan voor een ontwerpsessie.${signoff('Lotte Hendrikx', 'Weert')}`,
    }));
    const breda = await exchange(h, answer(list, 'l.hendrikx@weert.nl', 'Doe maar Breda.'));
    assert.match(breda.parsed.text ?? '', /aangemeld voor de ontwerpsessie in Breda/);

    // Arnhem is full now (3 of 3): a waiting-list mail proposes the nearest open session.
    const waiting = await exchange(h, mail({
      from: 'j.arts@lingewaard.nl', subject: 'Aanmelding Arnhem', text: `Graag aanmelden voor Arnhem op 22 juni.${signoff('Jeroen Arts', 'Lingewaard')}`,
    }));
    assert.match(waiting.parsed.text ?? '', /wachtlijst/);
    const firstOption = /^1\. \**([^*\s(]+)/m.exec(waiting.parsed.text ?? '')?.[1];
    assert.ok(firstOption);
    const yes = await exchange(h, answer(waiting, 'j.arts@lingewaard.nl', 'Ja graag, dan kom ik daar.'));
    assert.match(yes.parsed.text ?? '', new RegExp(`ontwerpsessie in ${firstOption}`));
  });

  it('records calendar answers without replying, flagging a decline for organisers', async () => {
    const [row] = await regsOf('p.devries@zeist.nl');
    const reply = (partstat: string) => [
      `From: Pieter de Vries <p.devries@zeist.nl>`, 'To: D-Loket <D-Loket@VNG.nl>', `Subject: ${partstat === 'DECLINED' ? 'Afgewezen' : 'Geaccepteerd'}: ontwerpsessie Haarlem`,
      'Date: Fri, 01 Jun 2018 12:30:00 +0200', `Message-ID: <cal-${partstat}@zeist.nl>`, 'MIME-Version: 1.0',
      'Content-Type: text/calendar; charset=utf-8; method=REPLY', '',
      'BEGIN:VCALENDAR', 'METHOD:REPLY', 'PRODID:Microsoft Exchange Server 2010', 'VERSION:2.0', 'BEGIN:VEVENT',
      `ATTENDEE;PARTSTAT=${partstat}:mailto:p.devries@zeist.nl`, `UID:${row!.calendarUid}`, 'SEQUENCE:1',
      'DTSTAMP:20180601T103000Z', 'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n');
    await expectSilence(h, reply('ACCEPTED'));
    assert.equal((await regsOf('p.devries@zeist.nl'))[0]?.calendarResponse, 'accepted');
    await expectSilence(h, reply('DECLINED'));
    const [declined] = await regsOf('p.devries@zeist.nl');
    assert.equal(declined?.calendarResponse, 'declined');
    assert.match(declined?.attention ?? '', /declined/);
  });

  it('leaves questions to organisers with a keyword they can filter on, and answers English in English', async () => {
    await expectSilence(h, mail({
      from: 'm.bos@emmen.nl', subject: 'Vraag over Assen', text: `Is de zaal in Assen rolstoeltoegankelijk? En kan ik daar parkeren?${signoff('Marijke Bos', 'Emmen')}`,
    }));
    const rows = await h.query(({ db }) => db.select().from(inboundMessages).where(eq(inboundMessages.fromAddress, 'm.bos@emmen.nl')));
    assert.equal(rows[0]?.outcome, 'escalated');
    const client = await h.dovecot.connect(h.box.user);
    try {
      await client.mailboxOpen('INBOX', { readOnly: true });
      const found = await client.search({ keyword: 'DLoket-Attention' }, { uid: true });
      assert.ok(found && found.includes(rows[0]!.uid));
    } finally {
      await client.logout();
    }
    const english = await exchange(h, mail({
      from: 'j.smith@maastricht.nl', subject: 'Registration design session Venlo',
      text: 'Dear D-Loket,\r\n\r\nI would like to register for the design session in Venlo on 29 June.\r\n\r\nKind regards,\r\nJohn Smith\r\nMunicipality of Maastricht',
    }));
    assert.match(english.parsed.text ?? '', /You are registered for the design session in Venlo/);
  });

  it('closes a session once it has started and offers the others', async () => {
    h.clock.now = new Date('2018-06-14T08:00:00Z'); // 10:00 in Utrecht: the session started at 9:00
    const closed = await exchange(h, mail({
      from: 'a.bakker@lopik.nl', subject: 'Aanmelding Utrecht', text: `Kan ik nog aansluiten bij de sessie in Utrecht op 14 juni?${signoff('Anna Bakker', 'Lopik')}`,
      date: 'Thu, 14 Jun 2018 09:55:00 +0200',
    }));
    assert.doesNotMatch(closed.parsed.text ?? '', /U bent aangemeld/);
    assert.match(closed.parsed.text ?? '', /1\. /);
    assert.doesNotMatch(closed.parsed.text ?? '', /^\d\. \**Utrecht/m);
    h.clock.now = new Date('2018-06-01T10:00:00Z');
  });

  it('keeps every answer in the outbox as sent, filed in Sent', async () => {
    // The sink has the last reply a moment before its row is marked sent: wait for the row, not a timer.
    const read = () => h.query(({ db }) => db.select({ status: outbox.status }).from(outbox));
    let rows = await read();
    for (const deadline = Date.now() + 10_000; !rows.every((r) => r.status === 'sent') && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await read();
    }
    assert.ok(rows.length >= 10);
    assert.deepEqual(rows.filter((r) => r.status !== 'sent'), []);
  });
});
