// The real `dloket-bot run` as a child process: killed in the middle of sending, it sends the
// owed reply after a restart (once); on SIGTERM it stops cleanly. Also the embedded PGlite path.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { outbox, registrations } from '../../src/db/schema.js';
import { openDatabase } from '../../src/db/client.js';
import { startDovecot, type Dovecot, type DovecotUser } from '../support/dovecot.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { BOT_ADDRESS, mail } from './harness.js';

const cli = join(process.cwd(), 'dist', 'cli', 'main.js');

interface Child {
  proc: ChildProcess;
  events: string[];
  waitEvent(event: string, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

function startCli(env: Record<string, string>): Child {
  const proc = spawn(process.execPath, [cli, 'run'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const events: string[] = [];
  let buffered = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const event = (JSON.parse(line) as { event?: string }).event;
        if (event) events.push(event);
      } catch {
        // not a log line
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc, events, exited,
    async waitEvent(event, timeoutMs = 20_000) {
      const start = Date.now();
      while (!events.includes(event)) {
        if (Date.now() - start > timeoutMs) throw new Error(`no ${event} from the worker; saw ${events.join(', ')}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

describe('dloket-bot run as a process', () => {
  let dovecot: Dovecot;
  let sink: SmtpSink;
  let box: DovecotUser;
  let pg: TestDatabase;
  let env: Record<string, string>;
  before(async () => {
    [dovecot, sink, pg] = await Promise.all([startDovecot(), startSmtpSink(), createTestDatabase()]);
    box = await dovecot.createUser('dloket');
    env = {
      IMAP_HOST: dovecot.host, IMAP_PORT: String(dovecot.port), IMAP_USER: box.user, IMAP_PASSWORD: box.password, IMAP_TLS: 'false',
      SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), SMTP_TLS: 'false', MAIL_FROM: BOT_ADDRESS, DATABASE_URL: pg.url,
      LOG_LEVEL: 'debug', POLL_INTERVAL_SECONDS: '1',
    };
  });
  after(async () => {
    await Promise.allSettled([dovecot.stop(), sink.close(), pg.drop()]);
  });

  it('sends the reply it owed after being killed mid-send, exactly once', async () => {
    const first = startCli(env);
    await first.waitEvent('mailbox.synced');
    sink.stallNext(1); // the server takes the message and never answers: we die waiting
    await dovecot.deliver(box.user, mail({ from: 'k.visser@ede.nl', subject: 'Aanmelding Arnhem', text: 'Graag meld ik mij aan voor Arnhem op 22 juni.', date: new Date().toUTCString() }));
    const start = Date.now();
    while (sink.stalled < 1) {
      if (Date.now() - start > 20_000) throw new Error('the reply never reached the SMTP server');
      await new Promise((r) => setTimeout(r, 25));
    }
    first.proc.kill('SIGKILL');
    await first.exited;

    const second = startCli(env);
    const [reply] = await sink.waitFor(1, 20_000);
    assert.deepEqual(reply!.envelope.to, ['k.visser@ede.nl']);
    await second.waitEvent('mailbox.synced');
    second.proc.kill('SIGTERM');
    assert.equal(await second.exited, 0, 'SIGTERM stops the worker cleanly');
    assert.ok(second.events.includes('outbox.requeued'));
    assert.ok(second.events.includes('worker.stopped'));
    assert.equal(sink.messages.length, 1);

    const database = await openDatabase({ url: pg.url, dataDir: '' });
    try {
      const rows = await database.db.select().from(outbox);
      assert.deepEqual(rows.map((r) => [r.status, r.attempts]), [['sent', 2]]);
    } finally {
      await database.close();
    }
  });

  it('runs on embedded PGlite when DATABASE_URL is unset', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dloket-pglite-'));
    const lite = await dovecot.createUser('lite');
    const child = startCli({ ...env, DATABASE_URL: '', DATA_DIR: dataDir, IMAP_USER: lite.user, IMAP_PASSWORD: lite.password });
    try {
      await child.waitEvent('mailbox.synced', 40_000);
      const before = sink.messages.length;
      await dovecot.deliver(lite.user, mail({ from: 'l.dekker@ede.nl', subject: 'Aanmelding Venlo', text: 'Graag aanmelden voor Venlo op 29 juni.', date: new Date().toUTCString() }));
      const all = await sink.waitFor(before + 1, 20_000);
      assert.deepEqual(all[before]!.envelope.to, ['l.dekker@ede.nl']);
      // The confirmation names the session; with real time the 2018 session has long started,
      // so a closed-session answer is the correct outcome here: either way it is about Venlo.
      assert.match(all[before]!.parsed.text ?? '', /Venlo/);
      child.proc.kill('SIGTERM');
      assert.equal(await child.exited, 0);
      const database = await openDatabase({ url: null, dataDir });
      try {
        const rows = await database.db.select().from(outbox);
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.status, 'sent');
        assert.deepEqual(await database.db.select().from(registrations), []);
      } finally {
        await database.close();
      }
    } finally {
      child.proc.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
