// Brings a database to the state the bot needs: migrated, with a session catalogue.
import { readCatalogueFile, shippedCatalogue } from '../catalogue/catalogue.js';
import type { Logger } from '../observability/logger.js';
import type { Database } from './client.js';
import { countSessions, importCatalogue } from './sessions.js';

export async function prepareDatabase(database: Database, opts: { sessionsFile: string | null; logger: Logger }): Promise<void> {
  await database.migrate();
  opts.logger.info({ event: 'db.migrated', kind: database.kind }, 'database migrated');
  if ((await countSessions(database.db)) > 0) return;
  // A fresh database gets the configured catalogue, else the 2018 one that ships with the bot.
  const catalogue = opts.sessionsFile ? await readCatalogueFile(opts.sessionsFile) : shippedCatalogue;
  const { inserted } = await importCatalogue(database.db, catalogue);
  opts.logger.info({ event: 'sessions.imported', inserted, source: opts.sessionsFile ?? 'shipped' }, 'session catalogue loaded');
}
