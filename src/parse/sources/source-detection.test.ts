import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeScratchFolder, removeScratchFolders } from '../../../test/support/archive-io.ts';
import { esdhFixtures } from '../../../test/support/esdh-fixtures.ts';
import { ParseError } from '../parse-error.ts';
import { detectSourceFile, readSource } from './source-registry.ts';

afterAll(removeScratchFolders);

const roots: Array<[string, string]> = [
  ['sbsys/Publication32/Publication32.xml', 'sbsys'],
  ['sbsys-aarhus/publication.xml', 'sbsys-aarhus'],
  ['edoc/eDocAgendaPublishing.xml', 'edoc'],
  ['edoc-fujitsu/e9117c72-1d79-4fe9-9653-ef7ab6f27187.xml', 'edoc-fujitsu'],
  ['acadre/XML_1863.xml', 'acadre'],
  ['acadre/Files_1863_3687982/3687981.XML', 'acadre'],
  ['extra/sbsys-minutes/Publication7.xml', 'sbsys'],
  ['extra/sbsys-aarhus-agenda/publication.xml', 'sbsys-aarhus'],
  ['extra/edoc-closed/eDocAgendaPublishing.xml', 'edoc'],
  ['extra/fujitsu-minutes/6f1c2a9e.xml', 'edoc-fujitsu'],
  ['extra/acadre-minutes/XML_2001.xml', 'acadre'],
];

describe('telling an export by its content', () => {
  it.each(roots)('%s is %s under any name', async (fixture, adapter) => {
    const folder = makeScratchFolder('referat-detect-');
    for (const name of ['udtraek.dat', 'referat.txt', 'uden-endelse', 'dagsorden.pdf']) {
      const path = join(folder, name);
      copyFileSync(join(esdhFixtures, fixture), path);
      expect((await detectSourceFile(path))?.id).toBe(adapter);
    }
  });

  it('leaves other XML, and documents, to the others', async () => {
    const folder = makeScratchFolder('referat-detect-');
    const other = join(folder, 'andet.xml');
    writeFileSync(other, '<?xml version="1.0"?><rss><channel/></rss>');
    expect(await detectSourceFile(other)).toBeNull();
    const text = join(folder, 'referat.txt');
    writeFileSync(text, 'REFERAT Chefforum d. 14-06-2017\n\nPunkt 1: Godkendelse\n');
    expect((await detectSourceFile(text))?.id).toBe('legacy');
  });
});

describe('a broken export', () => {
  /** Reads a file with its detected adapter and returns the refusal's message. */
  async function refusal(path: string): Promise<string> {
    const adapter = await detectSourceFile(path);
    if (!adapter) throw new Error('not detected');
    const error = await readSource(adapter, path).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ParseError);
    const message = (error as ParseError).message;
    expect(message).not.toContain('\n');
    return message;
  }

  it('cut off in the middle gives one Danish line, never a crash', async () => {
    const folder = makeScratchFolder('referat-broken-');
    for (const [fixture] of roots) {
      const bytes = readFileSync(join(esdhFixtures, fixture));
      const path = join(folder, `halv-${fixture.replaceAll('/', '-')}`);
      writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      expect(await refusal(path)).toMatch(/^XML-filen er ufuldstændig eller beskadiget \(.+\)$/u);
    }
  });

  it('with garbage inside or no meeting in it gives a Danish reason', async () => {
    const folder = makeScratchFolder('referat-broken-');
    const garbage = join(folder, 'publication.xml');
    writeFileSync(
      garbage,
      '<Publication><Agendas><Agenda><<<>>> &nonsense; </Agenda></Agendas></Publication>',
    );
    expect(await refusal(garbage)).toMatch(/^XML-filen er ufuldstændig eller beskadiget/u);
    const empty = join(folder, 'tom.xml');
    writeFileSync(empty, '<Publication><Agendas/></Publication>');
    expect(await refusal(empty)).toBe('SBSYS-publikationen har ingen dagsorden (Agendas/Agenda)');
    const noDate = join(folder, 'edoc.xml');
    writeFileSync(
      noDate,
      '<Meeting><Committee>Økonomiudvalget</Committee><MeetingDate>snart</MeetingDate></Meeting>',
    );
    expect(await refusal(noDate)).toBe('eDoc-filen har ingen gyldig mødedato (MeetingDate)');
  });
});
