import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import {
  exportToText,
  makeImportFolder,
  makeScratchFolder,
  removeScratchFolders,
} from '../../test/support/archive-io.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { readGeneratedMeetings } from '../../test/support/meeting-fixtures.ts';
import { openSqliteFile } from '../store/database.ts';
import { countTableRows } from '../store/table-dump.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import {
  ArchiveNotEmptyError,
  BackupFileError,
  backupArchive,
  restoreArchive,
} from './backup-service.ts';
import { importPaths, storeMeeting } from './import-service.ts';

const scratch = makeScratchFolder('referat-backup-');
afterAll(removeScratchFolders);
let fileCount = 0;
const scratchPath = (name: string): string => join(scratch, `${fileCount++}-${name}`);

/** Item ids that a search finds, to show that a restore rebuilt the index. */
async function searchItemIds(archive: Archive, text: string): Promise<number[]> {
  const hits = await archive.search.search(archive.database.db, { text, limit: 100 });
  return hits.map((hit) => hit.item.id).sort((left, right) => left - right);
}

describe.each(testDatabases())('backup and restore on %s', (_name, openDatabase) => {
  let source: Archive;
  let backup: string;
  let exported: string;
  beforeAll(async () => {
    source = await openArchiveOn(await openDatabase());
    await importPaths(source, testAdministrator, [makeImportFolder()]);
    backup = scratchPath('arkiv.jsonl.gz');
    await backupArchive(source.database, backup);
    exported = await exportToText(source.database, 'jsonl');
  });
  afterAll(async () => {
    await source?.close();
  });

  const withFreshArchive = async (use: (archive: Archive) => Promise<void>): Promise<void> => {
    const archive = await openArchiveOn(await openDatabase());
    try {
      await use(archive);
    } finally {
      await archive.close();
    }
  };

  it('writes a gzip file with a header, the rows and their counts', () => {
    const lines = gunzipSync(readFileSync(backup)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0] ?? '');
    expect(header).toMatchObject({
      format: 'referat-backup',
      version: 1,
      engine: expect.any(String),
    });
    expect(header.tables).toContain('agenda_items');
    expect(JSON.parse(lines.at(-1) ?? '').end.rows.meetings).toBe(5);
  });

  it('restores into an empty archive with the same ids, documents and search', async () => {
    await withFreshArchive(async (target) => {
      const summary = await restoreArchive(target, backup);
      expect(summary.rows.meetings).toBe(5);
      expect(await exportToText(target.database, 'jsonl')).toBe(exported);
      expect(await countTableRows(target.database.db)).toEqual(
        await countTableRows(source.database.db),
      );
      expect(await searchItemIds(target, 'dagsorden')).toEqual(
        await searchItemIds(source, 'dagsorden'),
      );
      // New rows after a restore get fresh ids, not ones the restored rows hold.
      await storeMeeting(
        target,
        testAdministrator,
        makeMeeting([makeItem(1)], { date: '2021-01-01' }),
      );
    });
  });

  it('refuses an archive that is not empty, and replaces it with --force', async () => {
    await withFreshArchive(async (target) => {
      await storeMeeting(
        target,
        testAdministrator,
        makeMeeting([makeItem(1, { title: 'Xylofonkvintetten skal væk' })]),
      );
      const before = await exportToText(target.database, 'jsonl');
      expect(await searchItemIds(target, 'xylofonkvintetten')).toHaveLength(1);
      await expect(restoreArchive(target, backup)).rejects.toThrow(ArchiveNotEmptyError);
      await expect(restoreArchive(target, backup)).rejects.toThrow(
        'arkivet er ikke tomt (1 møde); brug --force for at erstatte indholdet',
      );
      expect(await exportToText(target.database, 'jsonl')).toBe(before);
      await restoreArchive(target, backup, { isForced: true });
      expect(await exportToText(target.database, 'jsonl')).toBe(exported);
      expect(await searchItemIds(target, 'xylofonkvintetten')).toEqual([]);
    });
  });

  it.each([
    ['not gzip', () => 'forum;dato\n', 'filen er ikke en sikkerhedskopi fra Referat'],
    [
      'foreign JSON',
      () => gzipSync('{"format":"andet"}\n'),
      'filen er ikke en sikkerhedskopi fra Referat',
    ],
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 40), 'beskadiget'],
    [
      'without its end',
      (bytes: Buffer) =>
        gzipSync(gunzipSync(bytes).toString().trimEnd().split('\n').slice(0, -1).join('\n')),
      'sikkerhedskopien er ufuldstændig (slutningen mangler)',
    ],
    [
      'missing rows',
      (bytes: Buffer) => {
        const lines = gunzipSync(bytes).toString().trimEnd().split('\n');
        return gzipSync(
          lines.filter((line) => !line.startsWith('{"table":"revisions"')).join('\n'),
        );
      },
      'sikkerhedskopien er ufuldstændig (revisions: 0 af',
    ],
  ])(
    'rejects a backup that is %s and leaves the archive untouched',
    async (_case, damage, message) => {
      const damaged = scratchPath('skadet.jsonl.gz');
      writeFileSync(damaged, damage(readFileSync(backup)));
      await withFreshArchive(async (target) => {
        await storeMeeting(target, testAdministrator, makeMeeting([makeItem(1)]));
        const before = await exportToText(target.database, 'jsonl');
        const counts = await countTableRows(target.database.db);
        const failure = restoreArchive(target, damaged, { isForced: true });
        await expect(failure).rejects.toThrow(BackupFileError);
        await expect(restoreArchive(target, damaged, { isForced: true })).rejects.toThrow(message);
        expect(await exportToText(target.database, 'jsonl')).toBe(before);
        expect(await countTableRows(target.database.db)).toEqual(counts);
      });
    },
  );

  it('says so when the file does not exist', async () => {
    await withFreshArchive(async (target) => {
      await expect(restoreArchive(target, join(scratch, 'findes-ikke.gz'))).rejects.toThrow(
        `filen findes ikke: ${join(scratch, 'findes-ikke.gz')}`,
      );
    });
  });
});

