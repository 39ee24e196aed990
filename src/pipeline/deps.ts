// What the pipeline is built from. The composition roots (cli, tests) make these; the
// pipeline only uses them, so a test can hand in a fixed clock or a failing transport.
import type { Catalogue } from '../catalogue/catalogue.js';
import type { MailConfig, ReviewConfig } from '../config/config.js';
import type { Database } from '../db/client.js';
import type { Logger } from '../observability/logger.js';
import type { PipelineMetrics } from '../observability/metrics.js';
import type { Templates } from '../replies/render.js';
import type { Policy } from '../rules/types.js';

export interface ReplySender {
  send(message: { from: string; to: string; raw: Buffer }): Promise<{ response: string }>;
}

export interface PipelineDeps {
  database: Database;
  logger: Logger;
  clock: () => Date;
  mail: MailConfig;
  policy: Policy;
  templates: Templates;
  sender: ReplySender;
  /** The catalogue as the database holds it; refreshed at every sync. */
  catalogue: Catalogue;
  /** Counts for /metrics (HTTP_PORT); absent when nobody scrapes. */
  metrics?: PipelineMetrics;
  /** REVIEW: which decisions wait for an organiser (none when absent). */
  review?: ReviewConfig;
}
