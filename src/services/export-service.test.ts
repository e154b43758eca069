import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousReader, testAdministrator } from '../../test/support/actors.ts';
import {
  exportToText,
  makeImportFolder,
  makeScratchFolder,
  removeScratchFolders,
} from '../../test/support/archive-io.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { validateMeetingJson } from '../../test/support/json-schema.ts';
import { meetingSchema } from '../core/meeting.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import { setForumVisibility } from './forum-service.ts';
import { importPaths } from './import-service.ts';

afterAll(removeScratchFolders);

describe.each(testDatabases())('export on %s', (_name, openDatabase) => {
  let archive: Archive;
  const scratch = makeScratchFolder('referat-export-');
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    await importPaths(archive, testAdministrator, [makeImportFolder()]);
  });
  afterAll(async () => {
    await archive?.close();
  });

  it('writes JSON Lines documents that validate, in forum and date order', async () => {
    const lines = (await exportToText(archive.database, 'jsonl')).split('\n');
    expect(lines.pop()).toBe('');
    const documents = lines.map((line) => JSON.parse(line));
    for (const document of documents) {
      expect(meetingSchema.safeParse(document).success).toBe(true);
      expect(validateMeetingJson(document), JSON.stringify(validateMeetingJson.errors)).toBe(true);
    }
    expect(documents.map((document) => `${document.forum} ${document.date}`)).toEqual([
      'Chefforum 2015-11-05',
      'Chefforum 2017-06-14',
      'Chefforum 2018-10-11',
      'Chefforum 2019-05-06',
      'Økonomiudvalget 2019-03-04',
    ]);
  });

  it('writes one pretty JSON array, exactly as JSON.stringify would', async () => {
    const text = await exportToText(archive.database, 'json');
    const documents = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(documents, null, 2)}\n`);
    expect(documents).toHaveLength(5);
    for (const document of documents) expect(validateMeetingJson(document)).toBe(true);
  });

  it('gives the public only public forums, and closed items without their content', async () => {
    expect(await exportToText(archive.database, 'jsonl', anonymousReader)).toBe('');
    await setForumVisibility(archive, testAdministrator, 'Økonomiudvalget', 'public');
    try {
      const text = await exportToText(archive.database, 'jsonl', anonymousReader);
      expect(text).toContain('"title":"Lukket punkt"');
      expect(text).not.toContain('Personalesag');
      expect(text).not.toContain('Chefforum');
      expect(text.trim().split('\n')).toHaveLength(1);
      expect(await exportToText(archive.database, 'jsonl')).toContain('Personalesag');
    } finally {
      await setForumVisibility(archive, testAdministrator, 'Økonomiudvalget', 'internal');
    }
  });

  it.each(['jsonl', 'json'] as const)(
    'gives the same %s bytes after export, import into an empty archive, and export',
    async (format) => {
      const first = await exportToText(archive.database, format);
      const path = join(scratch, `arkiv.${format}`);
      writeFileSync(path, first);
      const fresh = await openArchiveOn(await openDatabase());
      try {
        const summary = await importPaths(fresh, testAdministrator, [path]);
        expect(summary.failures).toEqual([]);
        expect(summary.meetings).toBe(5);
        expect(await exportToText(fresh.database, format)).toBe(first);
      } finally {
        await fresh.close();
      }
    },
  );

  it('writes an empty array or nothing for an empty archive', async () => {
    const empty = await openArchiveOn(await openDatabase());
    try {
      expect(await exportToText(empty.database, 'json')).toBe('[]\n');
      expect(await exportToText(empty.database, 'jsonl')).toBe('');
    } finally {
      await empty.close();
    }
  });
});
