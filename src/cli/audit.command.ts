import type { Command } from 'commander';
import { localAdministrator } from '../core/actor.ts';
import { openArchive } from '../services/archive.ts';
import {
  maximumAuditLimit,
  readAuditLog,
  readSinceTime,
  toAuditEntryView,
} from '../services/auth/audit-service.ts';
import type { StoredAuditEntry } from '../store/audit-store.ts';
import type { ArchiveOpener } from './search.command.ts';
import { UserError } from './user-error.ts';

interface AuditOptions {
  since?: string;
  limit: string;
  json?: boolean;
}

/**
 * `referat audit`: the audit log, newest first: sign-ins, refusals and every change, with who,
 * from where and on what. Times are shown in Danish time; --json gives the API's shape.
 */
export function registerAuditCommand(program: Command, open: ArchiveOpener = openArchive): void {
  program
    .command('audit')
    .description('vis revisionsloggen: log ind, afvisninger og ændringer, nyeste først')
    .option(
      '--since <time>',
      'fra og med en dato (2026-12-01) eller et tidspunkt (2026-12-01T08:00)',
    )
    .option('--limit <n>', `højst så mange linjer (1-${maximumAuditLimit})`, '50')
    .option('--json', 'skriv linjerne som JSON')
    .action(async (options: AuditOptions) => {
      const since = readSince(options.since);
      const limit = readLimit(options.limit);
      const archive = await open();
      try {
        const entries = await readAuditLog(archive, localAdministrator(), { since, limit });
        process.stdout.write(
          options.json
            ? `${JSON.stringify(entries.map(toAuditEntryView), null, 2)}\n`
            : presentAuditEntries(entries),
        );
      } finally {
        await archive.close();
      }
    });
}

function readSince(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const since = readSinceTime(value);
  if (!since)
    throw new UserError(
      `--since: "${value}" er ikke en dato; skriv fx 2026-12-01 eller 2026-12-01T08:00`,
    );
  return since;
}

function readLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > maximumAuditLimit)
    throw new UserError(`--limit skal være et helt tal fra 1 til ${maximumAuditLimit}`);
  return limit;
}

const outcomeLabels: Record<StoredAuditEntry['outcome'], string> = {
  ok: 'ok',
  refused: 'afvist',
  failed: 'fejlede',
};

/** The audit lines, one a line: Danish time, outcome, action, who, from where, on what. */
export function presentAuditEntries(entries: readonly StoredAuditEntry[]): string {
  if (entries.length === 0) return 'Ingen linjer i revisionsloggen.\n';
  return entries
    .map((entry) =>
      [
        copenhagenTime(entry.createdAt),
        outcomeLabels[entry.outcome].padEnd(7),
        entry.action,
        entry.actorName,
        entry.address ? `fra ${entry.address}` : null,
        entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}`.trim() : null,
        entry.detail ? `(${entry.detail})` : null,
      ]
        .filter(Boolean)
        .join('  '),
    )
    .join('\n')
    .concat('\n');
}

const copenhagen = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A stored time (ISO, UTC) as Danish wall-clock time: 2026-12-01 09:30:00. */
export function copenhagenTime(isoTime: string): string {
  return copenhagen.format(new Date(isoTime));
}

/** The Danish calendar date of a stored time (ISO, UTC): 2026-12-01. */
export function copenhagenDate(isoTime: string): string {
  return copenhagenTime(isoTime).slice(0, 10);
}
