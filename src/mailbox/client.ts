// Builds one ImapFlow connection from the settings. An ImapFlow instance is single-use: after
// 'close' the loop builds a new one (postalsys/imapflow#267, #256).

import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { Logger } from 'pino';
import type { MailConfig } from '../config/config.js';

type ImapFlowLogger = Exclude<ImapFlowOptions['logger'], false | undefined>;

/**
 * imapflow logs every protocol line at debug and each connection step at info. Those go one
 * level down (trace, debug) so the bot's own `imap.*` events stay readable at info. imapflow's
 * errors become warnings: the loop reports the outcome itself, with a stable event name.
 * imapflow replaces credentials and literals (message bodies) with placeholders in its lines.
 */
export function imapflowLogger(logger: Logger): ImapFlowLogger {
  const log = logger.child({ component: 'imapflow' });
  return {
    trace: (entry: object) => log.trace(entry),
    debug: (entry: object) => log.trace(entry),
    info: (entry: object) => log.debug(entry),
    warn: (entry: object) => log.warn(entry),
    error: (entry: object) => log.warn(entry),
    fatal: (entry: object) => log.error(entry),
  };
}

/**
 * How soon after the last command imapflow starts IDLE (its default is 15 s). Mail that lands
 * before IDLE starts is only announced when it does, so this is short; while a sync runs,
 * commands follow each other faster than this and no IDLE starts in between.
 */
export const AUTO_IDLE_DELAY_MS = 100;

/** With `accessToken` (OAuth2) it logs in with OAUTHBEARER or XOAUTH2, else with the password. */
export function createImapClient(imap: MailConfig['imap'], logger: Logger, accessToken?: string): ImapFlow {
  return new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.tls,
    // Plain connections still upgrade through STARTTLS when the server offers it.
    tls: { rejectUnauthorized: imap.rejectUnauthorized },
    auth: accessToken ? { user: imap.user, accessToken } : { user: imap.user, pass: imap.password ?? '' },
    logger: imapflowLogger(logger),
    clientInfo: { name: 'dloket-bot' },
    // New mail only reaches us during IDLE (or a command): start it soon after each sync.
    autoIdleDelay: AUTO_IDLE_DELAY_MS,
    // RFC 2177 asks to renew IDLE within 29 minutes; many servers cut quiet connections sooner.
    maxIdleTime: 5 * 60_000,
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
  });
}
