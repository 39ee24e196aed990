// Prometheus metrics (prom-client) in a registry of the worker's own, served on /metrics.
// The pipeline and the mailbox loop report through the small interfaces below; nothing here
// reads mail or decides anything. Label values are fixed vocabularies (outcomes, intents,
// results), never addresses or subjects.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MailboxMonitor } from '../mailbox/types.js';

/** What the pipeline reports. */
export interface PipelineMetrics {
  /** A message was recorded with this outcome; intent is null when it was never understood. */
  messageRecorded(outcome: string, intent: string | null): void;
  /** Replies written while replies are switched off (REPLIES_ENABLED=false). */
  repliesHeld(count: number): void;
  /** The SMTP server accepted a reply to a message that arrived (IMAP INTERNALDATE) at `arrivedAt`. */
  replySent(arrivedAt: Date | null): void;
  /** A send failed: retried later, failed for good, or delivery unknown. */
  replyFailed(result: 'retry' | 'failed' | 'unknown'): void;
}

export interface Metrics extends PipelineMetrics, MailboxMonitor {
  /** A request to the OAuth2 token endpoint ended. */
  tokenRequest(result: 'success' | 'failure'): void;
  readonly registry: Registry;
}

export interface MetricsOptions {
  /** Replies in the outbox by status, read at each scrape. */
  outboxCounts?: () => Promise<Record<string, number>>;
  /** Wall-clock time for the reply latency (the decision clock may be set to 2018 in tests). */
  now?: () => number;
}

// Replies are meant to leave within seconds; retries stretch to minutes and hours.
const latencyBuckets = [1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 24 * 3600];

export function createMetrics(opts: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const now = opts.now ?? Date.now;
  collectDefaultMetrics({ register: registry });

  const messages = new Counter({
    name: 'dloket_messages_total', help: 'Messages recorded, by outcome and intent', labelNames: ['outcome', 'intent'], registers: [registry],
  });
  const replies = new Counter({
    name: 'dloket_replies_total', help: 'Replies by result: sent, retry (to be tried again), failed, unknown (may have arrived), held',
    labelNames: ['result'], registers: [registry],
  });
  const latency = new Histogram({
    name: 'dloket_reply_latency_seconds', help: "Seconds from a message's arrival in the mailbox to its reply being accepted by SMTP",
    buckets: latencyBuckets, registers: [registry],
  });
  const connected = new Gauge({ name: 'dloket_imap_connected', help: '1 while the mailbox connection is up', registers: [registry] });
  const reconnects = new Counter({
    name: 'dloket_imap_reconnects_total', help: 'Reconnects scheduled after a lost or failed IMAP connection', registers: [registry],
  });
  const tokenRequests = new Counter({
    name: 'dloket_oauth2_token_refreshes_total', help: 'Requests to the OAuth2 token endpoint, by result', labelNames: ['result'], registers: [registry],
  });
  // Created up front, so a scrape shows zeros rather than nothing before the first event.
  for (const result of ['sent', 'retry', 'failed', 'unknown', 'held']) replies.inc({ result }, 0);
  for (const result of ['success', 'failure']) tokenRequests.inc({ result }, 0);
  reconnects.inc(0);
  connected.set(0);

  if (opts.outboxCounts) {
    const read = opts.outboxCounts;
    // prom-client collects all metrics of a scrape at once: both gauges share one query.
    // An unreachable database leaves them as they were (/readyz reports it).
    let counts: Promise<Record<string, number> | null> | null = null;
    const current = () => (counts ??= read().catch(() => null).finally(() => {
      counts = null;
    }));
    new Gauge({
      name: 'dloket_outbox_depth', help: 'Replies owed and not sent yet (pending or being sent)', registers: [registry],
      async collect() {
        const c = await current();
        if (c) this.set((c.pending ?? 0) + (c.sending ?? 0));
      },
    });
    new Gauge({
      name: 'dloket_outbox_replies', help: 'Replies in the outbox by status', labelNames: ['status'], registers: [registry],
      async collect() {
        const c = await current();
        if (!c) return;
        for (const status of ['pending', 'sending', 'sent', 'failed', 'unknown', 'held']) this.set({ status }, c[status] ?? 0);
      },
    });
  }

  return {
    registry,
    messageRecorded(outcome, intent) {
      messages.inc({ outcome, intent: intent ?? 'none' });
    },
    repliesHeld(count) {
      if (count > 0) replies.inc({ result: 'held' }, count);
    },
    replySent(arrivedAt) {
      replies.inc({ result: 'sent' });
      if (arrivedAt) latency.observe(Math.max(0, (now() - arrivedAt.getTime()) / 1000));
    },
    replyFailed(result) {
      replies.inc({ result });
    },
    connectionChanged(up) {
      connected.set(up ? 1 : 0);
    },
    reconnectScheduled() {
      reconnects.inc();
    },
    tokenRequest(result) {
      tokenRequests.inc({ result });
    },
  };
}
