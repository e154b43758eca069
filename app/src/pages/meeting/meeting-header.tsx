import { archivedLabel } from '../../../../src/core/meeting-lifecycle.ts';
import type { Workspace } from '../../api/types.ts';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatMeetingDate } from '../../lib/format.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { type MeetingView, visibleMeetingViews } from './meeting-permissions.ts';

export type { MeetingView };

const viewLinks: Record<
  Exclude<MeetingView, 'item'>,
  { label: string; to: (id: number) => string }
> = {
  overview: { label: 'Overblik', to: paths.meeting },
  agenda: { label: 'Dagsorden', to: paths.agenda },
  'meeting-mode': { label: 'Mødetilstand', to: paths.meetingMode },
};

/**
 * The facts of a meeting (state, date, time, place) and links between the views the user
 * may use; readers have only the overview, so they get no navigation.
 */
export function MeetingHeader({ workspace, view }: { workspace: Workspace; view: MeetingView }) {
  const links = visibleMeetingViews(workspace.permissions, view).flatMap((linked) =>
    linked === 'item'
      ? []
      : [{ ...viewLinks[linked], view: linked, to: viewLinks[linked].to(workspace.id) }],
  );
  return (
    <div className="meeting-header">
      <p className="meeting-facts-line">
        <StatusBadge status={workspace.status} />
        {workspace.archived ? (
          <span className="status-badge status-archived" title="Importeret fra arkivet">
            {archivedLabel}
          </span>
        ) : null}
        <span>
          {formatMeetingDate(workspace.date)}
          {workspace.start ? ` kl. ${workspace.start}` : ''}
          {workspace.location ? ` · ${workspace.location}` : ''}
        </span>
      </p>
      {links.length > 1 ? (
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
      ) : null}
    </div>
  );
}
