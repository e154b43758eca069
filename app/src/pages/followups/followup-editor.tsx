import { useState } from 'react';
import type { FollowupView } from '../../api/followups.ts';
import { ErrorSummary, problemFor } from '../../components/error-summary.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useFormSubmission } from '../../hooks/use-form-submission.ts';
import {
  changesOf,
  checkDraft,
  draftOf,
  type FollowupDraft,
  fieldIds,
  memberChoice,
  unitChoice,
} from './followup-text.ts';

/**
 * "Ret": a follow-up's title, kind, owner (a member of the forum, or a unit by name) and due
 * range, checked before it is sent (problems at the top, each linking to its field). `save`
 * sends the changes (confirming a suggestion, or editing a confirmed one).
 */
export function FollowupEditor({
  followup,
  members,
  submitLabel,
  save,
  onCancel,
}: {
  followup: FollowupView;
  members: readonly string[];
  submitLabel: string;
  save: (changes: ReturnType<typeof changesOf>) => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<FollowupDraft>(() => draftOf(followup, members));
  const ids = fieldIds(followup.id);
  const form = useFormSubmission({
    check: () => checkDraft(draft, followup.id),
    send: () => save(changesOf(draft)),
  });
  const change = (fields: Partial<FollowupDraft>) =>
    setDraft((current) => ({ ...current, ...fields }));
  return (
    <form className="form-grid followup-editor" onSubmit={form.submit} noValidate>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      <TextField
        id={ids.title}
        label="Titel"
        value={draft.title}
        onChange={(title) => change({ title })}
        error={problemFor(form.problems, ids.title)}
        isRequired
      />
      <fieldset className="followup-choices">
        <legend>Art</legend>
        {(['task', 'return'] as const).map((kind) => (
          <label key={kind} className="checkbox inline-choice">
            <input
              type="radio"
              name={`${ids.title}-art`}
              checked={draft.kind === kind}
              onChange={() => change({ kind })}
            />{' '}
            {kind === 'task' ? 'Opgave' : 'Vender tilbage til forummet'}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.owner}>Ansvarlig</label>
        <select
          id={ids.owner}
          value={draft.owner}
          onChange={(event) => change({ owner: event.target.value })}
        >
          <option value="">Ingen ansvarlig</option>
          {members.map((name) => (
            <option key={name} value={memberChoice(name)}>
              {name}
            </option>
          ))}
          <option value={unitChoice}>En enhed eller gruppe …</option>
        </select>
      </div>
      {draft.owner === unitChoice ? (
        <TextField
          id={ids.unitName}
          label="Enhedens navn"
          hint="For eksempel HR, Økonomi eller Cheferne."
          value={draft.unitName}
          onChange={(unitName) => change({ unitName })}
          error={problemFor(form.problems, ids.unitName)}
        />
      ) : null}
      <div className="field field-narrow">
        <label htmlFor={ids.dueFrom}>Frist fra</label>
        <input
          id={ids.dueFrom}
          type="date"
          value={draft.dueFrom}
          aria-describedby={`${ids.dueFrom}-hint`}
          onChange={(event) => change({ dueFrom: event.target.value })}
        />
        <p id={`${ids.dueFrom}-hint`} className="hint">
          Kan stå tom, når fristen er én dag.
        </p>
      </div>
      <div className="field field-narrow">
        <label htmlFor={ids.dueTo}>Frist til</label>
        <input
          id={ids.dueTo}
          type="date"
          value={draft.dueTo}
          aria-invalid={problemFor(form.problems, ids.dueTo) ? true : undefined}
          onChange={(event) => change({ dueTo: event.target.value })}
        />
      </div>
      <div className="form-actions">
        <SubmitButton label={submitLabel} busyLabel="Gemmer…" isBusy={form.isBusy} />
        <button type="button" className="button-secondary" onClick={onCancel}>
          Fortryd
        </button>
      </div>
    </form>
  );
}
