// End-to-end harness: a private Dovecot, an SMTP sink, a fresh PostgreSQL database (or
// PGlite), and the real worker wired to them with a settable clock.
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, type Config, type MailConfig } from '../../src/config/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { createLogger } from '../../src/observability/logger.js';
import { runWorker } from '../../src/pipeline/worker.js';
import type { ReplySender } from '../../src/pipeline/deps.js';
import { startDovecot, type Dovecot, type DovecotOptions, type DovecotUser } from '../support/dovecot.js';
import { startOAuth2Server, type OAuth2TestServer } from '../support/oauth2-server.js';
import { startScriptedImap, type ScriptedImapOptions, type ScriptedImapServer } from '../support/scripted-imap.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

export const BOT_ADDRESS = 'D-Loket@VNG.nl';

export interface Harness {
  /** The real server; with `scripted`, a stand-in that throws when used. */
  dovecot: Dovecot;
  /** The scripted IMAP server, when the harness was started with one. */
  scripted: ScriptedImapServer | null;
  box: DovecotUser;
  sink: SmtpSink;
  /** The token endpoint, when the harness was started with `oauth2`. */
  oauth2: OAuth2TestServer | null;
  env: Record<string, string>;
  /** Settable clock the worker reads. */
  clock: { now: Date };
  logs: Record<string, unknown>[];
  startWorker(opts?: { since?: Date; sender?: ReplySender; env?: Record<string, string>; scheduleIntervalMs?: number }): Worker;
  deliver(raw: string, opts?: { flags?: string[]; internalDate?: Date }): Promise<{ uid: number }>;
  /** Opens the worker's database for assertions (close it yourself, or use query()). */
  query<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /** Waits until the database records `count` inbound messages. */
  waitForRecorded(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface Worker {
  stop(): Promise<void>;
  /** Resolves after the worker's first pass over the mailbox (its baseline is set). */
  ready(): Promise<void>;
  done: Promise<void>;
}

export async function startHarness(opts: {
  database?: 'postgres' | 'pglite';
  env?: Record<string, string>;
  /** Use the scripted IMAP server (fault injection) instead of Dovecot. */
  scripted?: ScriptedImapOptions;
  /**
   * Log in with OAuth2 tokens (client-credentials grant) from a test token endpoint; Dovecot
   * and the SMTP sink accept only valid tokens.
   */
  oauth2?: { ttlSeconds?: number; mechanisms?: NonNullable<DovecotOptions['oauth2']>['mechanisms'] };
} = {}): Promise<Harness> {
  const oauth2 = opts.oauth2 ? await startOAuth2Server({ ttlSeconds: opts.oauth2.ttlSeconds ?? 3600 }) : null;
  const sink = await startSmtpSink(oauth2 ? { oauth2: { introspectionUrl: oauth2.introspectionUrl } } : {});
  const scripted = opts.scripted ? await startScriptedImap(opts.scripted) : null;
  const dovecot = scripted ? scriptedAsDovecot(scripted) : await startDovecot(oauth2 ? {
    oauth2: { introspectionUrl: oauth2.introspectionUrl, ...(opts.oauth2?.mechanisms ? { mechanisms: opts.oauth2.mechanisms } : {}) },
  } : {});
  const box = await dovecot.createUser('dloket');
  oauth2?.addClient({ id: 'dloket-bot', secret: 'client-secret-1', username: box.user });
  // A DATABASE_URL in opts.env (a private server a test restarts) replaces the per-file database.
  const pg: TestDatabase | null = opts.database === 'pglite' || opts.env?.DATABASE_URL ? null : await createTestDatabase();
  const dataDir = opts.database === 'pglite' ? `${process.cwd()}/.test-tmp/pglite-${process.pid}-${Date.now()}` : '/nonexistent';
  const env: Record<string, string> = {
    IMAP_HOST: dovecot.host, IMAP_PORT: String(dovecot.port), IMAP_USER: box.user, IMAP_PASSWORD: box.password,
    IMAP_TLS: 'false', SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), SMTP_TLS: 'false',
    MAIL_FROM: BOT_ADDRESS, OWN_ADDRESSES: box.address, POLL_INTERVAL_SECONDS: '2', LOG_LEVEL: 'debug',
    DATA_DIR: dataDir, ...(pg ? { DATABASE_URL: pg.url } : {}),
    ...(oauth2 ? {
      IMAP_PASSWORD: '', MAIL_AUTH: 'oauth2', OAUTH2_TOKEN_URL: oauth2.tokenUrl, OAUTH2_CLIENT_ID: 'dloket-bot',
      OAUTH2_CLIENT_SECRET: 'client-secret-1', OAUTH2_SCOPE: 'https://outlook.office365.com/.default',
    } : {}),
    ...opts.env,
  };
  const clock = { now: new Date('2018-06-01T10:00:00Z') };
  const logs: Record<string, unknown>[] = [];
  const workers = new Set<Worker>();

  const harness: Harness = {
    dovecot, scripted, box, sink, oauth2, env, clock, logs,
    startWorker(w = {}) {
      const config = loadConfig({ ...env, ...w.env }, { mail: true }) as Config & { mail: MailConfig };
      const sinkStream = new Writable({
        write(chunk: Buffer, _enc, cb) {
          for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
          cb();
        },
      });
      const logger = createLogger('debug', sinkStream);
      const controller = new AbortController();
      const syncedBefore = logs.filter((l) => l.event === 'mailbox.synced').length;
      const done = runWorker({
        config, logger, signal: controller.signal, clock: () => clock.now, since: w.since ?? null, mailbox: { debounceMs: 150 },
        ...(w.sender ? { sender: w.sender } : {}),
        ...(w.scheduleIntervalMs ? { scheduleIntervalMs: w.scheduleIntervalMs } : {}),
      });
      const worker: Worker = {
        done,
        async ready() {
          // Generous: PGlite's first start (WASM, migrations) takes over 10 s on a loaded 2-core machine.
          const deadline = Date.now() + 60_000;
          while (logs.filter((l) => l.event === 'mailbox.synced').length <= syncedBefore) {
            if (Date.now() > deadline) throw new Error('the worker did not finish its first sync');
            await sleep(20);
          }
        },
        async stop() {
          controller.abort();
          await done;
          workers.delete(worker);
        },
      };
      workers.add(worker);
      return worker;
    },
    deliver: (raw, o = {}) => dovecot.deliver(box.user, raw, o),
    async query(fn) {
      // PGlite allows one opener at a time: only query it while no worker runs.
      const database = await openDatabase({ url: env.DATABASE_URL ?? null, dataDir });
      try {
        return await fn(database);
      } finally {
        await database.close();
      }
    },
    async waitForRecorded(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const recorded = logs.filter((l) => l.event === 'message.recorded').length;
        if (recorded >= count) return;
        if (Date.now() > deadline) throw new Error(`expected ${count} messages handled, saw ${recorded}`);
        await sleep(50);
      }
    },
    async close() {
      for (const w of [...workers]) await w.stop();
      await Promise.allSettled([dovecot.stop(), sink.close(), pg?.drop(), oauth2?.close()]);
    },
  };
  return harness;
}

