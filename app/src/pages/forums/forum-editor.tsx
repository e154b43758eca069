import { useId, useState } from 'react';
import { updateForum } from '../../api/forums.ts';
import type { Forum, ForumMember, ForumVisibility } from '../../api/types.ts';
import { ErrorSummary, problemFor } from '../../components/error-summary.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useFormSubmission } from '../../hooks/use-form-submission.ts';
import {
  type PracticeDraft,
  practiceChangesOf,
  practiceDraftOf,
  practiceFieldIds,
  practiceProblems,
} from './forum-practice-draft.ts';
import { PurposeListFields } from './purpose-list-fields.tsx';
import { StandingItemFields } from './standing-item-fields.tsx';
import { VisibilityFields } from './visibility-fields.tsx';
import './forum-editor.css';

/**
 * Edits a forum's name, abbreviation, visibility, members (name and role), its purposes and
 * its standing items, saved together; problems are listed at the top before anything is sent.
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
  const nameId = `${id}-name`;
  const [name, setName] = useState(forum.name);
  const [abbreviation, setAbbreviation] = useState(forum.abbreviation ?? '');
  const [visibility, setVisibility] = useState<ForumVisibility>(forum.visibility);
  const [members, setMembers] = useState<ForumMember[]>(() =>
    forum.members.map((member) => ({ ...member })),
  );
  const [practice, setPractice] = useState<PracticeDraft>(() => practiceDraftOf(forum));
  const practiceIds = practiceFieldIds(id);

  const { problems, attempt, isBusy, submit } = useFormSubmission({
    check: () => [
      ...(name.trim() ? [] : [{ fieldId: nameId, message: 'Skriv forummets navn.' }]),
      ...practiceProblems(practice, practiceIds),
    ],
    send: async () => {
      const saved = await updateForum(forum.id, {
        name: name.trim(),
        abbreviation: abbreviation.trim(),
        visibility,
        members: members
          .filter((member) => member.name.trim())
          .map((member) => ({ name: member.name.trim(), role: member.role?.trim() || null })),
        ...practiceChangesOf(practice),
      });
      onSaved(saved);
    },
  });

  const changeMember = (index: number, change: Partial<ForumMember>): void =>
    setMembers((current) =>
      current.map((member, position) => (position === index ? { ...member, ...change } : member)),
    );

  return (
    <form className="forum-editor" onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} attempt={attempt} />
      <div className="form-grid">
        <TextField
          id={nameId}
          label="Navn"
          value={name}
          isRequired
          error={problemFor(problems, nameId)}
          onChange={setName}
        />
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
      <PurposeListFields
        draft={practice}
        ids={practiceIds}
        problems={problems}
        onChange={setPractice}
      />
      <StandingItemFields
        draft={practice}
        ids={practiceIds}
        problems={problems}
        onChange={setPractice}
      />
      <div className="form-actions">
        <SubmitButton label="Gem forum" busyLabel="Gemmer…" isBusy={isBusy} />
        <button type="button" className="button-secondary" onClick={onCancel}>
          Annullér
        </button>
      </div>
    </form>
  );
}
