// The classify figures of `npm run bench`: throughput (messages/s, one core, after warm-up)
// beside the floor of parsing the same messages with mailparser's simpleParser alone, and
// memory. Figures, not a pass/fail: the aim is >= 1,000 messages/s and within 1.5x of the floor.
//
// It measures the compiled build (`dist/`, what `npm start` runs; `npm run bench` builds it first),
// or another build given with --dist, so that two commits can be compared in one harness. Run
// from the TypeScript sources through tsx, the same code is slower by a third: tsx's transpiler
// wraps every closure it creates in a naming helper, which the compiled build does not have.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import type { Catalogue } from '../src/catalogue/catalogue.js';
import type * as Parse from '../src/understanding/parse.js';
import type * as Understand from '../src/understanding/understand.js';
import type { InboundMail } from '../src/understanding/types.js';

export async function benchClassify(distDir?: string): Promise<void> {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const dist = resolve(distDir ?? join(root, 'dist'));
  const load = (module: string) => import(pathToFileURL(join(dist, module)).href);
  if (!existsSync(join(dist, 'understanding/understand.js'))) {
    console.error(`bench: no build in ${dist} (npm run build)`);
    return;
  }
  const { shippedCatalogue } = (await load('catalogue/catalogue.js')) as { shippedCatalogue: Catalogue };
  const { parseMail } = (await load('understanding/parse.js')) as typeof Parse;
  const { classify, classifyBatch, understand } = (await load('understanding/understand.js')) as typeof Understand;
  const candidates = [join(root, '../shared/corpus/dev/cases'), join(root, 'test/fixtures/mail/cases')];
  const dir = candidates.find((d) => existsSync(d) && readdirSync(d).some((f) => f.endsWith('.eml')));
  if (!dir) {
    console.error('bench: no messages found in', candidates.join(' or '));
    return;
  }
  const raws = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => readFileSync(join(dir, f)));
  const ctx = { catalogue: shippedCatalogue, ownAddresses: ['d-loket@vng.nl'] };

  async function floorRound(): Promise<void> {
    for (const raw of raws) await simpleParser(raw);
  }
  // The CLI path: chunks of 64 messages, each parsed in full and then understood.
  async function classifyRound(): Promise<void> {
    for (let i = 0; i < raws.length; i += 64) await classifyBatch(raws.slice(i, i + 64), ctx);
  }
  // The worker path: one message at a time, as mail arrives.
  async function singleRound(): Promise<void> {
    for (const raw of raws) await classify(raw, ctx);
  }

  async function timed(round: () => Promise<void> | void, rounds: number): Promise<number> {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) await round();
    return Number(process.hrtime.bigint() - t0) / 1e9;
  }

  const perSecond = (rounds: number, seconds: number) => (rounds * raws.length) / seconds;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

  // Rounds so that one block takes about half a second.
  const warm = (await timed(classifyRound, 3)) / 3;
  await timed(floorRound, 3);
  const rounds = Math.max(3, Math.round(0.5 / warm));
  const BLOCKS = 8;
  const floorBlocks: number[] = [];
  const classifyBlocks: number[] = [];
  const parseBlocks: number[] = [];
  const singleBlocks: number[] = [];
  for (let block = 0; block < BLOCKS; block++) {
    // Interleaved, so that a busy moment of the machine hits both alike.
    floorBlocks.push(perSecond(rounds, await timed(floorRound, rounds)));
    classifyBlocks.push(perSecond(rounds, await timed(classifyRound, rounds)));
    parseBlocks.push(perSecond(rounds, await timed(async () => { for (const raw of raws) await parseMail(raw); }, rounds)));
    singleBlocks.push(perSecond(rounds, await timed(singleRound, rounds)));
  }
  const mails: InboundMail[] = [];
  for (const raw of raws) mails.push(await parseMail(raw));
  const decideBlocks: number[] = [];
  for (let block = 0; block < BLOCKS; block++) {
    decideBlocks.push(perSecond(rounds, await timed(() => {
      for (const m of mails) understand(m, { ...ctx, now: m.date ?? new Date() });
    }, rounds)));
  }

  // The best block is the figure least disturbed by other work on the machine; the median shows the spread.
  const best = (xs: number[]) => Math.max(...xs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const floor = best(floorBlocks);
  const cls = best(classifyBlocks);
  const mem = process.memoryUsage();
  console.log(`build: ${dist}`);
  console.log(`messages: ${raws.length} from ${dir}; ${BLOCKS} interleaved blocks of ${rounds} rounds; one core (single thread), after warm-up`);
  console.log(`floor    (mailparser simpleParser alone): ${floor.toFixed(0)} messages/s (median ${median(floorBlocks).toFixed(0)})`);
  console.log(`classify (CLI: chunks of 64, parse + understand): ${cls.toFixed(0)} messages/s (median ${median(classifyBlocks).toFixed(0)})`);
  console.log(`classify one message at a time (worker):  ${best(singleBlocks).toFixed(0)} messages/s (median ${median(singleBlocks).toFixed(0)}, ${(floor / best(singleBlocks)).toFixed(2)}x floor)`);
  console.log(`parse only (parseMail):                   ${best(parseBlocks).toFixed(0)} messages/s (median ${median(parseBlocks).toFixed(0)})`);
  console.log(`understand only (already parsed):         ${best(decideBlocks).toFixed(0)} messages/s (median ${median(decideBlocks).toFixed(0)})`);
  console.log(`ratio classify/floor time: ${(floor / cls).toFixed(2)}x best, ${(median(floorBlocks) / median(classifyBlocks)).toFixed(2)}x median (aim <= 1.5x; throughput aim >= 1000 messages/s)`);
  console.log(`memory: rss ${mb(mem.rss)}, heap used ${mb(mem.heapUsed)} of ${mb(mem.heapTotal)}`);
}
