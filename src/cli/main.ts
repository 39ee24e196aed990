#!/usr/bin/env node
// The dloket-bot command line: the composition root. Commands build their own config,
// logger, database and clients; nothing connects at import.
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { classifyCommand } from './commands/classify.js';
import { migrateCommand, registrationsCommand, sessionsCommand } from './commands/database.js';
import { runCommand } from './commands/run.js';
import { statusCommand } from './commands/status.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('dloket-bot')
  .description('Registers municipalities for the design sessions by e-mail (D-Loket).')
  .version(pkg.version)
  .showHelpAfterError();

program.addCommand(runCommand());
program.addCommand(migrateCommand());
program.addCommand(sessionsCommand());
program.addCommand(registrationsCommand());
program.addCommand(statusCommand());

program.addCommand(classifyCommand());

await program.parseAsync(process.argv);
