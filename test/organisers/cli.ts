// The dloket-bot command as organisers run it: dist/cli/main.js (built by npm test) in a
// scratch directory, with only the environment the test gives (no developer's .env).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cli = join(process.cwd(), 'dist', 'cli', 'main.js');
const scratch = mkdtempSync(join(tmpdir(), 'dloket-organisers-'));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function dloket(args: string[], env: Record<string, string>, cwd = scratch): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', ...(process.env.TZ ? { TZ: process.env.TZ } : {}), ...env }, cwd, maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs a command that must succeed; its failure shows what it printed. */
export async function ok(args: string[], env: Record<string, string>, cwd?: string): Promise<CliResult> {
  const r = await dloket(args, env, cwd);
  if (r.code !== 0) throw new Error(`dloket-bot ${args.join(' ')} exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
}
