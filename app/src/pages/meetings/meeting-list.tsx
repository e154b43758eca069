import type { MeetingSummary } from '../../api/types.ts';
import { StatusBadge } from '../../components/status-badge.tsx';
import { countText, formatMeetingDate } from '../../lib/format.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';

/** A list of meetings, each a link with its date, time, place, item count and state. */
export function MeetingList({
  meetings,
  emptyText,
}: {
  meetings: readonly MeetingSummary[];
  emptyText: string;
}) {
  if (meetings.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="meeting-list">
      {meetings.map((meeting) => (
        <li key={meeting.id}>
          <Link to={paths.meeting(meeting.id)} className="meeting-link">
            {formatMeetingDate(meeting.date)}
          </Link>
          <span className="meeting-facts">
            {[
              meeting.start ? `kl. ${meeting.start}` : null,
              meeting.location,
              countText(meeting.itemCount, 'punkt', 'punkter'),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
          <StatusBadge status={meeting.status} />
        </li>
      ))}
    </ul>
  );
}
