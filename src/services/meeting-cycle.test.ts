import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator, userWithRole } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { readRealMeeting } from '../../test/support/meeting-fixtures.ts';
import type { UserActor } from '../core/actor.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import { addMeetingAbsence } from './attendance-service.ts';
import { renderPublication } from './document-service.ts';
import { saveForum } from './forum-service.ts';
import { storeMeeting } from './import-service.ts';
import { addItem, updateItem } from './item-service.ts';
import {
  cancelMeeting,
  createMeeting,
  deleteMeeting,
  finishMeeting,
  publishAgenda,
  startMeeting,
  updateMeetingDetails,
} from './meeting-flow-service.ts';
import { renderMeetingDocument } from './meeting-service.ts';
import { listPublicationHistory } from './publication-service.ts';
import { ServiceError } from './service-error.ts';
import { getWorkspace, type Workspace } from './workspace-service.ts';

/** The text of a PDF, for asserting what a document says. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractText } = await import('unpdf');
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return text.replace(/\s+/gu, ' ');
}

/** The meeting cycle as a secretariat runs it, on every backend. */
describe.each(testDatabases())('the meeting cycle on %s', (_name, openDatabase) => {
  let archive: Archive;
  let archiveMeetingId: number;
  let forumId: number;
  let secretary: UserActor;
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    ({ meetingId: archiveMeetingId, forumId } = await storeMeeting(
      archive,
      testAdministrator,
      readRealMeeting('chefforum-2018-10-11'),
    ));
    secretary = userWithRole(forumId, 'secretary', 'Søren Sekretær');
  });
  afterAll(async () => {
    await archive?.close();
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof ServiceError ? error.status : String(error)),
    );

  it('keeps an imported meeting final: approved, locked, and its document the published version', async () => {
    const workspace = await getWorkspace(archive, secretary, archiveMeetingId);
    expect(workspace).toMatchObject({ status: 'minutes_approved', archived: true });
    expect(workspace.permissions).toMatchObject({
      isLocked: true,
      canPublishMinutes: false,
      canApproveMinutes: false,
      canEnterDecisions: false,
      canEditAgenda: false,
      canCorrect: true,
    });
    expect(workspace.publications).toEqual([
      expect.objectContaining({ number: 1, kind: 'minutes', imported: true }),
    ]);
    const item = workspace.items[1];
    if (!item) throw new Error('no item');
    expect(
      await refusal(updateItem(archive, secretary, item.id, item.version, { decision: 'Nyt' })),
    ).toBe(423);
    const pdf = await renderPublication(archive, secretary, archiveMeetingId, 'minutes', 1);
    expect(await pdfText(pdf.bytes)).toContain('REFERAT');
  });

  it('makes a correction a new published version, noted in the document with its reason', async () => {
    const before = await getWorkspace(archive, secretary, archiveMeetingId);
    const item = before.items[1];
    if (!item) throw new Error('no item');
    await updateItem(
      archive,
      secretary,
      item.id,
      item.version,
      { decision: 'Chefforum tog orienteringen til efterretning.' },
      { isCorrection: true, reason: 'Beslutningen var skrevet under det forkerte punkt' },
    );
    const history = await listPublicationHistory(archive, secretary, archiveMeetingId);
    expect(history.map((entry) => [entry.number, entry.imported, entry.reason])).toEqual([
      [1, true, null],
      [2, false, 'Beslutningen var skrevet under det forkerte punkt'],
    ]);
    expect(history[1]?.changes).toEqual([
      expect.objectContaining({ number: item.number, fields: ['Beslutning'] }),
    ]);
    const corrected = await pdfText(
      (await renderPublication(archive, secretary, archiveMeetingId, 'minutes', 2)).bytes,
    );
    expect(corrected).toContain('Beslutningen var skrevet under det forkerte punkt');
    expect(corrected).toMatch(/Rettet d\. \d{1,2}\. \w+ \d{4}/u);
    // The imported version stays as it was imported.
    const original = await pdfText(
      (await renderPublication(archive, secretary, archiveMeetingId, 'minutes', 1)).bytes,
    );
    expect(original).not.toContain('forkerte punkt');
    const workspace = await getWorkspace(archive, secretary, archiveMeetingId);
    expect(workspace.publications.map((entry) => entry.reason)).toEqual([
      null,
      'Beslutningen var skrevet under det forkerte punkt',
    ]);
  });

  /** Item 1's at-point about the previous minutes, and the approval's previous meeting. */
  const namedPrevious = async (meetingId: number) => {
    const workspace = await getWorkspace(archive, secretary, meetingId);
    const point = workspace.items[0]?.recommendation?.points.find((entry) =>
      entry.includes('referat fra mødet'),
    );
    const agenda = await pdfText(
      (await renderMeetingDocument(archive, secretary, meetingId, 'pdf', 'agenda')).bytes,
    );
    return { point, previous: workspace.previousMeeting?.date, agenda };
  };

  it('has item 1 name the meeting that really comes before, when meetings are created, moved or deleted', async () => {
    const november = await createMeeting(archive, secretary, { forumId, date: '2018-11-08' });
    const december = await createMeeting(archive, secretary, { forumId, date: '2018-12-06' });
    expect((await namedPrevious(december.id)).point).toContain('8. november 2018');
    const between = await createMeeting(archive, secretary, { forumId, date: '2018-11-22' });
    const afterCreate = await namedPrevious(december.id);
    expect(afterCreate.point).toContain('22. november 2018');
    expect(afterCreate.previous).toBe('2018-11-22');
    expect(afterCreate.agenda).toContain('22. november 2018');
    expect((await namedPrevious(between.id)).point).toContain('8. november 2018');
    const moved = await updateMeetingDetails(archive, secretary, between.id, between.version, {
      date: '2019-01-10',
    });
    expect((await namedPrevious(december.id)).point).toContain('8. november 2018');
    expect((await namedPrevious(moved.id)).point).toContain('6. december 2018');
    await deleteMeeting(archive, secretary, november.id);
    const afterDelete = await namedPrevious(december.id);
    expect(afterDelete.point).toContain('11. oktober 2018');
    expect(afterDelete.previous).toBe('2018-10-11');
    expect(afterDelete.agenda).toContain('11. oktober 2018');
    // The archive meeting before has nothing left to approve.
    const workspace = await getWorkspace(archive, secretary, december.id);
    expect(workspace.permissions.canApprovePrevious).toBe(false);
    await deleteMeeting(archive, secretary, moved.id);
  });

  it('cancels a meeting whose agenda is out: it stays as "Aflyst", and the next meeting names the one before', async () => {
    const before = await createMeeting(archive, secretary, { forumId, date: '2019-05-02' });
    const cancelled = await createMeeting(archive, secretary, { forumId, date: '2019-05-16' });
    const after = await createMeeting(archive, secretary, { forumId, date: '2019-05-30' });
    expect((await namedPrevious(after.id)).point).toContain('16. maj 2019');
    await publishAgenda(archive, secretary, cancelled.id);
    const workspace = await cancelMeeting(archive, secretary, cancelled.id, 'Sygdom');
    expect([workspace.status, workspace.statusLabel]).toEqual(['cancelled', 'Aflyst']);
    expect(workspace.permissions).toMatchObject({ canEditAgenda: false, canStartMeeting: false });
    const named = await namedPrevious(after.id);
    expect(named.point).toContain('2. maj 2019');
    expect(named.previous).toBe('2019-05-02');
    expect(await refusal(publishAgenda(archive, secretary, cancelled.id))).toBe(409);
    expect(await refusal(cancelMeeting(archive, secretary, before.id, null))).toBe(409);
    for (const meeting of [before, after]) await deleteMeeting(archive, secretary, meeting.id);
  });

  it('deletes only a meeting whose agenda was never sent out', async () => {
    const meeting = await createMeeting(archive, secretary, { forumId, date: '2019-02-07' });
    await publishAgenda(archive, secretary, meeting.id);
    expect(await refusal(deleteMeeting(archive, secretary, meeting.id))).toBe(409);
  });

  it('starts a meeting "I gang" and finishes it "Afholdt", with afbud recorded before', async () => {
    const meeting = await createMeeting(archive, secretary, { forumId, date: '2019-03-07' });
    const withApology = await addMeetingAbsence(archive, secretary, meeting.id, {
      name: 'Lise Holm',
      role: 'Chef for Økonomi',
    });
    expect(withApology.items.every((item) => item.absent[0]?.name === 'Lise Holm')).toBe(true);
    // An item added after the afbud has the person absent too.
    const later = await addItem(archive, secretary, meeting.id, { title: 'Sent punkt' });
    expect(later.absent).toEqual([{ name: 'Lise Holm', role: 'Chef for Økonomi' }]);
    await publishAgenda(archive, secretary, meeting.id);
    const started: Workspace = await startMeeting(archive, secretary, meeting.id);
    expect([started.status, started.statusLabel]).toEqual(['in_progress', 'I gang']);
    expect(started.permissions).toMatchObject({
      canEnterDecisions: true,
      canFinishMeeting: true,
      canPublishMinutes: false,
    });
    const finished = await finishMeeting(archive, secretary, meeting.id);
    expect([finished.status, finished.statusLabel]).toEqual(['held', 'Afholdt']);
    expect(finished.permissions.canPublishMinutes).toBe(true);
  });

  it('places the forum’s standing items on a new agenda and keeps purposes to its list', async () => {
    const forum = (await getWorkspace(archive, secretary, archiveMeetingId)).forum;
    await saveForum(archive, secretary, forumId, {
      ...forum,
      purposes: ['Udvikle', 'Afdække', 'Beslutte'],
      standingItems: [
        { title: 'Aktuelle og pludseligt opståede emner', durationMinutes: 30, purpose: 'Afdække' },
        {
          title: 'Hvad skal kommunikeres ud til afdelingerne?',
          durationMinutes: 10,
          purpose: null,
        },
      ],
    });
    const meeting = await createMeeting(archive, secretary, { forumId, date: '2019-04-04' });
    expect(
      meeting.items.map((item) => [item.title, item.durationMinutes, item.purpose ?? null]),
    ).toEqual([
      ['Godkendelse af dagsorden og referat', null, null],
      ['Aktuelle og pludseligt opståede emner', 30, 'Afdække'],
      ['Hvad skal kommunikeres ud til afdelingerne?', 10, null],
      ['Evt.', null, null],
    ]);
    const added = await addItem(archive, secretary, meeting.id, {
      title: 'Ny sundhedspolitik',
      purpose: 'Udvikle',
      durationMinutes: 20,
    });
    expect(added.purpose).toBe('Udvikle');
    expect(
      await refusal(
        addItem(archive, secretary, meeting.id, { title: 'Gæt', purpose: 'Orientering' }),
      ),
    ).toBe(400);
    const agenda = await pdfText(
      (await renderMeetingDocument(archive, secretary, meeting.id, 'pdf', 'agenda')).bytes,
    );
    expect(agenda).toContain('Udvikle · 20 min');
  });
});
