import { type FormEvent, useId, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { updateForum } from '../../api/forums.ts';
import type { Forum, ForumMember, ForumVisibility } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { VisibilityFields } from './visibility-fields.tsx';

/**
 * Edits a forum's name, abbreviation, visibility and members (name and role), saved together.
 * Shown only to those the server lets edit the forum.
 */
export function ForumEditor({
  forum,
  onSaved,
  onCancel,
}: {
  forum: Forum;
  onSaved: (forum: Forum) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(forum.name);
  const [abbreviation, setAbbreviation] = useState(forum.abbreviation ?? '');
  const [visibility, setVisibility] = useState<ForumVisibility>(forum.visibility);
  const [members, setMembers] = useState<ForumMember[]>(() =>
    forum.members.map((member) => ({ ...member })),
  );
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const changeMember = (index: number, change: Partial<ForumMember>): void =>
    setMembers((current) =>
      current.map((member, position) => (position === index ? { ...member, ...change } : member)),
    );

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!name.trim()) return setError('Forummet skal have et navn.');
    setError(null);
    setIsSaving(true);
    try {
      const saved = await updateForum(forum.id, {
        name: name.trim(),
        abbreviation: abbreviation.trim(),
        visibility,
        members: members
          .filter((member) => member.name.trim())
          .map((member) => ({ name: member.name.trim(), role: member.role?.trim() || null })),
      });
      onSaved(saved);
    } catch (caught) {
      setError(messageOf(caught));
      setIsSaving(false);
    }
  };

  return (
    <form className="forum-editor" onSubmit={submit} noValidate>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>Navn</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${id}-abbreviation`}>Forkortelse</label>
          <input
            id={`${id}-abbreviation`}
            value={abbreviation}
            onChange={(e) => setAbbreviation(e.target.value)}
          />
        </div>
      </div>
      <VisibilityFields value={visibility} onChange={setVisibility} />
      <fieldset>
        <legend>Medlemmer</legend>
        {members.length === 0 ? <p className="muted">Ingen medlemmer endnu.</p> : null}
        <ol className="member-rows">
          {members.map((member, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
            <li key={index} className="member-row">
              <div className="field">
                <label htmlFor={`${id}-member-${index}-name`}>Navn, medlem {index + 1}</label>
                <input
                  id={`${id}-member-${index}-name`}
                  value={member.name}
                  onChange={(e) => changeMember(index, { name: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-member-${index}-role`}>Rolle, medlem {index + 1}</label>
                <input
                  id={`${id}-member-${index}-role`}
                  value={member.role ?? ''}
                  placeholder="Fx Direktør BSV"
                  onChange={(e) => changeMember(index, { role: e.target.value })}
                />
              </div>
              <button
                type="button"
                className="button-quiet"
                aria-label={`Fjern medlem ${index + 1}${member.name ? `: ${member.name}` : ''}`}
                onClick={() =>
                  setMembers((current) => current.filter((_, position) => position !== index))
                }
              >
                Fjern
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button-secondary"
          onClick={() => setMembers((current) => [...current, { name: '', role: '' }])}
        >
          Tilføj medlem
        </button>
      </fieldset>
      <ErrorAlert message={error} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={isSaving}>
          Gem forum
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Annullér
        </button>
      </div>
    </form>
  );
}
