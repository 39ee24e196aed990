// An SMTP server that keeps every message it accepts, for tests of outgoing mail.
// Plain SMTP on 127.0.0.1 (no STARTTLS); AUTH is optional and any credentials pass.

import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

export type Captured = CapturedMail;

export interface SmtpSink {
  host: string;
  port: number;
  /** Accepted messages, in order of arrival. */
  messages: CapturedMail[];
  /** Resolves once at least `count` messages were accepted; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  /** Answers the next `times` messages with this SMTP reply at the end of DATA (e.g. 451 or 550). */
  failNext(times: number, code: number, message: string): void;
  /**
   * Takes the next `times` messages in full but never answers the end of DATA, like a server
   * that hangs; `stalled` counts them. The client is left waiting (or dies waiting).
   */
  stallNext(times: number): void;
  readonly stalled: number;
  close(): Promise<void>;
}

class SmtpReplyError extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<() => void>();
  const failures: Array<{ code: number; message: string }> = [];
  let stalls = 0;
  let stalled = 0;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    // close() should not wait the default 30 s for a pooled client to hang up
    closeTimeout: 200,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if (stalls > 0) {
          stalls--;
          stalled++;
          for (const wake of waiters) wake();
          return; // no callback: the client never hears back
        }
        const failure = failures.shift();
        if (failure) {
          callback(new SmtpReplyError(failure.code, failure.message));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
            messages.push({ envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) }, raw, parsed });
            for (const wake of waiters) wake();
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  server.on('error', () => {}); // a client dropping its socket is not the test's concern

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    messages,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP sink: expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    failNext(times, code, message) {
      for (let i = 0; i < times; i++) failures.push({ code, message });
    },
    stallNext(times) {
      stalls += times;
    },
    get stalled() {
      return stalled;
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
