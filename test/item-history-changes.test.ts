import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ItemFieldChanges, itemChangesOfRevisions } from '../src/core/revision-changes.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { removeAttachment, uploadAttachment } from '../src/services/attachment-service.ts';
import { addMeetingAbsence } from '../src/services/attendance-service.ts';
import { createForum, saveForum } from '../src/services/forum-service.ts';
import { addItem, updateItem } from '../src/services/item-service.ts';
import {
  createMeeting,
  publishAgenda,
  startMeeting,
} from '../src/services/meeting-flow-service.ts';
import { getWorkspace } from '../src/services/workspace-service.ts';
import { loadStoredItems } from '../src/store/item-store.ts';
import { testAdministrator } from './support/actors.ts';
import { testDatabases } from './support/databases.ts';

const docx = readFileSync(new URL('./fixtures/minutes/chefforum-2015-11-05.docx', import.meta.url));

/**
 * The item history's field names from revisions as the services really record them: a save,
 * a Bilag, Fraværende for the whole meeting. Guards itemChangesOfRevisions against the shape
 * of `revisions.data` changing under it.
 */
describe.each(testDatabases())('item history from recorded revisions on %s', (_name, open) => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchiveOn(await open());
  }, 60_000);
  afterAll(async () => {
    await archive?.close();
  });

  /** The meeting's revisions, newest first, with their data, and what each changed. */
  async function changesOf(meetingId: number) {
    const db = archive.database.db;
    const items = await loadStoredItems(db, meetingId);
    const rows = await db
      .selectFrom('revisions')
      .select(['id', 'entity_type', 'entity_id', 'action', 'data'])
      .orderBy('id', 'desc')
      .execute();
    const revisions = rows.map((row) => ({
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      data: row.data,
    }));
    const changes = itemChangesOfRevisions(revisions, items);
    return revisions.map((revision, index) => ({
      action: `${revision.entityType}:${revision.action}`,
      changes: changes[index] as ItemFieldChanges[],
    }));
  }

  it('names the fields a save, a Bilag and an absence changed, per item', async () => {
    const forum = await createForum(archive, testAdministrator, {
      name: 'Chefforum',
      abbreviation: 'CF',
    });
    await saveForum(archive, testAdministrator, forum.id, {
      name: 'Chefforum',
      abbreviation: 'CF',
      members: [
        { name: 'Jesper Nielsen', role: 'Kommunaldirektør' },
        { name: 'Rikke Blom', role: 'Direktør BSV' },
      ],
    });
    const meetingId = (
      await createMeeting(archive, testAdministrator, { forumId: forum.id, date: '2027-01-07' })
    ).id;
    const budget = await addItem(archive, testAdministrator, meetingId, { title: 'Budget' });
    const saved = await updateItem(archive, testAdministrator, budget.id, budget.version, {
      title: 'Budget',
      background: 'Kvartalsstatus.',
      recommendation: {
        proposer: 'Kommunaldirektøren',
        points: ['at status tages til efterretning'],
      },
    });
    const attachment = await uploadAttachment(archive, testAdministrator, budget.id, {
      bytes: docx,
      fileName: 'Budgetnotat.docx',
      title: null,
    });
    await removeAttachment(archive, testAdministrator, attachment.id);
    await publishAgenda(archive, testAdministrator, meetingId);
    await startMeeting(archive, testAdministrator, meetingId);
    // Rikke was away for item 2 already; then for the whole meeting.
    const started = await getWorkspace(archive, testAdministrator, meetingId);
    const [first, second] = started.items;
    if (!first || !second) throw new Error('the meeting has no items');
    expect(second.id).toBe(budget.id);
    await updateItem(archive, testAdministrator, budget.id, second.version, {
      decision: 'Taget til efterretning.',
      absent: [{ name: 'Rikke Blom', role: 'Direktør BSV' }],
    });
    await addMeetingAbsence(archive, testAdministrator, meetingId, {
      name: 'Rikke Blom',
      role: 'Direktør BSV',
    });

    const history = await changesOf(meetingId);
    const itemIds = started.items.map((item) => item.id);
    const onItems = history.filter((entry) => entry.changes.length > 0);
    expect(onItems).toEqual([
      {
        action: 'meeting:add_absence',
        changes: itemIds
          .filter((id) => id !== budget.id)
          .map((itemId) => ({ itemId, fields: ['absent'] })),
      },
      {
        action: 'item:update',
        changes: [{ itemId: budget.id, fields: ['decision', 'absent'] }],
      },
      { action: 'attachment:delete', changes: [{ itemId: budget.id, fields: ['attachments'] }] },
      { action: 'attachment:create', changes: [{ itemId: budget.id, fields: ['attachments'] }] },
      {
        action: 'item:update',
        changes: [{ itemId: budget.id, fields: ['background', 'recommendation'] }],
      },
      { action: 'item:create', changes: [{ itemId: budget.id, fields: [] }] },
    ]);
    expect(saved.background).toBe('Kvartalsstatus.');
  });
});
