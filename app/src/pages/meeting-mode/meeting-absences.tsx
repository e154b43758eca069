import { useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { addMeetingAbsence, removeMeetingAbsence } from '../../api/meetings.ts';
import type { ForumMember, Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { wholeMeetingAbsence } from './absence-state.ts';
import { memberLabel } from './member-label.ts';

/**
 * Fraværende på hele mødet: a checkbox per forum member, absent from every item at once. The
 * same list serves the Afbud given before the meeting (with its own legend), so that those who
 * sent apologies are already ticked when the meeting starts. A member absent from only some
 * items is unticked and says so; ticking makes them absent from all.
 */
export function MeetingAbsences({
  workspace,
  disabled,
  onChanged,
  legend = 'Fraværende på hele mødet',
}: {
  workspace: Workspace;
  disabled: boolean;
  onChanged: (workspace: Workspace) => void;
  legend?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busyName, setBusyName] = useState<string | null>(null);
  // The box shows the click at once; the server's answer then confirms or undoes it.
  const [optimistic, setOptimistic] = useState<{ name: string; isAbsent: boolean } | null>(null);
  const members = workspace.forum.members;

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
      <legend>{legend}</legend>
      {members.length === 0 ? (
        <p className="muted">Forummet har ingen medlemmer. Tilføj dem under Fora.</p>
      ) : (
        <ul className="checkbox-list">
          {members.map((member) => {
            const state = wholeMeetingAbsence(workspace.items, member.name);
            return (
              <li key={member.name}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={
                      optimistic?.name === member.name
                        ? optimistic.isAbsent
                        : state === 'whole-meeting'
                    }
                    disabled={disabled || busyName !== null}
                    onChange={(e) => void toggle(member, e.target.checked)}
                  />
                  {memberLabel(member)}
                  {state === 'some-items' ? (
                    <span className="muted"> (fraværende ved nogle punkter)</span>
                  ) : null}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <ErrorAlert message={error} />
    </fieldset>
  );
}
