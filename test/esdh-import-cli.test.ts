import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerImportCommand } from '../src/cli/import.command.ts';
import { isUserError, oneLineMessage } from '../src/cli/user-error.ts';
import { makeScratchFolder, removeScratchFolders } from './support/archive-io.ts';
import { esdhFixtures } from './support/esdh-fixtures.ts';

/** Runs `referat import …` in process against the archive in REFERAT_DATA_DIR. */
async function referatImport(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const program = new Command().name('referat').exitOverride();
  registerImportCommand(program);
  for (const command of program.commands) command.exitOverride();
  let stdout = '';
  let stderr = '';
  const capture = (append: (text: string) => void) => (chunk: string | Uint8Array) => {
    append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation(capture((text) => (stdout += text)));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation(capture((text) => (stderr += text)));
  let code = 0;
  try {
    await program.parseAsync(['import', ...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else {
      stderr += `referat: ${oneLineMessage(error)}\n`;
      code = isUserError(error) ? 2 : 1;
    }
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout, stderr };
}

const scratch = makeScratchFolder('referat-esdh-cli-');
afterAll(removeScratchFolders);

describe('referat import of ESDH export folders', () => {
  beforeEach(() => {
    delete process.env.DATABASE_URL;
    process.env.REFERAT_DATA_DIR = join(scratch, `data-${Date.now()}-${Math.random()}`);
  });
  afterEach(() => {
    delete process.env.REFERAT_DATA_DIR;
  });

  it('prints each meeting with every item and what is missing, and updates on a second run', async () => {
    const folder = join(esdhFixtures, 'sbsys-aarhus');
    const first = await referatImport(folder);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.split('\n')).toEqual([
      'Importeret: 1 møde (1 nyt, 0 opdaterede), 10 punkter, 3 advarsler, 0 filer fejlede',
      `  ${join(folder, 'publication.xml')} (SBSYS (Aarhus)): Mødesystemgruppen, referat 6. oktober 2016, nyt møde, 10 punkter, ingen bilag`,
      '    1 First Agenda',
      '    1.1 Status siden sidst (punkt 2 i arkivet)',
      '    1.2 Status på udviklingsønsker (punkt 3 i arkivet)',
      '    1.3 Besøg af First Agenda (punkt 4 i arkivet)',
      '    1.4 Plan for resten af året (punkt 5 i arkivet)',
      '    2 GetOrganized (punkt 6 i arkivet)',
      '    2.1 Status siden sidst (punkt 7 i arkivet)',
      '    2.2 Plan for resten af året (punkt 8 i arkivet)',
      '    2.3 Status over udviklingsønsker (punkt 9 i arkivet)',
      '    3 Eventuelt (punkt 10 i arkivet)',
      '    byte order mark (BOM) i starten af filen ignoreret',
      '    Dokument mangler: Referat - Åbent og Lukket (Appendix_referat - åbent og lukket.pdf)',
      '    Dokument mangler: Referat - Åbent (Appendix_referat - åbent.pdf)',
      '',
    ]);
    const second = await referatImport(folder);
    expect(second.stdout).toMatch(/^Importeret: 1 møde \(0 nye, 1 opdateret\), 10 punkter/u);
    expect(second.stdout).toContain('referat 6. oktober 2016, opdateret, 10 punkter');
  });

  it('shows closed items, journal numbers and missing Bilag of the eDoc/Fujitsu agenda', async () => {
    const result = await referatImport(join(esdhFixtures, 'edoc-fujitsu'));
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      'Importeret: 1 møde (1 nyt, 0 opdaterede), 6 punkter, 13 advarsler, 0 filer fejlede',
    );
    expect(lines[1]).toMatch(
      /\(eDoc Fujitsu-dagsorden\): Hennys testudvalg, dagsorden 2\. maj 2017, nyt møde, 6 punkter, 12 bilag \(12 mangler\)$/u,
    );
    expect(lines.slice(2, 8)).toEqual([
      '    1 test',
      '    2 test tabel (sag 200906126)',
      '    3 Fejloprettet (sag 2013-003869)',
      '    4 Fejloprettet (sag 2013-000038)',
      "    5 Mads' møgsag (lukket, sag 2016-003798)",
      '    6 Underskriftsblad (lukket)',
    ]);
    expect(lines).toContain('    Bilag mangler: Dokument (\\Attachments\\5781888-6174959-1.pdf)');
  });

  it('imports all five formats from one folder and exits 2 naming a broken file', async () => {
    const result = await referatImport(
      ...['sbsys', 'sbsys-aarhus', 'edoc', 'edoc-fujitsu', 'acadre'].map((format) =>
        join(esdhFixtures, format),
      ),
      join(esdhFixtures, 'expected-summary.json'),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^Importeret: 5 møder \(5 nye, 0 opdaterede\), 30 punkter, /u);
    expect(result.stdout).toContain(
      '    715 Kulturkommune 2017. Politiske fokusområder (sag 12/27845)',
    );
    expect(result.stdout).toContain(
      `  ${join(esdhFixtures, 'expected-summary.json')}: ikke et gyldigt mødedokument`,
    );
    expect(result.stderr).toBe('referat: 1 fil kunne ikke importeres helt\n');
  });
});
