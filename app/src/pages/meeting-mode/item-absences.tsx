import { useState } from 'react';
import { orderByMembers, withAbsentPerson } from '../../../../src/core/member-order.ts';
import { messageOf } from '../../api/client.ts';
import type { EditableItem, ForumMember } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { memberLabel } from './member-label.ts';
import { saveItemChange } from './save-item-change.ts';

/**
 * Fraværende ved ét punkt: checkboxes per member in the forum's order, saved on the item at
 * once, and stored in that order whatever order they are ticked in.
 */
export function ItemAbsences({
  item,
  members,
  disabled,
  onSaved,
}: {
  item: EditableItem;
  members: readonly ForumMember[];
  disabled: boolean;
  onSaved: (item: EditableItem) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  // The box shows the click at once; the server's answer then confirms or undoes it.
  const [optimistic, setOptimistic] = useState<{ name: string; isAbsent: boolean } | null>(null);
  const absentNames = new Set(item.absent.map((person) => person.name));
  const known = members.filter((member) => !absentNames.has(member.name));
  // Absent people who are not (or no longer) members are listed too (after the members), so
  // they can be removed.
  const people = orderByMembers([...known, ...item.absent], members);

  const toggle = async (member: ForumMember, isAbsent: boolean): Promise<void> => {
    setIsBusy(true);
    setOptimistic({ name: member.name, isAbsent });
    setError(null);
    const absentFrom = (list: readonly ForumMember[]): ForumMember[] =>
      isAbsent
        ? withAbsentPerson(list, member, members)
        : orderByMembers(
            list.filter((person) => person.name !== member.name),
            members,
          );
    try {
      onSaved(await saveItemChange(item, (current) => ({ absent: absentFrom(current.absent) })));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsBusy(false);
      setOptimistic(null);
    }
  };

  return (
    <details className="item-absences">
      <summary>
        Fraværende ved punkt {item.number}
        {item.absent.length > 0 ? ` (${item.absent.length})` : ''}
      </summary>
      <fieldset>
        <legend className="visually-hidden">Fraværende ved punkt {item.number}</legend>
        {people.length === 0 ? <p className="muted">Forummet har ingen medlemmer.</p> : null}
        <ul className="checkbox-list">
          {people.map((member) => (
            <li key={member.name}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={
                    optimistic?.name === member.name
                      ? optimistic.isAbsent
                      : absentNames.has(member.name)
                  }
                  disabled={disabled || isBusy}
                  onChange={(e) => void toggle(member, e.target.checked)}
                />
                {memberLabel(member)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <ErrorAlert message={error} />
    </details>
  );
}
