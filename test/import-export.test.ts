import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerBackupCommands } from '../src/cli/backup.command.ts';
import { translateCommanderMessage } from '../src/cli/commander-messages.ts';
import { registerExportCommand } from '../src/cli/export.command.ts';
import { registerImportCommand } from '../src/cli/import.command.ts';
import { registerMigrateCommand } from '../src/cli/migrate.command.ts';
import { isUserError, oneLineMessage } from '../src/cli/user-error.ts';
import { meetingSchema } from '../src/core/meeting.ts';
import { makeImportFolder, makeScratchFolder, removeScratchFolders } from './support/archive-io.ts';
import { captureOutput } from './support/captured-output.ts';
import { validateMeetingJson } from './support/json-schema.ts';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the commands in process, configured and with errors handled as `runCli` does, against
 * the archive in REFERAT_DATA_DIR. (In process rather than through bin/referat.js, so that
 * the tests do not depend on main.ts wiring the commands.)
 */
async function referat(...args: string[]): Promise<CliResult> {
  const program = new Command().name('referat').exitOverride();
  registerImportCommand(program);
  registerExportCommand(program);
  registerBackupCommands(program);
  registerMigrateCommand(program);
  for (const command of program.commands)
    command.exitOverride().configureOutput({
      outputError: (message, write) => write(`${translateCommanderMessage(message)}\n`),
    });
  let code = 0;
  let failure = '';
  const { stdout, stderr } = await captureOutput(
    async () => {
      try {
        await program.parseAsync(args, { from: 'user' });
      } catch (error) {
        if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
        else {
          failure = `referat: ${oneLineMessage(error)}\n`;
          code = isUserError(error) ? 2 : 1;
        }
      }
    },
    { stderr: true },
  );
  return { code, stdout, stderr: stderr + failure };
}

const scratch = makeScratchFolder('referat-cli-archive-');
afterAll(removeScratchFolders);
let dataDirectoryCount = 0;

/** Points the commands at a new, empty archive. */
function useFreshArchive(): string {
  const directory = join(scratch, `data-${dataDirectoryCount++}`);
  process.env.REFERAT_DATA_DIR = directory;
  return directory;
}

describe('referat import, export, backup, restore and migrate', () => {
  beforeEach(() => {
    delete process.env.DATABASE_URL;
    useFreshArchive();
  });
  afterEach(() => {
    delete process.env.REFERAT_DATA_DIR;
  });

  it('imports a folder, prints a Danish summary with each failure, and exits with 2', async () => {
    const folder = makeImportFolder();
    const result = await referat('import', folder);
    expect(result.code).toBe(2);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'Importeret: 5 møder (5 nye, 0 opdaterede), 25 punkter, 1 advarsel, 2 filer fejlede, 1 fil sprunget over',
    );
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^  ${join(folder, 'broken.pdf')}: .+`, 'u')),
      `  ${join(folder, 'meetings.jsonl')} linje 3: ikke et gyldigt mødedokument: kind: Ugyldigt valg: forventede en af følgende "agenda"|"minutes"`,
      `  ${join(folder, 'meetings.jsonl')} linje 4: ugyldig JSON`,
    ]);
    expect(result.stderr).toBe('referat: 2 filer kunne ikke importeres helt\n');
  });

  it('exits with 0 when everything imported, and prints JSON with --json', async () => {
    const folder = makeImportFolder();
    const result = await referat('import', join(folder, 'cf-2015.json'), '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({ meetings: 1, items: 7, failures: [] });
  });

  it('refuses a bad --timeout in one Danish line', async () => {
    const result = await referat('import', scratch, '--timeout', 'lang');
    expect(result).toMatchObject({
      code: 2,
      stderr: 'referat: --timeout skal være et positivt antal sekunder\n',
    });
  });

  it('exports JSON Lines and a JSON array that validate, to a file or standard out', async () => {
    await referat('import', makeImportFolder());
    const lines = await referat('export', '--format', 'jsonl');
    expect(lines.code).toBe(0);
    const documents = lines.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(documents).toHaveLength(5);
    for (const document of documents) {
      expect(meetingSchema.safeParse(document).success).toBe(true);
      expect(validateMeetingJson(document)).toBe(true);
    }
    const file = join(scratch, 'arkiv.json');
    const written = await referat('export', '-o', file);
    expect(written).toMatchObject({ code: 0, stdout: '' });
    expect(written.stderr).toBe(`Eksporterede 5 møder og 25 punkter til ${file}\n`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(documents);
  });

  it('gives one Danish line and exit code 2 for a bad format or an unwritable file', async () => {
    const format = await referat('export', '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(
      /^referat: ugyldig værdi "xml" til -f, --format <format>; vælg mellem/u,
    );
    const unwritable = await referat('export', '-o', join(scratch, 'mangler', 'arkiv.jsonl'));
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toBe(
      `referat: kan ikke skrive ${join(scratch, 'mangler', 'arkiv.jsonl')} (ENOENT)\n`,
    );
  });

  it('backs up, restores into an empty archive, and refuses a full one or a foreign file', async () => {
    await referat('import', makeImportFolder());
    const exported = (await referat('export')).stdout;
    const backup = join(scratch, 'kopi.jsonl.gz');
    const made = await referat('backup', backup);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toMatch(
      /^Sikkerhedskopi gemt i .+: 5 møder, 25 punkter, \d+ rækker i alt\n$/u,
    );
    const full = await referat('restore', backup);
    expect(full).toMatchObject({
      code: 2,
      stderr: 'referat: arkivet er ikke tomt (5 møder); brug --force for at erstatte indholdet\n',
    });
    useFreshArchive();
    const restored = await referat('restore', backup);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toMatch(/^Arkivet er genskabt fra .+: 5 møder, 25 punkter/u);
    expect((await referat('export')).stdout).toBe(exported);
    const foreign = join(scratch, 'fremmed.gz');
    writeFileSync(foreign, 'ikke en kopi');
    expect(await referat('restore', foreign, '--force')).toMatchObject({
      code: 2,
      stderr: 'referat: filen er ikke en sikkerhedskopi fra Referat\n',
    });
    expect((await referat('export')).stdout).toBe(exported);
  });

  it('migrates a new archive and says so, then says it is up to date', async () => {
    const first = await referat('migrate');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Databasen er opdateret: 0001-archive-tables(?:, [\w-]+)*\n$/u);
    expect(await referat('migrate')).toMatchObject({
      code: 0,
      stdout: 'Databasen var allerede opdateret\n',
    });
  });

  it('names a missing argument in Danish', async () => {
    expect(await referat('restore')).toMatchObject({
      code: 2,
      stderr: 'referat: mangler argumentet file\n',
    });
  });
});
