// The container's health check (Dockerfile HEALTHCHECK): exits 0 when the worker's /readyz
// answers 200, else 1. The slim Node image has no curl; this needs only Node. It reads
// HTTP_PORT and HTTP_HOST as the worker does: the environment first, then ./.env.
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env'); // never overrides the environment
const port = process.env.HTTP_PORT?.trim();
const bound = process.env.HTTP_HOST?.trim() ?? '';
// A worker listening on every interface is reached on loopback.
const host = ['', '0.0.0.0', '::'].includes(bound) ? '127.0.0.1' : bound.includes(':') ? `[${bound}]` : bound;

if (!port) {
  process.stderr.write('dloket-bot healthcheck: HTTP_PORT is not set, so the worker serves no /readyz\n');
  process.exit(1);
}
try {
  const res = await fetch(`http://${host}:${port}/readyz`, { signal: AbortSignal.timeout(5000) });
  process.stdout.write(await res.text()); // Docker keeps this with the result (docker inspect)
  process.exit(res.status === 200 ? 0 : 1);
} catch (err) {
  process.stderr.write(`dloket-bot healthcheck: no answer from http://${host}:${port}/readyz: ${(err as Error).message}\n`);
  process.exit(1);
}
