import { useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { addMeetingAbsence, removeMeetingAbsence } from '../../api/meetings.ts';
import type { ForumMember, Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { memberLabel } from './member-label.ts';

/** Fraværende på hele mødet: a checkbox per forum member, absent from every item at once. */
export function MeetingAbsences({
  workspace,
  disabled,
  onChanged,
}: {
  workspace: Workspace;
  disabled: boolean;
  onChanged: (workspace: Workspace) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busyName, setBusyName] = useState<string | null>(null);
  // The box shows the click at once; the server's answer then confirms or undoes it.
  const [optimistic, setOptimistic] = useState<{ name: string; isAbsent: boolean } | null>(null);
  const members = workspace.forum.members;
  const isAbsentEverywhere = (member: ForumMember): boolean =>
    workspace.items.length > 0 &&
    workspace.items.every((item) => item.absent.some((person) => person.name === member.name));

  const toggle = async (member: ForumMember, isAbsent: boolean): Promise<void> => {
    setBusyName(member.name);
    setOptimistic({ name: member.name, isAbsent });
    setError(null);
    try {
      onChanged(
        isAbsent
          ? await addMeetingAbsence(workspace.id, member)
          : await removeMeetingAbsence(workspace.id, member.name),
      );
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusyName(null);
      setOptimistic(null);
    }
  };

  return (
    <fieldset className="absences">
      <legend>Fraværende på hele mødet</legend>
      {members.length === 0 ? (
        <p className="muted">Forummet har ingen medlemmer. Tilføj dem under Fora.</p>
      ) : (
        <ul className="checkbox-list">
          {members.map((member) => (
            <li key={member.name}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={
                    optimistic?.name === member.name
                      ? optimistic.isAbsent
                      : isAbsentEverywhere(member)
                  }
                  disabled={disabled || busyName !== null}
                  onChange={(e) => void toggle(member, e.target.checked)}
                />
                {memberLabel(member)}
              </label>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert message={error} />
    </fieldset>
  );
}
