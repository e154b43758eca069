import type { Command } from 'commander';
import { openArchiveOn } from '../services/archive.ts';
import { openDatabase } from '../store/database.ts';

/** `referat migrate`: brings the database up to date and says which migrations ran. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('opdatér databasens skema til den nyeste udgave')
    .action(async () => {
      // Opening the archive migrates it; the command only makes that visible.
      const archive = await openArchiveOn(await openDatabase());
      try {
        const { applied } = archive.migrated;
        process.stdout.write(
          applied.length > 0
            ? `Databasen er opdateret: ${applied.join(', ')}\n`
            : 'Databasen var allerede opdateret\n',
        );
      } finally {
        await archive.close();
      }
    });
}
