import { existsSync } from 'node:fs';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import { isMachineAddress } from '../pipeline/reply-address.js';
import { providerPresets, type OAuth2Provider } from './oauth2-providers.js';

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
  // Organisers' digest, reminders and retention (the worker's schedule): each off when unset.
  DIGEST_TO: z.string().trim().transform((v) => v.split(',').map((a) => a.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().email('expected e-mail addresses, comma separated')).min(1)).optional(),
  DIGEST_AT: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time such as 07:30').default('07:30'),
  DIGEST_LANGUAGE: z.enum(['nl', 'en']).default('nl'),
  REMINDER_DAYS: positive.optional(),
  RETENTION_DAYS: z.coerce.number().int().positive('expected a number of days above 0').optional(),
  // Organisers' review of replies before they go out (`dloket-bot review`).
  REVIEW: z.string().trim().toLowerCase().pipe(z.enum(['off', 'uncertain', 'all'], { error: 'expected off, uncertain or all' })).default('off'),
  REVIEW_CONFIDENCE: z.coerce.number({ error: 'expected a number from 0 to 1' }).min(0, 'expected a number from 0 to 1')
    .max(1, 'expected a number from 0 to 1').default(0.9),
});

// Settings the worker needs to reach the mailbox and send replies.
const mailSchema = z.object({
  IMAP_HOST: text,
  IMAP_PORT: port.default(993),
  IMAP_USER: text,
  IMAP_TLS: bool.default(true),
  IMAP_TLS_REJECT_UNAUTHORIZED: bool.default(true),
  IMAP_MAILBOX: text.default('INBOX'),
  SENT_COPY: bool.default(true),
  SENT_MAILBOX: text.optional(),
  IMAP_KEYWORDS: bool.default(true),
  SMTP_HOST: text,
  SMTP_PORT: port.default(587),
  SMTP_TLS: bool.default(false),
  SMTP_TLS_REJECT_UNAUTHORIZED: bool.default(true),
  OWN_ADDRESSES: z.string().optional(),
  POLL_INTERVAL_SECONDS: positive.default(60),
  MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  REPLIES_ENABLED: bool.default(true),
  TRUSTED_AUTHSERV_ID: z.string().optional(),
  MESSAGE_TIME_LIMIT_SECONDS: positive.default(10),
});

// How the worker logs in and whom it writes as. Parsed apart from the rest so the checks
// between these settings run even when another setting is missing.
const authSchema = z.object({
  MAIL_AUTH: z.enum(['password', 'oauth2'], { error: 'expected password or oauth2' }).default('password'),
  IMAP_PASSWORD: text.optional(), // required with MAIL_AUTH=password
  SMTP_USER: text.optional(),
  SMTP_PASSWORD: text.optional(),
  OAUTH2_PROVIDER: z.enum(['microsoft', 'google'], { error: 'expected microsoft or google (or leave it unset and give OAUTH2_TOKEN_URL)' }).optional(),
  OAUTH2_TENANT: z.string().trim().regex(/^[A-Za-z0-9.-]+$/, 'expected the directory (tenant) id or a domain such as vng.nl').optional(),
  OAUTH2_TOKEN_URL: z.string().trim().url('expected the https:// URL of the token endpoint').optional(),
  OAUTH2_CLIENT_ID: text.optional(),
  OAUTH2_CLIENT_SECRET: text.optional(),
  OAUTH2_SCOPE: text.optional(),
  OAUTH2_REFRESH_TOKEN: text.optional(),
  MAIL_FROM: text.optional(), // a bare address or "D-Loket <D-Loket@VNG.nl>"
  MAIL_FROM_NAME: text.default('D-Loket'),
});

// Settings of the worker's HTTP endpoints (health, metrics).
const httpSchema = z.object({
  HTTP_PORT: port.optional(),
  HTTP_HOST: text.default('0.0.0.0'),
  READY_RECONNECT_SECONDS: positive.default(120),
});

/** Every setting the bot reads: the contract .env.example, compose.yaml and the README keep to. */
export const settingNames: readonly string[] = [
  ...Object.keys(baseSchema.shape), ...Object.keys(mailSchema.shape), ...Object.keys(authSchema.shape), ...Object.keys(httpSchema.shape),
];

