// Review mode end to end: the worker on PostgreSQL with Dovecot and the SMTP sink holds its
// decisions (REVIEW=all, then REVIEW=uncertain); organisers decide with the real command line
// (list, show, approve, reject, correct, the interactive prompt on stdin) and, where only the
// semantics are at stake, with the same functions on the same database while the worker runs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { commandDeps } from '../../src/cli/pipeline-deps.js';
import { loadConfig, type MailConfig } from '../../src/config/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { waitingMessages } from '../../src/db/inbound-messages.js';
import { changeLog, inboundMessages, outbox, registrations, reviews } from '../../src/db/schema.js';
import { createLogger } from '../../src/observability/logger.js';
import { applyManualChange } from '../../src/organisers/manual-change.js';
import { reviewMessage } from '../../src/organisers/review.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { exchange, invite } from '../e2e/conversation.js';
import { mail, startHarness, type Harness, type Worker } from '../e2e/harness.js';
import type { CapturedMail } from '../support/smtp-sink.js';
import { ok } from './cli.js';

const signoff = (name: string, gemeente: string) => `\r\n\r\nMet vriendelijke groet,\r\n${name}\r\nGemeente ${gemeente}`;

async function smallCatalogue(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dloket-review-cat-'));
  const file = join(dir, 'sessions.json');
  await writeFile(file, JSON.stringify({
    ...shippedCatalogue, sessions: shippedCatalogue.sessions.map((s) => ({ ...s, capacity: s.slug === 'arnhem' ? 3 : s.capacity })),
  }));
  return file;
}

