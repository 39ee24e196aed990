// The organisers' tools on the embedded database (PGlite): a change by hand with its mail to the
// SMTP sink, the export, replay (nothing written), the digest and a reminder from the worker's
// schedule, and purge, on one PGlite database; then the command line on the same files.
// (PGlite boots slowly, so the steps share one opened database; the CLI wiring is proven on
// PostgreSQL in the other files.)
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { asc } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { commandDeps } from '../../src/cli/pipeline-deps.js';
import { loadConfig, type MailConfig } from '../../src/config/config.js';
import { attendeeRows } from '../../src/db/attendees.js';
import { findInbound, listInbound } from '../../src/db/inbound-messages.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { purgeEnded } from '../../src/db/retention.js';
import { inboundMessages, outbox, registrations } from '../../src/db/schema.js';
import { prepareDatabase } from '../../src/db/setup.js';
import { createLogger } from '../../src/observability/logger.js';
import { attendeesCsv } from '../../src/organisers/export.js';
import { applyManualChange } from '../../src/organisers/manual-change.js';
import { replayMessage } from '../../src/organisers/replay.js';
import { handleMessage } from '../../src/pipeline/handle-message.js';
import { createSchedule } from '../../src/pipeline/schedule.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { invite } from '../e2e/conversation.js';
import { mail } from '../e2e/harness.js';
import { ok } from './cli.js';

let sink: SmtpSink;
let dir: string;
let env: Record<string, string>;
let database: Database;
before(async () => {
  sink = await startSmtpSink();
  dir = await mkdtemp(join(tmpdir(), 'dloket-pglite-'));
  env = {
    IMAP_HOST: 'imap.invalid', IMAP_USER: 'D-Loket@VNG.nl', IMAP_PASSWORD: 'x', SMTP_HOST: sink.host, SMTP_PORT: String(sink.port),
    SMTP_TLS: 'false', DATA_DIR: join(dir, 'data'), DIGEST_TO: 'organisator@vng.nl', REMINDER_DAYS: '3', LOG_LEVEL: 'warn',
  };
  database = await openDatabase({ url: null, dataDir: env.DATA_DIR! });
});
after(async () => {
  await database.close().catch(() => {});
  await sink.close();
  await rm(dir, { recursive: true, force: true });
});

