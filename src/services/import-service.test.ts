import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { makeImportFolder, removeScratchFolders } from '../../test/support/archive-io.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { listMeetingSummaries } from '../store/meeting-reader.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import { importPaths } from './import-service.ts';

afterAll(removeScratchFolders);

describe.each(testDatabases())('import on %s', (_name, openDatabase) => {
  let archive: Archive;
  let folder: string;
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    folder = makeImportFolder();
  });
  afterAll(async () => {
    await archive?.close();
  });

  it('imports a folder, reports what failed and why, and imports the rest', async () => {
    const fractions: number[] = [];
    const summary = await importPaths(archive, testAdministrator, [folder], {
      onProgress: (progress) => fractions.push(progress.fraction),
    });
    expect(summary).toMatchObject({
      files: 5,
      meetings: 5,
      newMeetings: 5,
      updatedMeetings: 0,
      items: 7 + 8 + 7 + 2 + 1,
      skipped: [join(folder, 'andet', 'noter.rtf')],
    });
    expect(summary.failures.map((failure) => [failure.file, failure.line])).toEqual([
      [join(folder, 'broken.pdf'), undefined],
      [join(folder, 'meetings.jsonl'), 3],
      [join(folder, 'meetings.jsonl'), 4],
    ]);
    expect(summary.failures[1]?.reason).toMatch(/^ikke et gyldigt mødedokument: kind: /u);
    expect(summary.failures[2]?.reason).toMatch(/^ugyldig JSON/u);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((left, right) => left - right));
    const meetings = await listMeetingSummaries(archive.database.db);
    expect(meetings.map((meeting) => [meeting.forum, meeting.date]).sort()).toEqual([
      ['Chefforum', '2015-11-05'],
      ['Chefforum', '2017-06-14'],
      ['Chefforum', '2018-10-11'],
      ['Chefforum', '2019-05-06'],
      ['Økonomiudvalget', '2019-03-04'],
    ]);
  });

  it('updates meetings imported twice rather than duplicating them', async () => {
    const before = await listMeetingSummaries(archive.database.db);
    const summary = await importPaths(archive, testAdministrator, [folder]);
    expect(summary).toMatchObject({ meetings: 5, newMeetings: 0, updatedMeetings: 5 });
    const after = await listMeetingSummaries(archive.database.db);
    expect(after.map((meeting) => [meeting.id, meeting.itemCount])).toEqual(
      before.map((meeting) => [meeting.id, meeting.itemCount]),
    );
    const items = await archive.database.db
      .selectFrom('agenda_items')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(items.count)).toBe(25);
  });

  it('fails files named explicitly that are missing or of another type', async () => {
    const summary = await importPaths(archive, testAdministrator, [
      join(folder, 'andet', 'noter.rtf'),
      join(folder, 'findes-ikke.txt'),
      join(folder, 'cf-2015.json'),
    ]);
    expect(summary.meetings).toBe(1);
    expect(summary.failures).toEqual([
      {
        file: join(folder, 'andet', 'noter.rtf'),
        reason: 'ukendt filtype ".rtf"; brug .txt, .md, .pdf, .docx, .html, .json eller .jsonl',
      },
      { file: join(folder, 'findes-ikke.txt'), reason: 'filen findes ikke' },
    ]);
  });

  it('imports a .json array and reports its bad meetings by place', async () => {
    const path = join(folder, 'liste.json');
    const meeting = { forum: 'Chefforum', kind: 'agenda', date: '2020-01-02', items: [] };
    writeFileSync(path, JSON.stringify([meeting, { ...meeting, date: '2. januar' }]));
    const summary = await importPaths(archive, testAdministrator, [path]);
    expect(summary.meetings).toBe(1);
    expect(summary.failures).toEqual([
      {
        file: path,
        meeting: 2,
        reason: expect.stringMatching(/^ikke et gyldigt mødedokument: date: /u),
      },
    ]);
  });

  it('stores a JSON Lines archive in flight at once: shared new forum, cases and people, the later line winning', async () => {
    // Eleven meetings of a forum new to the archive, sharing case numbers and absent people, so
    // that transactions in flight at once create the same new rows; line 12 repeats line 2.
    const plants =
      'solsikke kornblomst valmue hyben kastanje lavendel rosmarin timian birk ask pil';
    const meetingOn = (day: number, title: string) =>
      makeMeeting(
        [1, 2].map((number) =>
          makeItem(number, {
            title: `${title} punkt ${number}`,
            caseNumber: `00.01.00-A00-${number}-20`,
            background: `Status på ${plants.split(' ')[day - 1]}projektet.`,
            absent: [{ name: 'Birte Fælles', role: 'Ældrechef' }],
          }),
        ),
        { forum: 'Ældrerådet', date: `2020-03-${String(day).padStart(2, '0')}` },
      );
    const lines = Array.from({ length: 11 }, (_, index) =>
      meetingOn(index + 1, `Møde ${index + 1}`),
    );
    lines.push(meetingOn(2, 'Rettet møde'));
    const path = join(folder, 'aeldreraadet.jsonl');
    writeFileSync(path, lines.map((meeting) => JSON.stringify(meeting)).join('\n'));
    const summary = await importPaths(archive, testAdministrator, [path]);
    expect(summary.failures).toEqual([]);
    expect(summary).toMatchObject({ meetings: 12, newMeetings: 11, updatedMeetings: 1, items: 24 });
    const titles = await archive.database.db
      .selectFrom('agenda_items')
      .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
      .select('agenda_items.title')
      .where('meetings.date', '=', '2020-03-02')
      .orderBy('agenda_items.position')
      .execute();
    expect(titles.map((row) => row.title)).toEqual(['Rettet møde punkt 1', 'Rettet møde punkt 2']);
    // Every meeting is indexed, and its compound is found by a part (the vocabulary has it).
    for (const [index, plant] of plants.split(' ').entries()) {
      const hits = await archive.search.search(archive.database.db, {
        text: plant,
        filters: { scope: { kind: 'all' } },
      });
      const date = `2020-03-${String(index + 1).padStart(2, '0')}`;
      const ours = hits.filter((hit) => hit.meeting.forum === 'Ældrerådet');
      expect(ours.map((hit) => hit.meeting.date)).toEqual([date, date]);
    }
  });
});
