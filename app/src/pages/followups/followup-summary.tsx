import type { ReactNode } from 'react';
import type { FollowupView } from '../../api/followups.ts';
import { formatDanishDate, formatTimestamp } from '../../lib/format.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { dueText, kindText, ownerText, statusText } from './followup-text.ts';

/**
 * One follow-up as a card: its title as a heading, the sentence it was found in, who owns it
 * and by when, its status, and where it came from; `children` are its actions.
 */
export function FollowupSummary({
  followup,
  headingLevel = 3,
  showOrigin = false,
  showStatus = true,
  children,
}: {
  followup: FollowupView;
  headingLevel?: 3 | 4;
  /** Name the meeting and item it came from (in lists across meetings). */
  showOrigin?: boolean;
  showStatus?: boolean;
  children?: ReactNode;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const headingId = `opfoelgning-${followup.id}-titel-overskrift`;
  return (
    <article className="followup" aria-labelledby={headingId}>
      <Heading id={headingId} className="followup-title">
        {followup.title}
      </Heading>
      <blockquote className="followup-sentence">{followup.text}</blockquote>
      <dl className="followup-facts">
        <div>
          <dt>Art</dt>
          <dd>{kindText(followup.kind)}</dd>
        </div>
        <div>
          <dt>Ansvarlig</dt>
          <dd>{ownerText(followup.owner)}</dd>
        </div>
        <div>
          <dt>Frist</dt>
          <dd>{dueText(followup.due)}</dd>
        </div>
        {showStatus ? (
          <div>
            <dt>Status</dt>
            <dd className={followup.isOverdue ? 'followup-overdue' : undefined}>
              {statusText(followup)}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Punkt</dt>
          <dd>
            <Link to={paths.item(followup.meeting.id, followup.item.id)}>
              {showOrigin
                ? `${followup.forum.name} ${formatDanishDate(followup.meeting.date)}, punkt ${followup.item.number}: ${followup.item.title}`
                : `Punkt ${followup.item.number}: ${followup.item.title}`}
            </Link>
          </dd>
        </div>
      </dl>
      {followup.notes.length > 0 ? (
        <ul className="followup-notes" aria-label={`Noter til ${followup.title}`}>
          {followup.notes.map((note) => (
            <li key={`${note.at}-${note.text}`}>
              <span className="muted">
                {note.author}, {formatTimestamp(note.at)}:
              </span>{' '}
              {note.text}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </article>
  );
}
