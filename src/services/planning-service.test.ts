import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator, userWithRole } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import type { UserActor } from '../core/actor.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import { createForum, saveForum } from './forum-service.ts';
import { addItem, removeItem, updateItem } from './item-service.ts';
import {
  createMeeting,
  deleteMeeting,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
} from './meeting-flow-service.ts';
import { takePlannedItem } from './planned-item-take.ts';
import {
  addPlannedItem,
  changePlannedItem,
  listOfferedItems,
  listPlannedItems,
  planReturn,
  removePlannedItem,
} from './planning-service.ts';
import { ServiceError } from './service-error.ts';
import { getWorkspace } from './workspace-service.ts';

/** The punktbank on every backend: planning by hand and from returns, and taking items in. */
describe.each(testDatabases())('the punktbank on %s', (_name, openDatabase) => {
  let archive: Archive;
  let forumId: number;
  let secretary: UserActor;
  let member: UserActor;
  const meetings: Record<string, number> = {};
  let returningItemId: number;

  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    forumId = (
      await createForum(archive, testAdministrator, {
        name: 'Direktionen',
        abbreviation: 'DIR',
        visibility: 'public',
      })
    ).id;
    await saveForum(archive, testAdministrator, forumId, {
      name: 'Direktionen',
      abbreviation: 'DIR',
      members: [],
      purposes: ['Orientering', 'Drøftelse', 'Beslutning'],
    });
    secretary = userWithRole(forumId, 'secretary', 'Dorte Sekretær');
    member = userWithRole(forumId, 'member', 'Mads Medlem');
    for (const date of ['2027-03-04', '2027-04-08', '2027-04-29', '2027-05-20'])
      meetings[date] = (await createMeeting(archive, secretary, { forumId, date })).id;
    // The meeting of 4 March is out; the item that must come back is on it, and closed.
    await publishAgenda(archive, secretary, meetings['2027-03-04'] ?? 0);
    const source = await addItem(archive, secretary, meetings['2027-03-04'] ?? 0, {
      title: 'Ny sundhedspolitik',
      caseNumber: '29.09.00-A00-1-27',
      closed: true,
    });
    returningItemId = source.id;
  }, 60_000);
  afterAll(async () => {
    await archive?.close();
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof ServiceError ? error.status : String(error)),
    );

  it('plans an item by hand, for a meeting or for later, and checks what it names', async () => {
    const planned = await addPlannedItem(archive, secretary, forumId, {
      title: 'Budgetopfølgning',
      purpose: 'Drøftelse',
      durationMinutes: 20,
      meetingId: meetings['2027-04-08'],
    });
    expect(planned).toMatchObject({
      title: 'Budgetopfølgning',
      source: 'manual',
      meeting: { id: meetings['2027-04-08'], date: '2027-04-08', status: 'draft' },
      isTaken: false,
    });
    const later = await addPlannedItem(archive, secretary, forumId, { title: 'Arbejdsmiljø' });
    expect(later.meeting).toBeNull();
    expect(
      await refusal(
        addPlannedItem(archive, secretary, forumId, { title: 'X', purpose: 'Afdække' }),
      ),
    ).toBe(400);
    const other = (
      await createForum(archive, testAdministrator, { name: 'Andet forum', abbreviation: null })
    ).id;
    const foreign = (
      await createMeeting(archive, testAdministrator, { forumId: other, date: '2027-04-01' })
    ).id;
    expect(
      await refusal(
        addPlannedItem(archive, secretary, forumId, { title: 'X', meetingId: foreign }),
      ),
    ).toBe(400);
    expect(await refusal(addPlannedItem(archive, member, forumId, { title: 'X' }))).toBe(403);
    const moved = await changePlannedItem(archive, secretary, later.id, {
      meetingId: meetings['2027-05-20'],
      note: 'Tag HR med',
    });
    expect(moved).toMatchObject({ meeting: { date: '2027-05-20' }, note: 'Tag HR med' });
  });

  it('shows the punktbank to members without naming meetings they may not see', async () => {
    const asSecretary = await listPlannedItems(archive, secretary, forumId);
    const asMember = await listPlannedItems(archive, member, forumId);
    expect(asMember.map((item) => item.title)).toEqual(asSecretary.map((item) => item.title));
    // The April meeting is a draft: a member sees the item, not the meeting.
    const budget = asMember.find((item) => item.title === 'Budgetopfølgning');
    expect(budget?.meeting).toBeNull();
    expect(asSecretary.find((item) => item.title === 'Budgetopfølgning')?.meeting?.date).toBe(
      '2027-04-08',
    );
    expect(await refusal(listPlannedItems(archive, userWithRole(999, 'member'), forumId))).toBe(
      403,
    );
  });

  it('plans a return for the meeting its due range names, once, with its case and closedness', async () => {
    const planned = await planReturn(archive, secretary, {
      forumId,
      itemId: returningItemId,
      due: { from: '2027-04-20', to: '2027-04-30' },
    });
    expect(planned).toMatchObject({
      title: 'Ny sundhedspolitik',
      caseNumber: '29.09.00-A00-1-27',
      closed: true,
      source: 'return',
      meeting: { date: '2027-04-29' },
      due: { from: '2027-04-20', to: '2027-04-30' },
      sourceItem: { id: returningItemId, meeting: { date: '2027-03-04' } },
      note: 'Kommer tilbage fra Direktionen 4. marts 2027, punkt 2.',
    });
    const again = await planReturn(archive, secretary, { forumId, itemId: returningItemId });
    expect(again.id).toBe(planned.id);
    expect(await refusal(planReturn(archive, member, { forumId, itemId: returningItemId }))).toBe(
      403,
    );
    expect(await refusal(planReturn(archive, secretary, { forumId, itemId: 999_999 }))).toBe(404);
  });

  it('offers a meeting the items planned for it and those waiting for any meeting', async () => {
    const offered = await listOfferedItems(archive, secretary, meetings['2027-04-29'] ?? 0);
    expect(offered.map((item) => item.title)).toEqual(['Ny sundhedspolitik']);
    await addPlannedItem(archive, secretary, forumId, { title: 'Ledelsesevaluering' });
    const withWaiting = await listOfferedItems(archive, secretary, meetings['2027-04-29'] ?? 0);
    expect(withWaiting.map((item) => item.title)).toEqual([
      'Ny sundhedspolitik',
      'Ledelsesevaluering',
    ]);
    // A draft is not there for a member: 404, as for the meeting itself.
    expect(await refusal(listOfferedItems(archive, member, meetings['2027-04-29'] ?? 0))).toBe(404);
  });

  it('takes a planned item into the agenda before Evt. with one call, and only once', async () => {
    const meetingId = meetings['2027-04-29'] ?? 0;
    const [planned] = await listOfferedItems(archive, secretary, meetingId);
    if (!planned) throw new Error('nothing offered');
    const taken = await takePlannedItem(archive, secretary, planned.id, meetingId);
    expect(taken.plannedItem).toMatchObject({ isTaken: true, takenItemId: taken.item.id });
    expect(taken.item).toMatchObject({
      title: 'Ny sundhedspolitik',
      caseNumber: '29.09.00-A00-1-27',
      closed: true,
      background: 'Kommer tilbage fra Direktionen 4. marts 2027, punkt 2.',
    });
    const workspace = await getWorkspace(archive, secretary, meetingId);
    expect(workspace.items.map((item) => item.title)).toEqual([
      'Godkendelse af dagsorden og referat',
      'Ny sundhedspolitik',
      'Evt.',
    ]);
    expect(await refusal(takePlannedItem(archive, secretary, planned.id, meetingId))).toBe(409);
    expect(
      (await listOfferedItems(archive, secretary, meetingId)).map((item) => item.title),
    ).not.toContain('Ny sundhedspolitik');
    // Deleted from the agenda, the item is back in the punktbank, still for that meeting.
    const item = workspace.items[1];
    await removeItem(archive, secretary, item?.id ?? 0, item?.version ?? 0);
    const back = (await listPlannedItems(archive, secretary, forumId)).find(
      (entry) => entry.id === planned.id,
    );
    expect(back).toMatchObject({ isTaken: false, meeting: { date: '2027-04-29' } });
  });

  it('refuses others, another forum’s meeting and closed minutes, leaving every agenda', async () => {
    const waiting = (await listPlannedItems(archive, secretary, forumId)).find(
      (item) => item.title === 'Ledelsesevaluering',
    );
    const meetingId = meetings['2027-03-04'] ?? 0;
    const before = await getWorkspace(archive, secretary, meetingId);
    expect(await refusal(takePlannedItem(archive, member, waiting?.id ?? 0, meetingId))).toBe(403);
    const other = await createForum(archive, testAdministrator, {
      name: 'Tredje forum',
      abbreviation: null,
    });
    const foreign = await createMeeting(archive, testAdministrator, {
      forumId: other.id,
      date: '2027-06-01',
    });
    expect(await refusal(takePlannedItem(archive, secretary, waiting?.id ?? 0, foreign.id))).toBe(
      400,
    );
    expect((await getWorkspace(archive, secretary, meetingId)).items).toHaveLength(
      before.items.length,
    );
    const held = (await createMeeting(archive, secretary, { forumId, date: '2027-02-11' })).id;
    await publishAgenda(archive, secretary, held);
    await startMeeting(archive, secretary, held);
    await finishMeeting(archive, secretary, held);
    await publishMinutes(archive, secretary, held);
    expect(await refusal(takePlannedItem(archive, secretary, waiting?.id ?? 0, held))).toBe(409);
    expect((await getWorkspace(archive, secretary, held)).items).toHaveLength(2);
    // A changed item is not the taken one: renaming the agenda item leaves the plan alone.
    const taken = await takePlannedItem(archive, secretary, waiting?.id ?? 0, meetingId);
    await updateItem(archive, secretary, taken.item.id, taken.item.version, { title: 'Omdøbt' });
    expect(
      (await listPlannedItems(archive, secretary, forumId)).find((item) => item.id === waiting?.id),
    ).toMatchObject({ title: 'Ledelsesevaluering', isTaken: true });
  });

  it('sends an item back to the bank when its draft meeting is deleted, and removes items', async () => {
    const meetingId = meetings['2027-05-20'] ?? 0;
    await deleteMeeting(archive, secretary, meetingId);
    const arbejdsmiljø = (await listPlannedItems(archive, secretary, forumId)).find(
      (item) => item.title === 'Arbejdsmiljø',
    );
    expect(arbejdsmiljø).toMatchObject({ meeting: null, isTaken: false });
    expect(await refusal(removePlannedItem(archive, member, arbejdsmiljø?.id ?? 0))).toBe(403);
    expect(await removePlannedItem(archive, secretary, arbejdsmiljø?.id ?? 0)).toEqual({
      deleted: true,
    });
    expect(await refusal(removePlannedItem(archive, secretary, arbejdsmiljø?.id ?? 0))).toBe(404);
  });
});
