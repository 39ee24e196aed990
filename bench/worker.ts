// The whole worker's figures of `npm run bench`, against a private Dovecot, a capturing SMTP
// server and a fresh PostgreSQL database per phase (the test helpers start them):
//   backlog  N signups waiting when the worker starts, beside the I/O floor (floor.ts);
//   latency  messages delivered one by one while the worker idles in IDLE: arrival to reply
//            accepted by SMTP, and the server's EXISTS to that acceptance;
//   memory   peak RSS of each phase's worker process, and idle with many older messages.
// Each phase runs its own worker process, started with the node flags of `npm start`.
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ImapFlow } from 'imapflow';
import { startDovecot, type Dovecot, type DovecotUser } from '../test/support/dovecot.js';
import { createTestDatabase, type TestDatabase } from '../test/support/postgres.js';
import { startCapture, type Capture } from './capture.js';
import { runFloor } from './floor.js';
import { signup, writeCatalogue } from './signups.js';
import { startFlags, startWorker, type WorkerProcess } from './worker-process.js';

export interface WorkerBenchOptions {
  backlog: number;
  latency: number;
  older: number;
  /** Extra node flags for the worker (e.g. --cpu-prof), after those of npm start. */
  extraFlags: string[];
}

const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export async function benchWorker(root: string, opts: WorkerBenchOptions): Promise<void> {
  const flags = [...startFlags(root), ...opts.extraFlags];
  const tmp = await mkdtemp(join(tmpdir(), 'dloket-bench-'));
  const sessionsFile = writeCatalogue(root, tmp);
  const dovecot = await startDovecot();
  const capture = await startCapture();
  const databases: TestDatabase[] = [];
  const env = async (user: DovecotUser, logLevel: string) => {
    const database = await createTestDatabase();
    databases.push(database);
    return {
      IMAP_HOST: dovecot.host, IMAP_PORT: String(dovecot.port), IMAP_USER: user.user, IMAP_PASSWORD: user.password, IMAP_TLS: 'false',
      SMTP_HOST: capture.host, SMTP_PORT: String(capture.port), SMTP_TLS: 'false', MAIL_FROM: 'D-Loket@VNG.nl',
      OWN_ADDRESSES: user.address, DATABASE_URL: database.url, SESSIONS_FILE: sessionsFile, LOG_LEVEL: logLevel,
      POLL_INTERVAL_SECONDS: '60',
    };
  };
  console.log(`\nwhole worker: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} RAM, node ${process.version}; worker flags: ${flags.join(' ') || '(none)'}`);
  try {
    const backlog = await backlogPhase(dovecot, capture, env, root, flags, opts.backlog);
    const floorMs = await floorPhase(dovecot, capture, opts.backlog, backlog.reply);
    console.log(`(a) backlog of ${opts.backlog} signups: ${ms(backlog.repliedMs)} until the last reply was accepted by SMTP, ${ms(backlog.allMs)} until every Sent copy and keyword was in place (${ms(backlog.fromSpawnMs)} from process start)`);
    console.log(`    I/O floor (fetch+parse, one insert in one transaction, pooled SMTP send, APPEND to Sent, keyword STORE): ${ms(floorMs)}`);
    console.log(`    ratio worker/floor: ${(backlog.allMs / floorMs).toFixed(2)}x (target <= 1.5x); ${(opts.backlog / (backlog.allMs / 1000)).toFixed(0)} messages/s; the worker's CPU time ${ms(backlog.cpuMs)}`);
    const latency = await latencyPhase(dovecot, capture, env, root, flags, opts.latency);
    console.log(`(b) latency over ${opts.latency} messages delivered one by one while idle:`);
    console.log(`    arrival (APPEND done) to reply accepted by SMTP: p50 ${ms(percentile(latency.arrival, 50))}, p95 ${ms(percentile(latency.arrival, 95))}`);
    console.log(`    EXISTS received to reply accepted by SMTP:       p50 ${ms(percentile(latency.exists, 50))}, p95 ${ms(percentile(latency.exists, 95))} (target p50 < 150 ms, p95 < 300 ms)`);
    const idle = await olderPhase(dovecot, env, root, flags, opts.older);
    console.log(`(c) peak RSS: backlog ${mb(backlog.peak)}, latency ${mb(latency.peak)}, idle with ${opts.older} older messages ${mb(idle.peak)} (RSS when idle ${mb(idle.rss)}, idle ${ms(idle.idleMs)} after start) (target < 150 MB)`);
  } finally {
    await Promise.allSettled([dovecot.stop(), capture.close(), ...databases.map((d) => d.drop())]);
    await rm(tmp, { recursive: true, force: true });
  }
}

type EnvFor = (user: DovecotUser, logLevel: string) => Promise<Record<string, string>>;

async function appendAll(imap: ImapFlow, count: number, tag: string): Promise<void> {
  for (let i = 0; i < count; i++) await imap.append('INBOX', signup(i, tag));
}

