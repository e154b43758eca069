import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { makeScratchFolder, removeScratchFolders } from '../../test/support/archive-io.ts';
import { testDatabases } from '../../test/support/databases.ts';
import {
  copyEsdhFolder,
  esdhFixtures,
  esdhFormats,
  expectedSummary,
} from '../../test/support/esdh-fixtures.ts';
import { listMeetingSummaries } from '../store/meeting-reader.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import { importPaths } from './import-service.ts';

afterAll(removeScratchFolders);

const expected = expectedSummary();

describe.each(testDatabases())('importing ESDH exports on %s', (_name, openDatabase) => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
  }, 60_000);
  afterAll(async () => {
    await archive?.close();
  });

  it('imports each export folder as one meeting, then updates it on a second import', async () => {
    for (const format of esdhFormats) {
      const folder = join(esdhFixtures, format);
      const first = await importPaths(archive, testAdministrator, [folder]);
      expect(first).toMatchObject({
        meetings: 1,
        newMeetings: 1,
        updatedMeetings: 0,
        items: expected[format].itemCount,
        failures: [],
        skipped: [],
      });
      expect(first.exports).toHaveLength(1);
      const again = await importPaths(archive, testAdministrator, [folder]);
      expect(again).toMatchObject({
        meetings: 1,
        newMeetings: 0,
        updatedMeetings: 1,
        failures: [],
      });
    }
    const meetings = await listMeetingSummaries(archive.database.db);
    expect(
      meetings.map((meeting) => [meeting.forum, meeting.date, meeting.itemCount]).sort(),
    ).toEqual(
      esdhFormats
        .map((format) => [
          expected[format].committee,
          expected[format].date,
          expected[format].itemCount,
        ])
        .sort(),
    );
  });

  it("keeps what the model has no place for as the items' source metadata", async () => {
    const rows = await archive.database.db
      .selectFrom('agenda_items')
      .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
      .select([
        'agenda_items.number',
        'agenda_items.source_metadata',
        'meetings.source_metadata as meetingMetadata',
      ])
      .where('meetings.date', '=', expected['sbsys-aarhus'].date)
      .orderBy('agenda_items.position')
      .execute();
    expect(rows.map((row) => JSON.parse(row.source_metadata ?? '{}').sourceNumber)).toEqual([
      '1',
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2',
      '2.1',
      '2.2',
      '2.3',
      '3',
    ]);
    expect(JSON.parse(rows[0]?.meetingMetadata ?? '{}')).toMatchObject({
      format: 'sbsys-aarhus',
      meetingName: 'Mødesystemgruppen 06-10-2016',
      end: '15:00',
    });
  });

  it('reports the exports with their items, Bilag and quirks in the summary', async () => {
    const summary = await importPaths(archive, testAdministrator, [
      join(esdhFixtures, 'edoc-fujitsu'),
    ]);
    const [entry] = summary.exports;
    expect(entry).toMatchObject({
      format: 'eDoc Fujitsu-dagsorden',
      attachments: { found: 0, missing: 12 },
    });
    expect(
      entry?.meetings[0]?.items.filter((item) => item.closed).map((item) => item.number),
    ).toEqual([5, 6]);
    expect(entry?.notes).toContain('byte order mark (BOM) i starten af filen ignoreret');
    expect(summary.warnings.map((warning) => warning.message)).toContain(
      'Bilag mangler: Signaturbevis.txt (\\Attachments\\6104646-6648382-1.pdf)',
    );
  });

  it('imports renamed exports by their content, and a broken one is a Danish line, not a crash', async () => {
    const folder = makeScratchFolder('referat-esdh-');
    const sbsys = copyEsdhFolder('extra/sbsys-minutes', folder);
    const { renameSync, readFileSync } = await import('node:fs');
    renameSync(join(sbsys, 'Publication7.xml'), join(sbsys, 'eksport.txt'));
    const broken = readFileSync(join(esdhFixtures, 'extra/fujitsu-minutes/6f1c2a9e.xml'));
    writeFileSync(join(folder, 'afbrudt.xml'), broken.subarray(0, 2000));
    const summary = await importPaths(archive, testAdministrator, [folder]);
    expect(summary).toMatchObject({ meetings: 1, items: 4 });
    expect(summary.exports[0]?.format).toBe('SBSYS eDagsorden');
    expect(summary.failures).toEqual([
      {
        file: join(folder, 'afbrudt.xml'),
        reason: expect.stringMatching(
          /^eDoc Fujitsu-dagsorden: XML-filen er ufuldstændig eller beskadiget \(/u,
        ),
      },
    ]);
    // The Bilag the export uses is part of it, not a document of its own.
    expect(summary.files).toBe(1);
  });
});

describe.each(testDatabases().slice(0, 1))(
  'documents without a readable header on %s',
  (_name, openDatabase) => {
    let archive: Archive;
    beforeAll(async () => {
      archive = await openArchiveOn(await openDatabase());
    }, 60_000);
    afterAll(async () => {
      await archive?.close();
    });

    const body = (decision: string): string =>
      `Punkt 1: Godkendelse af dagsorden\n\nBeslutning\n${decision}\n\nPunkt 2: Eventuelt\n\nBeslutning\nIntet.\n`;

    it('take forum and date from the file name or folder, refuse the rest, and count truly', async () => {
      const folder = makeScratchFolder('referat-headerless-');
      writeFileSync(join(folder, '2017-09-07 Chefforum referat.txt'), body('Godkendt.'));
      writeFileSync(join(folder, 'Referat CF 05.10.17.txt'), body('Godkendt med ændringer.'));
      writeFileSync(join(folder, 'scan0001.txt'), body('Ukendt.'));
      writeFileSync(join(folder, 'scan0002.txt'), body('Også ukendt.'));
      const summary = await importPaths(archive, testAdministrator, [folder]);
      expect(summary).toMatchObject({
        files: 4,
        meetings: 2,
        newMeetings: 2,
        updatedMeetings: 0,
        items: 4,
      });
      expect(summary.failures.map((failure) => [failure.file, failure.reason])).toEqual([
        [
          join(folder, 'scan0001.txt'),
          expect.stringMatching(
            /^dokumentet har intet læseligt hoved, og filnavnet og mappen angiver ikke forum og mødedato; giv filen et navn som "2017-09-07 Chefforum referat\.pdf"$/u,
          ),
        ],
        [
          join(folder, 'scan0002.txt'),
          expect.stringMatching(/^dokumentet har intet læseligt hoved/u),
        ],
      ]);
      const meetings = await listMeetingSummaries(archive.database.db);
      expect(meetings.map((meeting) => [meeting.forum, meeting.date, meeting.kind]).sort()).toEqual(
        [
          ['Chefforum', '2017-09-07', 'minutes'],
          ['Chefforum', '2017-10-05', 'minutes'],
        ],
      );
      expect(summary.warnings.map((warning) => warning.message)).toContain(
        'forum "Chefforum" og dato 2017-10-05 taget fra filnavnet eller mappen',
      );
      expect(summary.warnings.map((warning) => warning.message)).not.toContain(
        'mødets forum blev ikke fundet i hovedet',
      );
      const again = await importPaths(archive, testAdministrator, [folder]);
      expect(again).toMatchObject({ meetings: 2, newMeetings: 0, updatedMeetings: 2 });
      expect(await listMeetingSummaries(archive.database.db)).toHaveLength(2);
    });
  },
);
