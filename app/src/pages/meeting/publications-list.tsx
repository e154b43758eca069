import { documentLinks } from '../../api/meetings.ts';
import type { Publication } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { formatTimestamp } from '../../lib/format.ts';
import { PublicationChanges } from './publication-changes.tsx';

const kindLabels: Record<Publication['kind'], string> = {
  agenda: 'Dagsorden',
  minutes: 'Referat',
};

/** The published versions of the agenda and the minutes, each with what changed and its PDF. */
export function PublicationsList({
  meetingId,
  publications,
  error,
}: {
  meetingId: number;
  publications: readonly Publication[] | null;
  error: string | null;
}) {
  if (error) return <ErrorAlert message={error} />;
  if (!publications) return <Loading label="Henter udsendelser…" />;
  if (publications.length === 0)
    return <p className="muted">Hverken dagsorden eller referat er udsendt endnu.</p>;
  return (
    <ol className="publication-list">
      {publications.map((publication, index) => {
        const label = `${kindLabels[publication.kind]}, version ${publication.number}`;
        const isFirstOfKind = !publications
          .slice(0, index)
          .some((earlier) => earlier.kind === publication.kind);
        return (
          <li key={`${publication.kind}-${publication.number}`}>
            <p>
              <strong>{label}</strong> ·{' '}
              {publication.imported
                ? `importeret fra arkivet ${formatTimestamp(publication.publishedAt)}`
                : `udsendt ${formatTimestamp(publication.publishedAt)}${publication.author ? ` af ${publication.author}` : ''}`}{' '}
              ·{' '}
              <a
                href={documentLinks.publication(meetingId, publication.kind, publication.number)}
                aria-label={`${label} som PDF`}
                download
              >
                PDF
              </a>
            </p>
            {publication.reason ? (
              <p className="publication-reason">
                <strong>Rettelse:</strong> {publication.reason}
              </p>
            ) : null}
            <PublicationChanges changes={publication.changes} isFirst={isFirstOfKind} />
          </li>
        );
      })}
    </ol>
  );
}
