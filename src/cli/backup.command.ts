import type { Command } from 'commander';
import { openArchive } from '../services/archive.ts';
import {
  ArchiveNotEmptyError,
  BackupFileError,
  type BackupSummary,
  backupArchive,
  restoreArchive,
} from '../services/backup-service.ts';
import { OutputFileError } from '../services/output-file.ts';
import { UserError } from './user-error.ts';

/**
 * `referat backup FILE` and `referat restore FILE [--force]`: a consistent copy of the archive
 * taken while it runs, and its return into an empty archive (any engine).
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('gem en sikkerhedskopi af arkivet (gzip-komprimeret JSON Lines)')
    .argument('<file>', 'filen kopien gemmes i, fx referat-backup.jsonl.gz')
    .action(async (file: string) => {
      const archive = await openArchive();
      try {
        const summary = await backupArchive(archive.database, file).catch(asUserError);
        process.stdout.write(`Sikkerhedskopi gemt i ${file}: ${presentCounts(summary)}\n`);
      } finally {
        await archive.close();
      }
    });
  program
    .command('restore')
    .description('genskab arkivet fra en sikkerhedskopi (arkivet skal være tomt)')
    .argument('<file>', 'sikkerhedskopien')
    .option('--force', 'slet arkivets nuværende indhold først')
    .action(async (file: string, options: { force?: boolean }) => {
      const archive = await openArchive();
      try {
        const summary = await restoreArchive(archive, file, {
          isForced: options.force ?? false,
        }).catch(asUserError);
        process.stdout.write(`Arkivet er genskabt fra ${file}: ${presentCounts(summary)}\n`);
      } finally {
        await archive.close();
      }
    });
}

/** The refusals and file faults a user can act on become one-line errors with exit code 2. */
function asUserError(error: unknown): never {
  if (
    error instanceof BackupFileError ||
    error instanceof ArchiveNotEmptyError ||
    error instanceof OutputFileError
  )
    throw new UserError(error.message);
  throw error;
}

function presentCounts(summary: BackupSummary): string {
  const meetings = summary.rows.meetings ?? 0;
  const items = summary.rows.agenda_items ?? 0;
  const rows = Object.values(summary.rows).reduce((total, count) => total + (count ?? 0), 0);
  return [
    `${meetings.toLocaleString('da-DK')} ${meetings === 1 ? 'møde' : 'møder'}`,
    `${items.toLocaleString('da-DK')} ${items === 1 ? 'punkt' : 'punkter'}`,
    `${rows.toLocaleString('da-DK')} rækker i alt`,
  ].join(', ');
}
