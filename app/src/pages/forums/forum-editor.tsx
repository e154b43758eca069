import { useId, useState } from 'react';
import { updateForum } from '../../api/forums.ts';
import type { Forum, ForumVisibility } from '../../api/types.ts';
import { ErrorSummary, problemFor } from '../../components/error-summary.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useFormSubmission } from '../../hooks/use-form-submission.ts';
import { ContactDetailsField } from './contact-details-field.tsx';
import {
  type PracticeDraft,
  practiceChangesOf,
  practiceDraftOf,
  practiceFieldIds,
  practiceProblems,
} from './forum-practice-draft.ts';
import { type MemberRow, memberProblems, memberRowsOf, membersOf } from './member-draft.ts';
import { MemberFields } from './member-fields.tsx';
import { PurposeListFields } from './purpose-list-fields.tsx';
import { StandingItemFields } from './standing-item-fields.tsx';
import { VisibilityFields } from './visibility-fields.tsx';
import './forum-editor.css';

/**
 * Edits a forum's name, abbreviation, visibility, whether its public versions show contact
 * details, members (name, role, e-mail, stedfortræder
 * and what they receive), its purposes and its standing items, saved together; problems are
 * listed at the top before anything is sent. Shown only to those the server lets edit the
 * forum.
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
  const [hidesContactDetails, setHidesContactDetails] = useState(forum.hidesContactDetails);
  const [members, setMembers] = useState<MemberRow[]>(() => memberRowsOf(forum.members));
  const [practice, setPractice] = useState<PracticeDraft>(() => practiceDraftOf(forum));
  const practiceIds = practiceFieldIds(id);

  const { problems, attempt, isBusy, submit } = useFormSubmission({
    check: () => [
      ...(name.trim() ? [] : [{ fieldId: nameId, message: 'Skriv forummets navn.' }]),
      ...memberProblems(members, id),
      ...practiceProblems(practice, practiceIds),
    ],
    send: async () => {
      const saved = await updateForum(forum.id, {
        name: name.trim(),
        abbreviation: abbreviation.trim(),
        visibility,
        hidesContactDetails,
        members: membersOf(members),
        ...practiceChangesOf(practice),
      });
      onSaved(saved);
    },
  });

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
      <ContactDetailsField isHidden={hidesContactDetails} onChange={setHidesContactDetails} />
      <MemberFields rows={members} baseId={id} problems={problems} onChange={setMembers} />
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
