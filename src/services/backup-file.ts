import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { DatabaseEngine } from '../store/database.ts';
import { type ArchiveTable, archiveTables, type TableRow } from '../store/table-dump.ts';

/**
 * The backup file: gzip'd JSON Lines. A header line says what the file is, one line per row
 * follows, table by table in foreign-key order, and a last line gives the row counts, so that a
 * truncated file is recognized even where gzip cannot tell.
 */
export interface BackupHeader {
  format: 'referat-backup';
  version: 1;
  engine: DatabaseEngine;
  createdAt: string;
  tables: ArchiveTable[];
}

/** One line after the header: a row of a table, or the closing counts. */
export type BackupEntry =
  | { table: ArchiveTable; row: TableRow }
  | { end: { rows: Partial<Record<ArchiveTable, number>> } };

/** A file that is not a Referat backup, or one that is damaged: one Danish line, exit 2. */
export class BackupFileError extends Error {
  override readonly name = 'BackupFileError';
}

/** The backup format this version writes and reads. */
export const backupFormatVersion = 1;

const columnsByTable = new Map(archiveTables.map(([table, shape]) => [table, shape.columns]));

/** The header for a backup made now from a database of this engine. */
export function createBackupHeader(engine: DatabaseEngine): BackupHeader {
  return {
    format: 'referat-backup',
    version: backupFormatVersion,
    engine,
    createdAt: new Date().toISOString(),
    tables: archiveTables.map(([table]) => table),
  };
}

/** An open backup file: its checked header, then its entries as they are read. */
export interface BackupReader {
  header: BackupHeader;
  entries: AsyncGenerator<BackupEntry>;
  /** Stops reading and releases the file; safe to call more than once. */
  close(): void;
}

/**
 * Opens a backup and checks its header before anything else is read, so that a foreign file
 * is refused before the database is touched. Entries are checked as they are read; any fault
 * (not gzip, cut short, a line that is not JSON, an unknown table or column) becomes a
 * BackupFileError.
 */
export async function openBackupFile(path: string): Promise<BackupReader> {
  const raw = createReadStream(path);
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  raw.pipe(gunzip);
  const lines = createInterface({ input: gunzip, crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = lines[Symbol.asyncIterator]();
  const close = (): void => {
    lines.close();
    raw.destroy();
    gunzip.destroy();
  };
  try {
    const first = await iterator.next();
    const header = checkHeader(first.done ? null : parseLine(first.value, 1));
    return { header, entries: readEntries(iterator, header, close), close };
  } catch (error) {
    close();
    throw asBackupFileError(error, path);
  }
}

async function* readEntries(
  lines: AsyncIterator<string>,
  header: BackupHeader,
  close: () => void,
): AsyncGenerator<BackupEntry> {
  const tables = new Set<string>(header.tables);
  let lineNumber = 1;
  try {
    for (;;) {
      const next = await lines.next();
      if (next.done) return;
      lineNumber++;
      if (next.value.trim() === '') continue;
      yield checkEntry(parseLine(next.value, lineNumber), tables, lineNumber);
    }
  } catch (error) {
    throw asBackupFileError(error, '');
  } finally {
    close();
  }
}

function parseLine(text: string, lineNumber: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BackupFileError(`sikkerhedskopien er beskadiget (linje ${lineNumber} er ikke JSON)`);
  }
}

function checkHeader(data: unknown): BackupHeader {
  if (!isRecord(data) || data.format !== 'referat-backup')
    throw new BackupFileError('filen er ikke en sikkerhedskopi fra Referat');
  if (data.version !== backupFormatVersion)
    throw new BackupFileError(
      `sikkerhedskopien har formatversion ${String(data.version)}; denne udgave læser version ${backupFormatVersion}`,
    );
  const tables = data.tables;
  if (
    !Array.isArray(tables) ||
    !tables.every((table) => typeof table === 'string' && columnsByTable.has(table as ArchiveTable))
  )
    throw new BackupFileError('sikkerhedskopiens hoved nævner tabeller, som arkivet ikke har');
  return data as unknown as BackupHeader;
}

function checkEntry(data: unknown, tables: Set<string>, lineNumber: number): BackupEntry {
  const damaged = (why: string): BackupFileError =>
    new BackupFileError(`sikkerhedskopien er beskadiget (linje ${lineNumber}: ${why})`);
  if (!isRecord(data)) throw damaged('ikke et objekt');
  if ('end' in data) {
    if (!isRecord(data.end) || !isRecord(data.end.rows)) throw damaged('ugyldig afslutning');
    return data as BackupEntry;
  }
  const table = data.table;
  if (typeof table !== 'string' || !tables.has(table)) throw damaged('ukendt tabel');
  const columns = columnsByTable.get(table as ArchiveTable) ?? [];
  const row = data.row;
  if (!isRecord(row)) throw damaged('rækken mangler');
  for (const [column, value] of Object.entries(row)) {
    if (!columns.includes(column)) throw damaged(`ukendt kolonne ${column} i ${table}`);
    if (value !== null && typeof value !== 'string' && typeof value !== 'number')
      throw damaged(`ugyldig værdi i ${table}.${column}`);
  }
  return { table: table as ArchiveTable, row: row as TableRow };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns read and gzip errors into the one-line messages a user can act on. */
function asBackupFileError(error: unknown, path: string): BackupFileError {
  if (error instanceof BackupFileError) return error;
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return new BackupFileError(`filen findes ikke: ${path}`);
  if (code === 'EISDIR') return new BackupFileError(`${path} er en mappe, ikke en fil`);
  if (code === 'Z_DATA_ERROR' && path)
    return new BackupFileError('filen er ikke en sikkerhedskopi fra Referat');
  if (code.startsWith('Z_'))
    return new BackupFileError('sikkerhedskopien er beskadiget eller ufuldstændig');
  return new BackupFileError(`sikkerhedskopien kan ikke læses (${code || 'ukendt fejl'})`);
}
