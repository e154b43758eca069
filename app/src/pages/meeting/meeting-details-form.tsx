import { type FormEvent, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { updateMeetingDetails } from '../../api/meetings.ts';
import type { Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import {
  type MeetingTimePlace,
  MeetingTimePlaceFields,
} from '../../components/meeting-time-place-fields.tsx';
import { Notice } from '../../components/notice.tsx';

/**
 * "Ret dato, tid og sted": a folded form on the overview, for those the server lets change it. Saves with the meeting's version, so
 * a change someone else made meanwhile is reported instead of overwritten.
 */
export function MeetingDetailsForm({
  workspace,
  onSaved,
}: {
  workspace: Workspace;
  onSaved: (workspace: Workspace) => void;
}) {
  const [when, setWhen] = useState<MeetingTimePlace>({
    date: workspace.date,
    start: workspace.start ?? '',
    location: workspace.location ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  if (!workspace.permissions.canEditDetails) return null;

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!when.date) return setError('Vælg en dato for mødet.');
    setError(null);
    setNotice(null);
    setIsSaving(true);
    try {
      const saved = await updateMeetingDetails(workspace.id, {
        version: workspace.version,
        date: when.date,
        start: when.start || null,
        location: when.location.trim() || null,
      });
      setNotice('Mødets dato, tid og sted er gemt.');
      onSaved(saved);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <details className="meeting-details">
      <summary>Ret dato, tid og sted</summary>
      <form className="form-grid" onSubmit={submit} noValidate>
        <MeetingTimePlaceFields
          value={when}
          onChange={(change) => setWhen((current) => ({ ...current, ...change }))}
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={isSaving}>
            {isSaving ? 'Gemmer…' : 'Gem ændringerne'}
          </button>
        </div>
      </form>
      <ErrorAlert message={error} />
      <Notice message={notice} />
    </details>
  );
}
