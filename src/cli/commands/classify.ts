// `dloket-bot classify [--now ISO] [--sessions FILE] FILE.eml...`: one JSON line per file with
// the decision and what explains it. No database, no mail sent, nothing written.
import { Command, InvalidArgumentError } from 'commander';
import { readFile } from 'node:fs/promises';
import { readCatalogueFile, shippedCatalogue, type Catalogue } from '../../catalogue/catalogue.js';
import { classifyBatch } from '../../understanding/understand.js';

interface Options {
  now?: Date;
  sessions?: string;
}

function parseNow(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError(`not a date-time: ${value}`);
  return d;
}

function ownAddresses(catalogue: Catalogue): string[] {
  return catalogue.mailbox ? [catalogue.mailbox.toLowerCase()] : [];
}

const CHUNK = 64; // files read, parsed and understood together; bounds the memory held

async function classifyChunk(files: string[], catalogue: Catalogue, now: Date | undefined): Promise<string[]> {
  const read: (Buffer | Error)[] = await Promise.all(files.map((f) =>
    readFile(f).catch((err: NodeJS.ErrnoException) => new Error(`cannot read: ${err.code ?? err.message}`))));
  const raws = read.filter((r): r is Buffer => !(r instanceof Error));
  const verdicts = await classifyBatch(raws, { catalogue, ownAddresses: ownAddresses(catalogue), now: now ?? null });
  let k = 0;
  return files.map((file, i) => {
    const r = read[i]!;
    const v = r instanceof Error ? r : verdicts[k++]!;
    return JSON.stringify(v instanceof Error ? { file, error: v.message } : { file, ...v });
  });
}

export function classifyCommand(): Command {
  return new Command('classify')
    .description('Read .eml files and print one JSON decision per file (no database, no mail).')
    .argument('<files...>', 'messages to classify (RFC 5322 .eml files)')
    .option('--now <iso-datetime>', 'judge every message as of this instant instead of its Date header', parseNow)
    .option('--sessions <file>', 'session catalogue JSON (default: the shipped 2018 catalogue)')
    .action(async (files: string[], opts: Options, command: Command) => {
      let catalogue = shippedCatalogue;
      if (opts.sessions) {
        try {
          catalogue = await readCatalogueFile(opts.sessions);
        } catch (err) {
          command.error(`classify: ${(err as Error).message}`, { exitCode: 2 });
        }
      }
      for (let i = 0; i < files.length; i += CHUNK) {
        const lines = await classifyChunk(files.slice(i, i + CHUNK), catalogue, opts.now);
        process.stdout.write(lines.join('\n') + '\n');
      }
    });
}
