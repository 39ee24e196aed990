// The pipeline's parts for organisers' commands: the same templates, rules and SMTP sender the
// worker uses, on the command's own database connection.
import addressparser from 'nodemailer/lib/addressparser';
import { shippedCatalogue, type Catalogue } from '../catalogue/catalogue.js';
import type { MailConfig } from '../config/config.js';
import type { Database } from '../db/client.js';
import { currentCatalogue } from '../db/sessions.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { loadTemplates } from '../replies/render.js';
import { createSmtpSender } from '../replies/transport.js';
import type { CommandContext } from './context.js';

export async function commandDeps(
  ctx: CommandContext, database: Database, mail: MailConfig, opts: { send: boolean },
): Promise<PipelineDeps & { close(): void }> {
  const sender = opts.send ? createSmtpSender(mail.smtp, ctx.logger) : null;
  return {
    database, logger: ctx.logger, clock: ctx.clock, mail, policy: ctx.config.rules, review: ctx.config.review,
    templates: await loadTemplates(ctx.config.templatesDir ?? undefined),
    catalogue: (await currentCatalogue(database.db)) ?? shippedCatalogue,
    sender: sender ?? {
      send: () => Promise.reject(new Error('this command sends no mail')),
    },
    close: () => sender?.close(),
  };
}

/**
 * The mail identity for a command that only renders replies (replay) when the mailbox settings
 * are absent, as on a fresh clone: From is MAIL_FROM, else the catalogue's mailbox.
 */
export function offlineMailConfig(env: Record<string, string | undefined>, catalogue: Catalogue): MailConfig {
  // MAIL_FROM may be written "D-Loket <D-Loket@VNG.nl>", as in the worker's settings.
  const fromSetting = env.MAIL_FROM?.trim() ? addressparser(env.MAIL_FROM)[0] : undefined;
  const address = fromSetting?.address || env.IMAP_USER?.trim() || catalogue.mailbox || 'D-Loket@VNG.nl';
  const own = [address, ...(env.OWN_ADDRESSES ?? '').split(',')].map((a) => a.trim().toLowerCase()).filter((a) => a.includes('@'));
  return {
    imap: {
      host: '', port: 0, user: address, password: '', tls: true, rejectUnauthorized: true, mailbox: 'INBOX',
      sentCopy: false, sentMailbox: null, keywords: false,
    },
    smtp: { host: '', port: 0, user: null, password: null, tls: false, rejectUnauthorized: true },
    from: { address, name: env.MAIL_FROM_NAME?.trim() || fromSetting?.name?.trim() || 'D-Loket' },
    ownAddresses: [...new Set(own)],
    pollIntervalSeconds: 60,
    maxMessageBytes: Number(env.MAX_MESSAGE_BYTES) > 0 ? Number(env.MAX_MESSAGE_BYTES) : 10 * 1024 * 1024,
    repliesEnabled: true,
    trustedAuthservIds: (env.TRUSTED_AUTHSERV_ID ?? '').split(',').map((id) => id.trim().toLowerCase()).filter(Boolean),
    messageTimeLimitMs: Number(env.MESSAGE_TIME_LIMIT_SECONDS) > 0 ? Number(env.MESSAGE_TIME_LIMIT_SECONDS) * 1000 : 10_000,
  };
}
