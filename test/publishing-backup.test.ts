import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { addMeetingAbsence } from '../src/services/attendance-service.ts';
import { backupArchive, restoreArchive } from '../src/services/backup-service.ts';
import { createForum, saveForum } from '../src/services/forum-service.ts';
import type { MailSettings } from '../src/services/mail/mail-settings.ts';
import { createMeeting, publishAgenda } from '../src/services/meeting-flow-service.ts';
import { deliverDueEvents } from '../src/services/outbox/outbox-worker.ts';
import { findForum, listForumMembers } from '../src/store/forum-store.ts';
import { findMeetingInvitation, listMeetingMailDeliveries } from '../src/store/mail-store.ts';
import { listOutboxEvents } from '../src/store/outbox-store.ts';
import { testAdministrator } from './support/actors.ts';
import { makeScratchFolder, removeScratchFolders } from './support/archive-io.ts';
import { testDatabases } from './support/databases.ts';

afterAll(removeScratchFolders);

/**
 * A backup keeps what publishing by e-mail added: the members' addresses, deputies and
 * choices, the forum's GDPR setting, what was sent to whom, and each meeting's invitation (its UID and SEQUENCE); and a
 * restored archive never reuses an event id the restored deliveries name, or a new event's
 * mail would count as already sent.
 */
describe.each(testDatabases())('publishing data in a backup on %s', (_name, openDatabase) => {
  it('survives a backup and a restore into an empty archive', async () => {
    const folder = makeScratchFolder('referat-publishing-backup-');
    const mail: MailSettings = {
      smtpUrl: null,
      outboxDirectory: join(folder, 'outbox'),
      publicUrl: 'https://referat.albertslund.example',
      from: { name: 'Referat', address: 'referat@albertslund.example' },
    };
    let source: Archive | null = null;
    let target: Archive | null = null;
    try {
      source = await openArchiveOn(await openDatabase(), { mail });
      const forumId = (
        await createForum(source, testAdministrator, { name: 'Chefforum', abbreviation: 'CF' })
      ).id;
      await saveForum(source, testAdministrator, forumId, {
        name: 'Chefforum',
        abbreviation: 'CF',
        // The GDPR setting is the forum's too, and must not fall back to showing addresses.
        hidesContactDetails: true,
        members: [
          {
            name: 'Rikke Blom',
            role: 'Direktør BSV',
            email: 'rikke@albertslund.example',
            deputy: { name: 'Lise Lund', email: 'lise@albertslund.example' },
            receives: { agenda: true, minutes: false },
          },
          { name: 'Jens Andersen', role: null, email: 'jens@albertslund.example' },
        ],
      });
      const { id: meetingId } = await createMeeting(source, testAdministrator, {
        forumId,
        date: '2031-06-04',
        start: '13:00',
        location: 'Mødelokale 2',
      });
      await addMeetingAbsence(source, testAdministrator, meetingId, {
        name: 'Rikke Blom',
        role: 'Direktør BSV',
      });
      await publishAgenda(source, testAdministrator, meetingId);
      await deliverDueEvents(source);
      const members = await listForumMembers(source.database.db, forumId);
      const deliveries = await listMeetingMailDeliveries(source.database.db, meetingId);
      const invitation = await findMeetingInvitation(source.database.db, meetingId);
      expect(deliveries.map((entry) => entry.state)).toEqual(['sent', 'sent', 'sent']);
      expect(invitation).not.toBeNull();
      const file = join(folder, 'arkiv.jsonl.gz');
      const summary = await backupArchive(source.database, file);
      expect(summary.rows).toMatchObject({ mail_deliveries: 3, meeting_invitations: 1 });

      target = await openArchiveOn(await openDatabase(), { mail });
      await restoreArchive(target, file);
      expect(await listForumMembers(target.database.db, forumId)).toEqual(members);
      expect((await findForum(target.database.db, forumId))?.hidesContactDetails).toBe(true);
      expect(await listMeetingMailDeliveries(target.database.db, meetingId)).toEqual(deliveries);
      expect(await findMeetingInvitation(target.database.db, meetingId)).toEqual(invitation);

      // The restored archive's outbox is empty, yet its next event comes after every event the
      // restored deliveries name.
      const { id: nextMeeting } = await createMeeting(target, testAdministrator, {
        forumId,
        date: '2031-07-02',
      });
      const [event] = await listOutboxEvents(target.database.db, { meetingId: nextMeeting });
      const highest = Math.max(...deliveries.map((entry) => entry.eventId));
      expect(event?.id).toBeGreaterThan(highest);
    } finally {
      await source?.close();
      await target?.close();
    }
  });
});
