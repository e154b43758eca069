import type { PublicationChange } from '../../api/types.ts';

const changeLabels: Record<PublicationChange['change'], string> = {
  added: 'tilføjet',
  removed: 'fjernet',
  changed: 'ændret',
};

/** What changed since the previous publication, item by item. */
export function PublicationChanges({
  changes,
  isFirst,
}: {
  changes: readonly PublicationChange[];
  isFirst: boolean;
}) {
  if (changes.length === 0)
    return <p className="muted">{isFirst ? 'Første udsendelse.' : 'Ingen ændringer.'}</p>;
  return (
    <ul className="change-list">
      {changes.map((change) => (
        <li key={`${change.number}-${change.change}-${change.title}`}>
          Punkt {change.number}: {change.title} – <strong>{changeLabels[change.change]}</strong>
          {change.fields.length > 0 ? ` (${change.fields.join(', ')})` : ''}
        </li>
      ))}
    </ul>
  );
}
