// `dloket-bot review`: the decisions held for review (REVIEW=uncertain|all), one by one in the
// order the mail arrived, or item by item for scripts: list, show, approve, reject, correct.
import { Command, InvalidArgumentError } from 'commander';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { MailConfig } from '../../config/config.js';
import { heldReviews, type HeldListing } from '../../db/reviews.js';
import { changeKeywords } from '../../mailbox/keywords.js';
import {
  correctableIntents, reviewItem, reviewMessage, type CorrectableIntent, type Correction, type ReviewAction, type ReviewItem,
  type ReviewResult,
} from '../../organisers/review.js';
import type { PipelineDeps } from '../../pipeline/deps.js';
import type { Change, Decision } from '../../rules/types.js';
import { CommandError, commandContext, reportFailure, withDatabase, type CommandContext } from '../context.js';
import { commandDeps } from '../pipeline-deps.js';
import { describeVerdict, indent, iso } from './messages.js';
import { printReply } from './replay.js';

function messageNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a message number (from review list)');
  return Number(value);
}

function people(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('expected a whole number from 1');
  return n;
}

function intent(value: string): CorrectableIntent {
  const v = value.trim().toLowerCase();
  if (!(correctableIntents as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected ${correctableIntents.join(', ')}`);
  return v as CorrectableIntent;
}

const byOf = (opts: { by?: string }) => opts.by?.trim() || userInfo().username;

function ago(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / 1440)} days`;
}

const whyText: Record<string, string> = {
  all: 'REVIEW=all',
  uncertain: 'the bot is less sure than REVIEW_CONFIDENCE',
  sender: 'an earlier message from this sender was held',
};

function describeChange(c: Change): string {
  const n = (k: number) => `${k} ${k === 1 ? 'person' : 'people'}`;
  switch (c.type) {
    case 'create': return `new registration for ${c.session}: ${n(c.attendees)}, ${c.status === 'confirmed' ? 'confirmed' : 'waiting list'}`;
    case 'move': return `registration ${c.id} moves to ${c.session}: ${n(c.attendees)}, ${c.status === 'confirmed' ? 'confirmed' : 'waiting list'}`;
    case 'set-attendees': return `registration ${c.id}: ${n(c.attendees)}`;
    case 'cancel': return `registration ${c.id} cancelled`;
    case 'promote': return `registration ${c.id} promoted from the waiting list`;
    default: return JSON.stringify(c);
  }
}

/** Everything an organiser needs to decide: the mail, the verdict and why, the change, the replies in full. */
async function describeItem(item: ReviewItem, now: Date, opts: { raw?: boolean; position?: string } = {}): Promise<string> {
  const { review, inbound: m } = item;
  const d = review.decision as unknown as Decision;
  const c = review.correction;
  const lines = [
    `== Message ${m.id}${opts.position ? ` (${opts.position})` : ''}: ${review.status === 'held'
      ? `held ${iso(review.heldAt)}, ${ago(now.getTime() - review.heldAt.getTime())} ago (${whyText[review.why] ?? review.why})`
      : `${review.action ?? review.status} ${iso(review.decidedAt)} by ${review.decidedBy ?? '?'}`}`,
    `From: ${m.fromName ? `"${m.fromName}" ` : ''}${m.fromAddress ? `<${m.fromAddress}>` : '(removed)'}`,
    `Subject: ${m.subject ?? ''}`,
    `Date: ${iso(m.sentAt)}`,
    '',
    'What they wrote (the new text the bot read):',
    m.newText ? indent(m.newText) : '  (not kept)',
    '',
    ...describeVerdict(m.understanding as Record<string, unknown> | null),
    ...(c ? [`Corrected to: ${[c.intent, c.session, c.attendees === null ? null : `${c.attendees} people`].filter(Boolean).join(', ')}`] : []),
    `Decision: ${d.outcome}: ${d.note}`,
    `Registration changes (${review.status === 'held' ? 'made only when approved' : 'made'}):`,
    ...(d.changes.length ? d.changes.map((x) => `  - ${describeChange(x)}`) : ['  none']),
    `Replies as they would go out (${item.replies.length}${item.replies.length ? '; Date and Message-ID are set when sent' : ''}):`,
  ];
  if (item.replies.length === 0) lines.push('  none');
  let out = `${lines.join('\n')}\n`;
  for (const [i, reply] of item.replies.entries()) {
    out += `--- reply ${i + 1} of ${item.replies.length}: ${reply.kind} to ${reply.toAddress}\n`;
    out += await printReply(reply.raw, Boolean(opts.raw));
  }
  return out;
}

function listLine(h: HeldListing, now: Date): string {
  const d = h.decision as unknown as Decision;
  const why = h.why === 'uncertain' && h.confidence !== null ? `sure ${h.confidence}` : h.why;
  return `${String(h.message).padStart(5)}  ${iso(h.heldAt)} (${ago(now.getTime() - h.heldAt.getTime())})  ${why.padEnd(9)} ${String(d.outcome).padEnd(18)} `
    + `${(h.fromAddress ?? '-').padEnd(30)} ${h.subject ?? ''}\n`;
}

/** Prints what a review action did; exit code 1 when nothing was sent or changed as asked. */
async function report(deps: PipelineDeps & { close(): void }, ctx: CommandContext, r: ReviewResult): Promise<void> {
  const mail = ctx.config.mail as MailConfig;
  switch (r.result) {
    case 'approved':
    case 'corrected': {
      process.stdout.write(`${r.result}: message ${r.message}: ${r.decision.outcome}: ${r.decision.note}\n`);
      for (const reply of r.replies) {
        const state = reply.status === 'sent' ? 'sent' : reply.status === 'held' ? 'held (REPLIES_ENABLED=false)' : `${reply.status}: the worker retries`;
        process.stdout.write(`  mail "${reply.kind}" to ${reply.toAddress}: ${state}\n`);
      }
      if (r.replies.length === 0) process.stdout.write('  no mail\n');
      await changeKeywords(mail.imap, ctx.logger, [r.keywords]);
      return;
    }
    case 'rejected':
      process.stdout.write(`rejected: message ${r.message} is left for a person (keyword DLoket-Attention); nothing was sent\n`);
      await changeKeywords(mail.imap, ctx.logger, [r.keywords]);
      return;
    case 'changed': {
      process.stderr.write(`dloket-bot: not sent: ${r.why}. The new decision is shown below and stays held; \`dloket-bot review approve ${r.message}\` sends it.\n`);
      const item = await reviewItem(deps, r.message);
      if (item) process.stdout.write(await describeItem(item, deps.clock()));
      process.exitCode = 1;
      return;
    }
    case 'refused':
      process.stderr.write(`dloket-bot: nothing done: ${r.why}\n`);
      process.exitCode = 1;
  }
}

/** Runs `fn` with the pipeline's parts; approving and correcting send mail, so the mail settings are needed. */
async function withDeps(fn: (deps: PipelineDeps & { close(): void }, ctx: CommandContext) => Promise<void>): Promise<void> {
  const ctx = commandContext({ mail: true, logTo: 'stderr' });
  await withDatabase(ctx, async (database) => {
    const deps = await commandDeps(ctx, database, ctx.config.mail as MailConfig, { send: true });
    try {
      await fn(deps, ctx);
    } finally {
      deps.close();
    }
  });
}

/** The item's verdict as defaults for a correction. */
function defaults(item: ReviewItem): Correction {
  const u = (item.inbound.understanding ?? {}) as Record<string, unknown>;
  const c = item.review.correction;
  if (c) return { intent: c.intent as CorrectableIntent, session: c.session, attendees: c.attendees };
  const was = String(u.intent);
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    intent: (correctableIntents as readonly string[]).includes(was) ? was as CorrectableIntent : 'register',
    session: text(u.session) ?? text(u.candidate) ?? text(u.requested),
    attendees: typeof u.attendees === 'number' ? u.attendees : null,
  };
}

type Ask = (question: string) => Promise<string | null>;

/** Asks intent, session and people, each with the current value as default; null when an answer is not valid. */
async function askCorrection(ask: Ask, item: ReviewItem, slugs: string[]): Promise<Correction | null> {
  const d = defaults(item);
  const answer = async (q: string, def: string | null) => {
    const a = await ask(`${q}${def ? ` [${def}]` : ''}: `);
    return a === null ? null : a || def || '';
  };
  const i = await answer(`intent (${correctableIntents.join(', ')})`, d.intent);
  if (i === null) return null;
  let chosen: CorrectableIntent;
  try {
    chosen = intent(i);
  } catch (err) {
    process.stdout.write(`${(err as Error).message}\n`);
    return null;
  }
  if (chosen === 'escalate' || chosen === 'alternatives') return { intent: chosen, session: null, attendees: null };
  const session = await answer(`session (${slugs.join(', ')}${chosen === 'cancel' ? ', or empty for their registration' : ''})`, d.session);
  if (session === null) return null;
  if (session && !slugs.includes(session)) {
    process.stdout.write(`there is no session "${session}"\n`);
    return null;
  }
  if (chosen === 'cancel') return { intent: chosen, session: session || null, attendees: null };
  const n = await answer('people', d.attendees === null ? '1' : String(d.attendees));
  if (n === null) return null;
  try {
    return { intent: chosen, session: session || null, attendees: people(n) };
  } catch (err) {
    process.stdout.write(`${(err as Error).message}\n`);
    return null;
  }
}

/** One prompt per held item, oldest first: approve, reject, correct, skip or quit. Reads answers line by line from stdin. */
async function interactive(opts: { by?: string }): Promise<void> {
  await withDeps(async (deps, ctx) => {
    const held = await heldReviews(deps.database.db);
    if (held.length === 0) {
      process.stdout.write('Nothing is held for review.\n');
      return;
    }
    const by = byOf(opts);
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    // The iterator buffers lines, so answers piped in ahead of the questions are not lost.
    const lines = rl[Symbol.asyncIterator]();
    const ask: Ask = async (question) => {
      process.stdout.write(question);
      const next = await lines.next();
      // A terminal echoes what was typed; answers from a pipe are echoed here, so the transcript reads right.
      if (next.done || !process.stdin.isTTY) process.stdout.write(`${next.done ? '' : String(next.value).trim()}\n`);
      return next.done ? null : String(next.value).trim().toLowerCase();
    };
    const slugs = deps.catalogue.sessions.map((s) => s.slug);
    const counts = { done: 0, skipped: 0 };
    process.stdout.write(`${held.length} held for review, in the order they arrived.\n`);
    try {
      items: for (const [i, h] of held.entries()) {
        let item = await reviewItem(deps, h.message);
        if (!item || item.review.status !== 'held') continue;
        process.stdout.write(`\n${await describeItem(item, deps.clock(), { position: `${i + 1} of ${held.length}` })}`);
        for (;;) {
          const a = await ask(`\nMessage ${h.message}: [a]pprove, [r]eject (leave for a person), [c]orrect, [s]kip, [q]uit? `);
          if (a === null || a === 'q' || a === 'quit') break items;
          if (a === 's' || a === 'skip') {
            counts.skipped++;
            continue items;
          }
          let action: ReviewAction;
          if (a === 'a' || a === 'approve') action = { type: 'approve' };
          else if (a === 'r' || a === 'reject') action = { type: 'reject' };
          else if (a === 'c' || a === 'correct') {
            const correction = await askCorrection(ask, item, slugs);
            if (!correction) continue;
            action = { type: 'correct', correction };
          } else {
            process.stdout.write('a: send the replies shown and make the change; r: send nothing and leave it for a person; '
              + 'c: give the right intent, session and number of people; s: decide later; q: stop\n');
            continue;
          }
          const r = await reviewMessage(deps, h.message, action, by);
          if (r.result === 'changed' || r.result === 'refused') {
            // Show what is true now and ask again about the same message.
            process.stdout.write(`Not done: ${r.why}.\n`);
            item = (await reviewItem(deps, h.message)) ?? item;
            if (item.review.status !== 'held') continue items;
            if (r.result === 'changed') process.stdout.write(`\n${await describeItem(item, deps.clock())}`);
            continue;
          }
          await report(deps, ctx, r);
          counts.done++;
          continue items;
        }
      }
    } finally {
      rl.close();
    }
    const left = (await heldReviews(deps.database.db)).length;
    process.stdout.write(`\n${counts.done} decided, ${counts.skipped} skipped; ${left} still held.\n`);
  });
}

export function reviewCommand(): Command {
  const cmd = new Command('review')
    .description('decide about the replies held for review (REVIEW=uncertain|all): one by one, oldest first, or with a subcommand')
    .option('--by <name>', 'who decides, for the log (default: your user name)')
    .enablePositionalOptions()
    .action((opts: { by?: string }) => reportFailure(() => interactive(opts)));

  cmd.command('list')
    .description('what is held for review, oldest first')
    .option('--json', 'one JSON object per item')
    .action((opts: { json?: boolean }) => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      await withDatabase(ctx, async ({ db }) => {
        const now = ctx.clock();
        for (const h of await heldReviews(db)) {
          process.stdout.write(opts.json ? `${JSON.stringify({ ...h, ageMinutes: Math.floor((now.getTime() - h.heldAt.getTime()) / 60_000) })}\n` : listLine(h, now));
        }
      });
    }));

  cmd.command('show')
    .description('one held item: the mail, the verdict with its evidence, the change, and the replies as they would go out')
    .argument('<message>', 'the message number (from review list)', messageNumber)
    .option('--raw', 'the replies as raw MIME')
    .option('--json', 'as one JSON object')
    .action((message: number, opts: { raw?: boolean; json?: boolean }) => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      await withDatabase(ctx, async (database) => {
        const item = await reviewItem({ database }, message);
        if (!item) throw new CommandError(`message ${message} was not held for review`);
        process.stdout.write(opts.json ? `${JSON.stringify(item)}\n` : await describeItem(item, ctx.clock(), opts));
      });
    }));

  const decided = (name: string, description: string, action: ReviewAction) => cmd.command(name)
    .description(description)
    .argument('<message>', 'the message number (from review list)', messageNumber)
    .option('--by <name>', 'who decides, for the log (default: your user name)')
    .action((message: number, opts: { by?: string }) => reportFailure(() => withDeps(async (deps, ctx) => {
      await report(deps, ctx, await reviewMessage(deps, message, action, byOf(opts)));
    })));
  decided('approve', 'make the change and send the replies shown; when the decision is different now, nothing is sent and the new one is shown', { type: 'approve' });
  decided('reject', 'send nothing and leave the mail for a person (keyword DLoket-Attention)', { type: 'reject' });

  cmd.command('correct')
    .description('decide with the right intent, session or number of people; sent when the rules give that, else shown and held')
    .argument('<message>', 'the message number (from review list)', messageNumber)
    .option('--intent <intent>', `${correctableIntents.join(', ')} (default: the bot's)`, intent)
    .option('--session <slug>', 'the session (register; cancel: which registration)')
    .option('--people <n>', 'number of people', people)
    .option('--by <name>', 'who decides, for the log (default: your user name)')
    .action((message: number, opts: { intent?: CorrectableIntent; session?: string; people?: number; by?: string }) =>
      reportFailure(() => withDeps(async (deps, ctx) => {
        if (!opts.intent && !opts.session && !opts.people) throw new CommandError('say what is right: --intent, --session and/or --people');
        const item = await reviewItem(deps, message);
        if (!item) throw new CommandError(`message ${message} was not held for review`);
        const d = defaults(item);
        const chosen = opts.intent ?? d.intent;
        const correction: Correction = {
          intent: chosen,
          // Unsaid, the session stays what the verdict (or an earlier correction) had.
          session: opts.session?.trim().toLowerCase() ?? (chosen === d.intent ? d.session : null),
          attendees: opts.people ?? null,
        };
        await report(deps, ctx, await reviewMessage(deps, message, { type: 'correct', correction }, byOf(opts)));
      })));
  return cmd;
}
