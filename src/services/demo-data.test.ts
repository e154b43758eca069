import { describe, expect, it } from 'vitest';
import { anonymousReader, testAdministrator } from '../../test/support/actors.ts';
import { domainTheoryPurposes } from '../core/forum-practice.ts';
import { openSqliteFile } from '../store/database.ts';
import { openArchiveOn } from './archive.ts';
import { draftAgenda, loadDemoDataIfEmpty, nextMeetingDate } from './demo-data.ts';
import { getForums } from './forum-service.ts';
import { createMeeting } from './meeting-flow-service.ts';
import { listMeetings } from './meeting-service.ts';

describe('loadDemoDataIfEmpty', () => {
  it('loads the archive, a draft agenda and the forum with members, once', async () => {
    const archive = await openArchiveOn(await openSqliteFile(':memory:'));
    try {
      expect(await loadDemoDataIfEmpty(archive, new Date('2026-11-23T10:00:00Z'))).toBe(true);
      const meetings = await listMeetings(archive, testAdministrator);
      expect(meetings.map((meeting) => `${meeting.date} ${meeting.status}`)).toEqual([
        '2026-12-07 draft',
        '2018-10-11 minutes_approved',
        '2017-06-14 minutes_approved',
        '2015-11-05 minutes_approved',
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

  it('gives Chefforum its purposes from domain theory and its standing items', async () => {
    const archive = await openArchiveOn(await openSqliteFile(':memory:'));
    try {
      await loadDemoDataIfEmpty(archive, new Date('2026-11-23T10:00:00Z'));
      const [forum] = await getForums(archive, anonymousReader);
      expect(forum?.purposes).toEqual([
        'Udvikle',
        'Afdække',
        'Undersøge muligheder',
        'Debattere',
        'Informere',
        'Beslutte',
      ]);
      expect(forum?.purposes).toEqual(domainTheoryPurposes);
      expect(forum?.standingItems).toEqual([
        {
          title: 'Aktuelle og pludseligt opståede emner',
          durationMinutes: 30,
          purpose: 'Debattere',
        },
        {
          title: 'Hvad skal kommunikeres ud til afdelingerne?',
          durationMinutes: 10,
          purpose: 'Informere',
        },
      ]);
      // A new Chefforum meeting gets them between item 1 and Evt., with time and purpose.
      const meeting = await createMeeting(archive, testAdministrator, {
        forumId: forum?.id ?? 0,
        date: '2027-01-11',
      });
      expect(
        meeting.items.map((item) => [item.number, item.title, item.durationMinutes, item.purpose]),
      ).toEqual([
        [1, 'Godkendelse af dagsorden og referat', null, null],
        [2, 'Aktuelle og pludseligt opståede emner', 30, 'Debattere'],
        [3, 'Hvad skal kommunikeres ud til afdelingerne?', 10, 'Informere'],
        [4, 'Evt.', null, null],
      ]);
    } finally {
      await archive.close();
    }
  });
});

describe('nextMeetingDate', () => {
  it('is two weeks after today when that is a weekday', () => {
    // Monday 23 November 2026 → Monday 7 December; Friday 27 November → Friday 11 December.
    expect(nextMeetingDate(new Date('2026-11-23T10:00:00Z'))).toBe('2026-12-07');
    expect(nextMeetingDate(new Date('2026-11-27T10:00:00Z'))).toBe('2026-12-11');
  });

  it('moves a Saturday or a Sunday to the Monday after', () => {
    // Saturday 28 November 2026 → Saturday 12 December → Monday 14 December.
    expect(nextMeetingDate(new Date('2026-11-28T10:00:00Z'))).toBe('2026-12-14');
    // Sunday 29 November 2026 → Sunday 13 December → Monday 14 December.
    expect(nextMeetingDate(new Date('2026-11-29T10:00:00Z'))).toBe('2026-12-14');
    // Across a month and a year: Saturday 19 December 2026 → Saturday 2 January → Monday 4.
    expect(nextMeetingDate(new Date('2026-12-19T12:00:00Z'))).toBe('2027-01-04');
  });

  it("counts from today's date in Copenhagen, not in UTC", () => {
    // 23:30 UTC on Friday 27 November is already Saturday 28 November in Copenhagen.
    expect(nextMeetingDate(new Date('2026-11-27T23:30:00Z'))).toBe('2026-12-14');
    // Summer time (UTC+2): 22:30 UTC on Friday 12 June 2026 is Saturday 13 June there.
    expect(nextMeetingDate(new Date('2026-06-12T22:30:00Z'))).toBe('2026-06-29');
  });

  it('lands on a weekday for every day of a whole year', () => {
    const weekdays = new Set<number>();
    for (let day = 0; day < 366; day++) {
      const today = new Date(Date.UTC(2027, 0, 1 + day, 9));
      const date = nextMeetingDate(today);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      weekdays.add(weekday);
      const daysAhead = (Date.parse(`${date}T00:00:00Z`) - Date.UTC(2027, 0, 1 + day)) / 86_400_000;
      expect(daysAhead).toBeGreaterThanOrEqual(14);
      expect(daysAhead).toBeLessThanOrEqual(16);
    }
    expect([...weekdays].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('dates the demo draft agenda by it', () => {
    expect(draftAgenda(new Date('2026-11-28T10:00:00Z'), '2018-10-11').date).toBe('2026-12-14');
  });
});
