import type { Workspace } from '../../api/types.ts';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatMeetingDate } from '../../lib/format.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';

/** The current view of a meeting, for aria-current in the meeting's own navigation. */
export type MeetingView = 'overview' | 'agenda' | 'meeting-mode' | 'item';

/** The facts of a meeting (state, date, time, place) and links between its views. */
export function MeetingHeader({ workspace, view }: { workspace: Workspace; view: MeetingView }) {
  const links: { to: string; label: string; view: MeetingView }[] = [
    { to: paths.meeting(workspace.id), label: 'Overblik', view: 'overview' },
    { to: paths.agenda(workspace.id), label: 'Dagsorden', view: 'agenda' },
    { to: paths.meetingMode(workspace.id), label: 'Mødetilstand', view: 'meeting-mode' },
  ];
  return (
    <div className="meeting-header">
      <p className="meeting-facts-line">
        <StatusBadge status={workspace.status} />
        <span>
          {formatMeetingDate(workspace.date)}
          {workspace.start ? ` kl. ${workspace.start}` : ''}
          {workspace.location ? ` · ${workspace.location}` : ''}
        </span>
      </p>
      <nav aria-label="Mødet" className="meeting-nav">
        <ul>
          {links.map((link) => (
            <li key={link.view}>
              <Link to={link.to} aria-current={link.view === view ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
