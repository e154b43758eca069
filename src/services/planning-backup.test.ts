import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testAdministrator, userWithRole } from '../../test/support/actors.ts';
import { makeScratchFolder, removeScratchFolders } from '../../test/support/archive-io.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { applyAnnualCycle } from './annual-cycle-application.ts';
import {
  addRecurringItem,
  getAnnualCycle,
  saveAnnualCycleSettings,
} from './annual-cycle-service.ts';
import { openArchiveOn } from './archive.ts';
import { backupArchive, restoreArchive } from './backup-service.ts';
import { createForum } from './forum-service.ts';
import { createMeeting } from './meeting-flow-service.ts';
import { addPlannedItem, listPlannedItems } from './planning-service.ts';

afterAll(() => removeScratchFolders());

/** The plan ahead travels in a backup: the annual cycle, the punktbank and the setting. */
describe.each(testDatabases())('the plan ahead in a backup on %s', (_name, openDatabase) => {
  it('restores recurring items, planned items and the årshjul setting as they were', async () => {
    const source = await openArchiveOn(await openDatabase());
    const target = await openArchiveOn(await openDatabase());
    try {
      const forumId = (
        await createForum(source, testAdministrator, { name: 'Direktionen', abbreviation: null })
      ).id;
      const secretary = userWithRole(forumId, 'secretary');
      await createMeeting(source, secretary, { forumId, date: '2027-01-14' });
      await addRecurringItem(source, secretary, forumId, {
        title: 'Sygefraværsstatistik',
        rule: { kind: 'months', months: [1, 6] },
      });
      await applyAnnualCycle(source, secretary, forumId, 2027);
      await addPlannedItem(source, secretary, forumId, { title: 'Arbejdsmiljø', closed: true });
      await saveAnnualCycleSettings(source, secretary, forumId, { showsAnnualWheel: true });
      const path = join(makeScratchFolder('referat-planning-backup-'), 'arkiv.jsonl.gz');
      await backupArchive(source.database, path);
      const summary = await restoreArchive(target, path);
      expect(summary.rows).toMatchObject({
        recurring_items: 1,
        planned_items: 3,
        planning_settings: 1,
      });
      expect(await listPlannedItems(target, secretary, forumId)).toEqual(
        await listPlannedItems(source, secretary, forumId),
      );
      expect(await getAnnualCycle(target, secretary, forumId)).toEqual(
        await getAnnualCycle(source, secretary, forumId),
      );
      // Applying the restored cycle again still doubles nothing.
      expect(await applyAnnualCycle(target, secretary, forumId, 2027)).toMatchObject({
        createdCount: 0,
        unchangedCount: 2,
      });
    } finally {
      await source.close();
      await target.close();
    }
  }, 60_000);
});
