// npm run bench: classify throughput (messages/s, one core, after warm-up) beside the floor of
// parsing the same messages with mailparser's simpleParser alone, and memory. Figures, not a
// pass/fail: the aim is >= 1,000 messages/s and within 1.5x of the floor.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { shippedCatalogue } from '../src/catalogue/catalogue.js';
import { parseMail } from '../src/understanding/parse.js';
import { classify, understand } from '../src/understanding/understand.js';
import type { InboundMail } from '../src/understanding/types.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const candidates = [join(root, '../shared/corpus/dev/cases'), join(root, 'test/fixtures/mail')];
const dir = candidates.find((d) => existsSync(d) && readdirSync(d).some((f) => f.endsWith('.eml')));
if (!dir) {
  console.error('bench: no messages found in', candidates.join(' or '));
  process.exit(2);
}
const raws = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => readFileSync(join(dir, f)));
const ctx = { catalogue: shippedCatalogue, ownAddresses: ['d-loket@vng.nl'] };

async function floorRound(): Promise<void> {
  for (const raw of raws) await simpleParser(raw);
}
async function classifyRound(): Promise<void> {
  for (const raw of raws) await classify(raw, ctx);
}

async function timed(round: () => Promise<void> | void, rounds: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await round();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const perSecond = (rounds: number, seconds: number) => (rounds * raws.length) / seconds;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

// Rounds so that each measurement takes about a second.
const warm = await timed(classifyRound, 3) / 3;
await timed(floorRound, 3);
const rounds = Math.max(5, Math.round(1 / warm));
let floorSeconds = 0;
let classifySeconds = 0;
for (let block = 0; block < 4; block++) {
  // Interleaved, so that a slow moment of the machine hits both.
  floorSeconds += await timed(floorRound, rounds);
  classifySeconds += await timed(classifyRound, rounds);
}
const mails: InboundMail[] = [];
for (const raw of raws) mails.push(await parseMail(raw));
const decideSeconds = await timed(() => {
  for (const m of mails) understand(m, { ...ctx, now: m.date ?? new Date() });
}, rounds * 4);

const floor = perSecond(rounds * 4, floorSeconds);
const cls = perSecond(rounds * 4, classifySeconds);
const mem = process.memoryUsage();
console.log(`messages: ${raws.length} from ${dir}, ${rounds * 4} rounds each, one core (single thread), after warm-up`);
console.log(`floor    (mailparser simpleParser alone): ${floor.toFixed(0)} messages/s`);
console.log(`classify (parse + understand):            ${cls.toFixed(0)} messages/s`);
console.log(`understand only (already parsed):         ${perSecond(rounds * 4, decideSeconds).toFixed(0)} messages/s`);
console.log(`ratio classify/floor time: ${(floor / cls).toFixed(2)}x (aim <= 1.5x; throughput aim >= 1000 messages/s)`);
console.log(`memory: rss ${mb(mem.rss)}, heap used ${mb(mem.heapUsed)} of ${mb(mem.heapTotal)}`);
