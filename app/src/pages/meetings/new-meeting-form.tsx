import { type FormEvent, useId, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { createMeeting } from '../../api/meetings.ts';
import type { Forum } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MeetingTimePlaceFields } from '../../components/meeting-time-place-fields.tsx';
import { navigate } from '../../router/history.ts';
import { paths } from '../../router/routes.ts';

/** "Nyt møde": forum, date, time and room; creates the meeting and opens it. */
export function NewMeetingForm({ forums }: { forums: readonly Forum[] }) {
  const id = useId();
  const [forumId, setForumId] = useState(() => String(forums[0]?.id ?? ''));
  const [date, setDate] = useState('');
  const [start, setStart] = useState('13:00');
  const [location, setLocation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!forumId) return setError('Vælg et forum.');
    if (!date) return setError('Vælg en dato for mødet.');
    setError(null);
    setIsSaving(true);
    try {
      const workspace = await createMeeting({
        forumId: Number(forumId),
        date,
        ...(start ? { start } : {}),
        ...(location.trim() ? { location: location.trim() } : {}),
      });
      navigate(paths.meeting(workspace.id));
    } catch (caught) {
      setError(messageOf(caught));
      setIsSaving(false);
    }
  };

  if (forums.length === 0)
    return <p className="muted">Opret først et forum under Fora, før du opretter et møde.</p>;
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-forum`}>Forum</label>
        <select id={`${id}-forum`} value={forumId} onChange={(e) => setForumId(e.target.value)}>
          {forums.map((forum) => (
            <option key={forum.id} value={forum.id}>
              {forum.name}
            </option>
          ))}
        </select>
      </div>
      <MeetingTimePlaceFields
        value={{ date, start, location }}
        onChange={(change) => {
          if (change.date !== undefined) setDate(change.date);
          if (change.start !== undefined) setStart(change.start);
          if (change.location !== undefined) setLocation(change.location);
        }}
      />
      <ErrorAlert message={error} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={isSaving}>
          {isSaving ? 'Opretter…' : 'Opret møde'}
        </button>
      </div>
    </form>
  );
}
