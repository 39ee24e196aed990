// Organisers' commands on registrations and sessions: attendee lists, and changes by hand that
// the bot knows about (same rules, same replies, same lock as the worker).
import { Command, InvalidArgumentError } from 'commander';
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { MailConfig } from '../../config/config.js';
import { attendeeRows } from '../../db/attendees.js';
import { registrationStatuses, type RegistrationStatus } from '../../db/schema.js';
import { currentCatalogue, listSessionsWithSeats } from '../../db/sessions.js';
import { shippedCatalogue } from '../../catalogue/catalogue.js';
import { attendeesCsv, attendeesXlsx } from '../../organisers/export.js';
import { applyManualChange, type ManualChange, type ManualResult } from '../../organisers/manual-change.js';
import { CommandError, commandContext, reportFailure, withDatabase } from '../context.js';
import { commandDeps } from '../pipeline-deps.js';

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('expected a whole number from 1');
  return n;
}

function statuses(value: string): RegistrationStatus[] {
  const list = value === 'all' ? [...registrationStatuses] : value.split(',').map((s) => s.trim());
  const bad = list.filter((s) => !(registrationStatuses as readonly string[]).includes(s));
  if (bad.length) throw new InvalidArgumentError(`expected ${registrationStatuses.join(', ')} or all (comma separated)`);
  return list as RegistrationStatus[];
}

/** A registration named by its number (as `registrations` prints it) or its e-mail address. */
function registrationRef(value: string): { id: number } | { email: string } {
  return /^\d+$/.test(value) ? { id: Number(value) } : { email: value.trim().toLowerCase() };
}

interface ChangeOptions {
  by?: string;
  quiet?: boolean;
}

function withChangeOptions(cmd: Command, quiet = true): Command {
  cmd.option('--by <name>', 'who made the change, for the log (default: your user name)');
  if (quiet) cmd.option('--quiet', 'send no mail to the person (people promoted from the waiting list are still told)');
  return cmd;
}

/** Runs one change and prints what happened; exit code 1 when the rules refused it. */
async function runChange(change: Omit<ManualChange, 'by' | 'quiet'>, opts: ChangeOptions): Promise<void> {
  const ctx = commandContext({ mail: true, logTo: 'stderr' });
  const mail = ctx.config.mail as MailConfig;
  await withDatabase(ctx, async (database) => {
    const deps = await commandDeps(ctx, database, mail, { send: true });
    try {
      printResult(await applyManualChange(deps, { ...change, by: opts.by?.trim() || userInfo().username, quiet: Boolean(opts.quiet) }));
    } finally {
      deps.close();
    }
  });
}

