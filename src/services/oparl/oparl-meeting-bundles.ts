import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { purposeLabel } from '../../core/forum-practice.ts';
import {
  type ItemAnnotations,
  isCommunicationItemTitle,
  type MeetingAnnotations,
} from '../../core/item-annotations.ts';
import { toMeetingStatus } from '../../core/meeting-lifecycle.ts';
import { meetingAccess, showsClosedItems } from '../../core/policies/meeting-access.ts';
import {
  canReadAttachment,
  visibleAnnotations,
  visibleItem,
} from '../../core/policies/read-model.ts';
import { loadItemGuests } from '../../store/annotation-store.ts';
import type { DatabaseSchema } from '../../store/database-schema.ts';
import { agendaItemOf, loadItemRows } from '../../store/meeting-reader.ts';
import { loadAttachmentRecords, loadMeetingRecords } from '../../store/oparl-record-store.ts';
import type { ItemEntry, MeetingBundle } from './oparl-meeting-objects.ts';
import { plannedTimes } from './oparl-time.ts';

/**
 * Loads meetings as the actor sees them, through the read model: the access to each meeting
 * (a meeting the actor may not see is left out), every item through `visibleItem` (a closed
 * item becomes "Lukket punkt"; decisions and absences wait for the published minutes), the
 * annotations through `visibleAnnotations`, and the Bilag through `canReadAttachment`.
 * Every OParl object about a meeting is mapped from these bundles and nothing else.
 */
export async function loadMeetingBundles(
  db: Kysely<DatabaseSchema>,
  actor: Actor,
  meetingIds: readonly number[],
): Promise<Map<number, MeetingBundle>> {
  const bundles = new Map<number, MeetingBundle>();
  const records = await loadMeetingRecords(db, meetingIds);
  const readable = records.flatMap((record) => {
    const status = toMeetingStatus(record.status);
    const access = meetingAccess(actor, {
      forumId: record.forumId,
      visibility: record.visibility,
      hidesContactDetails: record.hidesContactDetails,
      status,
      archived: record.archived,
    });
    return access === 'none' ? [] : [{ record, status, access }];
  });
  if (readable.length === 0) return bundles;
  const { rows, children } = await loadItemRows(
    db,
    readable.map((entry) => entry.record.id),
  );
  const itemIds = rows.map((row) => row.id);
  const guests = await loadItemGuests(db, itemIds);
  const attachments = await loadAttachmentRecords(db, itemIds);
  for (const { record, status, access } of readable) {
    const stored = rows
      .filter((row) => row.meeting_id === record.id)
      .map((row) => ({ row, item: agendaItemOf(row, children) }));
    const annotations: MeetingAnnotations = {
      items: Object.fromEntries(
        stored.map(({ row }): [number, ItemAnnotations] => [
          row.number,
          {
            purpose: purposeLabel(row.purpose),
            guests: guests.get(row.id) ?? [],
            communication: row.communication?.trim() || null,
          },
        ]),
      ),
      communicationItemNumber:
        stored.find(({ row }) => isCommunicationItemTitle(row.title))?.row.number ?? null,
    };
    const shown = visibleAnnotations(
      annotations,
      { items: stored.map(({ item }) => item) },
      access,
      status,
    );
    const items: ItemEntry[] = stored.map(({ row, item }, index) => {
      const isRedacted = item.closed && !showsClosedItems(access);
      return {
        id: row.id,
        order: index + 1,
        item: visibleItem(item, access, status),
        isRedacted,
        caseId: isRedacted ? null : row.case_id,
        annotations: shown.items[row.number] ?? {},
        attachments: (attachments.get(row.id) ?? []).filter((attachment) =>
          canReadAttachment(item, attachment, access),
        ),
      };
    });
    bundles.set(record.id, {
      record,
      status,
      access,
      items,
      planned: plannedTimes(
        record.date,
        record.start,
        items.map((entry) => entry.item),
      ),
    });
  }
  return bundles;
}
