import { existsSync } from 'node:fs';
import { z } from 'zod';

// Every setting comes from the environment (or a .env file). The names are a contract
// with admins: see .env.example and the README.

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), 'expected true or false')
  .transform((v) => ['true', '1', 'yes'].includes(v));
const port = z.coerce.number({ error: 'expected a port number' }).int().min(1, 'expected a port number (1-65535)').max(65535, 'expected a port number (1-65535)');
const positive = z.coerce.number({ error: 'expected a number' }).positive('expected a number above 0');
const text = z.string().trim().min(1);
const email = z.string().trim().email('expected an e-mail address');
const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

// Settings every command needs.
const baseSchema = z.object({
  DATABASE_URL: z.string().trim().url('expected a postgres:// URL').optional(),
  DATA_DIR: text.default('./data'),
  LOG_LEVEL: logLevel.default('info'),
  SESSIONS_FILE: text.optional(),
  TEMPLATES_DIR: text.optional(),
  SIGNUP_DEADLINE_HOURS: z.coerce.number().min(0).default(0),
  ACKNOWLEDGE_QUESTIONS: bool.default(false),
  REPLY_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(5),
});

// Settings the worker needs to reach the mailbox and send replies.
const mailSchema = z.object({
  IMAP_HOST: text,
  IMAP_PORT: port.default(993),
  IMAP_USER: text,
  IMAP_PASSWORD: text,
  IMAP_TLS: bool.default(true),
  IMAP_TLS_REJECT_UNAUTHORIZED: bool.default(true),
  IMAP_MAILBOX: text.default('INBOX'),
  SENT_COPY: bool.default(true),
  SENT_MAILBOX: text.optional(),
  IMAP_KEYWORDS: bool.default(true),
  SMTP_HOST: text,
  SMTP_PORT: port.default(587),
  SMTP_USER: text.optional(),
  SMTP_PASSWORD: text.optional(),
  SMTP_TLS: bool.default(false),
  SMTP_TLS_REJECT_UNAUTHORIZED: bool.default(true),
  MAIL_FROM: email.optional(),
  MAIL_FROM_NAME: text.default('D-Loket'),
  OWN_ADDRESSES: z.string().optional(),
  POLL_INTERVAL_SECONDS: positive.default(60),
  MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  REPLIES_ENABLED: bool.default(true),
  TRUSTED_AUTHSERV_ID: z.string().optional(),
  MESSAGE_TIME_LIMIT_SECONDS: positive.default(10),
});

export interface BaseConfig {
  database: { url: string | null; dataDir: string };
  logLevel: z.infer<typeof logLevel>;
  sessionsFile: string | null;
  templatesDir: string | null;
  rules: { signupDeadlineHours: number; acknowledgeQuestions: boolean; replyLimitPerHour: number };
}

export interface MailConfig {
  imap: {
    host: string;
    port: number;
    user: string;
    password: string;
    tls: boolean;
    rejectUnauthorized: boolean;
    mailbox: string;
    sentCopy: boolean;
    sentMailbox: string | null; // null: the folder marked \Sent, else "Sent"
    keywords: boolean;
  };
  smtp: {
    host: string;
    port: number;
    user: string | null;
    password: string | null;
    tls: boolean;
    rejectUnauthorized: boolean;
  };
  from: { address: string; name: string };
  /** The mailbox and its aliases, lowercased: mail from them is never answered. */
  ownAddresses: string[];
  pollIntervalSeconds: number;
  maxMessageBytes: number;
  repliesEnabled: boolean;
  /** authserv-ids (lower case) of our own receiving server, whose Authentication-Results count. */
  trustedAuthservIds: string[];
  /** Reading one message (parse and understand) may take this long; then it is left for organisers. */
  messageTimeLimitMs: number;
}

export type Config = BaseConfig & { mail: MailConfig | null };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`dloket-bot cannot start: fix these settings (environment or .env):\n  ${problems.join('\n  ')}`);
  }
}

