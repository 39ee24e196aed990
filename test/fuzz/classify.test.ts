// 10,000 generated and mutated messages through classify (fast-check, pinned seed): each ends
// in a verdict or in a ParseError, never another exception, never a hang. What the worker reads
// besides (the DMARC verdict, a bounce report) must not throw on them either.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { it } from 'node:test';
import fc from 'fast-check';
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { trustedDmarc } from '../../src/understanding/authentication.js';
import { readBounce } from '../../src/understanding/bounce.js';
import { ParseError } from '../../src/understanding/parse.js';
import { classify } from '../../src/understanding/understand.js';
import { hostileMessage } from './hostile-mail.js';

const RUNS = 10_000;
const SEED = 20180601;
// Not a speed requirement: a promise still pending after this long is a hang.
const HANG_MS = 60_000;
const intents = new Set(['register', 'cancel', 'alternatives', 'escalate', 'ignore']);
const ctx = { catalogue: shippedCatalogue, ownAddresses: ['d-loket@vng.nl'], now: new Date('2018-06-01T10:00:00Z') };

/** The Authentication-Results values of the header block, unfolded (a cheap reading, as hostile as the mail). */
function authenticationResults(raw: Buffer): string[] {
  const text = raw.subarray(0, 64 * 1024).toString('latin1');
  const head = text.split(/\r?\n\r?\n/)[0] ?? '';
  return [...head.replace(/\r?\n[ \t]+/g, ' ').matchAll(/^Authentication-Results:(.*)$/gim)].map((m) => m[1]!);
}

it(`classify survives ${RUNS} hostile messages: a verdict or a ParseError for each`, { timeout: 600_000 }, async () => {
  const tally = new Map<string, number>();
  let slowest = 0;
  let bytes = 0;
  await fc.assert(fc.asyncProperty(hostileMessage, async (raw) => {
    bytes += raw.length;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`classify still busy after ${HANG_MS} ms`)), HANG_MS);
    });
    try {
      const v = await Promise.race([classify(raw, ctx), hang]);
      assert.ok(intents.has(v.intent), `intent ${v.intent}`);
      // The worker reads the envelope of the same mail: DMARC verdicts always, reports of bounces.
      trustedDmarc(authenticationResults(raw), ['mx.vng.nl']);
      if (v.automated === 'bounce') {
        const report = await Promise.race([readBounce(raw, ctx.ownAddresses), hang]);
        if (report) assert.ok(report.messageIds.every((id) => id.startsWith('<') && id.endsWith('>')));
        tally.set('bounce-read', (tally.get('bounce-read') ?? 0) + (report ? 1 : 0));
      }
      assert.ok(v.confidence >= 0 && v.confidence <= 1);
      assert.ok(v.session === null || shippedCatalogue.sessions.some((s) => s.slug === v.session));
      JSON.stringify(v); // what the CLI prints must be printable
      tally.set(v.intent, (tally.get(v.intent) ?? 0) + 1);
    } catch (err) {
      if (!(err instanceof ParseError)) throw err; // anything else is a crash
      tally.set('ParseError', (tally.get('ParseError') ?? 0) + 1);
    } finally {
      clearTimeout(timer);
      slowest = Math.max(slowest, performance.now() - started);
    }
  }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
  process.stdout.write(`# ${RUNS} messages, ${(bytes / 1e6).toFixed(1)} MB: ${JSON.stringify(Object.fromEntries(tally))}; slowest ${slowest.toFixed(0)} ms\n`);
  assert.ok((tally.get('ParseError') ?? 0) < RUNS / 2, 'most hostile messages are still read (the generator is not just noise)');
  assert.ok((tally.get('register') ?? 0) > 0 && (tally.get('ignore') ?? 0) > 0);
});
