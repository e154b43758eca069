import { describe, expect, it } from 'vitest';
import { anonymousReader, testAdministrator } from '../../test/support/actors.ts';
import { openSqliteFile } from '../store/database.ts';
import { openArchiveOn } from './archive.ts';
import { loadDemoDataIfEmpty } from './demo-data.ts';
import { getForums } from './forum-service.ts';
import { listMeetings } from './meeting-service.ts';

describe('loadDemoDataIfEmpty', () => {
  it('loads the archive, a draft agenda and the forum with members, once', async () => {
    const archive = await openArchiveOn(await openSqliteFile(':memory:'));
    try {
      expect(await loadDemoDataIfEmpty(archive, new Date('2026-11-23T10:00:00Z'))).toBe(true);
      const meetings = await listMeetings(archive, testAdministrator);
      expect(meetings.map((meeting) => `${meeting.date} ${meeting.status}`)).toEqual([
        '2026-12-07 draft',
        '2018-10-11 minutes_published',
        '2017-06-14 minutes_published',
        '2015-11-05 minutes_published',
      ]);
      const [forum] = await getForums(archive, anonymousReader);
      expect(forum).toMatchObject({ name: 'Chefforum', abbreviation: 'CF', visibility: 'public' });
      // The public sees the published archive, not the draft.
      expect(await listMeetings(archive, anonymousReader)).toHaveLength(3);
      expect(forum?.members).toHaveLength(5);
      expect(await loadDemoDataIfEmpty(archive)).toBe(false);
      expect(await listMeetings(archive, testAdministrator)).toHaveLength(4);
    } finally {
      await archive.close();
    }
  });
});
