import { useState } from 'react';
import { plannedItemSourceLabels } from '../../../../src/core/annual-wheel-entries.ts';
import { messageOf } from '../../api/client.ts';
import { type PlannedItem, removePlannedItem, type YearMeeting } from '../../api/planning.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDanishDate } from '../../lib/format.ts';
import { PlannedItemForm } from './planned-item-form.tsx';

/**
 * "Punktbank": the items waiting for a meeting (planned for one, or for later) and those
 * already taken into an agenda, with where each comes from; a form for a new one and "Fjern"
 * for the forum's secretaries. They are taken in from the meeting's agenda ("Fra punktbanken").
 */
export function PunktbankPanel({
  forumId,
  items,
  meetings,
  canManage,
  onChanged,
}: {
  forumId: number;
  items: readonly PlannedItem[];
  /** The meetings an item may be planned for (the year's open agendas). */
  meetings: readonly YearMeeting[];
  canManage: boolean;
  onChanged: (message: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const waiting = items.filter((item) => !item.isTaken);
  const taken = items.filter((item) => item.isTaken);

  const remove = async (item: PlannedItem): Promise<void> => {
    setError(null);
    try {
      await removePlannedItem(item.id);
      onChanged(`${item.title} er fjernet fra punktbanken.`);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <section aria-labelledby="punktbank" className="panel">
      <h2 id="punktbank">Punktbank</h2>
      <h3>Venter på et møde</h3>
      {waiting.length === 0 ? (
        <p className="muted">Ingen punkter venter.</p>
      ) : (
        <ul className="plain-list planned-items">
          {waiting.map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong>
              <span className="muted"> · {describePlannedItem(item)}</span>{' '}
              {canManage ? (
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={`Fjern ${item.title} fra punktbanken`}
                  onClick={() => void remove(item)}
                >
                  Fjern
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert message={error} />
      {taken.length > 0 ? (
        <details>
          <summary>Taget ind på en dagsorden ({taken.length})</summary>
          <ul className="plain-list">
            {taken.map((item) => (
              <li key={item.id}>
                {item.title}
                <span className="muted">
                  {item.meeting ? ` · mødet ${formatDanishDate(item.meeting.date)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canManage ? (
        <section aria-labelledby="nyt-planlagt-punkt" className="subpanel">
          <h3 id="nyt-planlagt-punkt">Læg et punkt i punktbanken</h3>
          <PlannedItemForm
            forumId={forumId}
            meetings={meetings}
            onAdded={(title) => onChanged(`${title} er lagt i punktbanken.`)}
          />
        </section>
      ) : null}
    </section>
  );
}

/** Where a waiting item comes from and which meeting it is for, in Danish. */
export function describePlannedItem(item: PlannedItem): string {
  const parts = [plannedItemSourceLabels[item.source]];
  parts.push(item.meeting ? `til mødet ${formatDanishDate(item.meeting.date)}` : 'uden møde endnu');
  if (item.due) parts.push(`frist ${formatDanishDate(item.due.from)}`);
  if (item.durationMinutes) parts.push(`${item.durationMinutes} min`);
  if (item.closed) parts.push('lukket punkt');
  return parts.join(', ');
}
