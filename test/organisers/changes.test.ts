// Changes by hand that the bot knows about, while the worker runs on the same PostgreSQL
// database: the real command line, Dovecot, the SMTP sink. Each change sends the reply the
// bot would send and is logged with who made it; `messages` shows what the bot saw and did.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { changeLog, inboundMessages, registrations, sessions } from '../../src/db/schema.js';
import type { CapturedMail } from '../support/smtp-sink.js';
import { prop } from '../replies/ics.js';
import { answer, exchange, invite } from '../e2e/conversation.js';
import { mail, startHarness, type Harness } from '../e2e/harness.js';
import { dloket, ok } from './cli.js';

async function smallCatalogue(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dloket-cat-'));
  const file = join(dir, 'sessions.json');
  const small: Record<string, number> = { arnhem: 3, assen: 4 };
  await writeFile(file, JSON.stringify({
    ...shippedCatalogue, sessions: shippedCatalogue.sessions.map((s) => ({ ...s, capacity: small[s.slug] ?? s.capacity })),
  }));
  return file;
}

const signoff = (name: string, gemeente: string) => `\r\n\r\nMet vriendelijke groet,\r\n${name}\r\nGemeente ${gemeente}`;

describe('organisers change registrations by hand while the worker runs', () => {
  let h: Harness;
  let env: Record<string, string>;
  before(async () => {
    h = await startHarness({ env: { SESSIONS_FILE: await smallCatalogue() } });
    // The command line judges time as of the worker's clock, not today.
    env = { ...h.env, LOG_LEVEL: 'warn', DLOKET_NOW: h.clock.now.toISOString() };
    await h.startWorker().ready();
  });
  after(() => h.close());

  const regOf = async (email: string) => (await h.query(({ db }) => db.select().from(registrations).where(eq(registrations.email, email))))[0];
  /** The next `n` mails in the sink after `before`. */
  const next = async (before: number, n = 1): Promise<CapturedMail[]> => (await h.sink.waitFor(before + n, 15_000)).slice(before, before + n);

  it('adds a registration: the confirmation with invite the bot would send, logged with --by', async () => {
    const before = h.sink.messages.length;
    const r = await ok(['registrations', 'add', 'Els.Brouwer@Renkum.nl', '--session', 'arnhem', '--people', '2',
      '--name', 'Els Brouwer', '--municipality', 'Renkum', '--by', 'Marieke'], env);
    assert.match(r.stdout, /^registered: registered 2 for arnhem \(registration \d+\)/);
    assert.match(r.stdout, /mail "confirmed" to els\.brouwer@renkum\.nl: sent/);
    const [confirmation] = await next(before);
    assert.deepEqual(confirmation!.envelope.to, ['els.brouwer@renkum.nl']);
    assert.match(confirmation!.parsed.text ?? '', /Beste Els Brouwer,[\s\S]*U bent aangemeld|U bent aangemeld[\s\S]*Beste Els Brouwer/);
    assert.match(confirmation!.parsed.text ?? '', /2 personen/);
    assert.equal(invite(confirmation!).method, 'REQUEST');
    const reg = await regOf('els.brouwer@renkum.nl');
    assert.deepEqual([reg?.status, reg?.attendees, reg?.municipality, reg?.name], ['confirmed', 2, 'Renkum', 'Els Brouwer']);
    const [logged] = await h.query(({ db }) => db.select().from(changeLog).where(eq(changeLog.registrationId, reg!.id)));
    assert.deepEqual([logged?.origin, logged?.actor, logged?.action, logged?.inboundId], ['organiser', 'Marieke', 'registered', null]);
  });

  it('counts that seat for mail: the next signup that does not fit goes on the waiting list', async () => {
    const waiting = await exchange(h, mail({
      from: 'b.smit@wageningen.nl', name: 'Bas Smit', subject: 'Aanmelding Arnhem',
      text: `Wij komen met twee personen naar Arnhem op 22 juni.${signoff('Bas Smit', 'Wageningen')}`,
    }));
    assert.match(waiting.parsed.text ?? '', /wachtlijst/);
    assert.equal((await regOf('b.smit@wageningen.nl'))?.status, 'waitlisted');
  });

  it('refuses what the rules refuse, with the reason and exit code 1, sending nothing', async () => {
    const before = h.sink.messages.length;
    const twice = await dloket(['registrations', 'add', 'els.brouwer@renkum.nl', '--session', 'breda'], env);
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /already registered for arnhem: use move or set instead/);
    const more = await dloket(['registrations', 'set', 'els.brouwer@renkum.nl', '--people', '4'], env);
    assert.equal(more.code, 1);
    assert.match(more.stderr, /arnhem has 1 seats left: no room for 2 more/);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(h.sink.messages.length, before);
    assert.equal((await regOf('els.brouwer@renkum.nl'))?.attendees, 2);
  });

  it('cancels by address: a CANCEL for the registrant and a promotion from the waiting list, by the OS user', async () => {
    const before = h.sink.messages.length;
    const r = await ok(['registrations', 'cancel', 'els.brouwer@renkum.nl'], env);
    assert.match(r.stdout, /^cancelled: cancelled arnhem/);
    const mails = await next(before, 2);
    const cancelled = mails.find((m) => m.envelope.to[0] === 'els.brouwer@renkum.nl')!;
    const promoted = mails.find((m) => m.envelope.to[0] === 'b.smit@wageningen.nl')!;
    assert.equal(invite(cancelled).method, 'CANCEL');
    assert.match(promoted.parsed.text ?? '', /plaats vrijgekomen/);
    assert.equal(invite(promoted).method, 'REQUEST');
    // The promotion answers in the thread of Bas's own signup mail.
    assert.match(String(promoted.parsed.inReplyTo), /@gemeente\.example>$/);
    const actions = await h.query(({ db }) => db.select().from(changeLog).where(eq(changeLog.origin, 'organiser')));
    assert.deepEqual(actions.slice(-2).map((a) => [a.action, a.actor]), [['cancelled', userInfo().username], ['promoted', userInfo().username]]);
  });

  it('moves by registration number with an updated invite (same UID, higher SEQUENCE), answering in the signup thread', async () => {
    const confirmed = await exchange(h, mail({
      from: 'p.devries@zeist.nl', name: 'Pieter de Vries', subject: 'Aanmelding Utrecht 14 juni',
      text: `Hierbij meld ik mij aan voor de ontwerpsessie in Utrecht.${signoff('Pieter de Vries', 'Zeist')}`,
    }));
    const reg = await regOf('p.devries@zeist.nl');
    const before = h.sink.messages.length;
    await ok(['registrations', 'move', String(reg!.id), '--to', 'haarlem', '--by', 'Marieke'], env);
    const [moved] = await next(before);
    assert.match(moved!.parsed.text ?? '', /u gaat naar de ontwerpsessie in Haarlem/);
    assert.equal(moved!.parsed.subject, 'Re: Aanmelding Utrecht 14 juni');
    assert.equal(moved!.parsed.inReplyTo, confirmed.parsed.inReplyTo);
    const [first, update] = [invite(confirmed), invite(moved!)];
    assert.equal(prop(update.event, 'UID').value, prop(first.event, 'UID').value);
    assert.ok(Number(prop(update.event, 'SEQUENCE').value) > Number(prop(first.event, 'SEQUENCE').value));
    // A reply to the organiser's mail is read in its context, like any of the bot's mails.
    const cancelled = await exchange(h, answer(moved!, 'p.devries@zeist.nl', 'Ik kan toch niet, sorry.'));
    assert.match(cancelled.parsed.text ?? '', /U bent afgemeld voor de ontwerpsessie in Haarlem/);
  });

  it('raises a capacity: the waiting list moves up; closing a session turns mail away, opening takes it again', async () => {
    // Arnhem (3 seats): Bas has 2; fill it with --quiet (no mail to the person) and queue one more by mail.
    let before = h.sink.messages.length;
    await ok(['registrations', 'add', 'k.mulder@duiven.nl', '--session', 'arnhem', '--quiet'], env);
    await new Promise((res) => setTimeout(res, 300));
    assert.equal(h.sink.messages.length, before, '--quiet: no mail');
    assert.equal((await regOf('k.mulder@duiven.nl'))?.status, 'confirmed');
    const queued = await exchange(h, mail({ from: 'l.arts@zevenaar.nl', subject: 'Arnhem', text: `Graag aanmelden voor Arnhem, 22 juni.${signoff('Lies Arts', 'Zevenaar')}` }));
    assert.match(queued.parsed.text ?? '', /wachtlijst/);
    before = h.sink.messages.length;
    const raised = await ok(['sessions', 'set', 'arnhem', '--capacity', '4'], env);
    assert.match(raised.stdout, /capacity of arnhem: 3 -> 4; 1 promoted from the waiting list/);
    const [promoted] = await next(before);
    assert.deepEqual(promoted!.envelope.to, ['l.arts@zevenaar.nl']);
    assert.equal((await h.query(({ db }) => db.select().from(sessions).where(eq(sessions.slug, 'arnhem'))))[0]?.capacity, 4);

    await ok(['sessions', 'close', 'venlo', '--by', 'Marieke'], env);
    const closed = await exchange(h, mail({ from: 'j.smit@venray.nl', subject: 'Venlo', text: `Ik meld mij aan voor Venlo op 29 juni.${signoff('Jan Smit', 'Venray')}` }));
    assert.match(closed.parsed.text ?? '', /De aanmelding voor deze sessie is gesloten/);
    assert.equal(await regOf('j.smit@venray.nl'), undefined);
    await ok(['sessions', 'open', 'venlo'], env);
    before = h.sink.messages.length;
    const open = await exchange(h, mail({ from: 'j.smit@venray.nl', subject: 'Venlo', text: `Ik meld mij alsnog aan voor Venlo op 29 juni.${signoff('Jan Smit', 'Venray')}` }));
    assert.match(open.parsed.text ?? '', /U bent aangemeld voor de ontwerpsessie in Venlo/);
    const venlo = await h.query(({ db }) => db.select().from(sessions).where(eq(sessions.slug, 'venlo')));
    assert.equal(venlo[0]?.signups, 'open');
  });

  it('lists and shows what the bot saw and did, and marks mail for people done', async () => {
    const question = mail({ from: 'm.bos@emmen.nl', subject: 'Vraag over Assen', text: `Is de zaal in Assen rolstoeltoegankelijk?${signoff('Marijke Bos', 'Emmen')}` });
    await h.deliver(question);
    await h.waitForRecorded(h.logs.filter((l) => l.event === 'message.recorded').length + 1);
    const waiting = await ok(['messages', 'list', '--waiting', '--json'], env);
    const rows = waiting.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: number; fromAddress: string; outcome: string });
    const asked = rows.find((r) => r.fromAddress === 'm.bos@emmen.nl');
    assert.equal(asked?.outcome, 'escalated');

    const [signup] = await h.query(({ db }) => db.select().from(inboundMessages)
      .where(and(eq(inboundMessages.fromAddress, 'b.smit@wageningen.nl'), eq(inboundMessages.outcome, 'waitlisted'))));
    const shown = (await ok(['messages', 'show', String(signup!.id)], env)).stdout;
    assert.match(shown, /^From: "Bas Smit" <b\.smit@wageningen\.nl>$/m);
    assert.match(shown, /^Subject: Aanmelding Arnhem$/m);
    assert.match(shown, /^Message-ID: <e2e-/m);
    assert.match(shown, /^ {2}\| Wij komen met twee personen naar Arnhem op 22 juni\.$/m, 'the new text it read');
    assert.doesNotMatch(shown, /\| Met vriendelijke groet/, 'the signature is not the new text');
    assert.match(shown, /^Verdict: register, session arnhem, 2 people, municipality Wageningen/m);
    assert.match(shown, /^ {2}- .*Arnhem/m, 'with its evidence');
    assert.match(shown, /^Outcome: waitlisted: /m);
    assert.match(shown, /waitlisted arnhem \(registration \d+\): attendees 2 by this mail/);
    assert.match(shown, /^ {2}waitlisted to b\.smit@wageningen\.nl: sent \S+ {2}<[^>]+@vng\.nl>$/m);

    const done = await ok(['messages', 'done', String(asked!.id), '--by', 'Marieke'], env);
    assert.match(done.stdout, /1 marked done/);
    const [marked] = await h.query(({ db }) => db.select().from(inboundMessages).where(eq(inboundMessages.id, asked!.id)));
    assert.deepEqual([marked?.resolvedBy, marked?.resolvedAt?.toISOString()], ['Marieke', env.DLOKET_NOW]);
  });

  it('stays right when changes by hand and mail race for the last seats on the same PostgreSQL database', async () => {
    // Assen has 4 seats. Four signups by mail and four additions by hand arrive together.
    const handled = h.logs.filter((l) => l.event === 'message.recorded').length;
    const racers = [0, 1, 2, 3];
    await Promise.all([
      ...racers.map((i) => h.deliver(mail({ from: `mail${i}@assen.nl`, subject: 'Assen', text: `Ik meld mij aan voor Assen op 28 juni.${signoff(`Mail ${i}`, 'Assen')}` }))),
      ...racers.map((i) => ok(['registrations', 'add', `hand${i}@assen.nl`, '--session', 'assen', '--quiet'], env)),
    ]);
    await h.waitForRecorded(handled + racers.length, 30_000);
    const rows = await h.query(({ db }) => db.select({ status: registrations.status, attendees: registrations.attendees, email: registrations.email })
      .from(registrations).innerJoin(sessions, eq(sessions.id, registrations.sessionId)).where(eq(sessions.slug, 'assen')));
    assert.equal(rows.length, 8);
    assert.equal(rows.filter((r) => r.status === 'confirmed').reduce((n, r) => n + r.attendees, 0), 4, 'exactly the capacity, never more');
    assert.equal(rows.filter((r) => r.status === 'waitlisted').length, 4);
    // Every mail signup got exactly one answer matching its registration.
    const answers = await h.sink.waitFor(h.sink.messages.length);
    for (const i of racers) {
      const to = answers.filter((m) => m.envelope.to[0] === `mail${i}@assen.nl`);
      assert.equal(to.length, 1);
      const status = rows.find((r) => r.email === `mail${i}@assen.nl`)?.status;
      assert.match(to[0]!.parsed.text ?? '', status === 'confirmed' ? /U bent aangemeld/ : /wachtlijst/);
    }
  });
});