/** A harness whose worker is running and has set its baseline; `stopAll()` stops both. */
export type RunningHarness = Harness & { stopAll(): Promise<void> };

export async function startHarnessWithWorker(opts: Parameters<typeof startHarness>[0] = {}): Promise<RunningHarness> {
  const h = await startHarness(opts);
  const worker = h.startWorker();
  await worker.ready();
  return Object.assign(h, {
    async stopAll() {
      await worker.stop();
      await h.close();
    },
  });
}

let counter = 0;

/** A plain RFC 5322 message as a municipal mail client would send it. */
export function mail(fields: {
  from: string;
  name?: string;
  subject: string;
  text: string;
  date?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  to?: string;
}): string {
  counter++;
  const messageId = fields.messageId ?? `<e2e-${process.pid}-${counter}-${Date.now()}@gemeente.example>`;
  const lines = [
    `From: ${fields.name ? `"${fields.name}" ` : ''}<${fields.from}>`,
    `To: ${fields.to ?? `D-Loket <${BOT_ADDRESS}>`}`,
    `Subject: ${fields.subject}`,
    `Date: ${fields.date ?? 'Fri, 01 Jun 2018 11:00:00 +0200'}`,
    `Message-ID: ${messageId}`,
    ...(fields.inReplyTo ? [`In-Reply-To: ${fields.inReplyTo}`] : []),
    ...(fields.references ? [`References: ${fields.references}`] : []),
    ...Object.entries(fields.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    fields.text,
    '',
  ];
  return lines.join('\r\n');
}

/** The scripted server behind the Dovecot helper's face, so tests can use one vocabulary. */
function scriptedAsDovecot(server: ScriptedImapServer): Dovecot {
  return {
    host: server.host,
    port: server.port,
    async createUser(local = 'user') {
      return { user: `${local}@dloket.test`, password: 'secret', address: `${local}@dloket.test` };
    },
    async deliver(_user, raw, o = {}) {
      return { uid: server.addMessage(raw, o) };
    },
    connect() {
      throw new Error('connect() is for Dovecot; inspect the scripted server with folder()');
    },
    stop: () => server.close(),
  };
}
