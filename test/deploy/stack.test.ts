// The deployable stack, checked as far as this machine allows (no Docker engine here):
// compose.yaml parses and hands the bot only settings it knows; .env.example and the README
// keep to the same names; and the image's runtime stage, rebuilt as a directory the way the
// Dockerfile assembles it, starts with the Dockerfile's CMD and passes its HEALTHCHECK.
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { settingNames } from '../../src/config/config.js';
import { mail } from '../e2e/harness.js';
import { startDovecot, type Dovecot } from '../support/dovecot.js';
import { getFreePort } from '../support/ports.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

const run = promisify(execFile);
const root = process.cwd();
const read = (file: string) => readFileSync(join(root, file), 'utf8');
// Variables of the compose file that are for compose itself (the database's password), not the bot.
const composeOnly = new Set(['POSTGRES_PASSWORD']);

/** Hard links where the file system allows (node_modules is large), else a copy. */
async function linkOrCopy(src: string, dest: string): Promise<void> {
  await run('cp', ['-al', src, dest]).catch(() => run('cp', ['-a', src, dest]));
}

interface Stage {
  copies: Array<{ from: string | null; src: string; dest: string }>;
  env: Record<string, string>;
  cmd: string[];
  healthcheck: string[];
}

/** The last stage of the Dockerfile: what it copies, its ENV, CMD and HEALTHCHECK (exec form). */
function runtimeStage(dockerfile: string): Stage {
  const lines = dockerfile.replace(/\\\n\s*/g, ' ').split('\n').map((l) => l.trim());
  const stage = lines.slice(lines.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true));
  const stageInfo: Stage = { copies: [], env: {}, cmd: [], healthcheck: [] };
  for (const l of stage) {
    const copy = /^COPY\s+(?:--from=(\S+)\s+)?(\S+)\s+(\S+)$/i.exec(l);
    if (copy) stageInfo.copies.push({ from: copy[1] ?? null, src: copy[2]!, dest: copy[3]! });
    if (/^ENV\s/i.test(l)) for (const [, k, v] of l.slice(4).matchAll(/(\w+)=(\S+)/g)) stageInfo.env[k!] = v!;
    if (/^CMD\s/i.test(l)) stageInfo.cmd = JSON.parse(l.slice(4)) as string[];
    const hc = /^HEALTHCHECK\s.*?\bCMD\s+(\[.*\])$/i.exec(l);
    if (hc) stageInfo.healthcheck = JSON.parse(hc[1]!) as string[];
  }
  return stageInfo;
}

