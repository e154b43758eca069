import type { Command } from 'commander';
import { localAdministrator } from '../core/actor.ts';
import { purposeListSchema } from '../core/forum-practice.ts';
import {
  type ForumVisibility,
  forumVisibilities,
  forumVisibilityLabels,
} from '../core/policies/targets.ts';
import { type Archive, openArchive } from '../services/archive.ts';
import {
  type ForumView,
  getForums,
  saveForum,
  setForumVisibility,
} from '../services/forum-service.ts';
import { ServiceError } from '../services/service-error.ts';
import type { ArchiveOpener } from './search.command.ts';
import { UserError } from './user-error.ts';

/**
 * `referat forum list` and `referat forum set NAME [--visibility public|internal] [--purposes
 * "A,B,C"]`: the forums, who may read them and the purposes their items choose from. The
 * command line acts as the local administrator.
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
        const rows = forums.map(({ id, name, abbreviation, visibility, members, purposes }) => ({
          id,
          name,
          abbreviation,
          visibility,
          members: members.length,
          purposes,
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
    .description(
      'ret et forums synlighed (offentligt: alle kan læse udsendte møder, eller internt) og de formål, dets punkter vælger mellem',
    )
    .argument('<name>', 'forummets navn (fx Chefforum)')
    .option('--visibility <visibility>', 'public (offentligt) eller internal (internt)')
    .option(
      '--purposes <list>',
      'forummets formål i rækkefølge, adskilt af komma (fx "Orientering,Drøftelse,Beslutning")',
    )
    .action(async (name: string, options: { visibility?: string; purposes?: string }) => {
      const settings = readSettings(options);
      const archive = await open();
      try {
        const saved =
          settings.purposes === undefined
            ? await setForumVisibility(
                archive,
                localAdministrator(),
                name.trim(),
                settings.visibility,
              )
            : await savePurposes(archive, name.trim(), settings.purposes, settings.visibility);
        if (settings.visibility !== undefined)
          process.stdout.write(
            `${saved.name} er nu ${forumVisibilityLabels[saved.visibility].toLowerCase()}.\n`,
          );
        if (settings.purposes !== undefined)
          process.stdout.write(`${saved.name} har nu formålene: ${saved.purposes.join(', ')}.\n`);
      } catch (error) {
        if (error instanceof ServiceError) throw new UserError(error.message);
        throw error;
      } finally {
        await archive.close();
      }
    });
}

/**
 * Saves a forum's purposes (and visibility, when given), keeping everything else; the server
 * refuses the list when one of the forum's standing items has a purpose it leaves out.
 */
async function savePurposes(
  archive: Archive,
  name: string,
  purposes: string[],
  visibility: ForumVisibility | undefined,
): Promise<ForumView> {
  const actor = localAdministrator();
  const forum = (await getForums(archive, actor)).find((candidate) => candidate.name === name);
  if (!forum) throw new UserError(`Forummet "${name}" findes ikke.`);
  return saveForum(archive, actor, forum.id, {
    name: forum.name,
    abbreviation: forum.abbreviation,
    visibility: visibility ?? forum.visibility,
    members: forum.members,
    purposes,
    standingItems: forum.standingItems,
  });
}

/** What `forum set` changes: the visibility, the purposes, or both; one of them is needed. */
type ForumSettings =
  | { visibility: ForumVisibility; purposes?: undefined }
  | { visibility?: ForumVisibility; purposes: string[] };

function readSettings(options: { visibility?: string; purposes?: string }): ForumSettings {
  const visibility =
    options.visibility === undefined ? undefined : readVisibility(options.visibility);
  if (options.purposes !== undefined)
    return { visibility, purposes: readPurposes(options.purposes) };
  if (visibility === undefined) throw new UserError('skriv --visibility, --purposes eller begge');
  return { visibility };
}

/** The purposes of `--purposes`, split at commas, checked as the forum editor checks them. */
function readPurposes(value: string): string[] {
  const purposes = value
    .split(',')
    .map((purpose) => purpose.trim())
    .filter(Boolean);
  const result = purposeListSchema.safeParse(purposes);
  if (result.success) return result.data;
  throw new UserError(`--purposes: ${result.error.issues[0]?.message ?? 'ugyldig liste'}`);
}

function readVisibility(value: string): ForumVisibility {
  const wanted = value.trim().toLowerCase();
  const aliases: Record<string, ForumVisibility> = { offentligt: 'public', internt: 'internal' };
  const visibility = aliases[wanted] ?? wanted;
  if ((forumVisibilities as readonly string[]).includes(visibility))
    return visibility as ForumVisibility;
  throw new UserError(`--visibility skal være public eller internal, ikke "${value}"`);
}
