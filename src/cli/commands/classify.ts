// `dloket-bot classify [--now ISO] [--sessions FILE] FILE.eml...`: one JSON line per file with
// the decision and what explains it. No database, no mail sent, nothing written.
import { Command, InvalidArgumentError } from 'commander';
import { readFile } from 'node:fs/promises';
import { readCatalogueFile, shippedCatalogue, type Catalogue } from '../../catalogue/catalogue.js';
import { classify } from '../../understanding/understand.js';

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

async function classifyFile(file: string, catalogue: Catalogue, now: Date | undefined): Promise<string> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (err) {
    return JSON.stringify({ file, error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
  }
  try {
    const v = await classify(raw, { catalogue, ownAddresses: ownAddresses(catalogue), now: now ?? null });
    return JSON.stringify({ file, ...v });
  } catch (err) {
    return JSON.stringify({ file, error: (err as Error).message });
  }
}

export function classifyCommand(): Command {
  return new Command('classify')
    .description('Read .eml files and print one JSON decision per file (no database, no mail).')
    .argument('<files...>', 'messages to classify (RFC 5322 .eml files)')
    .option('--now <iso-datetime>', 'judge every message as of this instant instead of its Date header', parseNow)
    .option('--sessions <file>', 'session catalogue JSON (default: the shipped 2018 catalogue)')
    .action(async (files: string[], opts: Options) => {
      const catalogue = opts.sessions ? await readCatalogueFile(opts.sessions) : shippedCatalogue;
      const out: string[] = [];
      for (const file of files) {
        out.push(await classifyFile(file, catalogue, opts.now));
        if (out.length >= 64) process.stdout.write(out.splice(0).join('\n') + '\n');
      }
      if (out.length) process.stdout.write(out.join('\n') + '\n');
    });
}