async function waitUntil(what: string, timeoutMs: number, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`bench: ${what} did not happen within ${timeoutMs} ms`);
    await sleep(50);
  }
}

async function backlogPhase(dovecot: Dovecot, capture: Capture, env: EnvFor, root: string, flags: string[], count: number) {
  const user = await dovecot.createUser('backlog');
  const workerEnv = await env(user, 'info');
  // A first start sets the baseline (mail already there is history); the backlog arrives while it is stopped.
  const first = startWorker(root, workerEnv, flags);
  await first.waitFor('mailbox.baseline', 120_000);
  await first.stop();
  const imap = await dovecot.connect(user.user);
  try {
    await appendAll(imap, count, 'backlog');
    const before = capture.accepted.length;
    const spawnedAt = Date.now();
    const worker = startWorker(root, workerEnv, flags);
    const started = await worker.waitFor('worker.started', 120_000);
    const startedCpu = worker.cpuMs();
    await capture.waitFor(before + count, 600_000);
    const repliedAt = capture.accepted[before + count - 1]!.at;
    // The floor files each copy and sets each keyword too: wait for them before stopping the clock.
    await waitUntil('the Sent copies and keywords', 300_000, async () => {
      const sent = await imap.status('Sent', { messages: true });
      if (!sent || (sent.messages ?? 0) < count) return false;
      const lock = await imap.getMailboxLock('INBOX');
      try {
        const marked = await imap.search({ keyword: 'DLoket-Handled' }, { uid: true });
        return (marked || []).length >= count;
      } finally {
        lock.release();
      }
    });
    const doneAt = Date.now();
    const { peak } = worker.memory();
    const cpuMs = worker.cpuMs() - startedCpu;
    await worker.stop();
    return {
      repliedMs: repliedAt - started.at, allMs: doneAt - started.at, fromSpawnMs: doneAt - spawnedAt, peak, cpuMs,
      reply: capture.accepted[before]!.raw,
    };
  } finally {
    await imap.logout().catch(() => imap.close());
  }
}

async function floorPhase(dovecot: Dovecot, capture: Capture, count: number, reply: Buffer): Promise<number> {
  const user = await dovecot.createUser('floor');
  const database = await createTestDatabase();
  const imap = await dovecot.connect(user.user);
  try {
    await appendAll(imap, count, 'floor');
    await imap.mailboxCreate('Sent').catch(() => {});
    return await runFloor({ imap, databaseUrl: database.url, smtp: { host: capture.host, port: capture.port }, reply });
  } finally {
    await imap.logout().catch(() => imap.close());
    await database.drop();
  }
}

async function latencyPhase(dovecot: Dovecot, capture: Capture, env: EnvFor, root: string, flags: string[], count: number) {
  const user = await dovecot.createUser('latency');
  // Debug: the worker logs each EXISTS it receives (imap.exists), with its time.
  const worker: WorkerProcess = startWorker(root, await env(user, 'debug'), flags);
  const imap = await dovecot.connect(user.user);
  const arrival: number[] = [];
  const exists: number[] = [];
  try {
    await worker.waitFor('mailbox.synced', 120_000);
    await sleep(2000); // idle in IDLE
    for (let i = 0; i < count; i++) {
      const before = capture.accepted.length;
      const from = worker.lines.length;
      await imap.append('INBOX', signup(i, 'latency'));
      const arrivedAt = Date.now();
      await capture.waitFor(before + 1, 30_000);
      const acceptedAt = capture.accepted[before]!.at;
      const notice = await worker.waitFor('imap.exists', 5_000, () => true, from);
      arrival.push(acceptedAt - arrivedAt);
      exists.push(acceptedAt - notice.at);
      // Signups come seconds apart; a short pause lets the worker go back to IDLE, as between real ones.
      await sleep(300 + (i % 5) * 50);
    }
    return { arrival, exists, peak: worker.memory().peak };
  } finally {
    await imap.logout().catch(() => imap.close());
    await worker.stop();
  }
}

async function olderPhase(dovecot: Dovecot, env: EnvFor, root: string, flags: string[], count: number) {
  const user = await dovecot.createUser('archive');
  for (let i = 0; i < count; i++) await dovecot.deliverToMaildir!(user.user, signup(i, 'older'));
  // Dovecot indexes the maildir at the first SELECT: let that happen before the worker's clock starts.
  const imap = await dovecot.connect(user.user);
  await imap.mailboxOpen('INBOX');
  await imap.logout().catch(() => imap.close());
  const worker = startWorker(root, await env(user, 'info'), flags);
  try {
    const started = await worker.waitFor('worker.started', 120_000);
    const baseline = await worker.waitFor('mailbox.baseline', 120_000);
    await sleep(5_000);
    const { rss, peak } = worker.memory();
    return { rss, peak, idleMs: baseline.at - started.at };
  } finally {
    await worker.stop();
  }
}
