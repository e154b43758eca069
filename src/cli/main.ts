import { Command, CommanderError } from 'commander';
import { registerAuditCommand } from './audit.command.ts';
import { registerBackupCommands } from './backup.command.ts';
import { registerCaseCommand } from './case.command.ts';
import { registerCheckCommand } from './check.command.ts';
import { translateCommanderMessage } from './commander-messages.ts';
import { registerExportCommand } from './export.command.ts';
import { registerFollowupsCommand } from './followups.command.ts';
import { registerForumCommand } from './forum.command.ts';
import { registerImportCommand } from './import.command.ts';
import { registerMigrateCommand } from './migrate.command.ts';
import { registerParseCommand } from './parse.command.ts';
import { registerRenderCommand } from './render.command.ts';
import { registerSearchCommand } from './search.command.ts';
import { registerUserCommand } from './user.command.ts';
import { isUserError, oneLineMessage } from './user-error.ts';

/** Builds the `referat` command line with all its commands. */
export function createProgram(): Command {
  const program = new Command();
  program
    .name('referat')
    .description('Referat: dagsordener, referater og arkiv for kommunale fora')
    .version('0.1.0', '-v, --version', 'vis versionen')
    .helpOption('-h, --help', 'vis hjælp')
    .helpCommand('help [command]', 'vis hjælp til en kommando')
    .exitOverride();
  registerParseCommand(program);
  registerRenderCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerSearchCommand(program);
  registerCaseCommand(program);
  registerFollowupsCommand(program);
  registerForumCommand(program);
  registerUserCommand(program);
  registerAuditCommand(program);
  registerBackupCommands(program);
  registerMigrateCommand(program);
  registerCheckCommand(program);
  for (const command of [program, ...program.commands]) {
    command
      .helpOption('-h, --help', 'vis hjælp')
      .exitOverride()
      .configureOutput({
        outputError: (message, write) => write(`${translateCommanderMessage(message)}\n`),
      });
  }
  return program;
}

/** Runs the CLI: one-line errors on stderr, exit code 2 for bad input, 1 for internal faults. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
        ? 0
        : 2;
    }
    process.stderr.write(`referat: ${oneLineMessage(error)}\n`);
    if (process.env.REFERAT_DEBUG && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    return isUserError(error) ? 2 : 1;
  }
}
