import { Command } from 'commander';
import { readCatalogueFile } from '../../catalogue/catalogue.js';
import { openDatabase } from '../../db/client.js';
import { listRegistrations } from '../../db/registrations.js';
import { importCatalogue, listSessionsWithSeats } from '../../db/sessions.js';
import { commandContext, reportFailure, withDatabase } from '../context.js';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply the database migrations (also done at the start of run)')
    .action(() => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      const database = await openDatabase(ctx.config.database);
      try {
        await database.migrate();
        process.stdout.write(`migrations applied (${database.kind})\n`);
      } finally {
        await database.close();
      }
    }));
}

export function sessionsCommand(): Command {
  const cmd = new Command('sessions').description('the session catalogue');
  cmd.command('import')
    .argument('<file>', 'catalogue JSON in the format of sessions-2018.json')
    .description('load or update sessions (matched by slug; seats already taken stay)')
    .action((file: string) => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      const catalogue = await readCatalogueFile(file);
      await withDatabase(ctx, async ({ db }) => {
        const { inserted, updated } = await importCatalogue(db, catalogue);
        process.stdout.write(`${catalogue.series}: ${inserted} added, ${updated} updated\n`);
      });
    }));
  cmd.command('list')
    .option('--json', 'one JSON object per session')
    .description('print the sessions with seats taken')
    .action((opts: { json?: boolean }) => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      await withDatabase(ctx, async ({ db }) => {
        const rows = await listSessionsWithSeats(db);
        if (opts.json) {
          for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
          return;
        }
        const table = rows.map((r) => [
          r.slug, r.city, `${r.date} ${r.start}-${r.end}`, r.venue, `${r.taken}/${r.capacity}`,
          String(r.registrations), String(r.waitlisted), r.signups === 'auto' ? '' : r.signups,
        ]);
        printTable(['slug', 'city', 'when', 'venue', 'seats', 'registrations', 'waitlisted', 'signups'], table);
      });
    }));
  return cmd;
}

export function registrationsCommand(): Command {
  return new Command('registrations')
    .description('print registrations (active ones unless --all)')
    .option('--session <slug>', 'only this session')
    .option('--all', 'include cancelled registrations')
    .option('--json', 'one JSON object per registration')
    .action((opts: { session?: string; all?: boolean; json?: boolean }) => reportFailure(async () => {
      const ctx = commandContext({ mail: false, logTo: 'stderr' });
      await withDatabase(ctx, async ({ db }) => {
        const rows = await listRegistrations(db, { session: opts.session, all: opts.all });
        if (opts.json) {
          for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
          return;
        }
        // The number is what `registrations cancel|move|set` take besides the address.
        printTable(
          ['id', 'session', 'status', 'seats', 'email', 'name', 'municipality', 'calendar', 'attention'],
          rows.map((r) => [String(r.id), r.session, r.status, String(r.attendees), r.email, r.name ?? '', r.municipality ?? '',
            r.calendarResponse ?? '', r.attention ?? '']),
        );
      });
    }));
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  process.stdout.write(`${[line(head), ...rows.map(line)].join('\n')}\n`);
}
