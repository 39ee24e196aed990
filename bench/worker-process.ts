// The worker as an admin runs it: `node <flags of npm start> dist/cli/main.js run` in its own
// process (so its memory is its own), with its JSON log lines read from stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface LogLine {
  event?: string;
  /** pino's time as epoch milliseconds (the worker logs it as an ISO string). */
  at: number;
  [key: string]: unknown;
}

export interface WorkerProcess {
  pid: number;
  /** Log lines with an event, in order. */
  lines: LogLine[];
  /** Resolves with the first line of `event` (after index `from`) that `match` accepts. */
  waitFor(event: string, timeoutMs: number, match?: (line: LogLine) => boolean, from?: number): Promise<LogLine>;
  /** Current and peak resident set size (VmRSS, VmHWM) in bytes. */
  memory(): { rss: number; peak: number };
  /** CPU time used so far (user and system), in milliseconds. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** The node flags of `npm start` (package.json), so the bench measures what an admin runs. */
export function startFlags(root: string): string[] {
  const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const words = start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('dist/cli/main.js'));
}

export function startWorker(root: string, env: Record<string, string>, flags: string[]): WorkerProcess {
  const child: ChildProcess = spawn(process.execPath, [...flags, 'dist/cli/main.js', 'run'], {
    cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    if (!text.includes('"event"')) return;
    try {
      const line = JSON.parse(text) as LogLine & { time: string };
      lines.push({ ...line, at: Date.parse(line.time) });
    } catch {
      return;
    }
    for (const wake of waiters) wake();
  });
  return {
    pid: child.pid!,
    lines,
    waitFor(event, timeoutMs, match = () => true, from = 0) {
      return new Promise((resolve, reject) => {
        let seen = from;
        const check = () => {
          for (; seen < lines.length; seen++) {
            const line = lines[seen]!;
            if (line.event === event && match(line)) {
              clearTimeout(timer);
              waiters.delete(check);
              return resolve(line);
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`worker: no ${event} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) * 1024;
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    },
    cpuMs() {
      // utime and stime, fields 14 and 15 of /proc/<pid>/stat (after the command's parenthesis), in clock ticks.
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