export interface BaseConfig {
  database: { url: string | null; dataDir: string };
  logLevel: z.infer<typeof logLevel>;
  sessionsFile: string | null;
  templatesDir: string | null;
  rules: { signupDeadlineHours: number; acknowledgeQuestions: boolean; replyLimitPerHour: number };
  schedule: ScheduleConfig;
  review: ReviewConfig;
}

/**
 * Which decisions wait for an organiser (`dloket-bot review`) before their replies go out and
 * their registration changes are made: none, those the understanding is less sure of than
 * `confidence` (its 0..1 scale), or all (the first days of a campaign).
 */
export interface ReviewConfig {
  mode: 'off' | 'uncertain' | 'all';
  confidence: number;
}

/** What the worker does on the clock (times in the catalogue's zone, Europe/Amsterdam). */
export interface ScheduleConfig {
  /** The organisers' daily digest: to whom, from what time of day, in which language. */
  digest: { to: string[]; at: string; language: 'nl' | 'en' } | null;
  /** Days before a session that registrants get their reminder. */
  reminderDays: number | null;
  /** Days after a session ends that its personal data is removed. */
  retentionDays: number | null;
}

export interface MailConfig {
  imap: {
    host: string;
    port: number;
    user: string;
    password: string | null; // null with OAuth2
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
    user: string | null; // with OAuth2: the mailbox the token acts for (SMTP_USER, else IMAP_USER)
    password: string | null;
    tls: boolean;
    rejectUnauthorized: boolean;
  };
  /** MAIL_AUTH=oauth2: IMAP and SMTP log in with XOAUTH2 tokens from this client; null: passwords. */
  oauth2?: OAuth2Config | null;
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

export interface OAuth2Config {
  provider: OAuth2Provider | null;
  tokenUrl: string;
  clientId: string;
  clientSecret: string | null;
  scope: string | null;
  /** Set: refresh-token grant (Google, delegated Microsoft); null: client-credentials grant. */
  refreshToken: string | null;
}

export interface HttpConfig {
  port: number;
  host: string;
  /** /readyz stays ready this long while the mailbox reconnects. */
  readyReconnectSeconds: number;
}

export type Config = BaseConfig & {
  mail: MailConfig | null;
  /** The health and metrics endpoints; null when HTTP_PORT is unset or the command does not run the worker. */
  http: HttpConfig | null;
};

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

/** Validates the environment. With `mail`, the IMAP, SMTP and HTTP settings of the worker too. */
export function loadConfig(rawEnv: Env, opts: { mail: boolean }): Config {
  const env = clean(rawEnv);
  const problems: string[] = [];
  const base = baseSchema.safeParse(env);
  if (!base.success) problems.push(...issues(base.error, env));
  const mail = opts.mail ? mailSchema.safeParse(env) : null;
  if (mail && !mail.success) problems.push(...issues(mail.error, env));
  const auth = opts.mail ? authSchema.safeParse(env) : null;
  if (auth && !auth.success) problems.push(...issues(auth.error, env));
  const http = opts.mail ? httpSchema.safeParse(env) : null;
  if (http && !http.success) problems.push(...issues(http.error, env));
  const login = auth?.success ? loginSettings(auth.data, env, problems) : null;
  const mailConfig = mail?.success && login ? mailSettings(mail.data, login) : null;
  if (mailConfig && base.success) {
    // The digest goes to people: never to the watched mailbox (the bot would read it) or a machine.
    const badDigest = (base.data.DIGEST_TO ?? []).filter((a) => mailConfig.ownAddresses.includes(a) || isMachineAddress(a));
    if (badDigest.length > 0) {
      problems.push(`DIGEST_TO: ${badDigest.join(', ')} is the bot's own mailbox or a machine address; give organisers' addresses`);
    }
  }
  if (problems.length > 0 || !base.success) throw new ConfigError(problems);

  const b = base.data;
  const h = http?.success ? http.data : null;
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
    schedule: {
      digest: b.DIGEST_TO ? { to: b.DIGEST_TO, at: b.DIGEST_AT, language: b.DIGEST_LANGUAGE } : null,
      reminderDays: b.REMINDER_DAYS ?? null,
      retentionDays: b.RETENTION_DAYS ?? null,
    },
    review: { mode: b.REVIEW, confidence: b.REVIEW_CONFIDENCE },
    mail: mailConfig,
    http: h?.HTTP_PORT ? { port: h.HTTP_PORT, host: h.HTTP_HOST, readyReconnectSeconds: h.READY_RECONNECT_SECONDS } : null,
  });
}

