import { useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { type PlannedItem, planningPaths, takePlannedItem } from '../../api/planning.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { describePlannedItem } from '../planning/punktbank-panel.tsx';
import '../planning/planning.css';

/**
 * "Fra punktbanken": the items the forum's punktbank offers this agenda (planned for this
 * meeting, or waiting for any), each with one button that takes it in before "Evt.". Shown
 * while the agenda may be edited; nothing when the punktbank has nothing to offer.
 */
export function PlannedItemsPanel({
  meetingId,
  onTaken,
}: {
  meetingId: number;
  onTaken: (title: string) => void;
}) {
  const offered = useApiData<PlannedItem[]>(planningPaths.offeredItems(meetingId));
  const [error, setError] = useState<string | null>(null);
  const [takingId, setTakingId] = useState<number | null>(null);
  if (!offered.data || offered.data.length === 0) return null;

  const take = async (item: PlannedItem): Promise<void> => {
    setError(null);
    setTakingId(item.id);
    try {
      await takePlannedItem(item.id, meetingId);
      offered.reload();
      onTaken(item.title);
    } catch (caught) {
      setError(messageOf(caught));
      offered.reload();
    } finally {
      setTakingId(null);
    }
  };

  return (
    <section aria-labelledby={`punktbank-${meetingId}`} className="subpanel">
      <h3 id={`punktbank-${meetingId}`}>Fra punktbanken</h3>
      <ul className="plain-list offered-items">
        {offered.data.map((item) => (
          <li key={item.id}>
            <span>
              <strong>{item.title}</strong>
              <span className="muted"> · {describePlannedItem(item)}</span>
            </span>
            <button
              type="button"
              className="button-secondary"
              aria-label={`Tag ind på dagsordenen: ${item.title}`}
              disabled={takingId !== null}
              onClick={() => void take(item)}
            >
              Tag ind på dagsordenen
            </button>
          </li>
        ))}
      </ul>
      <ErrorAlert message={error} />
    </section>
  );
}
