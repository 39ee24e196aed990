#!/usr/bin/env node
// The dloket-bot command line: the composition root. Commands build their own config,
// logger, database and clients; nothing connects at import.
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { classifyCommand } from './commands/classify.js';
import { migrateCommand, registrationsCommand, sessionsCommand } from './commands/database.js';
import { messagesCommand } from './commands/messages.js';
import { organiseRegistrations, organiseSessions } from './commands/organise.js';
import { purgeCommand } from './commands/purge.js';
import { replayCommand } from './commands/replay.js';
import { reviewCommand } from './commands/review.js';
import { runCommand } from './commands/run.js';
import { statusCommand } from './commands/status.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('dloket-bot')
  .description('Registers municipalities for the design sessions by e-mail (D-Loket).')
  .version(pkg.version)
  .showHelpAfterError()
  .enablePositionalOptions(); // a subcommand's --session is its own, not its parent's

program.addCommand(runCommand());
program.addCommand(migrateCommand());
program.addCommand(organiseSessions(sessionsCommand()));
program.addCommand(organiseRegistrations(registrationsCommand()));
program.addCommand(statusCommand());
program.addCommand(messagesCommand());
program.addCommand(replayCommand());
program.addCommand(reviewCommand());
program.addCommand(purgeCommand());

program.addCommand(classifyCommand());

await program.parseAsync(process.argv);
