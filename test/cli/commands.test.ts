// The command line as admins use it: dist/cli/main.js (built by npm test), run in a scratch
// directory so no .env of the developer's leaks in.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const run = promisify(execFile);
const cli = join(process.cwd(), 'dist', 'cli', 'main.js');

async function dloket(args: string[], env: Record<string, string>, cwd: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('dloket-bot commands', () => {
  let pg: TestDatabase;
  let dir: string;
  before(async () => {
    pg = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'dloket-cli-'));
  });
  after(async () => {
    await pg.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('run without settings names every missing one and exits 2', async () => {
    const r = await dloket(['run'], {}, dir);
    assert.equal(r.code, 2);
    for (const name of ['IMAP_HOST', 'IMAP_USER', 'IMAP_PASSWORD', 'SMTP_HOST']) assert.match(r.stderr, new RegExp(`${name} is missing`));
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace for a settings problem');
  });

  it('reads settings from a .env file in the working directory', async () => {
    await writeFile(join(dir, '.env'), 'IMAP_HOST=imap.example.nl\nIMAP_PORT=nonsense\n');
    const r = await dloket(['run'], {}, dir);
    await rm(join(dir, '.env'));
    assert.match(r.stderr, /IMAP_PORT: expected a port number/);
    assert.doesNotMatch(r.stderr, /IMAP_HOST is missing/);
  });

  it('migrates, lists the shipped sessions, and imports a catalogue idempotently by slug', async () => {
    const env = { DATABASE_URL: pg.url };
    assert.match((await dloket(['migrate'], env, dir)).stdout, /migrations applied \(postgres\)/);
    const listed = (await dloket(['sessions', 'list', '--json'], env, dir)).stdout.trim().split('\n').map((l) => JSON.parse(l) as { slug: string; taken: number; capacity: number });
    assert.deepEqual(listed.map((s) => s.slug), ['utrecht', 'haarlem', 'arnhem', 'assen', 'venlo', 'breda']);
    assert.ok(listed.every((s) => s.taken === 0 && s.capacity === 50));

    const file = join(dir, 'sessions.json');
    await writeFile(file, JSON.stringify({
      ...shippedCatalogue,
      sessions: [...shippedCatalogue.sessions.map((s) => (s.slug === 'assen' ? { ...s, capacity: 30 } : s)),
        { ...shippedCatalogue.sessions[0]!, slug: 'zwolle', city: 'Zwolle', date: '2018-07-05' }],
    }));
    assert.match((await dloket(['sessions', 'import', file], env, dir)).stdout, /1 added, 6 updated/);
    assert.match((await dloket(['sessions', 'import', file], env, dir)).stdout, /0 added, 7 updated/);
    const table = (await dloket(['sessions', 'list'], env, dir)).stdout;
    assert.match(table, /^assen\s+Assen\s+2018-06-28 14:00-17:00\s+Theatercafé Podium Zuidhaege\s+0\/30/m);
    assert.match(table, /^zwolle\s+Zwolle/m);
    assert.equal((await dloket(['registrations', '--json'], env, dir)).stdout, '');
  });

  it('status reports what the bot did and fails a health check when the mailbox was never checked', async () => {
    const env = { DATABASE_URL: pg.url };
    const r = await dloket(['status', '--json'], env, dir);
    const s = JSON.parse(r.stdout) as { mailboxes: unknown[]; messages: object; outbox: object; attention: unknown[] };
    assert.deepEqual([s.mailboxes, s.messages, s.outbox, s.attention], [[], {}, {}, []]);
    const stale = await dloket(['status', '--stale-after', '5'], env, dir);
    assert.equal(stale.code, 1);
    assert.match(stale.stdout, /left for people \(0\)/);
    assert.match(stale.stderr, /not checked in the last 5 minutes/);
  });

  it('refuses a broken catalogue with the reason, exit 2', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify({ series: 'x', sessions: [{ slug: 'Bad Slug', city: 'Ede' }] }));
    const r = await dloket(['sessions', 'import', file], { DATABASE_URL: pg.url }, dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /sessions\.0\.slug/);
    assert.match(r.stderr, /sessions\.0\.date/);
  });
});
