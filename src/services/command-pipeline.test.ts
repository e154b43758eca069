import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator, userWithRole } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { anonymousActor } from '../core/actor.ts';
import { listAuditEntries } from '../store/audit-store.ts';
import { listOutboxEvents } from '../store/outbox-store.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import { setForumVisibility } from './forum-service.ts';
import { storeMeeting } from './import-service.ts';
import { updateItem } from './item-service.ts';
import { listRevisions } from './publication-service.ts';
import { searchArchive } from './search-service.ts';
import { ServiceError } from './service-error.ts';
import { getWorkspace } from './workspace-service.ts';

/** The write pipeline on every backend: one way in for every write, and what it leaves behind. */
describe.each(testDatabases())('the write pipeline on %s', (_name, openDatabase) => {
  let archive: Archive;
  let meetingId: number;
  let forumId: number;
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    const meeting = makeMeeting([
      makeItem(1, { title: 'Kantineordningen skal udbydes', decision: 'Godkendt.' }),
      makeItem(2, { title: 'Evt.' }),
    ]);
    ({ meetingId } = await storeMeeting(archive, testAdministrator, meeting, { archived: false }));
    await setForumVisibility(archive, testAdministrator, 'Chefforum', 'public');
    forumId = (await getWorkspace(archive, testAdministrator, meetingId)).forum.id;
  });
  afterAll(async () => {
    await archive?.close();
  });

  it('records the revision with the actor as author, an event and an audit line', async () => {
    const secretary = userWithRole(forumId, 'secretary', 'Sanne Sekretær');
    const workspace = await getWorkspace(archive, secretary, meetingId);
    const item = workspace.items[0];
    if (!item) throw new Error('no item');
    const before = (await listOutboxEvents(archive.database.db, { meetingId })).length;
    await updateItem(archive, secretary, item.id, item.version, { decision: 'Godkendt igen.' });
    const events = await listOutboxEvents(archive.database.db, { meetingId });
    expect(events.slice(before)).toMatchObject([
      { type: 'item.saved', meetingId, forumId, itemIds: [item.id], actorName: 'Sanne Sekretær' },
    ]);
    const [revision] = await listRevisions(archive, secretary, meetingId);
    expect(revision).toMatchObject({ action: 'update', author: 'Sanne Sekretær' });
    const [audit] = await listAuditEntries(archive.database.db, { limit: 1 });
    expect(audit).toMatchObject({
      action: 'item.save',
      outcome: 'ok',
      actorName: 'Sanne Sekretær',
    });
    const after = await getWorkspace(archive, secretary, meetingId);
    expect(after.version).toBeGreaterThan(workspace.version);
  });

  it('refuses a write without rights, changes nothing and audits the refusal', async () => {
    const member = userWithRole(forumId, 'member', 'Mads Medlem');
    const workspace = await getWorkspace(archive, testAdministrator, meetingId);
    const item = workspace.items[0];
    if (!item) throw new Error('no item');
    for (const [actor, status] of [
      [member, 403],
      [anonymousActor, 401],
    ] as const) {
      const refused = await updateItem(archive, actor, item.id, item.version, {
        title: 'Hacket',
      }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ServiceError);
      expect((refused as ServiceError).status).toBe(status);
    }
    const unchanged = await getWorkspace(archive, testAdministrator, meetingId);
    expect(unchanged.items[0]?.title).toBe('Kantineordningen skal udbydes');
    expect(unchanged.version).toBe(workspace.version);
    const [last] = await listAuditEntries(archive.database.db, { limit: 1 });
    expect(last).toMatchObject({ outcome: 'refused', action: 'agenda.edit', targetType: 'item' });
  });

  it('takes a closed item out of the public search in the same commit that closes it', async () => {
    const find = async () =>
      (await searchArchive(archive, anonymousActor, { text: 'kantineordningen' })).length;
    expect(await find()).toBe(1);
    // Imported minutes are published, so the item is closed the way an import changes it:
    // through the pipeline, whose event re-indexes the item in the same transaction.
    await storeMeeting(
      archive,
      testAdministrator,
      makeMeeting([
        makeItem(1, { title: 'Kantineordningen skal udbydes', closed: true }),
        makeItem(2, { title: 'Evt.' }),
      ]),
    );
    expect(await find()).toBe(0);
    expect(
      (await searchArchive(archive, testAdministrator, { text: 'kantineordningen' })).length,
    ).toBe(1);
  });
});
