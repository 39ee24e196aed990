import pino, { type Logger, type DestinationStream } from 'pino';

export type { Logger };

// Secrets and message bodies never reach the log: pino drops these paths wherever they appear.
export const redactedPaths = [
  'password', '*.password', '*.*.password', 'pass', '*.pass', 'auth', '*.auth', 'accessToken', '*.accessToken',
  'clientSecret', '*.clientSecret', '*.*.clientSecret', 'refreshToken', '*.refreshToken', '*.*.refreshToken',
  'raw', '*.raw', 'text', '*.text', 'html', '*.html', 'body', '*.body', 'source', '*.source',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'dloket-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactedPaths, remove: true },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * The worker's log destination: lines logged within `delayMs` of each other go out in one
 * write (pino's own destination makes one write per line, and each write cost the worker about
 * a quarter of a millisecond in a backlog's profile). Nothing is held longer than that; the
 * lines still held when the process exits (normally, by process.exit, or after an uncaught
 * exception: each emits 'exit') are written synchronously first.
 */
export function batchedDestination(fd: number, delayMs = 50): DestinationStream & { flushSync(): void } {
  // No minLength: it writes as soon as it is not busy, and gathers what comes meanwhile.
  const out = pino.destination({ dest: fd, sync: false });
  let held = '';
  let timer: NodeJS.Timeout | null = null;
  const hand = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!held) return;
    const text = held;
    held = '';
    out.write(text);
  };
  const flushSync = () => {
    hand();
    try {
      out.flushSync();
    } catch {
      // Already ended, or stdout is gone: nothing more can be written.
    }
  };
  process.on('exit', flushSync);
  return {
    write(line: string) {
      held += line;
      // A long burst is handed over in pieces of about one pipe buffer.
      if (held.length >= 16_384) hand();
      else if (!timer) {
        timer = setTimeout(hand, delayMs);
        timer.unref();
      }
    },
    flushSync,
  };
}
