// A private PostgreSQL cluster for tests that stop and restart the server: the machine's shared
// server (postgres.ts) is used by other test files at the same time and must stay up.
// initdb + pg_ctl in a temp directory, trust auth, TCP on a free loopback port. As root the
// cluster runs as the `postgres` user (PostgreSQL refuses root), otherwise as the current user.

import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getFreePort } from './ports.js';

const run = promisify(execFile);

export interface PrivatePostgres {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** fast: clients are told and disconnected; immediate: a crash (no shutdown checkpoint). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the server for good and removes its files. */
  destroy(): Promise<void>;
}

/** The newest installed server's bin directory (Debian layout), or PG_BINDIR. */
function binDir(): string {
  if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`no PostgreSQL server binaries under ${root}: install postgresql or set PG_BINDIR`);
  return join(root, newest, 'bin');
}

const asRoot = userInfo().uid === 0;

/** Runs a PostgreSQL program as the cluster's owner. */
async function pg(program: string, args: string[]): Promise<string> {
  const path = join(binDir(), program);
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  try {
    const { stdout } = await run(file, argv, { timeout: 60_000 });
    return stdout;
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(`${program} ${args.join(' ')} failed: ${e.message}\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'dloket-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await getFreePort();
  // Sockets in the cluster's own directory; fsync off because the data is thrown away anyway.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off -c max_connections=40`;
  const log = join(dir, 'postgres.log');

  const logTail = async () => (existsSync(log) ? (await readFile(log, 'utf8')).split('\n').slice(-15).join('\n') : '');
  const start = async () => {
    try {
      await pg('pg_ctl', ['-D', data, '-o', options, '-l', log, '-w', '-t', '60', 'start']);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${await logTail()}`);
    }
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await pg('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
  };
  try {
    await start();
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }

  let destroyed: Promise<void> | null = null;
  running.add(data);
  installExitHook();
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    destroy() {
      destroyed ??= (async () => {
        await stop('immediate').catch(() => {}); // already stopped is fine
        running.delete(data);
        await rm(dir, { recursive: true, force: true });
      })();
      return destroyed;
    },
  };
}

const running = new Set<string>();
let hooked = false;

// A test file that dies must not leave a postmaster behind.
function installExitHook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const data of running) {
      try {
        const path = join(binDir(), 'pg_ctl');
        const args = ['-D', data, '-m', 'immediate', 'stop'];
        if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', path, ...args]);
        else spawnSync(path, args);
      } catch {
        // nothing more to do while exiting
      }
    }
  });
}
