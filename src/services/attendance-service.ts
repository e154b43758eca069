import type { Actor } from '../core/actor.ts';
import { withAbsentPerson } from '../core/member-order.ts';
import { findForum } from '../store/forum-store.ts';
import { loadStoredItems, writeItemFields } from '../store/item-store.ts';
import type { Archive } from './archive-types.ts';
import { resolveMeeting, runCommand } from './command-pipeline.ts';
import { meetingEvent, workspaceOf } from './meeting-command-helpers.ts';
import type { Workspace } from './workspace-service.ts';

/*
 * Who is there: absences for the whole meeting, recorded as afbud before the meeting or as
 * Fraværende during it, in the forum's member order on every item.
 */

/** Marks a person absent for every item of the meeting (Fraværende for the whole meeting). */
export function addMeetingAbsence(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  absence: { name: string; role: string | null },
): Promise<Workspace> {
  return changeAbsence(archive, actor, meetingId, 'add_absence', (absent, members) =>
    withAbsentPerson(absent, absence, members),
  );
}

/** Removes a person from every item's Fraværende. */
export function removeMeetingAbsence(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  name: string,
): Promise<Workspace> {
  return changeAbsence(archive, actor, meetingId, 'remove_absence', (absent) =>
    absent.filter((entry) => entry.name !== name),
  );
}

type AbsentList = Array<{ name: string; role: string | null }>;

function changeAbsence(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  action: string,
  change: (absent: AbsentList, members: readonly { name: string }[]) => AbsentList,
): Promise<Workspace> {
  return runCommand(archive, actor, {
    name: `meeting.${action}`,
    resolve: (db) => resolveMeeting(archive, db, meetingId, ['attendance.record']),
    apply: async (context, target) => {
      const items = await loadStoredItems(context.db, meetingId);
      // Absentees are listed in the forum's member order, wherever they are added from.
      const members = (await findForum(context.db, target.meeting.forumId))?.members ?? [];
      const changed: number[] = [];
      for (const item of items) {
        const absent = item.absent.map((entry) => ({ name: entry.name, role: entry.role ?? null }));
        const next = change(absent, members);
        if (JSON.stringify(next) === JSON.stringify(absent)) continue;
        await writeItemFields(context.db, item.id, { absent: next });
        changed.push(item.id);
      }
      await context.recordRevision({
        entityType: 'meeting',
        entityId: meetingId,
        action,
        data: { before: items.map((item) => ({ id: item.id, absent: item.absent })) },
      });
      context.emit({ ...meetingEvent('absences.changed', target), itemIds: changed });
      return workspaceOf(context, meetingId);
    },
  });
}
