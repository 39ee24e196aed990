// A capturing SMTP server for the bench: keeps each accepted message's bytes and the moment
// it was accepted, without parsing (the test sink parses every message, which would spend the
// machine's two cores on the bench instead of the worker).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Accepted {
  at: number; // Date.now() when the server answered 250 to the end of DATA
  to: string;
  raw: Buffer;
}

export interface Capture {
  host: string;
  port: number;
  accepted: Accepted[];
  /** Resolves once `count` messages were accepted in all. */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startCapture(): Promise<Capture> {
  const accepted: Accepted[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    secure: false, disabledCommands: ['STARTTLS'], authOptional: true, allowInsecureAuth: true, logger: false, closeTimeout: 200,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'bench' }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        accepted.push({ at: Date.now(), to: session.envelope.rcptTo[0]?.address ?? '', raw: Buffer.concat(chunks) });
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1', port, accepted,
    waitFor(count, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (accepted.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP capture: ${accepted.length} of ${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
