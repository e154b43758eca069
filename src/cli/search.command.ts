import type { Command } from 'commander';
import { anonymousActor, localAdministrator } from '../core/actor.ts';
import { danishMonthNames, findDanishDate } from '../core/danish-date.ts';
import type { SearchFilters } from '../search/search-provider.ts';
import { SearchQueryError } from '../search/search-provider.ts';
import { maximumSearchLimit } from '../search/search-settings.ts';
import { type Archive, openArchive } from '../services/archive.ts';
import { searchArchive } from '../services/search-service.ts';
import { presentSearchHits, toSearchHitsJson } from './search-hits.presenter.ts';
import { UserError } from './user-error.ts';

interface SearchCommandOptions {
  from?: string;
  to?: string;
  case?: string;
  forum?: string;
  proposer?: string;
  decision?: boolean;
  public?: boolean;
  limit: string;
  json?: boolean;
}

/** Opens the archive a command works on; tests pass one they built. */
export type ArchiveOpener = () => Promise<Archive>;

/**
 * `referat search QUERY…`: full-text search in the archive's agenda items, with filters.
 * Prints a Danish list, or with --json an array of hits.
 */
export function registerSearchCommand(program: Command, open: ArchiveOpener = openArchive): void {
  program
    .command('search')
    .description('søg i arkivets punkter (ord, "fraser", dele af sammensatte ord, journalnumre)')
    .argument('<query...>', 'det der søges efter')
    .option(
      '--from <date>',
      'møder fra og med denne dato (2017-06-14, 14. juni 2017, juni 2017, 2017)',
    )
    .option('--to <date>', 'møder til og med denne dato')
    .option('--case <prefix>', 'journalnummer eller KLE-emne (fx 00.01 eller 15/13392)')
    .option('--forum <name>', 'kun dette forum (fx Chefforum)')
    .option('--proposer <text>', 'indstillingen er fra (en del af navnet er nok)')
    .option('--decision', 'søg kun i beslutningerne')
    .option(
      '--public',
      'søg som offentligheden: kun udsendte møder i offentlige fora, ingen lukkede punkter',
    )
    .option('--limit <n>', `højst så mange resultater (1-${maximumSearchLimit})`, '20')
    .option('--json', 'skriv resultaterne som JSON')
    .action(async (words: string[], options: SearchCommandOptions) => {
      const text = words.join(' ');
      const filters = readFilters(options);
      const limit = readLimit(options.limit);
      const archive = await open();
      try {
        // The command line acts as the local administrator; --public as the anonymous reader.
        const actor = options.public ? anonymousActor : localAdministrator();
        const hits = await searchArchive(archive, actor, { text, filters, limit }).catch(
          (error: unknown) => {
            throw error instanceof SearchQueryError ? new UserError(error.message) : error;
          },
        );
        process.stdout.write(
          options.json
            ? `${JSON.stringify(toSearchHitsJson(hits), null, 2)}\n`
            : presentSearchHits(text, hits, { isTty: isColourTerminal() }),
        );
      } finally {
        await archive.close();
      }
    });
}

function readFilters(options: SearchCommandOptions): Omit<SearchFilters, 'scope'> {
  const from = options.from === undefined ? undefined : readDate(options.from, '--from', 'start');
  const to = options.to === undefined ? undefined : readDate(options.to, '--to', 'end');
  if (from && to && from > to) throw new UserError('--from ligger efter --to');
  const filters: Omit<SearchFilters, 'scope'> = { from, to };
  if (options.case !== undefined) filters.casePrefix = required(options.case, '--case');
  if (options.forum !== undefined) filters.forum = required(options.forum, '--forum');
  if (options.proposer !== undefined) filters.proposer = required(options.proposer, '--proposer');
  if (options.decision) filters.isDecisionOnly = true;
  return filters;
}

function required(value: string, option: string): string {
  if (!value.trim()) throw new UserError(`${option} må ikke være tom`);
  return value.trim();
}

function readLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > maximumSearchLimit)
    throw new UserError(`--limit skal være et helt tal fra 1 til ${maximumSearchLimit}`);
  return limit;
}

/**
 * A date option as an ISO date: a full date in ISO or Danish form, or a month ("juni 2017")
 * or a year ("2017"), which start or end on the month's or year's first or last day.
 */
export function readDate(value: string, option: string, edge: 'start' | 'end'): string {
  const text = value.trim();
  const year = /^(\d{4})$/u.exec(text);
  if (year) return edge === 'start' ? `${year[1]}-01-01` : `${year[1]}-12-31`;
  const date = findDanishDate(text);
  if (date) return date;
  const month = /^(\p{L}{3,})\.?\s+(\d{4})$/u.exec(text);
  const monthIndex = month
    ? danishMonthNames.findIndex((name) => name.startsWith((month[1] ?? '').toLowerCase()))
    : -1;
  if (month && monthIndex >= 0) {
    const monthNumber = String(monthIndex + 1).padStart(2, '0');
    if (edge === 'start') return `${month[2]}-${monthNumber}-01`;
    const lastDay = new Date(Date.UTC(Number(month[2]), monthIndex + 1, 0)).getUTCDate();
    return `${month[2]}-${monthNumber}-${lastDay}`;
  }
  throw new UserError(
    `${option}: "${value}" er ikke en dato; skriv fx 2017-06-14 eller 14. juni 2017`,
  );
}

function isColourTerminal(): boolean {
  return !!process.stdout.isTTY && !process.env.NO_COLOR;
}
