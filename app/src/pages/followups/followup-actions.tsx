import { type FormEvent, useId, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import {
  changeFollowup,
  confirmFollowup,
  type FollowupView,
  rejectFollowup,
} from '../../api/followups.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FollowupEditor } from './followup-editor.tsx';

/**
 * Runs a change of the panel: sends it, then says what happened and loads the panel again;
 * throws the server's refusal for the caller to show where the user acted.
 */
export type RunAction = (send: () => Promise<unknown>, done: string) => Promise<void>;

/**
 * A suggestion's actions for the secretary: "Bekræft" as it stands, "Ret" (the editor, whose
 * button confirms with the changes) and "Afvis". Each button names the suggestion to screen
 * readers, since a list holds many.
 */
export function SuggestionActions({
  followup,
  members,
  run,
}: {
  followup: FollowupView;
  members: readonly string[];
  run: RunAction;
}) {
  const [isEditing, setIsEditing] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (send: () => Promise<unknown>, done: string): Promise<void> => {
    setIsBusy(true);
    setError(null);
    try {
      await run(send, done);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsBusy(false);
    }
  };
  if (isEditing)
    return (
      <FollowupEditor
        followup={followup}
        members={members}
        submitLabel="Ret og bekræft"
        onCancel={() => setIsEditing(false)}
        save={(changes) =>
          run(
            () => confirmFollowup(followup.id, { version: followup.version, ...changes }),
            `Opfølgningen "${changes.title}" er rettet og bekræftet.`,
          )
        }
      />
    );
  // A list holds many: each button names its suggestion, its visible word first.
  const about = (action: string) => `${action}: ${followup.title}`;
  return (
    <>
      <ErrorAlert message={error} />
      <div className="action-row">
        <button
          type="button"
          className="button-primary"
          disabled={isBusy}
          aria-label={about('Bekræft')}
          onClick={() =>
            void act(
              () => confirmFollowup(followup.id, { version: followup.version }),
              `Opfølgningen "${followup.title}" er bekræftet.`,
            )
          }
        >
          Bekræft
        </button>
        <button
          type="button"
          className="button-secondary"
          aria-label={about('Ret')}
          onClick={() => setIsEditing(true)}
        >
          Ret
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={isBusy}
          aria-label={about('Afvis')}
          onClick={() =>
            void act(
              () => rejectFollowup(followup.id, { version: followup.version }),
              `Forslaget "${followup.title}" er afvist.`,
            )
          }
        >
          Afvis
        </button>
      </div>
    </>
  );
}

/**
 * A confirmed follow-up's actions for the secretary, folded: its status (with a note), a note
 * alone, and "Ret" for its title, owner and due range.
 */
export function ConfirmedActions({
  followup,
  members,
  run,
}: {
  followup: FollowupView;
  members: readonly string[];
  run: RunAction;
}) {
  const [isEditing, setIsEditing] = useState(false);
  if (isEditing)
    return (
      <FollowupEditor
        followup={followup}
        members={members}
        submitLabel="Gem ændringerne"
        onCancel={() => setIsEditing(false)}
        save={(changes) =>
          run(
            () => changeFollowup(followup.id, { version: followup.version, ...changes }),
            `Opfølgningen "${changes.title}" er gemt.`,
          )
        }
      />
    );
  return (
    <details className="followup-manage">
      <summary>Status, noter og rettelser</summary>
      <StatusForm followup={followup} run={run} />
      <button type="button" className="button-secondary" onClick={() => setIsEditing(true)}>
        Ret titel, ansvarlig og frist
      </button>
    </details>
  );
}

function StatusForm({ followup, run }: { followup: FollowupView; run: RunAction }) {
  const [status, setStatus] = useState(followup.status);
  const [note, setNote] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const isStatusChange = status !== followup.status;
    if (!isStatusChange && !note.trim()) return;
    setIsBusy(true);
    setError(null);
    try {
      await run(
        () =>
          changeFollowup(followup.id, {
            version: followup.version,
            ...(isStatusChange ? { status } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          }),
        isStatusChange ? 'Opfølgningens status er gemt.' : 'Noten er gemt.',
      );
      setNote('');
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <ErrorAlert message={error} />
      <div className="field field-narrow">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => setStatus(event.target.value as FollowupView['status'])}
        >
          <option value="open">Åben</option>
          <option value="done">Udført</option>
          <option value="cancelled">Annulleret</option>
        </select>
      </div>
      <div className="field field-wide">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={isBusy}>
          {isBusy ? 'Gemmer…' : 'Gem status og note'}
        </button>
      </div>
    </form>
  );
}