describe('backup across engines', () => {
  const [sqlite, pglite] = testDatabases();
  it.each([
    ['SQLite to PGlite', sqlite, pglite],
    ['PGlite to SQLite', pglite, sqlite],
  ])('restores %s with the same documents', async (_case, from, to) => {
    if (!from || !to) throw new Error('backends missing');
    const source = await openArchiveOn(await from[1]());
    const target = await openArchiveOn(await to[1]());
    try {
      await importPaths(source, testAdministrator, [makeImportFolder()]);
      const path = scratchPath('tvaers.jsonl.gz');
      await backupArchive(source.database, path);
      await restoreArchive(target, path);
      expect(await exportToText(target.database, 'json')).toBe(
        await exportToText(source.database, 'json'),
      );
    } finally {
      await source.close();
      await target.close();
    }
  });
});

describe('backup while the app writes (SQLite file)', () => {
  it('copies a consistent snapshot while a second connection saves meetings', async () => {
    const file = join(makeScratchFolder('referat-live-'), 'referat.sqlite');
    const app = await openArchiveOn(await openSqliteFile(file));
    const backupConnection = await openArchiveOn(await openSqliteFile(file));
    const target = await openArchiveOn(await openSqliteFile(':memory:'));
    try {
      const meetings = readGeneratedMeetings();
      for (const meeting of meetings.slice(0, 4))
        await storeMeeting(app, testAdministrator, meeting);
      let isBackingUp = true;
      let writtenDuringBackup = 0;
      const writer = (async () => {
        // Capped, so that a backup that never finishes fails the test instead of filling the disk.
        for (let day = 1; isBackingUp && day <= 500; day++) {
          const template = meetings[4 + (day % 4)] ?? makeMeeting([]);
          const date = new Date(Date.UTC(2030, 0, day)).toISOString().slice(0, 10);
          await storeMeeting(app, testAdministrator, { ...template, date });
          writtenDuringBackup++;
          // A server saves between other work; without this the loop would starve the backup.
          await yieldToEventLoop();
        }
      })();
      const path = scratchPath('live.jsonl.gz');
      const summary = await backupArchive(backupConnection.database, path);
      isBackingUp = false;
      await writer;
      expect(writtenDuringBackup).toBeGreaterThan(0);
      await restoreArchive(target, path);
      const copied = summary.rows.meetings ?? 0;
      expect(copied).toBeGreaterThanOrEqual(4);
      // Every meeting in the copy has exactly its items and its revision: nothing half-saved.
      const restored = (await exportToText(target.database, 'jsonl')).trimEnd().split('\n');
      const live = new Map(
        (await exportToText(app.database, 'jsonl'))
          .trimEnd()
          .split('\n')
          .map((line) => [JSON.parse(line).date, line]),
      );
      for (const line of restored) expect(line).toBe(live.get(JSON.parse(line).date));
      const counts = await countTableRows(target.database.db);
      expect(counts.revisions).toBe(counts.meetings);
    } finally {
      await app.close();
      await backupConnection.close();
      await target.close();
    }
  });
});
