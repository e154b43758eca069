import { useEffect, useMemo, useRef, useState } from 'react';
import { revisionsPath } from '../../api/items.ts';
import type { RevisionEntry } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { itemHistoryEntries } from './item-history-entries.ts';
import './item-history.css';

/**
 * "Historik": who changed what in the item and when, newest first, with a correction's reason.
 * Collapsed at first and loaded only when opened, since most visits do not need it; loaded
 * again when the item is saved while it is open. The server's read model decides what is
 * listed (readers outside the forum see only corrections).
 */
export function ItemHistory({
  meetingId,
  itemId,
  itemVersion,
}: {
  meetingId: number;
  itemId: number;
  /** The item's version: a new one (a save) loads the history again. */
  itemVersion: number;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const history = useApiData<RevisionEntry[]>(isOpen ? revisionsPath(meetingId) : null);
  const entries = useMemo(
    () => (history.data ? itemHistoryEntries(history.data, itemId) : []),
    [history.data, itemId],
  );
  const { reload } = history;
  const loadedVersion = useRef(itemVersion);
  useEffect(() => {
    if (loadedVersion.current === itemVersion) return;
    loadedVersion.current = itemVersion;
    if (isOpen) reload();
  }, [itemVersion, isOpen, reload]);

  return (
    <details
      className="panel item-history"
      onToggle={(event) => setIsOpen(event.currentTarget.open)}
    >
      <summary>Historik</summary>
      {history.isLoading && !history.data ? <Loading label="Henter historikken…" /> : null}
      <ErrorAlert message={history.error} />
      {history.data && entries.length === 0 ? (
        <p className="muted">Punktet er ikke ændret endnu.</p>
      ) : null}
      {entries.length > 0 ? (
        <ol className="item-history-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.createdAt}>{entry.time}</time> · {entry.author} ·{' '}
              {entry.summary}
              {entry.reason ? (
                <p className="item-history-reason">Rettelse: {entry.reason}</p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}