type MailEnv = z.infer<typeof mailSchema>;
type AuthEnv = z.infer<typeof authSchema>;

interface Login {
  imapPassword: string | null;
  smtpUser: string | null;
  smtpPassword: string | null;
  oauth2: OAuth2Config | null;
  from: { address: string; name: string };
}

/** Login and sender settings, which depend on each other; adds what is wrong to `problems`. */
function loginSettings(a: AuthEnv, env: Env, problems: string[]): Login | null {
  const before = problems.length;
  const oauth2 = a.MAIL_AUTH === 'oauth2' ? oauth2Settings(a, problems) : null;
  if (a.MAIL_AUTH === 'password') {
    if (!a.IMAP_PASSWORD) problems.push('IMAP_PASSWORD is missing (or set MAIL_AUTH=oauth2 to log in with tokens)');
    const stray = Object.keys(env).filter((k) => k.startsWith('OAUTH2_'));
    if (stray.length > 0) problems.push(`${stray.join(', ')} set while MAIL_AUTH is password: set MAIL_AUTH=oauth2 to use them`);
    if (Boolean(a.SMTP_USER) !== Boolean(a.SMTP_PASSWORD)) {
      problems.push('SMTP_USER and SMTP_PASSWORD go together: set both or neither');
    }
  } else {
    // One token source serves both servers: a password beside it would be silently unused.
    for (const name of ['IMAP_PASSWORD', 'SMTP_PASSWORD'] as const) {
      if (a[name]) problems.push(`${name} is not used with MAIL_AUTH=oauth2: remove it`);
    }
  }
  const from = senderOf(a, env, problems);
  if (problems.length > before || !from) return null;
  return {
    imapPassword: oauth2 ? null : a.IMAP_PASSWORD ?? null,
    // With OAuth2 the token acts for the mailbox: SMTP logs in as it unless told otherwise.
    smtpUser: a.SMTP_USER ?? (oauth2 ? env.IMAP_USER?.trim() ?? null : null),
    smtpPassword: oauth2 ? null : a.SMTP_PASSWORD ?? null,
    oauth2,
    from,
  };
}

function mailSettings(m: MailEnv, login: Login): MailConfig {
  const own = [login.from.address, m.IMAP_USER, ...(m.OWN_ADDRESSES ?? '').split(',')]
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a.includes('@'));
  return {
    imap: {
      host: m.IMAP_HOST, port: m.IMAP_PORT, user: m.IMAP_USER, password: login.imapPassword, tls: m.IMAP_TLS,
      rejectUnauthorized: m.IMAP_TLS_REJECT_UNAUTHORIZED, mailbox: m.IMAP_MAILBOX, sentCopy: m.SENT_COPY,
      sentMailbox: m.SENT_MAILBOX ?? null, keywords: m.IMAP_KEYWORDS,
    },
    smtp: {
      host: m.SMTP_HOST, port: m.SMTP_PORT, user: login.smtpUser, password: login.smtpPassword, tls: m.SMTP_TLS,
      rejectUnauthorized: m.SMTP_TLS_REJECT_UNAUTHORIZED,
    },
    oauth2: login.oauth2,
    from: login.from,
    ownAddresses: [...new Set(own)],
    pollIntervalSeconds: m.POLL_INTERVAL_SECONDS,
    maxMessageBytes: m.MAX_MESSAGE_BYTES,
    repliesEnabled: m.REPLIES_ENABLED,
    trustedAuthservIds: (m.TRUSTED_AUTHSERV_ID ?? '').split(',').map((id) => id.trim().toLowerCase()).filter(Boolean),
    messageTimeLimitMs: Math.round(m.MESSAGE_TIME_LIMIT_SECONDS * 1000),
  };
}

