import type { AuditEntry } from '../../api/types.ts';
import { formatTimestamp } from '../../lib/format.ts';
import { actionLabel, outcomeLabel, targetLabel } from './audit-labels.ts';

/** The audit log's lines as a table: when, who, from where, what, the outcome and details. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Revisionslog, nyeste først</caption>
        <thead>
          <tr>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Hvem</th>
            <th scope="col">Handling</th>
            <th scope="col">Resultat</th>
            <th scope="col">Hvad</th>
            <th scope="col">Adresse</th>
            <th scope="col">Detaljer</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.createdAt}>{formatTimestamp(entry.createdAt)}</time>
              </td>
              <td>{entry.actorName}</td>
              <td>
                {actionLabel(entry.action)}
                {actionLabel(entry.action) !== entry.action ? (
                  <span className="cell-note">{entry.action}</span>
                ) : null}
              </td>
              <td className={`outcome outcome-${entry.outcome}`}>{outcomeLabel(entry.outcome)}</td>
              <td>{targetLabel(entry)}</td>
              <td>{entry.address ?? '–'}</td>
              <td className="preserve-lines">{entry.detail ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
