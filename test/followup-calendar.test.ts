import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../src/core/actor.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { addUser, findUserIdByUsername } from '../src/services/auth/user-service.ts';
import {
  confirmFollowup,
  getMeetingFollowups,
  updateFollowup,
} from '../src/services/followup-tracking-service.ts';
import { createForum, saveForum } from '../src/services/forum-service.ts';
import { deliverDueEvents } from '../src/services/outbox/outbox-worker.ts';
import { createPersonalFeed, getPersonalCalendar } from '../src/services/personal-feed-service.ts';
import { testAdministrator } from './support/actors.ts';
import { testDatabases } from './support/databases.ts';
import { publishDecidedMeeting, sicknessDecisions } from './support/followup-meeting.ts';
import { testAccountPassword } from './support/signed-in.ts';

const site = { baseUrl: 'https://referat.albertslund.example', address: null };
const now = new Date('2031-06-10T10:00:00Z');

/** The calendar's follow-up events as a calendar client reads them (ical.js). */
function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar
    .getAllSubcomponents('vevent')
    .map((entry) => new ICAL.Event(entry))
    .filter((event) => event.uid.startsWith('followup-'));
}

/**
 * A member's own calendar carries the deadlines of their open follow-ups as all-day events
 * (stable UID, "Frist: …"), their own and their forum's, not another member's; a follow-up
 * that is done leaves it, and a moved deadline moves the one event with a higher SEQUENCE.
 */
describe.each(testDatabases())(
  'follow-up deadlines in the personal calendar on %s',
  (_name, openDatabase) => {
    let archive: Archive;
    let rikke: UserActor;
    const ids = { notat: 0, chiefs: 0, jens: 0 };

    beforeAll(async () => {
      archive = await openArchiveOn(await openDatabase(), { followups: true });
      const forumId = (
        await createForum(archive, testAdministrator, { name: 'Chefforum', abbreviation: 'CF' })
      ).id;
      await saveForum(archive, testAdministrator, forumId, {
        name: 'Chefforum',
        abbreviation: 'CF',
        members: [
          { name: 'Rikke Blom', role: 'Direktør BSV' },
          { name: 'Jens Andersen', role: 'Kommunaldirektør' },
        ],
      });
      await addUser(archive, testAdministrator, {
        username: 'rikke',
        name: 'Rikke Blom',
        isAdministrator: false,
        forumRoles: [{ forumId, role: 'member' }],
        password: testAccountPassword,
      });
      rikke = {
        kind: 'user',
        userId: await findUserIdByUsername(archive, testAdministrator, 'rikke'),
        name: 'Rikke Blom',
        isAdministrator: false,
        forumRoles: { [forumId]: 'member' },
        address: null,
      };
      const { meetingId } = await publishDecidedMeeting(
        archive,
        testAdministrator,
        forumId,
        '2031-06-04',
        sicknessDecisions,
      );
      await deliverDueEvents(archive);
      const { suggestions } = await getMeetingFollowups(archive, testAdministrator, meetingId);
      const confirm = async (start: string, changes: object = {}) => {
        const found = suggestions.find((entry) => entry.text.startsWith(start));
        if (!found) throw new Error(`no suggestion "${start}"`);
        return (
          await confirmFollowup(archive, testAdministrator, found.id, {
            version: found.version,
            ...changes,
          })
        ).id;
      };
      ids.notat = await confirm('Rikke Blom', { title: 'Notat om sygefravær' });
      ids.chiefs = await confirm('Cheferne', { owner: { name: 'CF', kind: 'unit' } });
      ids.jens = await confirm('HR', { owner: { name: 'Jens Andersen', kind: 'member' } });
    });
    afterAll(async () => {
      await archive?.close();
    });

    const calendar = async () => {
      const { token } = await createPersonalFeed(archive, rikke, now);
      return getPersonalCalendar(archive, token, { ...site, now });
    };

    it('carries the deadlines of one’s own and one’s forum’s open follow-ups as all-day events', async () => {
      const text = await calendar();
      // The meeting itself is there too, as before.
      expect(text).toContain('SUMMARY:Chefforum');
      const events = eventsOf(text);
      expect(
        events.map((event) => [
          event.uid,
          event.summary,
          event.startDate.toString(),
          event.startDate.isDate,
        ]),
      ).toEqual([
        [
          `followup-${ids.notat}@referat.albertslund.example`,
          'Frist: Notat om sygefravær',
          '2031-06-18',
          true,
        ],
        [
          `followup-${ids.chiefs}@referat.albertslund.example`,
          'Frist: Cheferne skal indsende deres forslag til Bente Poulsen senest d. 21. juni',
          '2031-06-21',
          true,
        ],
      ]);
      expect(text).toContain('DTSTART;VALUE=DATE:20310618\r\n');
      expect(text).toContain('URL:https://referat.albertslund.example/opfoelgning\r\n');
      expect(text).not.toContain(`followup-${ids.jens}@`);
    });

    it('moves a deadline in place and drops a follow-up once it is done', async () => {
      const [before] = eventsOf(await calendar());
      const moved = await updateFollowup(archive, testAdministrator, ids.notat, {
        version: 2,
        due: { from: '2031-06-24', to: '2031-06-26' },
      });
      const [after] = eventsOf(await calendar()).filter((event) => event.uid === before?.uid);
      expect(after?.startDate.toString()).toBe('2031-06-26');
      expect(after?.sequence).toBeGreaterThan(before?.sequence ?? 0);
      await updateFollowup(archive, testAdministrator, ids.notat, {
        version: moved.version,
        status: 'done',
      });
      const uids = eventsOf(await calendar()).map((event) => event.uid);
      expect(uids).toEqual([`followup-${ids.chiefs}@referat.albertslund.example`]);
    });
  },
);
