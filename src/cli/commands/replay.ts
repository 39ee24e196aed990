// `dloket-bot replay FILE.eml…`: what the worker would do with these messages now, against the
// current database, printed in full; everything is rolled back, nothing is sent or marked.
import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { shippedCatalogue } from '../../catalogue/catalogue.js';
import { ConfigError, loadConfig, type MailConfig } from '../../config/config.js';
import { openDatabase, type Database } from '../../db/client.js';
import { prepareDatabase } from '../../db/setup.js';
import { currentCatalogue } from '../../db/sessions.js';
import { replayMessage, type ReplayResult } from '../../organisers/replay.js';
import { parseMail } from '../../understanding/parse.js';
import { commandContext, reportFailure, type CommandContext } from '../context.js';
import { commandDeps, offlineMailConfig } from '../pipeline-deps.js';

interface Options {
  now?: Date;
  raw?: boolean;
  json?: boolean;
}

function parseNow(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError(`not a date-time: ${value}`);
  return d;
}

/** The mailbox settings when they are complete; null on a fresh clone. */
function mailSettings(): MailConfig | null {
  try {
    return loadConfig(process.env, { mail: true }).mail;
  } catch (err) {
    if (err instanceof ConfigError) return null;
    throw err;
  }
}

/**
 * The configured database; on a fresh clone (no DATABASE_URL, no embedded database yet) an
 * in-memory one with the shipped catalogue, so that replay leaves no files behind either.
 */
async function replayDatabase(ctx: CommandContext): Promise<Database> {
  const { url, dataDir } = ctx.config.database;
  const fresh = !url && !existsSync(resolve(dataDir, 'pglite'));
  const database = await openDatabase({ url, dataDir, inMemory: fresh });
  try {
    await prepareDatabase(database, { sessionsFile: ctx.config.sessionsFile, logger: ctx.logger });
  } catch (err) {
    await database.close();
    throw err;
  }
  if (fresh) process.stderr.write('dloket-bot: no database yet: replaying against an empty one with the session catalogue\n');
  return database;
}

export async function printReply(raw: string, showRaw: boolean): Promise<string> {
  if (showRaw) return raw.endsWith('\n') ? raw : `${raw}\n`;
  // The headers as they go out, then what the reader sees: the text part and the attachments.
  const head = raw.slice(0, raw.search(/\r?\n\r?\n/));
  const parsed = await simpleParser(raw);
  const attachments = parsed.attachments.map((a) => {
    const method = /^METHOD:(\S+)/m.exec(a.content.toString('utf8'))?.[1];
    return `[attachment ${a.filename ?? '(no name)'}, ${a.contentType}${method ? `, METHOD:${method}` : ''}]`;
  });
  return `${head}\n\n${(parsed.text ?? '').trimEnd()}\n${attachments.length ? `\n${attachments.join('\n')}\n` : ''}`;
}

async function describe(file: string, r: ReplayResult, opts: Options): Promise<string> {
  const u = r.understanding;
  const lines = [`== ${file}`];
  if (u) {
    lines.push(`verdict: ${String(u.intent)}${u.session ? ` ${String(u.session)}` : ''}${typeof u.attendees === 'number' ? `, ${u.attendees} ${u.attendees === 1 ? 'person' : 'people'}` : ''}`
      + `${u.municipality ? `, municipality ${String(u.municipality)}` : ''}, language ${String(u.language)}, confidence ${String(u.confidence)}`);
    for (const e of Array.isArray(u.evidence) ? u.evidence : []) lines.push(`  - ${String(e)}`);
  }
  lines.push(`outcome: ${r.outcome}${r.reason ? ` (${r.reason})` : ''}${r.error ? `: ${r.error}` : ''}`);
  if (r.outcome === 'duplicate') lines.push('  this Message-ID was handled before: the worker would not answer it again');
  lines.push(`keywords: ${r.keywords.join(', ') || 'none'}`);
  for (const c of r.changes) lines.push(`change: ${c.action}${c.session ? ` ${c.session}` : ''}${c.registrationId ? ` (registration ${c.registrationId})` : ''}`);
  lines.push(`replies: ${r.replies.length || 'none'}${r.replies.length ? ' (not sent)' : ''}`);
  let out = `${lines.join('\n')}\n`;
  for (const [i, reply] of r.replies.entries()) {
    const held = r.outcome === 'held' ? ' (would wait for review: REVIEW)' : ' (would be held: REPLIES_ENABLED=false)';
    out += `--- reply ${i + 1} of ${r.replies.length}: ${reply.kind}${reply.status === 'held' ? held : ''}\n`;
    out += await printReply(reply.raw, Boolean(opts.raw));
  }
  return out;
}

export function replayCommand(): Command {
  return new Command('replay')
    .description('show what the bot would do with messages now: verdict, changes and the full replies; nothing is kept or sent')
    .argument('<files...>', 'messages (.eml files)')
    .option('--now <iso-datetime>', 'judge as of this instant (default: each message\'s Date header)', parseNow)
    .option('--raw', 'print the replies as raw MIME, byte for byte')
    .option('--json', 'one JSON object per file')
    .action((files: string[], opts: Options) => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      const database = await replayDatabase(ctx);
      try {
        const catalogue = (await currentCatalogue(database.db)) ?? shippedCatalogue;
        const mail = mailSettings() ?? offlineMailConfig(process.env, catalogue);
        const deps = await commandDeps(ctx, database, mail, { send: false });
        for (const file of files) {
          let source: Buffer;
          try {
            source = await readFile(file);
          } catch (err) {
            process.stdout.write(opts.json ? `${JSON.stringify({ file, error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` })}\n`
              : `== ${file}\ncannot read: ${(err as Error).message}\n`);
            continue;
          }
          // As classify does: each message judged as of its own Date header unless --now says otherwise.
          const date = opts.now ?? (await parseMail(source).then((m) => m.date, () => null));
          const now = date && !Number.isNaN(date.getTime()) ? date : ctx.clock();
          const result = await replayMessage({ ...deps, clock: () => now }, source);
          process.stdout.write(opts.json
            ? `${JSON.stringify({ file, ...result, replies: result.replies.map((r) => ({ kind: r.kind, to: r.toAddress, subject: r.subject, messageId: r.messageId, raw: r.raw })) })}\n`
            : await describe(file, result, opts));
        }
      } finally {
        await database.close();
      }
    }));
}