describe('the deployable stack', () => {
  it('compose.yaml runs the bot with the official PostgreSQL image, waits for it, and names only settings the bot knows', () => {
    const compose = parse(read('compose.yaml')) as {
      services: Record<string, {
        image?: string; build?: unknown; env_file?: string | string[]; environment?: Record<string, string>;
        depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] }; volumes?: string[]; init?: boolean;
      }>;
      volumes: Record<string, unknown>;
    };
    const { bot, db } = compose.services;
    assert.ok(bot && db, 'services bot and db');
    assert.match(db.image ?? '', /^postgres:\d+/, 'the official postgres image, a pinned major version');
    assert.ok(db.healthcheck?.test.join(' ').includes('pg_isready'));
    const volume = db.volumes?.[0]?.split(':')[0] ?? '';
    assert.ok(volume in compose.volumes, 'the database lives in a named volume');
    assert.deepEqual(bot.depends_on, { db: { condition: 'service_healthy' } });
    assert.ok(bot.build !== undefined && bot.init === true);
    assert.deepEqual([bot.env_file].flat(), ['.env'], 'mail settings come from .env');
    const unknown = Object.keys(bot.environment ?? {}).filter((k) => !settingNames.includes(k));
    assert.deepEqual(unknown, [], 'the bot gets only settings it reads');
    assert.match(bot.environment?.DATABASE_URL ?? '', /^postgres:\/\/dloket:\$\{POSTGRES_PASSWORD[^}]*\}@db:5432\/dloket$/);
    const variables = [...read('compose.yaml').matchAll(/\$\{(\w+)/g)].map((m) => m[1]!);
    assert.deepEqual(variables.filter((v) => !settingNames.includes(v) && !composeOnly.has(v)), []);
  });

  it('.env.example and the README name every setting, and no other', () => {
    const example = [...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!);
    assert.deepEqual(example.filter((k) => !settingNames.includes(k) && !composeOnly.has(k)), [], 'unknown names in .env.example');
    assert.deepEqual(settingNames.filter((k) => !example.includes(k)), [], 'settings missing from .env.example');
    const readme = read('README.md');
    assert.deepEqual(settingNames.filter((k) => !readme.includes(`\`${k}\``)), [], 'settings missing from the README');
  });

  describe('the runtime stage of the image, as a directory', () => {
    let dir: string;
    let dovecot: Dovecot;
    let sink: SmtpSink;
    let pg: TestDatabase;
    let stage: Stage;
    let child: ChildProcess | null = null;
    before(async () => {
      stage = runtimeStage(read('Dockerfile'));
      await mkdir(join(root, '.test-tmp'), { recursive: true });
      dir = await mkdtemp(join(root, '.test-tmp', 'image-'));
      // The build stage: dependencies, dist/ (npm test built it), then npm prune --omit=dev.
      // node_modules is hard-linked (fast; prune only unlinks), except the file npm rewrites.
      await linkOrCopy(join(root, 'node_modules'), join(dir, 'node_modules'));
      await rm(join(dir, 'node_modules', '.package-lock.json'), { force: true });
      for (const f of ['package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'dist']) {
        if (existsSync(join(root, f))) await cp(join(root, f), join(dir, f), { recursive: true });
      }
      await run('npm', ['prune', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir });
      // The runtime stage takes from the build stage and the context what the Dockerfile says.
      const runtime = join(dir, 'runtime');
      for (const c of stage.copies) {
        const src = c.from ? join(dir, c.src.replace(/^\/app\//, '')) : join(root, c.src);
        // COPY <file> ./ puts the file into the directory
        const dest = c.dest.endsWith('/') ? join(runtime, c.dest, basename(src)) : join(runtime, c.dest);
        await mkdir(dirname(dest), { recursive: true });
        if (basename(src) === 'node_modules') await linkOrCopy(src, dest);
        else await cp(src, dest, { recursive: true });
      }
      [dovecot, sink, pg] = await Promise.all([startDovecot(), startSmtpSink(), createTestDatabase()]);
    });
    after(async () => {
      child?.kill('SIGKILL');
      await Promise.allSettled([dovecot?.stop(), sink?.close(), pg?.drop()]);
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('holds production dependencies only, starts with CMD, answers mail and passes HEALTHCHECK', async () => {
      const runtime = join(dir, 'runtime');
      assert.deepEqual(stage.cmd, ['node', '--max-semi-space-size=8', '--heap-growing-percent=20', 'dist/cli/main.js', 'run']);
      assert.deepEqual(stage.healthcheck, ['node', 'dist/cli/healthcheck.js']);
      for (const dep of ['openid-client', 'prom-client', 'imapflow', 'postgres', 'nodemailer']) {
        assert.ok(existsSync(join(runtime, 'node_modules', dep)), `${dep} is in the image`);
      }
      for (const dev of ['typescript', 'tsx', 'drizzle-kit', 'smtp-server', 'yaml']) {
        assert.ok(!existsSync(join(runtime, 'node_modules', dev)), `${dev} (a dev dependency) is not`);
      }
      for (const dirName of ['dist', 'templates', 'drizzle']) assert.ok(existsSync(join(runtime, dirName)));

      const box = await dovecot.createUser('dloket');
      const port = await getFreePort();
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '', ...stage.env, DATA_DIR: join(dir, 'data'), HTTP_PORT: String(port),
        IMAP_HOST: dovecot.host, IMAP_PORT: String(dovecot.port), IMAP_USER: box.user, IMAP_PASSWORD: box.password, IMAP_TLS: 'false',
        SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), SMTP_TLS: 'false', MAIL_FROM: 'D-Loket <D-Loket@VNG.nl>',
        DATABASE_URL: pg.url, POLL_INTERVAL_SECONDS: '1',
      };
      assert.equal(env.NODE_ENV, 'production');
      const healthcheck = (over: Record<string, string> = {}) => new Promise<{ code: number | null; out: string }>((resolve) => {
        const p = spawn(stage.healthcheck[0]!, stage.healthcheck.slice(1), { cwd: runtime, env: { ...env, ...over } });
        let out = '';
        p.stdout.on('data', (c: Buffer) => (out += c.toString()));
        p.stderr.on('data', (c: Buffer) => (out += c.toString()));
        p.on('exit', (code) => resolve({ code, out }));
      });

      const [command, ...args] = stage.cmd;
      child = spawn(command!, args, { cwd: runtime, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const events: string[] = [];
      let buffered = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const l of lines) events.push(String((JSON.parse(l) as { event?: string }).event));
      });
      const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
      // As Docker would: run the health check until it passes (the first sync sets the baseline).
      const deadline = Date.now() + 30_000;
      let healthy = await healthcheck();
      while (healthy.code !== 0 || !events.includes('mailbox.baseline')) {
        if (Date.now() > deadline) throw new Error(`never healthy: ${healthy.out}; events: ${events.join(', ')}`);
        await new Promise((r) => setTimeout(r, 200));
        healthy = await healthcheck();
      }
      assert.match(healthy.out, /"status":"ready"/);
      await dovecot.deliver(box.user, mail({ from: 'k.visser@ede.nl', subject: 'Aanmelding Arnhem', text: 'Graag meld ik mij aan voor Arnhem.', date: new Date().toUTCString() }));
      const [reply] = await sink.waitFor(1, 20_000);
      assert.deepEqual(reply!.envelope.to, ['k.visser@ede.nl']);
      assert.equal(reply!.parsed.from?.value[0]?.name, 'D-Loket');

      const unset = await healthcheck({ HTTP_PORT: '' });
      assert.equal(unset.code, 1);
      assert.match(unset.out, /HTTP_PORT is not set/);
      child.kill('SIGTERM');
      assert.equal(await exited, 0, 'SIGTERM stops the worker cleanly');
      child = null;
      const gone = await healthcheck();
      assert.equal(gone.code, 1);
      assert.match(gone.out, /no answer from http:\/\/127\.0\.0\.1:\d+\/readyz/);
    });
  });
});
