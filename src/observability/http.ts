// The worker's HTTP endpoints, on HTTP_PORT: /healthz (the process answers), /readyz (it can
// do its job: see health.ts) and /metrics (Prometheus text). Plain node:http: three read-only
// routes need no framework.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpConfig } from '../config/config.js';
import type { Logger } from './logger.js';
import type { Health } from './health.js';
import type { Metrics } from './metrics.js';

export interface HttpEndpoints {
  port: number;
  close(): Promise<void>;
}

export async function startHttpEndpoints(
  config: HttpConfig, deps: { health: Health; metrics: Metrics; logger: Logger },
): Promise<HttpEndpoints> {
  const log = deps.logger.child({ component: 'http' });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed\n');
    switch (path) {
      case '/healthz':
        return send(res, 200, 'application/json', '{"status":"ok"}\n');
      case '/readyz': {
        const r = await deps.health.readiness();
        if (!r.ready) log.debug({ event: 'http.not_ready', checks: r.checks });
        return send(res, r.ready ? 200 : 503, 'application/json', `${JSON.stringify({ status: r.ready ? 'ready' : 'not ready', ...r.checks })}\n`);
      }
      case '/metrics':
        return send(res, 200, deps.metrics.registry.contentType, await deps.metrics.registry.metrics());
      default:
        return send(res, 404, 'text/plain', 'not found: try /healthz, /readyz or /metrics\n');
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: Error) => {
      log.warn({ event: 'http.failed', path: req.url, error: err.message });
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error\n');
      else res.destroy();
    });
  });
  // Probes come every few seconds; a stuck client must not hold a socket for long.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(new Error(`cannot serve health and metrics on ${config.host}:${config.port} (HTTP_HOST, HTTP_PORT): ${err.code ?? err.message}`));
    });
    server.listen(config.port, config.host, () => resolve());
  });
  server.on('error', (err) => log.warn({ event: 'http.error', error: err.message }));
  const { port } = server.address() as AddressInfo;
  log.info({ event: 'http.listening', host: config.host, port }, `health on http://${config.host}:${port}/readyz, metrics on /metrics`);

  return {
    port,
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