it('adds, exports, replays, sends the digest and a reminder, and purges on PGlite', async () => {
  assert.equal(database.kind, 'pglite');
  const config = loadConfig(env, { mail: true });
  const logger = createLogger('silent');
  await prepareDatabase(database, { sessionsFile: null, logger });
  const clock = { now: new Date('2018-06-01T10:00:00Z') };
  const deps = await commandDeps({ config, logger, clock: () => clock.now }, database, config.mail as MailConfig, { send: true });
  try {
    const added = await applyManualChange(deps, {
      command: { type: 'add', email: 'w.bakker@haarlem.nl', session: 'haarlem', attendees: 1 },
      person: { name: 'Wendy Bakker', municipality: 'Haarlem', language: 'nl' }, by: 'Marieke', quiet: false,
    });
    assert.equal(added.decision.outcome, 'registered');
    const [confirmation] = await sink.waitFor(1, 10_000);
    assert.equal(invite(confirmation!).method, 'REQUEST');

    // The other changes by hand, and a mail through the pipeline, on the same database.
    const change = (c: Parameters<typeof applyManualChange>[1]) => applyManualChange(deps, c);
    const machine = await change({ command: { type: 'add', email: 'noreply@duiven.nl', session: 'haarlem', attendees: 1 }, by: 'Marieke', quiet: false });
    assert.match(machine.decision.note, /not a person's e-mail address/);
    await change({ command: { type: 'add', email: 'k.mulder@duiven.nl', session: 'haarlem', attendees: 1 }, by: 'Marieke', quiet: true });
    assert.equal((await change({ command: { type: 'set-attendees', attendees: 2 }, registration: { email: 'k.mulder@duiven.nl' }, by: 'Marieke', quiet: true })).decision.outcome, 'updated');
    assert.equal((await change({ command: { type: 'move', session: 'arnhem' }, registration: { email: 'k.mulder@duiven.nl' }, by: 'Marieke', quiet: false })).decision.outcome, 'moved');
    assert.equal((await change({ command: { type: 'cancel' }, registration: { email: 'k.mulder@duiven.nl' }, by: 'Marieke', quiet: false })).decision.outcome, 'cancelled');
    assert.equal((await change({ command: { type: 'capacity', session: 'haarlem', capacity: 60 }, by: 'Marieke', quiet: false })).decision.outcome, 'updated');
    assert.equal((await change({ command: { type: 'signups', session: 'arnhem', signups: 'closed' }, by: 'Marieke', quiet: false })).decision.outcome, 'updated');
    const [moved, cancelled] = (await sink.waitFor(3, 10_000)).slice(1);
    assert.deepEqual([invite(moved!).method, invite(cancelled!).method], ['REQUEST', 'CANCEL']);
    await handleMessage(deps, { path: 'INBOX', uidValidity: '1', uidNext: 2, exists: 1, keywordsAllowed: true }, {
      uid: 1, size: 100, internalDate: clock.now, truncated: false,
      source: Buffer.from(mail({ from: 'j.smit@venray.nl', subject: 'Arnhem', text: 'Ik meld mij aan voor Arnhem.\r\n\r\nMet vriendelijke groet,\r\nJan Smit\r\nGemeente Venray' })),
    });
    const [listed] = await listInbound(database.db, { limit: 10 });
    assert.equal(listed?.outcome, 'session-closed', 'organisers closed Arnhem');
    assert.match((await findInbound(database.db, listed!.id))?.newText ?? '', /^Ik meld mij aan voor Arnhem\.$/);

    const csv = attendeesCsv(await attendeeRows(database.db, { statuses: ['confirmed', 'waitlisted'] }), 'Europe/Amsterdam');
    const rows = parse(csv, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(rows.map((r) => [r.sessie, r.naam, r.bericht]), [['Haarlem', 'Wendy Bakker', 'handmatig (Marieke)']]);

    const dump = async () => JSON.stringify([
      await database.db.select().from(registrations).orderBy(asc(registrations.id)),
      await database.db.select().from(inboundMessages), await database.db.select().from(outbox).orderBy(asc(outbox.id)),
    ]);
    const before = await dump();
    const signup = mail({ from: 'p.devries@zeist.nl', subject: 'Aanmelding', text: 'Ik meld mij aan voor Utrecht op 14 juni.\r\n\r\nPieter de Vries\r\nGemeente Zeist' });
    const replayed = await replayMessage(deps, Buffer.from(signup));
    assert.equal(replayed.outcome, 'registered');
    assert.deepEqual(replayed.replies.map((r) => [r.kind, r.toAddress]), [['confirmed', 'p.devries@zeist.nl']]);
    assert.equal(await dump(), before, 'replay wrote nothing (savepoints inside a rolled-back transaction)');

    // The worker's schedule on the morning three days before Haarlem: the digest and Wendy's reminder.
    clock.now = new Date('2018-06-18T08:00:00Z');
    await createSchedule(deps, config.schedule).tick();
    const mails = (await sink.waitFor(5, 10_000)).slice(3);
    const digest = mails.find((m) => m.envelope.to[0] === 'organisator@vng.nl');
    assert.match(digest?.parsed.text ?? '', /^- Haarlem, 21 juni: 1 van 60 plaatsen bezet, 59 vrij$/m);
    const reminder = mails.find((m) => m.envelope.to[0] === 'w.bakker@haarlem.nl');
    assert.match(reminder?.parsed.subject ?? '', /^Herinnering: ontwerpsessie Haarlem/);
    assert.equal(invite(reminder!).method, 'REQUEST');

    const report = await database.db.transaction((tx) => purgeEnded(tx, new Date('2018-06-22T00:00:00Z'), clock.now, true));
    assert.deepEqual(report.sessions.map((s) => [s.slug, s.registrations]), [['utrecht', 0], ['haarlem', 1]]);
    const [wendy] = await database.db.select().from(registrations).orderBy(asc(registrations.id));
    assert.deepEqual([wendy?.name, wendy?.email, wendy?.municipality, wendy?.attendees], [null, `purged:${wendy?.id}`, 'Haarlem', 1]);
    const replies = await database.db.select().from(outbox).orderBy(asc(outbox.id));
    assert.deepEqual(replies.filter((r) => r.registrationId === wendy?.id || r.kind === 'digest').map((r) => [r.kind, r.status, r.raw, r.toAddress]),
      [['confirmed', 'sent', '', ''], ['digest', 'sent', '', ''], ['reminder', 'sent', '', '']]);
  } finally {
    deps.close();
    await database.close();
  }

  // The command line on the same embedded database (the worker and other commands stopped).
  const file = join(dir, 'afmelding.eml');
  await writeFile(file, mail({ from: 'iemand@zeist.nl', subject: 'Afmelding', text: 'Ik meld mij af.\r\n\r\nIemand\r\nGemeente Zeist' }));
  const out = JSON.parse((await ok(['replay', '--json', file], env)).stdout) as { outcome: string; replies: { kind: string; to: string }[] };
  assert.deepEqual([out.outcome, out.replies.map((r) => [r.kind, r.to])], ['no-registration', [['no-registration', 'iemand@zeist.nl']]]);
  assert.equal(sink.messages.length, 5, 'replay sent nothing');
});
