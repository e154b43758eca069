import type { Kysely } from 'kysely';
import type { Database } from '../store/database.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { readSnapshot } from '../store/snapshot.ts';
import {
  type ArchiveTable,
  countTableRows,
  deleteAllTableRows,
  insertTableRows,
  listAllItemIds,
  readTableRows,
  resetIdSequences,
  type TableRow,
} from '../store/table-dump.ts';
import type { Archive } from './archive-types.ts';
import {
  BackupFileError,
  type BackupReader,
  createBackupHeader,
  openBackupFile,
} from './backup-file.ts';
import { writeFileAtomically } from './output-file.ts';

export { BackupFileError } from './backup-file.ts';

/** How many rows of each table a backup or restore copied. */
export interface BackupSummary {
  rows: Partial<Record<ArchiveTable, number>>;
}

/** Restore refused because the archive already holds data and --force was not given. */
export class ArchiveNotEmptyError extends Error {
  override readonly name = 'ArchiveNotEmptyError';
}

/** Items (re)indexed per call: keeps the search provider's statements a sensible size. */
const indexBatchSize = 500;

/**
 * Writes a consistent copy of the archive to a gzip'd JSON Lines file while the app keeps
 * running: every table is read inside one read transaction (a snapshot), so a meeting being
 * saved meanwhile is either wholly in the copy or not at all. Written atomically.
 */
export function backupArchive(database: Database, path: string): Promise<BackupSummary> {
  return writeFileAtomically(
    path,
    (sink) =>
      readSnapshot(database, async (db) => {
        const header = createBackupHeader(database.engine);
        await sink.write(`${JSON.stringify(header)}\n`);
        const rows: BackupSummary['rows'] = {};
        for (const table of header.tables) {
          rows[table] = 0;
          for await (const page of readTableRows(db, table)) {
            rows[table] += page.length;
            await sink.write(page.map((row) => `${JSON.stringify({ table, row })}\n`).join(''));
          }
        }
        await sink.write(`${JSON.stringify({ end: { rows } })}\n`);
        return { rows };
      }),
    { isGzip: true },
  );
}

/**
 * Restores a backup into an empty archive (or, forced, into one it empties first), with the
 * rows' own ids, then rebuilds the search index. Everything happens in one transaction: a
 * damaged file, a refusal or a failure leaves the archive exactly as it was. A backup from
 * SQLite restores into PostgreSQL and back, as both store the same tables and values.
 */
export async function restoreArchive(
  target: Pick<Archive, 'database' | 'search'>,
  path: string,
  options: { isForced?: boolean } = {},
): Promise<BackupSummary> {
  const backup = await openBackupFile(path);
  try {
    return await target.database.db.transaction().execute(async (transaction) => {
      await emptyArchive(target, transaction, options.isForced ?? false);
      const rows = await insertBackupRows(transaction, backup);
      await resetIdSequences(transaction, target.database.engine);
      const itemIds = await listAllItemIds(transaction);
      for (let start = 0; start < itemIds.length; start += indexBatchSize)
        await target.search.indexItems(transaction, itemIds.slice(start, start + indexBatchSize));
      return { rows };
    });
  } finally {
    backup.close();
  }
}

async function emptyArchive(
  target: Pick<Archive, 'search'>,
  db: Kysely<DatabaseSchema>,
  isForced: boolean,
): Promise<void> {
  const counts = await countTableRows(db);
  if (Object.values(counts).every((count) => count === 0)) return;
  if (!isForced) {
    const meetings = counts.meetings === 1 ? '1 møde' : `${counts.meetings} møder`;
    throw new ArchiveNotEmptyError(
      `arkivet er ikke tomt (${meetings}); brug --force for at erstatte indholdet`,
    );
  }
  const itemIds = await listAllItemIds(db);
  for (let start = 0; start < itemIds.length; start += indexBatchSize)
    await target.search.removeItems(db, itemIds.slice(start, start + indexBatchSize));
  await deleteAllTableRows(db);
}

/**
 * Inserts the backup's rows table by table, a batch at a time, and checks the closing counts,
 * so that a file cut short at a line boundary is refused like any other damaged file.
 */
async function insertBackupRows(
  db: Kysely<DatabaseSchema>,
  backup: BackupReader,
): Promise<BackupSummary['rows']> {
  const rows: BackupSummary['rows'] = {};
  let table: ArchiveTable | null = null;
  let batch: TableRow[] = [];
  const flush = async (): Promise<void> => {
    if (table && batch.length > 0) await insertRows(db, table, batch);
    batch = [];
  };
  for await (const entry of backup.entries) {
    if ('end' in entry) {
      await flush();
      checkCounts(entry.end.rows, rows);
      return rows;
    }
    if (entry.table !== table) {
      await flush();
      table = entry.table;
    }
    batch.push(entry.row);
    rows[entry.table] = (rows[entry.table] ?? 0) + 1;
    if (batch.length >= 500) await flush();
  }
  throw new BackupFileError('sikkerhedskopien er ufuldstændig (slutningen mangler)');
}

async function insertRows(
  db: Kysely<DatabaseSchema>,
  table: ArchiveTable,
  rows: TableRow[],
): Promise<void> {
  try {
    await insertTableRows(db, table, rows);
  } catch (error) {
    // Rows that break a constraint mean a file that was edited or mixed up, not a bug here.
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new BackupFileError(`sikkerhedskopien kan ikke indlæses i ${table}: ${reason}`);
  }
}

function checkCounts(
  expected: Partial<Record<ArchiveTable, number>>,
  actual: Partial<Record<ArchiveTable, number>>,
): void {
  for (const [table, count] of Object.entries(expected) as Array<[ArchiveTable, number]>) {
    if ((actual[table] ?? 0) !== count)
      throw new BackupFileError(
        `sikkerhedskopien er ufuldstændig (${table}: ${actual[table] ?? 0} af ${count} rækker)`,
      );
  }
}
