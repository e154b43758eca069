import type { Command } from 'commander';
import { type Archive, openArchive } from '../services/archive.ts';
import { checkArchiveIntegrity } from '../services/integrity-service.ts';
import { UserError } from './user-error.ts';

/** `referat check`: checks the archive's database and search index; exit 1 on a problem. */
export function registerCheckCommand(
  program: Command,
  open: () => Promise<Archive> = () => openArchive(),
): void {
  program
    .command('check')
    .description('kontrollér databasen og søgeindekset (efter et nedbrud eller en gendannelse)')
    .action(async () => {
      const archive = await open();
      try {
        const problems = await checkArchiveIntegrity(archive);
        if (problems.length > 0) {
          process.stdout.write(`${problems.map((problem) => `  ${problem}`).join('\n')}\n`);
          throw new UserError(
            `arkivet har ${problems.length === 1 ? 'et problem' : `${problems.length} problemer`}`,
          );
        }
        process.stdout.write('Arkivet er i orden: databasen og søgeindekset er hele.\n');
      } finally {
        await archive.close();
      }
    });
}