/** MAIL_FROM as people write it: a bare address or "Name <address>", parsed by nodemailer. */
function senderOf(m: AuthEnv, env: Env, problems: string[]): { address: string; name: string } | null {
  if (!m.MAIL_FROM) {
    const user = env.IMAP_USER?.trim();
    if (!user) return null; // reported as missing already
    if (email.safeParse(user).success) return { address: user, name: m.MAIL_FROM_NAME };
    problems.push(`MAIL_FROM is missing and IMAP_USER (${user}) is not an e-mail address: set MAIL_FROM`);
    return null;
  }
  const parsed = addressparser(m.MAIL_FROM);
  const only = parsed.length === 1 ? parsed[0] : undefined;
  if (!only || only.group || !email.safeParse(only.address).success) {
    problems.push('MAIL_FROM: expected one address, as D-Loket@VNG.nl or D-Loket <D-Loket@VNG.nl>');
    return null;
  }
  const name = only.name.trim();
  if (name && env.MAIL_FROM_NAME && env.MAIL_FROM_NAME.trim() !== name) {
    problems.push(`MAIL_FROM names the sender "${name}" and MAIL_FROM_NAME says "${env.MAIL_FROM_NAME.trim()}": keep one of the two`);
    return null;
  }
  return { address: only.address, name: name || m.MAIL_FROM_NAME };
}

function oauth2Settings(m: AuthEnv, problems: string[]): OAuth2Config | null {
  const before = problems.length;
  const preset = m.OAUTH2_PROVIDER ? providerPresets[m.OAUTH2_PROVIDER] : null;
  const refreshToken = m.OAUTH2_REFRESH_TOKEN ?? null;
  if (!m.OAUTH2_CLIENT_ID) problems.push('OAUTH2_CLIENT_ID is missing: MAIL_AUTH=oauth2 needs the application (client) id');
  if (!refreshToken && !m.OAUTH2_CLIENT_SECRET) {
    problems.push('OAUTH2_CLIENT_SECRET is missing: app-only access (no OAUTH2_REFRESH_TOKEN) logs in with the client secret');
  }
  if (preset && !refreshToken && !preset.clientCredentialsScope) {
    problems.push(`OAUTH2_REFRESH_TOKEN is missing: ${m.OAUTH2_PROVIDER} grants mail access to an OAuth client only with a user's refresh token`);
  }
  let tokenUrl = m.OAUTH2_TOKEN_URL;
  if (!tokenUrl && preset?.needsTenant && !m.OAUTH2_TENANT) {
    problems.push('OAUTH2_TENANT is missing: OAUTH2_PROVIDER=microsoft needs the directory (tenant) id or domain');
  } else if (!tokenUrl && preset) {
    tokenUrl = preset.tokenUrl(m.OAUTH2_TENANT);
  } else if (!tokenUrl) {
    problems.push('OAUTH2_TOKEN_URL is missing: give the token endpoint, or OAUTH2_PROVIDER=microsoft|google');
  } else if (!isSecureEndpoint(tokenUrl)) {
    problems.push('OAUTH2_TOKEN_URL: expected https:// (plain http only to this machine)');
  }
  if (problems.length > before || !tokenUrl || !m.OAUTH2_CLIENT_ID) return null;
  const scope = m.OAUTH2_SCOPE ?? (preset ? (refreshToken ? preset.refreshTokenScope : preset.clientCredentialsScope) : null);
  return {
    provider: m.OAUTH2_PROVIDER ?? null, tokenUrl, clientId: m.OAUTH2_CLIENT_ID,
    clientSecret: m.OAUTH2_CLIENT_SECRET ?? null, scope, refreshToken,
  };
}

/** Secrets go over TLS; plain http is for a token endpoint on this machine (tests, a local proxy). */
export function isSecureEndpoint(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

/** Reads ./.env into process.env when present; real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
