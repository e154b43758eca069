import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymousReader,
  signedInReader,
  testAdministrator,
  userWithRole,
} from '../../test/support/actors.ts';
import { makeScratchFolder, removeScratchFolders } from '../../test/support/archive-io.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { publishDecidedMeeting, sicknessDecisions } from '../../test/support/followup-meeting.ts';
import type { UserActor } from '../core/actor.ts';
import type { FollowupView } from '../core/api-contract/followups.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import { backupArchive, restoreArchive } from './backup-service.ts';
import {
  confirmFollowup,
  getFollowup,
  getMeetingFollowups,
  listCaseFollowups,
  listForumFollowups,
  listMyFollowups,
  rejectFollowup,
  updateFollowup,
} from './followup-tracking-service.ts';
import { createForum, saveForum } from './forum-service.ts';
import { updateItem } from './item-service.ts';
import { createMeeting, publishMinutes } from './meeting-flow-service.ts';
import { deliverDueEvents } from './outbox/outbox-worker.ts';
import { listPlannedItems } from './planning-service.ts';
import { ServiceError } from './service-error.ts';
import { getWorkspace } from './workspace-service.ts';

afterAll(removeScratchFolders);

/** The status a refused call answers with, or the error itself. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ServiceError ? error.status : String(error)),
  );

/** "Rikke Blom udarbejder…" → its suggestion. */
function bySentence(list: readonly FollowupView[], start: string): FollowupView {
  const found = list.find((entry) => entry.text.startsWith(start));
  if (!found) throw new Error(`no follow-up "${start}" in ${list.map((entry) => entry.text)}`);
  return found;
}

/**
 * Tracking follow-ups on every backend: suggestions stored from the published decisions once
 * (not again on a new publication), confirmed with edits, rejected, closed with a note, kept
 * in the history, and listed per user, forum, case and meeting as the policy lets each reader.
 */
