// An SMTP server that keeps every message it accepts, for tests of outgoing mail.
// Plain SMTP on 127.0.0.1 (no STARTTLS); AUTH is optional and any credentials pass.
// With `oauth2` it is a token-only server such as Microsoft 365 or Gmail: AUTH XOAUTH2 is
// required, and each token is checked at the OAuth2 server's introspection endpoint.

import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

export type Captured = CapturedMail;

export interface SinkOptions {
  oauth2?: { introspectionUrl: string };
}

export interface AuthAttempt {
  method: string;
  user: string;
  accessToken: string | null;
  ok: boolean;
}

export interface SmtpSink {
  host: string;
  port: number;
  /** Accepted messages, in order of arrival. */
  messages: CapturedMail[];
  /** Resolves once at least `count` messages were accepted; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  /** Answers the next `times` messages with this SMTP reply at the end of DATA (e.g. 451 or 550). */
  failNext(times: number, code: number, message: string): void;
  /** Every AUTH the sink answered, in order. */
  auths: AuthAttempt[];
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

/** Asks the introspection endpoint (RFC 7662) whether the token is active and for this user. */
async function tokenValid(introspectionUrl: string, user: string, token: string): Promise<boolean> {
  const res = await fetch(introspectionUrl, { method: 'POST', body: new URLSearchParams({ token }) });
  const body = (await res.json()) as { active?: boolean; username?: string };
  return body.active === true && body.username === user;
}

export async function startSmtpSink(opts: SinkOptions = {}): Promise<SmtpSink> {
  const messages: CapturedMail[] = [];
  const auths: AuthAttempt[] = [];
  const waiters = new Set<() => void>();
  const failures: Array<{ code: number; message: string }> = [];
  let stalls = 0;
  let stalled = 0;

  const oauth2 = opts.oauth2;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !oauth2,
    ...(oauth2 ? { authMethods: ['XOAUTH2'] } : {}),
    allowInsecureAuth: true,
    logger: false,
    // close() should not wait the default 30 s for a pooled client to hang up
    closeTimeout: 200,
    onAuth(auth, _session, callback) {
      const attempt: AuthAttempt = { method: auth.method, user: auth.username ?? '', accessToken: auth.accessToken ?? null, ok: true };
      auths.push(attempt);
      if (!oauth2) return callback(null, { user: 'test' });
      const refuse = () => {
        attempt.ok = false;
        // XOAUTH2's error challenge (as Gmail sends it); the client answers it and gets 535
        callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' } });
      };
      if (auth.method !== 'XOAUTH2' || !auth.accessToken) return refuse();
      tokenValid(oauth2.introspectionUrl, attempt.user, auth.accessToken).then(
        (valid) => (valid ? callback(null, { user: attempt.user }) : refuse()),
        (err: Error) => callback(err),
      );
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
    auths,
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
