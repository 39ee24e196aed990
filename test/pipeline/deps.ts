// Pipeline dependencies for tests that drive handleMessage directly on a real database.
import { shippedCatalogue, type Catalogue } from '../../src/catalogue/catalogue.js';
import { loadConfig, type MailConfig } from '../../src/config/config.js';
import type { Database } from '../../src/db/client.js';
import { importCatalogue } from '../../src/db/sessions.js';
import type { MailboxStatus } from '../../src/mailbox/types.js';
import { createLogger } from '../../src/observability/logger.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { loadTemplates } from '../../src/replies/render.js';

export const mailConfig = loadConfig({
  IMAP_HOST: '127.0.0.1', IMAP_USER: 'D-Loket@VNG.nl', IMAP_PASSWORD: 'x', SMTP_HOST: '127.0.0.1',
}, { mail: true }).mail as MailConfig;

export function withCapacity(slugs: Record<string, number>): Catalogue {
  return { ...shippedCatalogue, sessions: shippedCatalogue.sessions.map((s) => ({ ...s, capacity: slugs[s.slug] ?? s.capacity })) };
}

export async function pipelineDeps(database: Database, catalogue: Catalogue, now: Date): Promise<PipelineDeps> {
  await database.migrate();
  await importCatalogue(database.db, catalogue);
  return {
    database, logger: createLogger('silent'), clock: () => now, mail: mailConfig,
    policy: { signupDeadlineHours: 0, acknowledgeQuestions: false, replyLimitPerHour: 5 },
    templates: await loadTemplates(),
    sender: { send: () => Promise.reject(new Error('these tests do not send')) },
    catalogue,
  };
}

export const inbox: MailboxStatus = { path: 'INBOX', uidValidity: '7', uidNext: 1, exists: 0, keywordsAllowed: true };

export function signup(from: string, text: string, subject = 'Aanmelding ontwerpsessie'): Buffer {
  return Buffer.from([
    `From: <${from}>`, 'To: D-Loket <D-Loket@VNG.nl>', `Subject: ${subject}`, 'Date: Fri, 01 Jun 2018 11:00:00 +0200',
    `Message-ID: <${from.replace('@', '.')}-${Math.random().toString(36).slice(2)}@test>`, 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8', '', text, '',
  ].join('\r\n'));
}