describe.each(testDatabases())('tracking follow-ups on %s', (_name, openDatabase) => {
  let archive: Archive;
  let forumId: number;
  let meetingId: number;
  let nextMeetingId: number;
  let secretary: UserActor;
  let rikke: UserActor;
  let jens: UserActor;
  const at = { now: new Date('2031-06-20T10:00:00Z') };

  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase(), { followups: true });
    forumId = (
      await createForum(archive, testAdministrator, { name: 'Chefforum', abbreviation: 'CF' })
    ).id;
    await saveForum(archive, testAdministrator, forumId, {
      name: 'Chefforum',
      abbreviation: 'CF',
      members: [
        { name: 'Rikke Blom', role: 'Direktør BSV', email: 'rikke@albertslund.example' },
        { name: 'Jens Andersen', role: 'Kommunaldirektør' },
      ],
    });
    secretary = userWithRole(forumId, 'secretary', 'Søren Sekretær');
    rikke = userWithRole(forumId, 'member', 'Rikke Blom');
    jens = userWithRole(forumId, 'member', 'Jens Andersen');
    // The forum's next meeting is known, so "næste møde" gets its date.
    nextMeetingId = (
      await createMeeting(archive, secretary, { forumId, date: '2031-06-25', start: '13:00' })
    ).id;
    ({ meetingId } = await publishDecidedMeeting(
      archive,
      secretary,
      forumId,
      '2031-06-04',
      sicknessDecisions,
    ));
    await deliverDueEvents(archive);
  });
  afterAll(async () => {
    await archive?.close();
  });

  it('suggests what the published decisions say, each sentence once', async () => {
    const found = await getMeetingFollowups(archive, secretary, meetingId, at);
    expect(found.canManage).toBe(true);
    expect(found.members).toEqual(['Rikke Blom', 'Jens Andersen']);
    expect(
      found.suggestions.map((entry) => [entry.item.title, entry.kind, entry.owner, entry.due]),
    ).toEqual([
      [
        'Sygefravær 1. kvartal',
        'task',
        { name: 'Rikke Blom', kind: 'member' },
        { from: '2031-06-18', to: '2031-06-18' },
      ],
      ['Sygefravær 1. kvartal', 'return', null, { from: '2031-06-25', to: '2031-06-25' }],
      [
        'Budget 2032',
        'task',
        { name: 'Cheferne', kind: 'unit' },
        { from: '2031-06-21', to: '2031-06-21' },
      ],
      [
        'Budget 2032',
        'return',
        { name: 'HR', kind: 'unit' },
        { from: '2031-08-21', to: '2031-08-31' },
      ],
    ]);
    expect(found.suggestions[0]?.title).toBe(
      'Rikke Blom udarbejder et notat om sygefraværet senest d. 18. juni',
    );
    // Publishing the minutes again finds the same sentences: nothing new.
    await publishMinutes(archive, secretary, meetingId);
    await deliverDueEvents(archive);
    expect((await getMeetingFollowups(archive, secretary, meetingId, at)).suggestions).toHaveLength(
      4,
    );
  });

  it('adds what a decision saved after the minutes says, and only that', async () => {
    const workspace = await getWorkspace(archive, secretary, meetingId);
    const item = workspace.items.find((entry) => entry.title === 'Budget 2032');
    if (!item) throw new Error('no item');
    await updateItem(archive, secretary, item.id, item.version, {
      decision: `${item.decision} Jens Andersen orienterer direktionen inden d. 1. juli.`,
    });
    await deliverDueEvents(archive);
    const found = await getMeetingFollowups(archive, secretary, meetingId, at);
    expect(found.suggestions.map((entry) => entry.text)).toContain(
      'Jens Andersen orienterer direktionen inden d. 1. juli.',
    );
    expect(found.suggestions).toHaveLength(5);
  });

  it('keeps suggestions from the members and the meeting’s follow-ups from everyone outside', async () => {
    const seen = await getMeetingFollowups(archive, rikke, meetingId, at);
    expect(seen).toMatchObject({ canManage: false, suggestions: [], rejected: [], members: [] });
    const { suggestions } = await getMeetingFollowups(archive, secretary, meetingId, at);
    const first = suggestions[0];
    if (!first) throw new Error('no suggestion');
    expect(await refusal(getFollowup(archive, rikke, first.id))).toBe(404);
    // The forum is internal: to outsiders its meeting does not exist.
    expect(await refusal(getMeetingFollowups(archive, signedInReader, meetingId))).toBe(404);
    expect(await refusal(getMeetingFollowups(archive, anonymousReader, meetingId))).toBe(404);
    expect(await refusal(confirmFollowup(archive, rikke, first.id, { version: 1 }))).toBe(403);
    expect(await refusal(listMyFollowups(archive, anonymousReader))).toBe(401);
    expect(await refusal(listForumFollowups(archive, signedInReader, forumId))).toBe(404);
  });

  it('confirms with edits, refuses a stale version and a member who is not one, and rejects', async () => {
    const { suggestions } = await getMeetingFollowups(archive, secretary, meetingId, at);
    const notat = bySentence(suggestions, 'Rikke Blom');
    const confirmed = await confirmFollowup(archive, secretary, notat.id, {
      version: notat.version,
      title: 'Notat om sygefravær',
    });
    expect(confirmed).toMatchObject({
      state: 'confirmed',
      status: 'open',
      title: 'Notat om sygefravær',
      owner: { name: 'Rikke Blom', kind: 'member' },
      version: notat.version + 1,
    });
    const chiefs = bySentence(suggestions, 'Cheferne');
    expect(
      await refusal(
        confirmFollowup(archive, secretary, chiefs.id, {
          version: chiefs.version,
          owner: { name: 'Bente Poulsen', kind: 'member' },
        }),
      ),
    ).toBe(400);
    // The forum as owner: every member owns it.
    await confirmFollowup(archive, secretary, chiefs.id, {
      version: chiefs.version,
      owner: { name: 'chefforum', kind: 'unit' },
    });
    const stale = await confirmFollowup(archive, secretary, notat.id, {
      version: notat.version,
    }).catch((error: unknown) => error);
    expect(stale).toMatchObject({ status: 409 });
    expect((stale as ServiceError).details.current).toMatchObject({ title: 'Notat om sygefravær' });
    const hr = bySentence(suggestions, 'HR');
    const rejected = await rejectFollowup(archive, secretary, hr.id, {
      version: hr.version,
      reason: 'HR er ikke med i forummet',
    });
    expect(rejected.state).toBe('rejected');
    expect(
      await refusal(rejectFollowup(archive, secretary, notat.id, { version: confirmed.version })),
    ).toBe(409);
    const after = await getMeetingFollowups(archive, secretary, meetingId, at);
    expect(after.confirmed.map((entry) => entry.title)).toEqual([
      'Notat om sygefravær',
      expect.stringMatching(/^Cheferne skal indsende/u),
    ]);
    expect(after.rejected.map((entry) => entry.id)).toEqual([hr.id]);
    expect(after.suggestions).toHaveLength(2);
    // The members see the confirmed ones.
    expect((await getMeetingFollowups(archive, jens, meetingId, at)).confirmed).toHaveLength(2);
  });

  it('lists one’s own, the forum’s open and overdue, a case’s, and those due before a meeting', async () => {
    const mine = (actor: UserActor) =>
      listMyFollowups(archive, actor, 'open', at).then((list) => list.map((entry) => entry.title));
    expect(await mine(rikke)).toEqual(['Notat om sygefravær', expect.stringMatching(/^Cheferne/u)]);
    expect(await mine(jens)).toEqual([expect.stringMatching(/^Cheferne/u)]);
    expect(await mine(secretary)).toEqual([expect.stringMatching(/^Cheferne/u)]);
    const overdue = await listForumFollowups(archive, jens, forumId, 'overdue', at);
    expect(overdue.map((entry) => [entry.title, entry.isOverdue])).toEqual([
      ['Notat om sygefravær', true],
    ]);
    expect(await listForumFollowups(archive, jens, forumId, 'open', at)).toHaveLength(2);
    const ofCase = await listCaseFollowups(archive, rikke, '81.04.00-A00-1-31', at);
    expect(ofCase.map((entry) => entry.title)).toEqual(['Notat om sygefravær']);
    expect(await listCaseFollowups(archive, signedInReader, '81.04.00-A00-1-31', at)).toEqual([]);
    expect(await refusal(listCaseFollowups(archive, anonymousReader, '81.04.00-A00-1-31'))).toBe(
      401,
    );
    const next = await getMeetingFollowups(archive, secretary, nextMeetingId, at);
    expect(next.dueBefore.map((entry) => [entry.title, entry.due?.to])).toEqual([
      ['Notat om sygefravær', '2031-06-18'],
      [expect.stringMatching(/^Cheferne/u), '2031-06-21'],
    ]);
    expect((await getMeetingFollowups(archive, secretary, meetingId, at)).dueBefore).toEqual([]);
  });

  it('closes a follow-up with a note, and keeps every step in its history', async () => {
    const [notat] = await listForumFollowups(archive, secretary, forumId, 'overdue', at);
    if (!notat) throw new Error('no overdue follow-up');
    expect(
      await refusal(
        updateFollowup(archive, rikke, notat.id, { version: notat.version, status: 'done' }),
      ),
    ).toBe(403);
    expect(
      await refusal(updateFollowup(archive, secretary, notat.id, { version: notat.version })),
    ).toBe(400);
    const noted = await updateFollowup(archive, secretary, notat.id, {
      version: notat.version,
      note: 'Rikke har sendt et udkast.',
    });
    const done = await updateFollowup(archive, secretary, notat.id, {
      version: noted.version,
      status: 'done',
      note: 'Notatet er sendt til direktionen.',
    });
    expect(done).toMatchObject({ status: 'done', isOverdue: false });
    expect(done.notes.map((note) => [note.author, note.text])).toEqual([
      ['Søren Sekretær', 'Rikke har sendt et udkast.'],
      ['Søren Sekretær', 'Status: Udført. Notatet er sendt til direktionen.'],
    ]);
    const detail = await getFollowup(archive, jens, notat.id);
    expect(detail.history.map((entry) => [entry.action, entry.author])).toEqual([
      ['suggest', 'Referat (opfølgning)'],
      ['confirm', 'Søren Sekretær'],
      ['note', 'Søren Sekretær'],
      ['status', 'Søren Sekretær'],
    ]);
    expect(await listForumFollowups(archive, jens, forumId, 'open', at)).toHaveLength(1);
    expect(await listForumFollowups(archive, jens, forumId, 'all', at)).toHaveLength(2);
    expect(await listMyFollowups(archive, rikke, 'open', at)).toHaveLength(1);
  });
  it('travels in a backup: a restored archive has the follow-ups, their notes and history', async () => {
    const path = join(makeScratchFolder('referat-followups-'), 'arkiv.jsonl.gz');
    await backupArchive(archive.database, path);
    const restored = await openArchiveOn(await openDatabase());
    try {
      await restoreArchive(restored, path);
      const before = await listForumFollowups(archive, jens, forumId, 'all', at);
      const after = await listForumFollowups(restored, jens, forumId, 'all', at);
      expect(after).toEqual(before);
      const [done] = after.filter((entry) => entry.status === 'done');
      if (!done) throw new Error('no follow-up that is done');
      expect((await getFollowup(restored, jens, done.id)).history).toHaveLength(4);
    } finally {
      await restored.close();
    }
  });
  it('plans a confirmed return for the meeting it names, in the punktbank', async () => {
    const found = await getMeetingFollowups(archive, secretary, meetingId, at);
    const comesBack = bySentence(found.suggestions, 'Sagen drøftes på Chefforum igen');
    expect(comesBack.kind).toBe('return');
    const before = await listPlannedItems(archive, secretary, forumId);
    await confirmFollowup(archive, secretary, comesBack.id, { version: comesBack.version });
    const planned = (await listPlannedItems(archive, secretary, forumId)).filter(
      (item) => !before.some((earlier) => earlier.id === item.id),
    );
    expect(planned.map((item) => [item.source, item.title, item.meeting?.id])).toEqual([
      ['return', 'Sygefravær 1. kvartal', nextMeetingId],
    ]);
    expect(planned[0]?.caseNumber).toBe('81.04.00-A00-1-31');
    // The tasks confirmed before planned nothing: every return in the punktbank is this one.
    const returns = (await listPlannedItems(archive, secretary, forumId)).filter(
      (item) => item.source === 'return',
    );
    expect(returns.map((item) => item.id)).toEqual(planned.map((item) => item.id));
  });
});
