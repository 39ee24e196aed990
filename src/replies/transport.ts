// Sends stored replies over SMTP, byte for byte, and says what a failure means for a retry.
//
// Built on nodemailer's SMTPConnection (the connection class its SMTP transport wraps) rather
// than on createTransport(): only at this level can we see whether the message data had
// started to go out when a connection broke, and that decides between "retry later" and
// "delivery unknown, never resend blindly". Its own small pool of logged-in connections (the
// way nodemailer's pool works, which would hide whether the data had started): a backlog of
// replies does not pay for a connection and a login each.
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { TokenSource } from '../auth/oauth2.js';
import { xoauth2Login } from '../auth/smtp-login.js';
import type { MailConfig } from '../config/config.js';
import type { Logger } from '../observability/logger.js';

export type SendErrorKind = 'transient' | 'permanent' | 'unknown';

export class SendError extends Error {
  override readonly name = 'SendError';
  constructor(
    message: string,
    /** transient: retry later; permanent: will fail again; unknown: may have been delivered. */
    readonly kind: SendErrorKind,
    readonly code: string | null, // nodemailer's code: ECONNECTION, ETIMEDOUT, EDNS, EAUTH, EENVELOPE, EMESSAGE...
    readonly responseCode: number | null, // the SMTP reply code, when the server gave one
    readonly response: string | null,
    /** Whether message data had started to go to the server. */
    readonly dataSent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface NodemailerError extends Error {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

// Failures of the message itself (envelope or content refused without a reply code, e.g. too
// large for the server's SIZE): sending it again gives the same answer.
const messageFaults = new Set(['EENVELOPE', 'EMESSAGE', 'EREQUIRETLS']);

/** The rules of the outbox: 4xx and network trouble before DATA retry, 5xx is final, a break after DATA is unknown. */
export function classifySendError(err: unknown, dataSent: boolean): SendError {
  const e = (err instanceof Error ? err : new Error(String(err))) as NodemailerError;
  const code = e.code ?? null;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  let kind: SendErrorKind;
  if (code === 'EAUTH') {
    // Bad credentials say nothing about the message: it should go out once an admin fixes them.
    kind = 'transient';
  } else if (responseCode !== null && responseCode >= 400 && responseCode < 500) {
    kind = 'transient';
  } else if (responseCode !== null && responseCode >= 500) {
    kind = 'permanent';
  } else if (dataSent) {
    kind = 'unknown';
  } else if (code !== null && messageFaults.has(code)) {
    kind = 'permanent';
  } else {
    kind = 'transient'; // connection refused, DNS, TLS, timeouts, drops before the data
  }
  const detail = e.originalCode && e.originalCode !== code ? `${code ?? 'error'}/${e.originalCode}` : code ?? 'error';
  return new SendError(
    `SMTP send failed (${kind}, ${detail}${e.command ? ` at ${e.command}` : ''}): ${e.message}`,
    kind, code, responseCode, e.response ?? null, dataSent, { cause: err },
  );
}

export interface SendResult {
  response: string;
  accepted: string[];
  rejected: string[];
}

export interface SmtpSender {
  /** Sends `raw` unchanged with this envelope (from '' = the null sender <>). Rejects with a SendError. */
  send(message: { from: string; to: string; raw: Buffer }): Promise<SendResult>;
  /** Connects and logs in, then hangs up: for `doctor` and start-up checks. Rejects with a SendError. */
  verify(): Promise<void>;
  /** Drops connections still open; sends in flight then fail. */
  close(): void;
}

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number; // inactivity, including the wait for the final reply after DATA
}

const defaultTimeouts: SmtpTimeouts = { connectionMs: 30_000, greetingMs: 30_000, socketMs: 120_000 };

export interface SmtpPoolOptions {
  /** Connections open at once; sends beyond wait for one. */
  maxConnections: number;
  /** Messages per connection before it is replaced (as nodemailer's pool does). */
  maxMessages: number;
  /** An unused connection is closed after this long; servers drop idle ones anyway (RFC 5321: 5 minutes). */
  idleMs: number;
}

const defaultPool: SmtpPoolOptions = { maxConnections: 2, maxMessages: 100, idleMs: 60_000 };

/** One logged-in connection of the pool. */
interface Pooled {
  conn: SMTPConnection;
  messages: number;
  /** With OAuth2: when its token is due for renewal; the connection is retired then. */
  retireAt: number;
  closed: boolean;
  idleTimer: NodeJS.Timeout | null;
  /** The send in progress hears of the connection's failure from here. */
  onFailure: ((err: unknown) => void) | null;
}

export function createSmtpSender(
  smtp: MailConfig['smtp'],
  logger?: Logger,
  timeouts: SmtpTimeouts = defaultTimeouts,
  /** With OAuth2 (MAIL_AUTH=oauth2): XOAUTH2 as smtp.user with tokens from here. */
  tokens?: TokenSource,
  pool: SmtpPoolOptions = defaultPool,
): SmtpSender {
  const all = new Set<Pooled>();
  const idle: Pooled[] = [];
  const waiting: Array<() => void> = [];
  const password = smtp.user && smtp.password ? { user: smtp.user, pass: smtp.password } : null;
  const auth = () => (tokens && smtp.user ? xoauth2Login(smtp.user, tokens) : password);

  /** Connects and logs in; rejects with the failure (not yet classified). */
  function open(): Promise<Pooled> {
    const conn = new SMTPConnection({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.tls, // implicit TLS (465); otherwise STARTTLS whenever the server offers it
      tls: { rejectUnauthorized: smtp.rejectUnauthorized },
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      logger: false,
    });
    const p: Pooled = { conn, messages: 0, retireAt: Infinity, closed: false, idleTimer: null, onFailure: null };
    all.add(p);
    // SMTPConnection reports most failures as 'error' events, some only to the callbacks; an
    // idle connection the server hangs up on just leaves the pool.
    const lost = (err: unknown) => {
      // Taken first: closing emits 'end', and the first failure is the one that says why.
      const hear = p.onFailure;
      p.onFailure = null;
      retire(p, false);
      hear?.(err);
    };
    conn.on('error', lost);
    conn.once('end', () => lost(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' })));
    return new Promise<Pooled>((resolve, reject) => {
      p.onFailure = reject;
      conn.connect((err) => {
        if (err) return lost(err);
        const login = auth();
        const ready = () => {
          p.onFailure = null;
          if (login && 'renewAt' in login) p.retireAt = login.renewAt();
          resolve(p);
        };
        if (!login) return ready();
        conn.login(login, (loginErr) => (loginErr ? lost(loginErr) : ready()));
      });
    });
  }

  function retire(p: Pooled, polite: boolean): void {
    if (p.closed) return;
    p.closed = true;
    all.delete(p);
    const at = idle.indexOf(p);
    if (at >= 0) idle.splice(at, 1);
    if (p.idleTimer) clearTimeout(p.idleTimer);
    if (polite) p.conn.quit();
    else p.conn.close();
    waiting.shift()?.();
  }

  /** A logged-in connection: an idle one of the pool, else a new one while there is room. */
  async function acquire(): Promise<{ p: Pooled; reused: boolean }> {
    for (;;) {
      const p = idle.pop();
      if (p) {
        if (p.idleTimer) clearTimeout(p.idleTimer);
        p.idleTimer = null;
        if (!p.closed && Date.now() < p.retireAt) return { p, reused: true };
        retire(p, true);
        continue;
      }
      if (all.size < pool.maxConnections) return { p: await open(), reused: false };
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  function release(p: Pooled): void {
    if (p.closed) return;
    if (p.messages >= pool.maxMessages || Date.now() >= p.retireAt) return retire(p, true);
    idle.push(p);
    p.idleTimer = setTimeout(() => retire(p, true), pool.idleMs);
    p.idleTimer.unref();
    waiting.shift()?.();
  }

  /** One message over one connection: resolves with the result, rejects with the raw failure. */
  function transmit(p: Pooled, envelope: { from: string | false; to: string[]; size: number }, body: Readable): Promise<SendResult> {
    return new Promise<SendResult>((resolve, reject) => {
      p.onFailure = reject;
      p.conn.send(envelope, body, (err, result) => {
        p.onFailure = null;
        if (err || !result) return reject(err ?? new Error('no result from SMTP send'));
        resolve({ response: result.response, accepted: result.accepted, rejected: result.rejected });
      });
    });
  }

  return {
    async send({ from, to, raw }) {
      for (let attempt = 1; ; attempt++) {
        let dataSent = false;
        // Read only once the server has said 354 to DATA: the first read marks the data as sent.
        const body = new Readable({
          read() {
            dataSent = true;
            this.push(raw);
            this.push(null);
          },
        });
        let reused = false;
        try {
          const got = await acquire();
          reused = got.reused;
          const info = await transmit(got.p, { from: from || false, to: [to], size: raw.length }, body).then(
            (result) => {
              got.p.messages++;
              release(got.p);
              return result;
            },
            (err: unknown) => {
              // After a refusal the session's state is unclear: a fresh connection for the next message.
              retire(got.p, false);
              throw err;
            },
          );
          // deliver.ts logs reply.sent with the outbox row; this is the server's side of it.
          logger?.debug({ smtp: smtp.host, response: info.response, bytes: raw.length }, 'SMTP accepted');
          return info;
        } catch (err) {
          const e = classifySendError(err, dataSent);
          // A kept connection the server closed while it was idle: not a byte of this message went
          // out, so it goes over a new connection at once instead of waiting for a retry.
          if (reused && !dataSent && attempt === 1 && e.kind === 'transient' && (e.responseCode === null || e.responseCode === 421)) continue;
          logger?.warn({ smtp: smtp.host, kind: e.kind, code: e.code, responseCode: e.responseCode }, e.message);
          throw e;
        }
      }
    },

    async verify() {
      try {
        retire(await open(), true);
      } catch (err) {
        throw classifySendError(err, false);
      }
    },

    close() {
      for (const p of [...all]) retire(p, false);
    },
  };
}
