// Review mode on the embedded database (PGlite): a signup held by the pipeline (and a replay that
// keeps nothing), listed with its age in the next morning's digest from the worker's schedule,
// approved and sent to the SMTP sink exactly as previewed, and purged by retention.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { commandDeps } from '../../src/cli/pipeline-deps.js';
import { loadConfig, type MailConfig } from '../../src/config/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { heldReviews } from '../../src/db/reviews.js';
import { purgeEnded } from '../../src/db/retention.js';
import { inboundMessages, outbox, registrations, reviews } from '../../src/db/schema.js';
import { prepareDatabase } from '../../src/db/setup.js';
import { createLogger } from '../../src/observability/logger.js';
import { replayMessage } from '../../src/organisers/replay.js';
import { reviewMessage } from '../../src/organisers/review.js';
import { handleMessage } from '../../src/pipeline/handle-message.js';
import { createSchedule } from '../../src/pipeline/schedule.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { mail } from '../e2e/harness.js';

let sink: SmtpSink;
let dir: string;
let database: Database;
before(async () => {
  sink = await startSmtpSink();
  dir = await mkdtemp(join(tmpdir(), 'dloket-review-pglite-'));
  database = await openDatabase({ url: null, dataDir: join(dir, 'data') });
});
after(async () => {
  await database.close().catch(() => {});
  await sink.close();
  await rm(dir, { recursive: true, force: true });
});

it('holds, lists in the digest, and approves on PGlite', async () => {
  assert.equal(database.kind, 'pglite');
  const config = loadConfig({
    IMAP_HOST: 'imap.invalid', IMAP_USER: 'D-Loket@VNG.nl', IMAP_PASSWORD: 'x', SMTP_HOST: sink.host, SMTP_PORT: String(sink.port),
    SMTP_TLS: 'false', DATA_DIR: join(dir, 'data'), DIGEST_TO: 'organisator@vng.nl', REVIEW: 'all',
  }, { mail: true });
  const logger = createLogger('silent');
  await prepareDatabase(database, { sessionsFile: null, logger });
  const clock = { now: new Date('2018-06-01T10:00:00Z') };
  const deps = await commandDeps({ config, logger, clock: () => clock.now }, database, config.mail as MailConfig, { send: true });
  try {
    const raw = mail({ from: 'w.bakker@haarlem.nl', name: 'Wim Bakker', subject: 'Aanmelding', text: 'Graag meld ik mij aan voor Haarlem, met drie collega\'s erbij.' });
    const handled = await handleMessage(deps, { path: 'INBOX', uidValidity: '3', uidNext: 2, exists: 1, keywordsAllowed: true }, {
      uid: 1, size: raw.length, internalDate: clock.now, source: Buffer.from(raw), truncated: false,
    });
    assert.deepEqual([handled.outcome, handled.keywords], ['held', ['DLoket-Review']]);
    const { db } = database;
    assert.equal((await db.select().from(registrations)).length, 0, 'no seat taken while held');
    // replay shows what would wait for review, and keeps none of it.
    const replayed = await replayMessage(deps, Buffer.from(mail({ from: 'x@bloemendaal.nl', subject: 'Haarlem', text: 'Ik meld mij aan voor Haarlem.' })));
    assert.deepEqual([replayed.outcome, replayed.replies.map((r) => r.status)], ['held', ['held']]);
    assert.equal((await db.select().from(reviews)).length, 1, 'the replayed hold is not kept');
    const [held] = await heldReviews(db);
    const [preview] = await db.select().from(outbox).where(eq(outbox.inboundId, held!.message));
    assert.deepEqual([preview?.status, preview?.kind], ['held', 'confirmed']);
    assert.equal(sink.messages.length, 0);

    // The next morning's digest lists it among the mail waiting for people, with its age.
    clock.now = new Date('2018-06-02T06:00:00Z');
    await createSchedule(deps, config.schedule).tick();
    const [digest] = await sink.waitFor(1, 10_000);
    assert.match(digest!.parsed.text ?? '', new RegExp(`w\\.bakker@haarlem\\.nl: "Aanmelding" – wacht op controle van het antwoord \\(dloket-bot review\\); 20 uur geleden \\(bericht ${held!.message}\\)`));

    const r = await reviewMessage(deps, held!.message, { type: 'approve' }, 'Marieke');
    assert.equal(r.result, 'approved');
    const [sent] = (await sink.waitFor(2, 10_000)).slice(1);
    const shown = await simpleParser(preview!.raw);
    assert.deepEqual(sent!.envelope.to, ['w.bakker@haarlem.nl']);
    assert.equal(sent!.parsed.text, shown.text);
    assert.match(sent!.parsed.text ?? '', /Haarlem[\s\S]*4 personen/);
    const [reg] = await db.select().from(registrations);
    assert.deepEqual([reg?.status, reg?.attendees, reg?.email], ['confirmed', 4, 'w.bakker@haarlem.nl']);
    const [m] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, held!.message));
    assert.equal(m?.outcome, 'registered');
    assert.equal((await heldReviews(db)).length, 0);

    // Retention after the session: the review keeps no address or reply context.
    await db.transaction((tx) => purgeEnded(tx, new Date('2018-09-01T00:00:00Z'), new Date('2018-09-01T00:00:00Z'), true));
    const [kept] = await db.select().from(reviews);
    assert.deepEqual([kept?.sender, kept?.reply, kept?.status], [null, null, 'approved']);
  } finally {
    deps.close();
  }
});
