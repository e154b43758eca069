import { attachmentHitLabel } from '../../../../src/core/attachment-hit-label.ts';
import type { SearchHit } from '../../api/types.ts';
import { HighlightedSnippet } from '../../components/highlighted-snippet.tsx';
import { countText, formatDanishDate } from '../../lib/format.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';

/** The hits: the item (link to it), its meeting and journal number, and the marked snippet. */
export function SearchResults({ hits }: { hits: readonly SearchHit[] }) {
  return (
    <>
      <p role="status" className="result-count">
        {hits.length === 0 ? 'Ingen resultater.' : countText(hits.length, 'resultat', 'resultater')}
      </p>
      <ol className="search-results">
        {hits.map((hit) => (
          <li key={hit.item.id}>
            <h2 className="hit-title">
              <Link to={paths.item(hit.meeting.id, hit.item.id)}>
                Punkt {hit.item.number}: {hit.item.title}
              </Link>
            </h2>
            <p className="hit-facts">
              <Link to={paths.meeting(hit.meeting.id)}>
                {hit.meeting.forum} {formatDanishDate(hit.meeting.date)}
              </Link>
              {hit.item.caseNumber ? (
                <>
                  {' · Sag '}
                  <Link to={paths.caseTimeline(hit.item.caseNumber)}>{hit.item.caseNumber}</Link>
                </>
              ) : null}
            </p>
            <p className="snippet">
              {hit.attachment ? (
                <>
                  <a className="hit-attachment" href={`/api/attachments/${hit.attachment.id}`}>
                    {attachmentHitLabel(hit.attachment)}
                  </a>
                  {': '}
                </>
              ) : null}
              <HighlightedSnippet snippet={hit.snippet} />
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
