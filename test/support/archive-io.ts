import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../src/core/actor.ts';
import { type ExportFormat, exportMeetings } from '../../src/services/export-service.ts';
import type { Database } from '../../src/store/database.ts';
import { testAdministrator } from './actors.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const scratchFolders: string[] = [];

/** A new temporary folder, removed again by removeScratchFolders (call it in afterAll). */
export function makeScratchFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  scratchFolders.push(folder);
  return folder;
}

/** Removes every folder makeScratchFolder made in this test file. */
export function removeScratchFolders(): void {
  for (const folder of scratchFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/**
 * A folder as a secretary might point import at: documents in three formats, a Meeting JSON,
 * a JSON Lines file with two bad lines, a damaged PDF, and a file of another type in a
 * subfolder (skipped).
 */
export function makeImportFolder(): string {
  const folder = makeScratchFolder('referat-import-');
  copyFileSync(join(fixtures, 'minutes/chefforum-2017-06-14.txt'), join(folder, 'cf-2017.txt'));
  copyFileSync(join(fixtures, 'minutes/chefforum-2018-10-11.docx'), join(folder, 'cf-2018.docx'));
  copyFileSync(join(fixtures, 'minutes/chefforum-2015-11-05.json'), join(folder, 'cf-2015.json'));
  copyFileSync(join(fixtures, 'import/broken.pdf'), join(folder, 'broken.pdf'));
  copyFileSync(join(fixtures, 'import/meetings.jsonl'), join(folder, 'meetings.jsonl'));
  mkdirSync(join(folder, 'andet'));
  copyFileSync(join(fixtures, 'import/noter.rtf'), join(folder, 'andet', 'noter.rtf'));
  return folder;
}

/** Exports into a string, as the command does into a file. */
export async function exportToText(
  database: Database,
  format: ExportFormat,
  actor: Actor = testAdministrator,
): Promise<string> {
  let text = '';
  await exportMeetings(
    database,
    actor,
    format,
    {
      async write(chunk) {
        text += chunk;
      },
    },
    { batchSize: 2 },
  );
  return text;
}
