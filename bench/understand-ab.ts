// understand() alone, µs of CPU per message, for one or more builds side by side:
//   node --import tsx bench/understand-ab.ts dist [/path/to/other/dist ...] [--processes 6] [--blocks 4]
// Each build runs alone in a process of its own (builds loaded into one process do not run
// alike: the first loaded runs faster), and the processes take turns (A, B, A, B, ...), so that
// a busy moment of the shared machine hits every build alike. A process parses all messages of
// the regression sets once with the build's own parseMail, warms up, then times blocks of
// understand() over all of them, chunk by chunk (a few hundred messages each). Prints per build
// the median and best block, and the sum over chunks of each chunk's best time: on a machine
// shared with other work that is the figure least disturbed by it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { processes: { type: 'string', default: '6' }, blocks: { type: 'string', default: '4' }, child: { type: 'boolean', default: false } },
});
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHUNK = 300;

/** µs of CPU per block and per chunk of a block, for `messages` messages. */
interface Run { messages: number; blocks: { cpu: number; wall: number; chunks: number[] }[] }

/** In a child: time understand() over every message of the sets with one build. */
async function measure(dist: string, blocks: number): Promise<Run> {
  const dirs = [join(root, '../shared/corpus/dev/cases'), join(root, 'test/fixtures/mail/cases')];
  const written = join(root, 'test/fixtures/written');
  for (const set of readdirSync(written).sort()) dirs.push(join(written, set, 'cases'));
  const raws = dirs.filter(existsSync).flatMap((d) =>
    readdirSync(d).filter((f) => f.endsWith('.eml')).sort().map((f) => readFileSync(join(d, f))));
  const at = (p: string) => pathToFileURL(resolve(dist, p)).href;
  const { parseMail } = await import(at('understanding/parse.js'));
  const { understand } = await import(at('understanding/understand.js'));
  const { shippedCatalogue } = await import(at('catalogue/catalogue.js'));
  const ctx = { catalogue: shippedCatalogue, ownAddresses: ['d-loket@vng.nl'] };
  const mails: { date: Date | null }[] = [];
  for (const raw of raws) mails.push(await parseMail(raw));
  const chunks: (typeof mails)[] = [];
  for (let i = 0; i < mails.length; i += CHUNK) chunks.push(mails.slice(i, i + CHUNK));
  const run = (chunk: typeof mails) => { for (const m of chunk) understand(m, { ...ctx, now: m.date ?? new Date(0) }); };
  for (let i = 0; i < 3; i++) chunks.forEach(run); // warm-up: JIT and caches
  const out: Run = { messages: mails.length, blocks: [] };
  for (let b = 0; b < blocks; b++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const times = chunks.map((chunk) => {
      const u0 = process.cpuUsage();
      run(chunk);
      const u = process.cpuUsage(u0);
      return u.user + u.system;
    });
    const wall = Number(process.hrtime.bigint() - t0) / 1e3;
    const c = process.cpuUsage(c0);
    out.blocks.push({ cpu: (c.user + c.system) / mails.length, wall: wall / mails.length, chunks: times });
  }
  return out;
}

if (values.child) {
  console.log(JSON.stringify(await measure(positionals[0]!, Number(values.blocks))));
} else {
  const builds = positionals.length ? positionals : ['dist'];
  const runs = new Map<string, Run[]>(builds.map((b) => [b, []]));
  for (let p = 0; p < Number(values.processes); p++) {
    // Alternate the order too, so neither build always runs right after the other.
    for (const dist of p % 2 ? [...builds].reverse() : builds) {
      const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', '--blocks', values.blocks!, dist], { encoding: 'utf8' });
      runs.get(dist)!.push(JSON.parse(out) as Run);
    }
  }
  const best = (xs: number[]) => Math.min(...xs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`understand() µs per message over the regression sets; ${values.processes} processes per build, taking turns, ${values.blocks} blocks each`);
  for (const [dist, rs] of runs) {
    const blocks = rs.flatMap((r) => r.blocks);
    const cpu = blocks.map((b) => b.cpu);
    const wall = blocks.map((b) => b.wall);
    const chunkBest = blocks[0]!.chunks.map((_, k) => best(blocks.map((b) => b.chunks[k]!)));
    const quiet = chunkBest.reduce((a, b) => a + b, 0) / rs[0]!.messages;
    console.log(`${dist}: CPU ${quiet.toFixed(0)} (sum of chunk bests); blocks ${best(cpu).toFixed(0)} best, ${median(cpu).toFixed(0)} median; wall ${best(wall).toFixed(0)} best, ${median(wall).toFixed(0)} median`);
  }
}
