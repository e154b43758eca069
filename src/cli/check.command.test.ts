import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { captureOutput } from '../../test/support/captured-output.ts';
import { readRealMeeting, realMeetingNames } from '../../test/support/meeting-fixtures.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { storeMeeting } from '../services/import-service.ts';
import { openSqliteFile } from '../store/database.ts';
import { registerCheckCommand } from './check.command.ts';
import { UserError } from './user-error.ts';

/** `referat check`: a whole archive passes; a damaged search index is named, with exit 1. */
describe('referat check', () => {
  let archive: Archive;
  beforeAll(async () => {
    const opened = await openArchiveOn(await openSqliteFile(':memory:'));
    for (const name of realMeetingNames)
      await storeMeeting(opened, testAdministrator, readRealMeeting(name));
    archive = { ...opened, close: async () => {} };
  });
  afterAll(async () => {
    await archive.database.close();
  });

  async function runCheck(): Promise<{ output: string; error: unknown }> {
    const program = new Command().exitOverride();
    registerCheckCommand(program, async () => archive);
    let error: unknown = null;
    const { stdout } = await captureOutput(() =>
      program.parseAsync(['check'], { from: 'user' }).catch((thrown: unknown) => {
        error = thrown;
      }),
    );
    return { output: stdout, error };
  }

  it('says the archive is whole', async () => {
    const { output, error } = await runCheck();
    expect(error).toBeNull();
    expect(output).toBe('Arkivet er i orden: databasen og søgeindekset er hele.\n');
  });

  it('names items missing from the search index, and fails', async () => {
    await sql`delete from item_search_facts where item_id in (select id from agenda_items limit 2)`.execute(
      archive.database.db,
    );
    const { output, error } = await runCheck();
    expect(output).toBe('  2 punkter mangler i søgeindekset\n');
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe('arkivet har et problem');
  });
});