function printResult(r: ManualResult): void {
  if (r.decision.outcome === 'refused') {
    process.stderr.write(`dloket-bot: not changed: ${r.decision.note}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${r.decision.outcome}: ${r.decision.note}${r.registrationId ? ` (registration ${r.registrationId})` : ''}\n`);
  for (const reply of r.replies) {
    const state = reply.status === 'sent' ? 'sent' : reply.status === 'held' ? 'held (REPLIES_ENABLED=false)' : `${reply.status}: the worker retries`;
    process.stdout.write(`  mail "${reply.kind}" to ${reply.toAddress}: ${state}\n`);
  }
}

/** Adds export, add, cancel, move and set to the `registrations` command. */
export function organiseRegistrations(cmd: Command): Command {
  // `registrations --session x` lists; `registrations export --session x` is the subcommand's own option.
  cmd.enablePositionalOptions();
  cmd.command('export')
    .description('write the attendee list as CSV (for Excel) or XLSX (a sheet per session and a summary)')
    .option('--session <slug>', 'only this session')
    .option('--status <list>', 'confirmed, waitlisted, cancelled or all (comma separated)', statuses, ['confirmed', 'waitlisted'] as RegistrationStatus[])
    .option('--format <format>', 'csv or xlsx', (v: string) => {
      if (v !== 'csv' && v !== 'xlsx') throw new InvalidArgumentError('expected csv or xlsx');
      return v;
    }, 'csv')
    .option('--output <file>', 'write to this file (default: standard output)')
    .action((opts: { session?: string; status: RegistrationStatus[]; format: 'csv' | 'xlsx'; output?: string }) => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      await withDatabase(ctx, async ({ db }) => {
        const catalogue = (await currentCatalogue(db)) ?? shippedCatalogue;
        const rows = await attendeeRows(db, { session: opts.session, statuses: opts.status });
        const seats = (await listSessionsWithSeats(db)).filter((s) => !opts.session || s.slug === opts.session);
        if (opts.session && seats.length === 0) throw new CommandError(`there is no session "${opts.session}"`);
        const data = opts.format === 'csv' ? attendeesCsv(rows, catalogue.timezone) : await attendeesXlsx(rows, seats, catalogue.timezone);
        if (opts.output) {
          await writeFile(opts.output, data);
          process.stderr.write(`${rows.length} registrations written to ${opts.output}\n`);
        } else {
          if (opts.format === 'xlsx' && process.stdout.isTTY) throw new CommandError('an XLSX file is not for the terminal: use --output FILE');
          process.stdout.write(data);
        }
      });
    }));

  withChangeOptions(cmd.command('add')
    .description('register someone by hand (confirmation with invite, or the waiting list when full)')
    .argument('<email>', 'their e-mail address')
    .requiredOption('--session <slug>', 'the session')
    .option('--people <n>', 'number of people', count, 1)
    .option('--name <name>', 'their name, for the greeting and the list')
    .option('--municipality <name>', 'their municipality')
    .option('--language <nl|en>', 'language of the mail to them', (v: string) => {
      if (v !== 'nl' && v !== 'en') throw new InvalidArgumentError('expected nl or en');
      return v;
    }, 'nl'))
    .action((email: string, opts: ChangeOptions & { session: string; people: number; name?: string; municipality?: string; language: 'nl' | 'en' }) =>
      reportFailure(() => runChange({
        command: { type: 'add', email, session: opts.session, attendees: opts.people },
        person: { name: opts.name?.trim() || null, municipality: opts.municipality?.trim() || null, language: opts.language },
      }, opts)));

  withChangeOptions(cmd.command('cancel')
    .description('cancel a registration (cancellation with CANCEL invite; the waiting list moves up)')
    .argument('<email-or-id>', 'their e-mail address or the registration number'))
    .action((ref: string, opts: ChangeOptions) => reportFailure(() => runChange({ command: { type: 'cancel' }, registration: registrationRef(ref) }, opts)));

  withChangeOptions(cmd.command('move')
    .description('move a registration to another session (updated invite)')
    .argument('<email-or-id>', 'their e-mail address or the registration number')
    .requiredOption('--to <slug>', 'the session to move to'))
    .action((ref: string, opts: ChangeOptions & { to: string }) =>
      reportFailure(() => runChange({ command: { type: 'move', session: opts.to }, registration: registrationRef(ref) }, opts)));

  withChangeOptions(cmd.command('set')
    .description('change the number of people of a registration')
    .argument('<email-or-id>', 'their e-mail address or the registration number')
    .requiredOption('--people <n>', 'the new number of people', count))
    .action((ref: string, opts: ChangeOptions & { people: number }) =>
      reportFailure(() => runChange({ command: { type: 'set-attendees', attendees: opts.people }, registration: registrationRef(ref) }, opts)));
  return cmd;
}

/** Adds set --capacity, close and open to the `sessions` command. */
export function organiseSessions(cmd: Command): Command {
  withChangeOptions(cmd.command('set')
    .description('change a session; a higher capacity promotes people from the waiting list')
    .argument('<slug>', 'the session')
    .requiredOption('--capacity <n>', 'number of seats', count), false)
    .action((slug: string, opts: ChangeOptions & { capacity: number }) =>
      reportFailure(() => runChange({ command: { type: 'capacity', session: slug, capacity: opts.capacity } }, opts)));
  withChangeOptions(cmd.command('close')
    .description('take no more signups for a session (mail gets the other sessions)')
    .argument('<slug>', 'the session'), false)
    .action((slug: string, opts: ChangeOptions) => reportFailure(() => runChange({ command: { type: 'signups', session: slug, signups: 'closed' } }, opts)));
  withChangeOptions(cmd.command('open')
    .description('take signups again, also after the signup deadline (never after the start)')
    .argument('<slug>', 'the session'), false)
    .action((slug: string, opts: ChangeOptions) => reportFailure(() => runChange({ command: { type: 'signups', session: slug, signups: 'open' } }, opts)));
  return cmd;
}
