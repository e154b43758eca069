import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousReader, testAdministrator, userWithRole } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import { downloadAttachment, removeAttachment, uploadAttachment } from './attachment-service.ts';
import { createForum } from './forum-service.ts';
import { addItem, removeItem } from './item-service.ts';
import { createMeeting, publishAgenda } from './meeting-flow-service.ts';
import { ServiceError } from './service-error.ts';
import { getWorkspace } from './workspace-service.ts';

const docx = readFileSync(
  new URL('../../test/fixtures/minutes/chefforum-2015-11-05.docx', import.meta.url),
);

/** Bilag on every backend: names belong to the Bilag, downloads follow the read model. */
describe.each(testDatabases())('Bilag on %s', (_name, openDatabase) => {
  let archive: Archive;
  let meetingId: number;
  let openItemId: number;
  let closedItemId: number;
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    const forum = await createForum(archive, testAdministrator, {
      name: 'Chefforum',
      abbreviation: 'CF',
      visibility: 'public',
    });
    meetingId = (
      await createMeeting(archive, testAdministrator, { forumId: forum.id, date: '2027-01-07' })
    ).id;
    openItemId = (await addItem(archive, testAdministrator, meetingId, { title: 'Budget' })).id;
    closedItemId = (
      await addItem(archive, testAdministrator, meetingId, { title: 'Fratrædelse', closed: true })
    ).id;
  });
  afterAll(async () => {
    await archive?.close();
  });

  const upload = (itemId: number, fileName: string) =>
    uploadAttachment(archive, testAdministrator, itemId, { bytes: docx, fileName, title: null });
  const fileCount = async () =>
    Number(
      (
        await archive.database.db
          .selectFrom('files')
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    );

  it('keeps each upload’s own name when the bytes are the same, and one never shows the other', async () => {
    const secret = await upload(closedItemId, 'Fratrædelsesaftale Jens Hansen.docx');
    const innocent = await upload(openItemId, 'Budgetnotat.docx');
    expect(await fileCount()).toBe(1);
    await publishAgenda(archive, testAdministrator, meetingId);
    const download = await downloadAttachment(archive, anonymousReader, innocent.id);
    expect(download.fileName).toBe('Budgetnotat.docx');
    expect(Buffer.compare(download.bytes, docx)).toBe(0);
    const workspace = await getWorkspace(archive, anonymousReader, meetingId);
    expect(JSON.stringify(workspace)).not.toContain('Jens Hansen');
    const refused = await downloadAttachment(archive, anonymousReader, secret.id).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).status).toBe(404);
    const forumId = workspace.forum.id;
    const member = userWithRole(forumId, 'member');
    expect((await downloadAttachment(archive, member, secret.id)).fileName).toBe(
      'Fratrædelsesaftale Jens Hansen.docx',
    );
  });

  it('deletes the bytes with the last Bilag that refers to them', async () => {
    const workspace = await getWorkspace(archive, testAdministrator, meetingId);
    const [first, second] = workspace.items.flatMap((item) => item.attachments);
    if (!first || !second) throw new Error('two Bilag expected');
    await removeAttachment(archive, testAdministrator, first.id);
    expect(await fileCount()).toBe(1);
    // Deleting the item takes its Bilag, and with the last one the stored bytes.
    const item = (await getWorkspace(archive, testAdministrator, meetingId)).items.find((entry) =>
      entry.attachments.some((attachment) => attachment.id === second.id),
    );
    if (!item) throw new Error('item with Bilag expected');
    await removeItem(archive, testAdministrator, item.id, item.version);
    expect(await fileCount()).toBe(0);
    const contents = await archive.database.db.selectFrom('file_contents').select('id').execute();
    expect(contents).toEqual([]);
  });

  it('refuses to open a file for someone who may not upload, before reading it', async () => {
    const refused = await uploadAttachment(archive, anonymousReader, openItemId, {
      bytes: docx,
      fileName: 'x.docx',
      title: null,
    }).catch((error: unknown) => error);
    expect((refused as ServiceError).status).toBe(401);
  });
});
