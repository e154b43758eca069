import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { localAdministrator } from '../core/actor.ts';
import { danishMonthNames, formatDanishDate } from '../core/danish-date.ts';
import type { Followup } from '../core/followups/followup.ts';
import { openArchive } from '../services/archive.ts';
import {
  findDocumentFollowups,
  findStoredMeetingFollowups,
  type MeetingFollowups,
} from '../services/followup-service.ts';
import { ServiceError } from '../services/service-error.ts';
import { readMeetingInput } from './read-meeting-input.ts';
import type { ArchiveOpener } from './search.command.ts';
import { UserError } from './user-error.ts';

/**
 * `referat followups FILE|MEETING_ID [--json]`: the tasks and returns found in a meeting's
 * decisions, from a file (.txt, .md, .pdf, .docx, .html or Meeting .json) or from a meeting in
 * the archive by its id. Prints a Danish list, or with --json an array of
 * `{item, kind, owner?, due?, text}`; warnings go to stderr.
 */
export function registerFollowupsCommand(
  program: Command,
  open: ArchiveOpener = openArchive,
): void {
  program
    .command('followups')
    .description(
      'find opfølgninger i et referats beslutninger: opgaver og punkter der vender tilbage',
    )
    .argument(
      '<input>',
      'en fil som referat parse læser, et mødedokument (.json) eller et mødes id i arkivet',
    )
    .option('--json', 'skriv opfølgningerne som JSON: [{item, kind, owner?, due?, text}]')
    .action(async (input: string, options: { json?: boolean }) => {
      const found = await findFollowups(input, open);
      for (const warning of found.warnings) process.stderr.write(`advarsel: ${warning}\n`);
      process.stdout.write(
        options.json
          ? `${JSON.stringify(found.followups.map(toJsonFollowup), null, 2)}\n`
          : presentFollowups(found),
      );
    });
}

async function findFollowups(input: string, open: ArchiveOpener): Promise<MeetingFollowups> {
  const wanted = input.trim();
  if (!wanted) throw new UserError('skriv en fil eller et mødes id');
  // A number is a meeting id, unless a file by that name is there.
  if (!/^\d+$/u.test(wanted) || existsSync(wanted))
    return findDocumentFollowups(await readMeetingInput(wanted));
  const archive = await open();
  try {
    return await findStoredMeetingFollowups(archive, localAdministrator(), Number(wanted));
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404)
      throw new UserError(`mødet med id ${wanted} findes ikke i arkivet`);
    throw error;
  } finally {
    await archive.close();
  }
}

/** The JSON form: exactly item, kind, owner, due and text (the recipient stays in the list). */
function toJsonFollowup(followup: Followup): Omit<Followup, 'recipient'> {
  return {
    item: followup.item,
    kind: followup.kind,
    ...(followup.owner ? { owner: followup.owner } : {}),
    ...(followup.due ? { due: followup.due } : {}),
    text: followup.text,
  };
}

const kindNames = { task: 'opgave', return: 'vender tilbage' } as const;

/** "21. juni 2017", "1. – 10. juli 2017", "15. december 2017 – 15. januar 2018". */
export function formatDueRange(due: { from: string; to: string }): string {
  if (due.from === due.to) return formatDanishDate(due.from);
  const [fromYear, fromMonth, fromDay] = due.from.split('-').map(Number);
  const [toYear, toMonth] = due.to.split('-').map(Number);
  if (fromYear !== toYear) return `${formatDanishDate(due.from)} – ${formatDanishDate(due.to)}`;
  if (fromMonth !== toMonth)
    return `${fromDay}. ${danishMonthNames[(fromMonth ?? 1) - 1]} – ${formatDanishDate(due.to)}`;
  return `${fromDay}. – ${formatDanishDate(due.to)}`;
}

function presentFollowup(followup: Followup): string {
  const who = followup.owner
    ? `${followup.owner}${followup.recipient ? ` (til ${followup.recipient})` : ''}`
    : followup.recipient
      ? `til ${followup.recipient}`
      : null;
  const when = followup.due
    ? `${followup.due.from === followup.due.to && followup.kind === 'task' ? 'senest ' : ''}${formatDueRange(followup.due)}`
    : null;
  const parts = [`Punkt ${followup.item}`, kindNames[followup.kind], who, when].filter(Boolean);
  return `${parts.join(' · ')}: ${followup.text}`;
}

/** The readable Danish list: a heading line, then one line per follow-up. */
export function presentFollowups({ meeting, followups }: MeetingFollowups): string {
  const where = `${meeting.forum} ${formatDanishDate(meeting.date)}`;
  if (followups.length === 0) return `Ingen opfølgninger fundet i ${where}.\n`;
  const tasks = followups.filter((followup) => followup.kind === 'task').length;
  const returns = followups.length - tasks;
  const heading = `Opfølgninger i ${where}: ${tasks} ${tasks === 1 ? 'opgave' : 'opgaver'}, ${returns} ${returns === 1 ? 'punkt' : 'punkter'} der vender tilbage`;
  return `${[heading, ...followups.map(presentFollowup)].join('\n')}\n`;
}
