// Sends stored replies over SMTP, byte for byte, and says what a failure means for a retry.
//
// Built on nodemailer's SMTPConnection (the connection class its SMTP transport wraps) rather
// than on createTransport(): only at this level can we see whether the message data had
// started to go out when a connection broke, and that decides between "retry later" and
// "delivery unknown, never resend blindly". One connection per message: replies are few.
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

export function createSmtpSender(
  smtp: MailConfig['smtp'],
  logger?: Logger,
  timeouts: SmtpTimeouts = defaultTimeouts,
  /** With OAuth2 (MAIL_AUTH=oauth2): XOAUTH2 as smtp.user with tokens from here. */
  tokens?: TokenSource,
): SmtpSender {
  const open = new Set<SMTPConnection>();
  const password = smtp.user && smtp.password ? { user: smtp.user, pass: smtp.password } : null;
  const auth = () => (tokens && smtp.user ? xoauth2Login(smtp.user, tokens) : password);

  function connection(): SMTPConnection {
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
    open.add(conn);
    return conn;
  }

  /** Runs connect, login, then `work`; settles once, closing the connection on any failure. */
  function session<T>(work: (conn: SMTPConnection, done: (err: unknown, value?: T) => void) => void,
    dataSent: () => boolean): Promise<T> {
    const conn = connection();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const done = (err: unknown, value?: T) => {
        if (settled) return;
        settled = true;
        open.delete(conn);
        if (err) {
          conn.close();
          reject(classifySendError(err, dataSent()));
        } else {
          conn.quit();
          resolve(value as T);
        }
      };
      // SMTPConnection reports most failures as 'error' events, some only to the callbacks.
      conn.on('error', (err) => done(err));
      conn.once('end', () => done(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' })));
      conn.connect((err) => {
        if (err) return done(err);
        const login = auth();
        if (!login) return work(conn, done);
        conn.login(login, (loginErr) => (loginErr ? done(loginErr) : work(conn, done)));
      });
    });
  }

  return {
    async send({ from, to, raw }) {
      let dataSent = false;
      // Read only once the server has said 354 to DATA: the first read marks the data as sent.
      const body = new Readable({
        read() {
          dataSent = true;
          this.push(raw);
          this.push(null);
        },
      });
      try {
        const info = await session<SendResult>((conn, done) => {
          conn.send({ from: from || false, to: [to], size: raw.length }, body, (err, result) => {
            if (err || !result) return done(err ?? new Error('no result from SMTP send'));
            done(null, { response: result.response, accepted: result.accepted, rejected: result.rejected });
          });
        }, () => dataSent);
        logger?.info({ smtp: smtp.host, response: info.response, bytes: raw.length }, 'reply sent');
        return info;
      } catch (err) {
        const e = err as SendError;
        logger?.warn({ smtp: smtp.host, kind: e.kind, code: e.code, responseCode: e.responseCode }, e.message);
        throw err;
      }
    },

    verify() {
      return session<void>((_conn, done) => done(null), () => false);
    },

    close() {
      for (const conn of open) conn.close();
      open.clear();
    },
  };
}