/** The command line with answers on stdin, as a person at the prompt would type them. */
function dloketWithInput(args: string[], env: Record<string, string>, input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'cli', 'main.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env }, cwd: tmpdir(),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('review mode: organisers approve, reject or correct what the bot would do', () => {
  let h: Harness;
  let env: Record<string, string>;
  let database: Database;
  let deps: PipelineDeps & { close(): void };
  let worker: Worker;
  before(async () => {
    h = await startHarness({ env: { SESSIONS_FILE: await smallCatalogue(), REVIEW: 'all' } });
    env = { ...h.env, LOG_LEVEL: 'warn', DLOKET_NOW: h.clock.now.toISOString() };
    worker = h.startWorker();
    await worker.ready();
    // The organisers' functions on the same database as the worker, for the steps where the
    // command line is already proven (each run costs a Node start).
    const config = loadConfig(env, { mail: true });
    database = await openDatabase(config.database);
    deps = await commandDeps({ config, logger: createLogger('silent'), clock: () => h.clock.now }, database, config.mail as MailConfig, { send: true });
  });
  after(async () => {
    deps?.close();
    await database?.close();
    await h.close();
  });

  const recorded = () => h.logs.filter((l) => l.event === 'message.recorded').length;
  /** Delivers mail and waits until the worker recorded it; returns its message number. */
  async function arrive(fields: Parameters<typeof mail>[0]): Promise<{ id: number; uid: number }> {
    const n = recorded();
    const { uid } = await h.deliver(mail(fields));
    await h.waitForRecorded(n + 1);
    const [row] = await h.query(({ db }) => db.select().from(inboundMessages).where(eq(inboundMessages.uid, uid)));
    return { id: row!.id, uid };
  }
  const inbound = async (id: number) => (await h.query(({ db }) => db.select().from(inboundMessages).where(eq(inboundMessages.id, id))))[0]!;
  const regOf = async (email: string) => (await h.query(({ db }) => db.select().from(registrations).where(eq(registrations.email, email))))[0];
  const previewOf = async (id: number) => {
    const rows = await h.query(({ db }) => db.select().from(outbox).where(and(eq(outbox.inboundId, id), eq(outbox.status, 'held'))));
    return Promise.all(rows.map(async (r) => ({ row: r, parsed: await simpleParser(r.raw) })));
  };
  async function flagsOf(uid: number, expect?: string): Promise<Set<string>> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const client = await h.dovecot.connect(h.box.user);
      let flags: Set<string>;
      try {
        await client.mailboxOpen('INBOX', { readOnly: true });
        const m = await client.fetchOne(String(uid), { flags: true }, { uid: true });
        flags = m ? m.flags ?? new Set() : new Set();
      } finally {
        await client.logout();
      }
      // The worker sets keywords just after it records the message.
      if (!expect || flags.has(expect) || Date.now() > deadline) return flags;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const quiet = async (before: number) => {
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(h.sink.messages.length, before, 'nothing sent');
  };
  const next = async (before: number, n = 1): Promise<CapturedMail[]> => (await h.sink.waitFor(before + n, 15_000)).slice(before, before + n);

  let els: { id: number; uid: number };

  it('holds a signup: no mail, no seat taken, a keyword; list, show and status give what an organiser needs', async () => {
    const before = h.sink.messages.length;
    els = await arrive({
      from: 'els.brouwer@renkum.nl', name: 'Els Brouwer', subject: 'Aanmelding Arnhem',
      text: `Wij komen met twee personen naar Arnhem op 22 juni.${signoff('Els Brouwer', 'Renkum')}`,
    });
    await quiet(before);
    assert.equal(await regOf('els.brouwer@renkum.nl'), undefined, 'no seat taken while held');
    assert.equal((await inbound(els.id)).outcome, 'held');
    const preview = await previewOf(els.id);
    assert.deepEqual(preview.map((p) => p.row.kind), ['confirmed']);
    assert.ok((await flagsOf(els.uid, 'DLoket-Review')).has('DLoket-Review'));

    const list = await ok(['review', 'list'], env);
    assert.match(list.stdout, new RegExp(`^ *${els.id} .* all +registered +els\\.brouwer@renkum\\.nl +Aanmelding Arnhem$`, 'm'));
    const shown = (await ok(['review', 'show', String(els.id)], env)).stdout;
    assert.match(shown, new RegExp(`^== Message ${els.id}: held .*REVIEW=all`, 'm'));
    assert.match(shown, /^From: "Els Brouwer" <els\.brouwer@renkum\.nl>$/m);
    assert.match(shown, /^Subject: Aanmelding Arnhem$/m);
    assert.match(shown, /^ {2}\| Wij komen met twee personen naar Arnhem op 22 juni\.$/m, 'the new text it read');
    assert.match(shown, /^Verdict: register, session arnhem, 2 people, municipality Renkum.*\(confidence 0\.\d+\)$/m);
    assert.match(shown, /^Evidence:\n {2}- /m);
    assert.match(shown, /^Decision: registered: registered 2 for arnhem$/m);
    assert.match(shown, /^ {2}- new registration for arnhem: 2 people, confirmed$/m);
    assert.match(shown, /^--- reply 1 of 1: confirmed to els\.brouwer@renkum\.nl$/m);
    assert.ok(shown.includes(preview[0]!.parsed.text!.trimEnd()), 'the text part in full');
    assert.match(shown, /METHOD:REQUEST/);

    // Machine mail is never held, not even from someone whose mail waits for review.
    const away = await arrive({
      from: 'els.brouwer@renkum.nl', subject: 'Afwezig: Re: Aanmelding Arnhem', headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'Ik ben afwezig tot 4 juni.',
    });
    assert.equal((await inbound(away.id)).outcome, 'ignored');

    const status = (await ok(['status'], env)).stdout;
    assert.match(status, new RegExp(`^held for review \\(1\\): dloket-bot review\\n +${els.id} +held \\S+, 0 min ago +registered +els\\.brouwer@renkum\\.nl`, 'm'));
  });

  it('approve sends exactly the reply shown, takes the seat, and is logged with who approved', async () => {
    const [preview] = await previewOf(els.id);
    const before = h.sink.messages.length;
    const r = await ok(['review', 'approve', String(els.id), '--by', 'Marieke'], env);
    assert.match(r.stdout, new RegExp(`^approved: message ${els.id}: registered: registered 2 for arnhem\\n {2}mail "confirmed" to els\\.brouwer@renkum\\.nl: sent$`, 'm'));
    const [sent] = await next(before);
    assert.deepEqual(sent!.envelope.to, ['els.brouwer@renkum.nl']);
    assert.equal(sent!.parsed.subject, preview!.parsed.subject);
    assert.equal(sent!.parsed.text, preview!.parsed.text, 'the text part the organiser saw');
    assert.equal(sent!.parsed.html, preview!.parsed.html);
    assert.equal(invite(sent!).method, 'REQUEST');
    assert.equal(sent!.parsed.inReplyTo, (await inbound(els.id)).messageId, 'in the thread of the signup');

    const reg = await regOf('els.brouwer@renkum.nl');
    assert.deepEqual([reg?.status, reg?.attendees, reg?.name, reg?.municipality], ['confirmed', 2, 'Els Brouwer', 'Renkum']);
    const m = await inbound(els.id);
    assert.deepEqual([m.outcome, m.registrationId, m.leftForPeople], ['registered', reg!.id, false]);
    const log = await h.query(({ db }) => db.select().from(changeLog).where(eq(changeLog.inboundId, els.id)));
    assert.deepEqual(log.map((c) => [c.origin, c.actor, c.action]), [['mail', 'Marieke', 'registered'], ['organiser', 'Marieke', 'review-approved']]);
    assert.equal((await previewOf(els.id)).length, 0, 'the preview gave way to the reply that went out');
    const flags = await flagsOf(els.uid);
    assert.ok(flags.has('DLoket-Handled') && !flags.has('DLoket-Review'), [...flags].join(' '));

    assert.deepEqual(await reviewMessage(deps, els.id, { type: 'approve' }, 'Jan'), {
      result: 'refused', message: els.id, why: `message ${els.id} was already approved by Marieke`,
    });
  });

  it('reject sends nothing and leaves the mail for a person, like an escalation', async () => {
    const q = await arrive({
      from: 'p.jansen@ede.nl', subject: 'Aanmelding Utrecht', text: `Graag meld ik mij aan.${signoff('Piet Jansen', 'Ede')}`,
    });
    const before = h.sink.messages.length;
    const r = await ok(['review', 'reject', String(q.id), '--by', 'Marieke'], env);
    assert.match(r.stdout, /rejected: .* left for a person/);
    await quiet(before);
    assert.equal(await regOf('p.jansen@ede.nl'), undefined);
    const m = await inbound(q.id);
    assert.deepEqual([m.outcome, m.leftForPeople], ['escalated', true]);
    assert.match(m.reason ?? '', /rejected in review by Marieke/);
    assert.ok((await h.query(({ db }) => waitingMessages(db))).some((w) => w.id === q.id), 'on the list of mail waiting for people');
    assert.equal((await previewOf(q.id)).length, 0);
    const flags = await flagsOf(q.uid);
    assert.ok(flags.has('DLoket-Attention') && !flags.has('DLoket-Review'), [...flags].join(' '));
    const [logged] = await h.query(({ db }) => db.select().from(changeLog).where(eq(changeLog.inboundId, q.id)));
    assert.deepEqual([logged?.action, logged?.actor], ['review-rejected', 'Marieke']);
  });

  it('correct to another session and number of people sends the corrected confirmation', async () => {
    const c = await arrive({
      from: 'k.visser@wageningen.nl', name: 'Karin Visser', subject: 'Aanmelding', text: `Ik meld mij aan voor Arnhem.${signoff('Karin Visser', 'Wageningen')}`,
    });
    const before = h.sink.messages.length;
    const r = await ok(['review', 'correct', String(c.id), '--session', 'breda', '--people', '3', '--by', 'Marieke'], env);
    assert.match(r.stdout, /^corrected: message \d+: registered: registered 3 for breda$/m);
    const [sent] = await next(before);
    assert.deepEqual(sent!.envelope.to, ['k.visser@wageningen.nl']);
    assert.match(sent!.parsed.text ?? '', /U bent aangemeld voor de ontwerpsessie in Breda/);
    assert.match(sent!.parsed.text ?? '', /3 personen/);
    const reg = await regOf('k.visser@wageningen.nl');
    assert.deepEqual([reg?.attendees, reg?.status], [3, 'confirmed']);
    const m = await inbound(c.id);
    assert.deepEqual([m.intent, m.sessionSlug, m.outcome], ['register', 'breda', 'registered']);
    assert.match(JSON.stringify(m.understanding), /corrected in review by Marieke/);
    const log = await h.query(({ db }) => db.select().from(changeLog).where(and(eq(changeLog.inboundId, c.id), eq(changeLog.action, 'review-corrected'))));
    assert.equal(log[0]?.actor, 'Marieke');
    assert.deepEqual(log[0]?.detail.correction, { intent: 'register', session: 'breda', attendees: 3 });
    assert.deepEqual((log[0]?.detail.was as Record<string, unknown>).session, 'arnhem', 'the bot\'s own verdict stays on record');
  });

  it('catches a change between hold and approval: the last seat taken by hand, so nothing is sent and the new decision is shown', async () => {
    // Arnhem: 3 seats, Els has 2. A signup for the last seat is held; an organiser gives it away by hand.
    const late = await arrive({
      from: 't.bakker@renkum.nl', subject: 'Arnhem', text: `Ik kom graag naar de sessie in Arnhem op 22 juni.${signoff('Tom Bakker', 'Renkum')}`,
    });
    assert.deepEqual((await previewOf(late.id)).map((p) => p.row.kind), ['confirmed']);
    await applyManualChange(deps, { command: { type: 'add', email: 'griffie@renkum.nl', session: 'arnhem', attendees: 1 }, by: 'Marieke', quiet: true });
    const before = h.sink.messages.length;
    const changed = await reviewMessage(deps, late.id, { type: 'approve' }, 'Jan');
    assert.equal(changed.result, 'changed');
    assert.match(changed.result === 'changed' ? changed.why : '', /the decision is now "waitlisted: arnhem is full: waiting list" \(it was "registered: registered 1 for arnhem"\)/);
    await quiet(before);
    assert.equal(await regOf('t.bakker@renkum.nl'), undefined, 'nothing applied');
    assert.deepEqual((await previewOf(late.id)).map((p) => p.row.kind), ['waitlisted'], 'the new preview');
    assert.equal((await inbound(late.id)).outcome, 'held');

    // Seen now: approving sends the waiting-list mail that was shown.
    const [preview] = await previewOf(late.id);
    const approved = await reviewMessage(deps, late.id, { type: 'approve' }, 'Jan');
    assert.equal(approved.result, 'approved');
    const [sent] = await next(before);
    assert.equal(sent!.parsed.text, preview!.parsed.text);
    assert.equal((await regOf('t.bakker@renkum.nl'))?.status, 'waitlisted');
  });

  it('catches a capacity lowered since the hold in a correction: the waiting list is shown, not sent', async () => {
    const c = await arrive({ from: 'r.smit@arnhem.nl', subject: 'Aanmelding', text: `Graag aanmelden voor Haarlem.${signoff('Rob Smit', 'Arnhem')}` });
    await applyManualChange(deps, { command: { type: 'capacity', session: 'assen', capacity: 1 }, by: 'Marieke', quiet: true });
    const before = h.sink.messages.length;
    const r = await reviewMessage(deps, c.id, { type: 'correct', correction: { intent: 'register', session: 'assen', attendees: 2 } }, 'Jan');
    assert.equal(r.result, 'changed');
    assert.match(r.result === 'changed' ? r.why : '', /the rules give "waitlisted: assen is full: waiting list", not what the correction asked for/);
    await quiet(before);
    const [row] = await h.query(({ db }) => db.select().from(reviews).where(eq(reviews.inboundId, c.id)));
    assert.deepEqual(row?.correction, { intent: 'register', session: 'assen', attendees: 2 }, 'the correction stays with the item');
    assert.deepEqual((await previewOf(c.id)).map((p) => p.row.kind), ['waitlisted']);
    // A person decides otherwise: a correction to escalate sends nothing and leaves it for a person.
    const esc = await reviewMessage(deps, c.id, { type: 'correct', correction: { intent: 'escalate', session: null, attendees: null } }, 'Jan');
    assert.equal(esc.result, 'rejected');
    await quiet(before);
    const m = await inbound(c.id);
    assert.deepEqual([m.outcome, m.intent, m.leftForPeople], ['escalated', 'escalate', true]);
  });

  it('takes decisions at an interactive prompt, one message at a time in arrival order', async () => {
    const a = await arrive({ from: 'a.devries@zeist.nl', name: 'Anna de Vries', subject: 'Utrecht', text: `Ik meld mij aan voor Utrecht.${signoff('Anna de Vries', 'Zeist')}` });
    const b = await arrive({ from: 'b.kok@venray.nl', subject: 'Venlo', text: `Ik meld mij aan voor Venlo.${signoff('Bert Kok', 'Venray')}` });
    const before = h.sink.messages.length;
    // Unknown answer (help), correct Anna to Haarlem for 2 (intent kept by pressing Enter); reject Bert.
    const r = await dloketWithInput(['review', '--by', 'Jan'], env, 'x\nc\n\nhaarlem\n2\nr\n');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^2 held for review, in the order they arrived\.$/m);
    assert.ok(r.stdout.indexOf(`== Message ${a.id} (1 of 2)`) < r.stdout.indexOf(`== Message ${b.id} (2 of 2)`), 'oldest first');
    assert.match(r.stdout, /a: send the replies shown/, 'help for an unknown answer');
    assert.match(r.stdout, /^Message \d+: \[a\]pprove, \[r\]eject \(leave for a person\), \[c\]orrect, \[s\]kip, \[q\]uit\? c\nintent \(register, cancel, alternatives, escalate\) \[register\]: \nsession \(.*\) \[utrecht\]: haarlem\npeople \[1\]: 2$/m);
    assert.match(r.stdout, new RegExp(`corrected: message ${a.id}: registered: registered 2 for haarlem`));
    assert.match(r.stdout, new RegExp(`rejected: message ${b.id} is left for a person`));
    assert.match(r.stdout, /2 decided, 0 skipped; 0 still held\.$/m);
    const [sent] = await next(before);
    assert.deepEqual(sent!.envelope.to, ['a.devries@zeist.nl']);
    assert.match(sent!.parsed.text ?? '', /Haarlem/);
    await quiet(before + 1);
    const log = await h.query(({ db }) => db.select().from(changeLog).where(eq(changeLog.origin, 'organiser')));
    assert.ok(log.some((c) => c.inboundId === a.id && c.action === 'review-corrected' && c.actor === 'Jan'));
    assert.ok(log.some((c) => c.inboundId === b.id && c.action === 'review-rejected' && c.actor === 'Jan'));

  });

  it('with REVIEW=uncertain holds only what is below REVIEW_CONFIDENCE, and a sender\'s later mail waits behind theirs', async () => {
    await worker.stop();
    worker = h.startWorker({ env: { REVIEW: 'uncertain' } });
    await worker.ready();
    // The session named in the sender's own words (confidence 0.9, the default threshold): answered at once.
    const sure = await exchange(h, mail({ from: 'l.arts@zevenaar.nl', subject: 'Ontwerpsessie', text: `Ik meld mij aan voor de sessie in Utrecht.${signoff('Lies Arts', 'Zevenaar')}` }));
    assert.match(sure.parsed.text ?? '', /U bent aangemeld voor de ontwerpsessie in Utrecht/);
    // Named only in the subject (0.8): held. The same sender's next mail, confident or not, waits behind it.
    const before = h.sink.messages.length;
    const unsure = await arrive({ from: 'm.bos@emmen.nl', subject: 'Aanmelding Venlo', text: `Graag meld ik mij aan.${signoff('Marijke Bos', 'Emmen')}` });
    const later = await arrive({ from: 'm.bos@emmen.nl', subject: 'Nog iets', text: `Wij komen met twee personen naar Venlo op 29 juni.${signoff('Marijke Bos', 'Emmen')}` });
    await quiet(before);
    const held = await h.query(({ db }) => db.select().from(reviews).where(eq(reviews.sender, 'm.bos@emmen.nl')));
    assert.deepEqual(held.map((r) => [r.inboundId, r.why]), [[unsure.id, 'uncertain'], [later.id, 'sender']]);

    const outOfOrder = await reviewMessage(deps, later.id, { type: 'approve' }, 'Jan');
    assert.deepEqual(outOfOrder, { result: 'refused', message: later.id, why: `message ${unsure.id} from the same sender came first and is still held: review it first` });
    assert.equal((await reviewMessage(deps, unsure.id, { type: 'approve' }, 'Jan')).result, 'approved');
    const [confirmed] = await next(before);
    assert.match(confirmed!.parsed.text ?? '', /U bent aangemeld voor de ontwerpsessie in Venlo/);
    // The later mail was decided before the first was applied: now it raises the number of people instead.
    const changed = await reviewMessage(deps, later.id, { type: 'approve' }, 'Jan');
    assert.equal(changed.result, 'changed');
    assert.equal(changed.result === 'changed' ? changed.decision.outcome : null, 'already-registered');
    assert.equal((await reviewMessage(deps, later.id, { type: 'approve' }, 'Jan')).result, 'approved');
    const [updated] = await next(before + 1);
    assert.match(updated!.parsed.text ?? '', /2 personen/);
    const reg = await regOf('m.bos@emmen.nl');
    assert.deepEqual([reg?.attendees, reg?.status], [2, 'confirmed']);
  });
});
