// Puts registrations in a database the way the bot does: mail through the real pipeline
// (handleMessage, without IMAP) and changes through the organisers' code, with a fixed clock.
import { loadConfig, type MailConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/db/client.js';
import { prepareDatabase } from '../../src/db/setup.js';
import { createLogger } from '../../src/observability/logger.js';
import { applyManualChange, type ManualChange } from '../../src/organisers/manual-change.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { handleMessage } from '../../src/pipeline/handle-message.js';
import { commandDeps } from '../../src/cli/pipeline-deps.js';
import { mail } from '../e2e/harness.js';

export interface Seeder {
  deps: PipelineDeps;
  /** A mail as if it arrived in INBOX with this UID. */
  receive(fields: Parameters<typeof mail>[0]): Promise<string>;
  change(change: Omit<ManualChange, 'by' | 'quiet'> & { by?: string }): ReturnType<typeof applyManualChange>;
  close(): Promise<void>;
}

/** Mail settings that reach nothing: seeding sends no mail (changes are --quiet, mail replies stay pending). */
export const offlineEnv = {
  IMAP_HOST: 'imap.invalid', IMAP_USER: 'D-Loket@VNG.nl', IMAP_PASSWORD: 'x', SMTP_HOST: '127.0.0.1', SMTP_PORT: '1',
  MAIL_FROM: 'D-Loket@VNG.nl',
};

export async function seeder(env: Record<string, string>, now: Date): Promise<Seeder> {
  const config = loadConfig({ ...offlineEnv, ...env }, { mail: true });
  const logger = createLogger('silent');
  const database = await openDatabase(config.database);
  await prepareDatabase(database, { sessionsFile: config.sessionsFile, logger });
  const deps = await commandDeps({ config, logger, clock: () => now }, database, config.mail as MailConfig, { send: false });
  let uid = 0;
  return {
    deps,
    async receive(fields) {
      const raw = mail(fields);
      await handleMessage(deps, { path: 'INBOX', uidValidity: '7', uidNext: uid + 2, exists: uid + 1, keywordsAllowed: true }, {
        uid: ++uid, size: raw.length, internalDate: now, source: Buffer.from(raw), truncated: false,
      });
      return raw;
    },
    change: (c) => applyManualChange(deps, { by: 'seed', ...c, quiet: true }),
    async close() {
      deps.close();
      await database.close();
    },
  };
}
