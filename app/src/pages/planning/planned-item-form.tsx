import { type FormEvent, useId, useRef, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { addPlannedItem, type YearMeeting } from '../../api/planning.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatMeetingDate } from '../../lib/format.ts';

/** A new item for the punktbank: its title, the meeting it is for (or later), time and a note. */
export function PlannedItemForm({
  forumId,
  meetings,
  onAdded,
}: {
  forumId: number;
  meetings: readonly YearMeeting[];
  onAdded: (title: string) => void;
}) {
  const id = useId();
  const titleInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const open = meetings.filter(
    (meeting) => meeting.status === 'draft' || meeting.status === 'agenda_published',
  );

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const duration = minutes.trim() ? Number(minutes) : null;
    if (!title.trim()) {
      setError('Skriv en titel på punktet.');
      titleInput.current?.focus();
      return;
    }
    if (duration !== null && (!Number.isInteger(duration) || duration < 1 || duration > 600))
      return setError('Tiden skal være et helt antal minutter mellem 1 og 600.');
    setError(null);
    setIsSaving(true);
    try {
      await addPlannedItem(forumId, {
        title: title.trim(),
        meetingId: meetingId ? Number(meetingId) : null,
        durationMinutes: duration,
        note: note.trim() || null,
      });
      onAdded(title.trim());
      setTitle('');
      setMinutes('');
      setNote('');
      titleInput.current?.focus();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <div className="field field-wide">
        <label htmlFor={`${id}-title`}>Titel på punktet</label>
        <input
          id={`${id}-title`}
          ref={titleInput}
          value={title}
          required
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-meeting`}>Til mødet</label>
        <select
          id={`${id}-meeting`}
          value={meetingId}
          onChange={(event) => setMeetingId(event.target.value)}
        >
          <option value="">Senere (intet møde endnu)</option>
          {open.map((meeting) => (
            <option key={meeting.id} value={String(meeting.id)}>
              {formatMeetingDate(meeting.date)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${id}-minutes`}>Tid i minutter</label>
        <input
          id={`${id}-minutes`}
          type="number"
          min={1}
          max={600}
          inputMode="numeric"
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
      </div>
      <div className="field field-wide">
        <label htmlFor={`${id}-note`}>Note (bliver punktets anledning)</label>
        <input id={`${id}-note`} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <ErrorAlert message={error} />
      <div className="form-actions">
        <button type="submit" className="button-secondary" disabled={isSaving}>
          Læg i punktbanken
        </button>
      </div>
    </form>
  );
}
