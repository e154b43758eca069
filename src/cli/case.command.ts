import type { Command } from 'commander';
import { openArchive } from '../services/archive.ts';
import { findCaseTimeline } from '../store/meeting-reader.ts';
import { presentCaseTimeline, toVisibleTimeline } from './case-timeline.presenter.ts';
import type { ArchiveOpener } from './search.command.ts';
import { UserError } from './user-error.ts';

/**
 * `referat case NUMBER`: a case's timeline, every item with the journal number across
 * meetings in date order. An unknown journal number is a user error (exit code 2).
 */
export function registerCaseCommand(program: Command, open: ArchiveOpener = openArchive): void {
  program
    .command('case')
    .description('vis en sags forløb: alle punkter med journalnummeret, i datoorden')
    .argument('<number>', 'journalnummeret (fx 00.01.00-A00-3-17 eller 15/13392)')
    .option('--closed', 'vis titel og beslutning for lukkede punkter')
    .option('--json', 'skriv forløbet som JSON')
    .action(async (caseNumber: string, options: { closed?: boolean; json?: boolean }) => {
      const wanted = caseNumber.trim();
      if (!wanted) throw new UserError('skriv et journalnummer');
      const archive = await open();
      try {
        const timeline = await findCaseTimeline(archive.database.db, wanted);
        if (timeline.length === 0)
          throw new UserError(`ukendt journalnummer: ${wanted} findes ikke i arkivet`);
        const entries = toVisibleTimeline(timeline, !!options.closed);
        process.stdout.write(
          options.json
            ? `${JSON.stringify(entries, null, 2)}\n`
            : presentCaseTimeline(wanted, entries),
        );
      } finally {
        await archive.close();
      }
    });
}
