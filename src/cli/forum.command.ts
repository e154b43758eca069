import type { Command } from 'commander';
import { localAdministrator } from '../core/actor.ts';
import { purposeListSchema } from '../core/forum-practice.ts';
import {
  type ForumVisibility,
  forumVisibilities,
  forumVisibilityLabels,
} from '../core/policies/targets.ts';
import { type Archive, openArchive } from '../services/archive.ts';
import { type ForumView, getForums, saveForum } from '../services/forum-service.ts';
import { ServiceError } from '../services/service-error.ts';
import type { ArchiveOpener } from './search.command.ts';
import { UserError } from './user-error.ts';

/**
 * `referat forum list` and `referat forum set NAME [--visibility public|internal] [--purposes
 * "A,B,C"] [--contact-details hide|show]`: the forums, who may read them, the purposes their
 * items choose from, and whether their public versions show contact details. The command line
 * acts as the local administrator.
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
      'ret et forums synlighed (offentligt: alle kan læse udsendte møder, eller internt), de formål, dets punkter vælger mellem, og om de offentlige versioner viser e-mailadresser og telefonnumre',
    )
    .argument('<name>', 'forummets navn (fx Chefforum)')
    .option('--visibility <visibility>', 'public (offentligt) eller internal (internt)')
    .option(
      '--purposes <list>',
      'forummets formål i rækkefølge, adskilt af komma (fx "Orientering,Drøftelse,Beslutning")',
    )
    .option(
      '--contact-details <choice>',
      'hide: de offentlige versioner viser ikke e-mailadresser og telefonnumre (GDPR); show: de vises',
    )
    .action(async (name: string, options: SettingOptions) => {
      const settings = readSettings(options);
      const archive = await open();
      try {
        const saved = await saveSettings(archive, name.trim(), settings);
        for (const line of settingLines(saved, settings)) process.stdout.write(`${line}\n`);
      } catch (error) {
        if (error instanceof ServiceError) throw new UserError(error.message);
        throw error;
      } finally {
        await archive.close();
      }
    });
}

/** The options of `forum set`, as commander gives them. */
interface SettingOptions {
  visibility?: string;
  purposes?: string;
  contactDetails?: string;
}

/** What `forum set` changes; at least one of them. */
interface ForumSettings {
  visibility?: ForumVisibility;
  purposes?: string[];
  hidesContactDetails?: boolean;
}

/** Saves the settings given, keeping everything else of the forum. */
async function saveSettings(
  archive: Archive,
  name: string,
  settings: ForumSettings,
): Promise<ForumView> {
  const actor = localAdministrator();
  const forum = (await getForums(archive, actor)).find((candidate) => candidate.name === name);
  if (!forum) throw new UserError(`Forummet "${name}" findes ikke.`);
  return saveForum(archive, actor, forum.id, {
    name: forum.name,
    abbreviation: forum.abbreviation,
    visibility: settings.visibility ?? forum.visibility,
    members: forum.members,
    purposes: settings.purposes ?? forum.purposes,
    standingItems: forum.standingItems,
    hidesContactDetails: settings.hidesContactDetails ?? forum.hidesContactDetails,
  });
}

/** What the command says it did, one line per setting given. */
function settingLines(saved: ForumView, settings: ForumSettings): string[] {
  const lines: string[] = [];
  if (settings.visibility !== undefined)
    lines.push(`${saved.name} er nu ${forumVisibilityLabels[saved.visibility].toLowerCase()}.`);
  if (settings.purposes !== undefined)
    lines.push(`${saved.name} har nu formålene: ${saved.purposes.join(', ')}.`);
  if (settings.hidesContactDetails !== undefined)
    lines.push(
      saved.hidesContactDetails
        ? `${saved.name}s offentlige versioner viser ikke længere e-mailadresser og telefonnumre.`
        : `${saved.name}s offentlige versioner viser e-mailadresser og telefonnumre.`,
    );
  return lines;
}

function readSettings(options: SettingOptions): ForumSettings {
  const settings: ForumSettings = {
    visibility: options.visibility === undefined ? undefined : readVisibility(options.visibility),
    purposes: options.purposes === undefined ? undefined : readPurposes(options.purposes),
    hidesContactDetails:
      options.contactDetails === undefined ? undefined : readContactChoice(options.contactDetails),
  };
  if (Object.values(settings).every((value) => value === undefined))
    throw new UserError('skriv --visibility, --purposes eller --contact-details');
  return settings;
}

function readContactChoice(value: string): boolean {
  const wanted = value.trim().toLowerCase();
  if (wanted === 'hide' || wanted === 'skjul') return true;
  if (wanted === 'show' || wanted === 'vis') return false;
  throw new UserError(`--contact-details skal være hide eller show, ikke "${value}"`);
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