type Env = Record<string, string | undefined>;

function issues(error: z.ZodError, env: Env): string[] {
  return error.issues.map((i) => {
    const name = String(i.path[0]);
    return env[name] === undefined || env[name] === '' ? `${name} is missing` : `${name}: ${i.message}`;
  });
}

// Empty strings count as unset, as in most .env files.
function clean(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
}

/** Validates the environment. With `mail`, the IMAP and SMTP settings are required too. */
export function loadConfig(rawEnv: Env, opts: { mail: boolean }): Config {
  const env = clean(rawEnv);
  const problems: string[] = [];
  const base = baseSchema.safeParse(env);
  if (!base.success) problems.push(...issues(base.error, env));
  const mail = opts.mail ? mailSchema.safeParse(env) : null;
  if (mail && !mail.success) problems.push(...issues(mail.error, env));
  if (mail?.success && Boolean(mail.data.SMTP_USER) !== Boolean(mail.data.SMTP_PASSWORD)) {
    problems.push('SMTP_USER and SMTP_PASSWORD go together: set both or neither');
  }
  if (problems.length > 0 || !base.success) throw new ConfigError(problems);

  const b = base.data;
  let mailConfig: MailConfig | null = null;
  if (mail?.success) {
    const m = mail.data;
    const from = m.MAIL_FROM ?? m.IMAP_USER;
    if (!z.string().email().safeParse(from).success) {
      throw new ConfigError([`MAIL_FROM is missing and IMAP_USER (${from}) is not an e-mail address: set MAIL_FROM`]);
    }
    const own = [from, m.IMAP_USER, ...(m.OWN_ADDRESSES ?? '').split(',')]
      .map((a) => a.trim().toLowerCase())
      .filter((a) => a.includes('@'));
    mailConfig = {
      imap: {
        host: m.IMAP_HOST, port: m.IMAP_PORT, user: m.IMAP_USER, password: m.IMAP_PASSWORD, tls: m.IMAP_TLS,
        rejectUnauthorized: m.IMAP_TLS_REJECT_UNAUTHORIZED, mailbox: m.IMAP_MAILBOX, sentCopy: m.SENT_COPY,
        sentMailbox: m.SENT_MAILBOX ?? null, keywords: m.IMAP_KEYWORDS,
      },
      smtp: {
        host: m.SMTP_HOST, port: m.SMTP_PORT, user: m.SMTP_USER ?? null, password: m.SMTP_PASSWORD ?? null,
        tls: m.SMTP_TLS, rejectUnauthorized: m.SMTP_TLS_REJECT_UNAUTHORIZED,
      },
      from: { address: from, name: m.MAIL_FROM_NAME },
      ownAddresses: [...new Set(own)],
      pollIntervalSeconds: m.POLL_INTERVAL_SECONDS,
      maxMessageBytes: m.MAX_MESSAGE_BYTES,
      repliesEnabled: m.REPLIES_ENABLED,
      trustedAuthservIds: (m.TRUSTED_AUTHSERV_ID ?? '').split(',').map((id) => id.trim().toLowerCase()).filter(Boolean),
      messageTimeLimitMs: Math.round(m.MESSAGE_TIME_LIMIT_SECONDS * 1000),
    };
  }
  return Object.freeze({
    database: { url: b.DATABASE_URL ?? null, dataDir: b.DATA_DIR },
    logLevel: b.LOG_LEVEL,
    sessionsFile: b.SESSIONS_FILE ?? null,
    templatesDir: b.TEMPLATES_DIR ?? null,
    rules: {
      signupDeadlineHours: b.SIGNUP_DEADLINE_HOURS,
      acknowledgeQuestions: b.ACKNOWLEDGE_QUESTIONS,
      replyLimitPerHour: b.REPLY_LIMIT_PER_HOUR,
    },
    mail: mailConfig,
  });
}

/** Reads ./.env into process.env when present; real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
