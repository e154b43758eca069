import type { Command } from 'commander';
import { anonymousActor, localAdministrator } from '../core/actor.ts';
import { openArchive } from '../services/archive.ts';
import { getCaseTimeline } from '../services/search-service.ts';
import { presentCaseTimeline } from './case-timeline.presenter.ts';
import type { ArchiveOpener } from './search.command.ts';
import { UserError } from './user-error.ts';

/**
 * `referat case NUMBER`: a case's timeline, every item with the journal number across
 * meetings in date order, as the local administrator sees it (with --public: as the public
 * does). An unknown journal number is a user error (exit code 2).
 */
export function registerCaseCommand(program: Command, open: ArchiveOpener = openArchive): void {
  program
    .command('case')
    .description('vis en sags forløb: alle punkter med journalnummeret, i datoorden')
    .argument('<number>', 'journalnummeret (fx 00.01.00-A00-3-17 eller 15/13392)')
    .option('--public', 'vis kun hvad offentligheden må se (ingen lukkede punkter)')
    .option('--json', 'skriv forløbet som JSON')
    .action(async (caseNumber: string, options: { public?: boolean; json?: boolean }) => {
      const wanted = caseNumber.trim();
      if (!wanted) throw new UserError('skriv et journalnummer');
      const archive = await open();
      try {
        const actor = options.public ? anonymousActor : localAdministrator();
        const entries = await getCaseTimeline(archive, actor, wanted);
        if (entries.length === 0)
          throw new UserError(`ukendt journalnummer: ${wanted} findes ikke i arkivet`);
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
