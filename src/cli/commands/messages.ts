// `dloket-bot messages`: what the bot saw and what it did with it.
import { Command, InvalidArgumentError } from 'commander';
import { userInfo } from 'node:os';
import { changesOfInbound, type ChangeListing } from '../../db/change-log.js';
import { findInbound, listInbound, markResolved, type InboundRow } from '../../db/inbound-messages.js';
import { repliesOfInbound, type OutboxRow } from '../../db/outbox.js';
import { CommandError, commandContext, reportFailure, withDatabase } from '../context.js';

function date(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError('expected a date such as 2018-05-18');
  return d;
}

function id(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a message number');
  return Number(value);
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');
export const indent = (text: string, prefix = '  | ') => text.split(/\r?\n/).map((l) => `${prefix}${l}`.trimEnd()).join('\n');

export function describeVerdict(u: Record<string, unknown> | null): string[] {
  if (!u) return ['Verdict: none (the message was not read)'];
  const parts = [String(u.intent)];
  if (u.session) parts.push(`session ${String(u.session)}`);
  if (typeof u.attendees === 'number') parts.push(`${u.attendees} ${u.attendees === 1 ? 'person' : 'people'}`);
  if (u.municipality) parts.push(`municipality ${String(u.municipality)}`);
  if (u.requested) parts.push(`asked for ${String(u.requested)}`);
  if (u.question) parts.push('with a question');
  parts.push(`language ${String(u.language)}`);
  const lines = [`Verdict: ${parts.join(', ')} (confidence ${String(u.confidence)})`];
  const evidence = Array.isArray(u.evidence) ? (u.evidence as unknown[]).map(String) : [];
  if (evidence.length) lines.push('Evidence:', ...evidence.map((e) => `  - ${e}`));
  return lines;
}

function describeChange(c: ChangeListing): string {
  const by = c.origin === 'organiser' ? `by ${c.actor ?? '?'}` : c.origin === 'schedule' ? 'by the schedule' : 'by this mail';
  const detail = Object.entries(c.detail).filter(([k, v]) => k !== 'session' && v !== null).map(([k, v]) => `${k} ${String(v)}`).join(', ');
  return `  ${iso(c.at)}  ${c.action}${c.session ? ` ${c.session}` : ''}${c.registrationId ? ` (registration ${c.registrationId})` : ''}${detail ? `: ${detail}` : ''} ${by}`;
}

function describeReply(r: OutboxRow): string {
  const when = r.sentAt ? `sent ${iso(r.sentAt)}` : r.status;
  return `  ${r.kind} to ${r.toAddress || '(removed)'}: ${when}${r.lastError ? ` (${r.lastError})` : ''}  ${r.messageId}`;
}

function show(m: InboundRow, changes: ChangeListing[], replies: OutboxRow[]): string {
  const lines = [
    `Message ${m.id}, read ${iso(m.processedAt)} (folder ${m.mailbox}, UID ${m.uid})`,
    `From: ${m.fromName ? `"${m.fromName}" ` : ''}${m.fromAddress ? `<${m.fromAddress}>` : m.purgedAt ? '(removed)' : '(none)'}`,
    `Subject: ${m.subject ?? ''}`,
    `Date: ${iso(m.sentAt)}`,
    `Message-ID: ${m.messageId ?? '-'}`,
    ...(m.purgedAt ? [`Personal data removed ${iso(m.purgedAt)} (retention)`] : []),
    '',
    'What they wrote (the new text the bot read):',
    m.newText ? indent(m.newText) : '  (not kept)',
    '',
    ...describeVerdict(m.understanding as Record<string, unknown> | null),
    `Outcome: ${m.outcome}${m.reason ? `: ${m.reason}` : ''}`,
    ...(m.error ? [`Error: ${m.error}`] : []),
    ...(m.outcome === 'held' ? [`Held for review: nothing changed or sent yet (dloket-bot review show ${m.id})`] : []),
    `Left for a person: ${m.leftForPeople || ['escalated', 'error', 'oversized', 'rate-limited'].includes(m.outcome)
      ? m.resolvedAt ? `yes, done ${iso(m.resolvedAt)} by ${m.resolvedBy ?? '?'}` : 'yes, waiting' : 'no'}`,
    '',
    'Registration changes:',
    ...(changes.length ? changes.map(describeChange) : ['  none']),
    'Replies:',
    ...(replies.length ? replies.map(describeReply) : ['  none']),
  ];
  return `${lines.join('\n')}\n`;
}

export function messagesCommand(): Command {
  const cmd = new Command('messages').description('what the bot saw in the mailbox and what it did');
  cmd.command('list')
    .description('the messages the bot read, newest first')
    .option('--outcome <list>', 'only these outcomes (comma separated: registered, escalated, ...)', (v: string) => v.split(',').map((s) => s.trim()))
    .option('--since <date>', 'only messages read from this date on', date)
    .option('--waiting', 'only messages left for a person and not marked done')
    .option('--limit <n>', 'at most this many', (v: string) => id(v), 50)
    .option('--json', 'one JSON object per message')
    .action((opts: { outcome?: string[]; since?: Date; waiting?: boolean; limit: number; json?: boolean }) => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      await withDatabase(ctx, async ({ db }) => {
        const rows = await listInbound(db, { outcome: opts.outcome, since: opts.since, waiting: opts.waiting, limit: opts.limit });
        for (const r of rows) {
          process.stdout.write(opts.json ? `${JSON.stringify(r)}\n`
            : `${String(r.id).padStart(5)}  ${iso(r.processedAt)}  ${r.outcome.padEnd(18)} ${(r.fromAddress ?? '-').padEnd(30)} ${r.subject ?? ''}\n`);
        }
      });
    }));
  cmd.command('show')
    .description('one message: headers, the text it read, the verdict with its evidence, the changes and the replies')
    .argument('<id>', 'the message number (from messages list)', id)
    .option('--json', 'as one JSON object')
    .action((messageId: number, opts: { json?: boolean }) => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      await withDatabase(ctx, async ({ db }) => {
        const m = await findInbound(db, messageId);
        if (!m) throw new CommandError(`there is no message ${messageId}`);
        const changes = await changesOfInbound(db, m.id);
        const replies = await repliesOfInbound(db, m.id);
        process.stdout.write(opts.json
          ? `${JSON.stringify({ ...m, changes, replies: replies.map(({ raw: _raw, ...r }) => r) })}\n`
          : show(m, changes, replies));
      });
    }));
  cmd.command('done')
    .description('mark messages left for a person as dealt with (the daily digest stops listing them)')
    .argument('<ids...>', 'message numbers')
    .option('--by <name>', 'who dealt with them (default: your user name)')
    .action((ids: string[], opts: { by?: string }) => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      const numbers = ids.map(id);
      await withDatabase(ctx, async ({ db }) => {
        const marked = await markResolved(db, numbers, opts.by?.trim() || userInfo().username, ctx.clock());
        process.stdout.write(`${marked.length} marked done${marked.length < numbers.length ? ` (${numbers.length - marked.length} unknown or already done)` : ''}\n`);
      });
    }));
  return cmd;
}
