import type { EditableItem, Workspace } from '../../api/types.ts';

/** Whether a person is absent from the whole meeting, from some of its items, or from none. */
export type AbsenceState = 'whole-meeting' | 'some-items' | 'present';

/**
 * A person's absence over the meeting's items: the whole meeting when every item names them
 * (what "Fraværende på hele mødet" and "Afbud" record), some items when only some do (ticked
 * per item, or an item added after the afbud), else present. A meeting without items has no
 * absences.
 */
export function wholeMeetingAbsence(
  items: ReadonlyArray<Pick<EditableItem, 'absent'>>,
  name: string,
): AbsenceState {
  const absentFrom = items.filter((item) => item.absent.some((person) => person.name === name));
  if (items.length > 0 && absentFrom.length === items.length) return 'whole-meeting';
  return absentFrom.length > 0 ? 'some-items' : 'present';
}

/** The members who sent apologies for the whole meeting, in the forum's order. */
export function membersWithApologies(
  workspace: Pick<Workspace, 'items' | 'forum'>,
): Workspace['forum']['members'] {
  return workspace.forum.members.filter(
    (member) => wholeMeetingAbsence(workspace.items, member.name) === 'whole-meeting',
  );
}

/**
 * Whether the meeting page offers "Afbud": before the meeting starts (a draft, or an agenda
 * that is out), to those the server lets record attendance. Once the meeting is under way,
 * meeting mode's "Fraværende på hele mødet" takes over with the same people ticked.
 */
export function isApologiesTime(workspace: Pick<Workspace, 'status' | 'permissions'>): boolean {
  const isBeforeStart = workspace.status === 'draft' || workspace.status === 'agenda_published';
  return isBeforeStart && workspace.permissions.canRecordAttendance;
}
