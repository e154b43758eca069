import type { Command } from 'commander';
import { localAdministrator } from '../core/actor.ts';
import {
  type ForumVisibility,
  forumVisibilities,
  forumVisibilityLabels,
} from '../core/policies/targets.ts';
import { openArchive } from '../services/archive.ts';
import { getForums, setForumVisibility } from '../services/forum-service.ts';
import { ServiceError } from '../services/service-error.ts';
import type { ArchiveOpener } from './search.command.ts';
import { UserError } from './user-error.ts';

/**
 * `referat forum list` and `referat forum set NAME --visibility public|internal`: the forums
 * and who may read them. The command line acts as the local administrator.
 */
export function registerForumCommand(program: Command, open: ArchiveOpener = openArchive): void {
  const forum = program.command('forum').description('vis og ret fora');
  forum
    .command('list')
    .description('vis fora med synlighed og antal medlemmer')
    .option('--json', 'skriv listen som JSON')
    .action(async (options: { json?: boolean }) => {
      const archive = await open();
      try {
        const forums = await getForums(archive, localAdministrator());
        const rows = forums.map(({ id, name, abbreviation, visibility, members }) => ({
          id,
          name,
          abbreviation,
          visibility,
          members: members.length,
        }));
        process.stdout.write(
          options.json
            ? `${JSON.stringify(rows, null, 2)}\n`
            : rows.length === 0
              ? 'Ingen fora.\n'
              : rows
                  .map(
                    (row) =>
                      `${row.name}${row.abbreviation ? ` (${row.abbreviation})` : ''} · ${forumVisibilityLabels[row.visibility]} · ${row.members} medlemmer`,
                  )
                  .join('\n')
                  .concat('\n'),
        );
      } finally {
        await archive.close();
      }
    });
  forum
    .command('set')
    .description('ret et forums synlighed: offentligt (alle kan læse udsendte møder) eller internt')
    .argument('<name>', 'forummets navn (fx Chefforum)')
    .requiredOption('--visibility <visibility>', 'public (offentligt) eller internal (internt)')
    .action(async (name: string, options: { visibility: string }) => {
      const visibility = readVisibility(options.visibility);
      const archive = await open();
      try {
        const saved = await setForumVisibility(
          archive,
          localAdministrator(),
          name.trim(),
          visibility,
        );
        process.stdout.write(
          `${saved.name} er nu ${forumVisibilityLabels[saved.visibility].toLowerCase()}.\n`,
        );
      } catch (error) {
        if (error instanceof ServiceError) throw new UserError(error.message);
        throw error;
      } finally {
        await archive.close();
      }
    });
}

function readVisibility(value: string): ForumVisibility {
  const wanted = value.trim().toLowerCase();
  const aliases: Record<string, ForumVisibility> = { offentligt: 'public', internt: 'internal' };
  const visibility = aliases[wanted] ?? wanted;
  if ((forumVisibilities as readonly string[]).includes(visibility))
    return visibility as ForumVisibility;
  throw new UserError(`--visibility skal være public eller internal, ikke "${value}"`);
}
