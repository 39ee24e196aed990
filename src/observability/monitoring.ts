// Health and metrics for a running worker: readiness from the database, the mailbox
// connection and the token source; the mailbox loop's reports go to both.
import { sql } from 'drizzle-orm';
import type { TokenSource } from '../auth/oauth2.js';
import type { HttpConfig } from '../config/config.js';
import type { Database } from '../db/client.js';
import type { MailboxMonitor } from '../mailbox/types.js';
import { createHealth, type Health } from './health.js';
import { startHttpEndpoints } from './http.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

export interface Monitoring {
  health: Health;
  /** Hand this to the mailbox loop. */
  mailbox: MailboxMonitor;
  close(): Promise<void>;
}

export async function startMonitoring(http: HttpConfig, deps: {
  database: Database; metrics: Metrics; tokens: TokenSource | undefined; logger: Logger; signal: AbortSignal;
}): Promise<Monitoring> {
  const { metrics, tokens } = deps;
  const health = createHealth({
    pingDatabase: async () => {
      await deps.database.db.execute(sql`select 1`);
    },
    ...(tokens ? { tokenFailure: () => tokens.failure() } : {}),
    readyReconnectSeconds: http.readyReconnectSeconds,
  });
  const endpoints = await startHttpEndpoints(http, { health, metrics, logger: deps.logger });
  // From the first signal on, orchestrators should stop sending work: no longer ready.
  const onStop = () => health.stopping();
  deps.signal.addEventListener('abort', onStop, { once: true });
  return {
    health,
    mailbox: {
      connectionChanged(up) {
        metrics.connectionChanged(up);
        health.connectionChanged(up);
      },
      reconnectScheduled() {
        metrics.reconnectScheduled();
      },
    },
    async close() {
      deps.signal.removeEventListener('abort', onStop);
      await endpoints.close();
    },
  };
}
