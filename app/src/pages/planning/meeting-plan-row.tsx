import { type FormEvent, useId, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { cancelMeeting, deleteMeeting, updateMeetingDetails } from '../../api/meetings.ts';
import type { YearMeeting } from '../../api/planning.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import {
  type MeetingTimePlace,
  MeetingTimePlaceFields,
} from '../../components/meeting-time-place-fields.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatMeetingDate } from '../../lib/format.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';

/**
 * One meeting of the year: when and where, its state and what waits for it in the punktbank;
 * "Flyt" (date, time, place, saved with the meeting's version), "Aflys" for a sent agenda and
 * "Slet" for a draft, each where the server allows it, the last two after a confirmation.
 */
export function MeetingPlanRow({
  meeting,
  onChanged,
}: {
  meeting: YearMeeting;
  onChanged: (message: string) => void;
}) {
  const id = useId();
  const [isMoving, setIsMoving] = useState(false);
  const [confirming, setConfirming] = useState<'cancel' | 'delete' | null>(null);
  const [when, setWhen] = useState<MeetingTimePlace>({
    date: meeting.date,
    start: meeting.start ?? '',
    location: meeting.location ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const label = formatMeetingDate(meeting.date);

  const act = async (action: () => Promise<unknown>, message: string): Promise<void> => {
    setError(null);
    try {
      await action();
      setConfirming(null);
      setIsMoving(false);
      onChanged(message);
    } catch (caught) {
      setConfirming(null);
      setError(messageOf(caught));
    }
  };

  const move = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!when.date) {
      setError('Vælg en dato for mødet.');
      return;
    }
    void act(
      () =>
        updateMeetingDetails(meeting.id, {
          version: meeting.version,
          date: when.date,
          start: when.start || null,
          location: when.location.trim() || null,
        }),
      `Mødet ${label} er flyttet til ${formatMeetingDate(when.date)}.`,
    );
  };

  return (
    <li className="year-meeting">
      <Link to={paths.meeting(meeting.id)}>{label}</Link>
      {meeting.start ? ` kl. ${meeting.start}` : ''}
      {meeting.location ? `, ${meeting.location}` : ''} <StatusBadge status={meeting.status} />
      {meeting.waitingItemCount > 0 ? (
        <span className="muted">
          {' '}
          · {meeting.waitingItemCount === 1 ? '1 punkt' : `${meeting.waitingItemCount} punkter`} i
          punktbanken
        </span>
      ) : null}
      <div className="action-row">
        {meeting.permissions.canEditDetails ? (
          <button
            type="button"
            className="button-quiet"
            aria-expanded={isMoving}
            aria-controls={`${id}-move`}
            aria-label={`Flyt mødet ${label}`}
            onClick={() => setIsMoving((open) => !open)}
          >
            Flyt
          </button>
        ) : null}
        {meeting.permissions.canCancel ? (
          <button
            type="button"
            className="button-quiet"
            aria-label={`Aflys mødet ${label}`}
            onClick={() => setConfirming('cancel')}
          >
            Aflys
          </button>
        ) : null}
        {meeting.permissions.canDelete ? (
          <button
            type="button"
            className="button-quiet"
            aria-label={`Slet mødet ${label}`}
            onClick={() => setConfirming('delete')}
          >
            Slet
          </button>
        ) : null}
      </div>
      {isMoving ? (
        <form id={`${id}-move`} className="form-grid" onSubmit={move} noValidate>
          <MeetingTimePlaceFields
            value={when}
            onChange={(change) => setWhen((current) => ({ ...current, ...change }))}
          />
          <div className="form-actions">
            <button type="submit" className="button-primary">
              Flyt mødet
            </button>
          </div>
        </form>
      ) : null}
      <ErrorAlert message={error} />
      <ConfirmDialog
        isOpen={confirming !== null}
        title={confirming === 'cancel' ? 'Aflys mødet?' : 'Slet mødet?'}
        confirmLabel={confirming === 'cancel' ? 'Aflys mødet' : 'Slet mødet'}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          void (confirming === 'cancel'
            ? act(() => cancelMeeting(meeting.id, null), `Mødet ${label} er aflyst.`)
            : act(() => deleteMeeting(meeting.id), `Mødet ${label} er slettet.`))
        }
      >
        <p>
          {confirming === 'cancel'
            ? `Mødet ${label} aflyses, og de indbudte får besked. Det kan ikke fortrydes.`
            : `Mødet ${label} er en kladde og slettes helt. Punkter fra punktbanken venter igen.`}
        </p>
      </ConfirmDialog>
    </li>
  );
}
