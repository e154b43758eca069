import type { Forum } from '../../api/types.ts';

/**
 * A forum's way of working to read: the purposes its items choose from and the standing items
 * every new agenda gets, for everyone who may see the forum (its secretary edits them).
 */
export function ForumPracticeSummary({ forum }: { forum: Forum }) {
  return (
    <>
      <h3>Formål</h3>
      <ul className="plain-list">
        {forum.purposes.map((purpose) => (
          <li key={purpose}>{purpose}</li>
        ))}
      </ul>
      <h3>Faste punkter</h3>
      {forum.standingItems.length === 0 ? (
        <p className="muted">Ingen faste punkter ud over punkt 1 og Evt.</p>
      ) : (
        <ol className="plain-list">
          {forum.standingItems.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a list to read, in the forum's order
            <li key={index}>
              {item.title}
              {standingItemFacts(item) ? (
                <span className="muted"> ({standingItemFacts(item)})</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function standingItemFacts(item: Forum['standingItems'][number]): string {
  return [item.durationMinutes ? `${item.durationMinutes} min` : null, item.purpose]
    .filter(Boolean)
    .join(', ');
}
