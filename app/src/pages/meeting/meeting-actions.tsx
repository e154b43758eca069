import { type ReactNode, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import {
  approveMinutes,
  documentLinks,
  publishAgenda,
  publishMinutes,
  startMeeting,
} from '../../api/meetings.ts';
import type { PublishResult, Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Notice } from '../../components/notice.tsx';
import { countText } from '../../lib/format.ts';
import { navigate } from '../../router/history.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { type MeetingAction, visibleMeetingActions } from './meeting-permissions.ts';

type Action = 'publish-agenda' | 'start' | 'publish-minutes' | 'approve';

/**
 * The steps the server allows this user now: Udsend dagsorden (with a PDF preview first),
 * Start mødet, Udsend referat and Godkend referat. Each step reloads the meeting.
 */
export function MeetingActions({
  workspace,
  onChanged,
  isInMeetingMode = false,
  beforePublishing,
}: {
  workspace: Workspace;
  onChanged: (workspace?: Workspace) => void;
  isInMeetingMode?: boolean;
  /** Runs before the minutes are published, e.g. to save the last keystrokes first. */
  beforePublishing?: () => Promise<void>;
}) {
  const { permissions } = workspace;
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (action: Action): Promise<void> => {
    setBusy(action);
    setError(null);
    setNotice(null);
    try {
      switch (action) {
        case 'publish-agenda':
          setNotice(publishedText('Dagsordenen', await publishAgenda(workspace.id)));
          onChanged();
          break;
        case 'start':
          onChanged(await startMeeting(workspace.id));
          navigate(paths.meetingMode(workspace.id));
          break;
        case 'publish-minutes':
          await beforePublishing?.();
          setNotice(publishedText('Referatet', await publishMinutes(workspace.id)));
          onChanged();
          break;
        case 'approve':
          onChanged(await approveMinutes(workspace.id));
          setNotice('Referatet er godkendt og låst.');
          break;
      }
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(null);
    }
  };

  const visible = visibleMeetingActions(permissions, { isInMeetingMode });
  const shows = (action: MeetingAction): boolean => visible.includes(action);
  const isBusy = busy !== null;
  return (
    <div className="meeting-actions">
      <ErrorAlert message={error} />
      <Notice message={notice} />
      {visible.length === 0 ? (
        <p className="muted">
          {permissions.isLocked
            ? 'Referatet er låst. Et punkt rettes fra punktets side med en begrundelse.'
            : 'Der er ingen handlinger lige nu.'}
        </p>
      ) : null}
      <div className="action-row">
        {shows('publish-agenda') ? (
          <div className="action">
            <ActionButton isBusy={isBusy} onClick={() => void run('publish-agenda')}>
              Udsend dagsorden
            </ActionButton>
            {shows('preview-agenda') ? (
              <a
                href={documentLinks.preview(workspace.id, 'agenda')}
                target="_blank"
                rel="noopener"
              >
                Se PDF først
              </a>
            ) : null}
          </div>
        ) : null}
        {shows('start') ? (
          <div className="action">
            <ActionButton isBusy={isBusy} onClick={() => void run('start')}>
              Start mødet
            </ActionButton>
          </div>
        ) : null}
        {shows('open-meeting-mode') ? (
          <div className="action">
            <Link to={paths.meetingMode(workspace.id)} className="button-link">
              Skriv beslutninger i mødetilstand
            </Link>
          </div>
        ) : null}
        {shows('publish-minutes') ? (
          <div className="action">
            <ActionButton isBusy={isBusy} onClick={() => void run('publish-minutes')}>
              Udsend referat
            </ActionButton>
            {shows('preview-minutes') ? (
              <a
                href={documentLinks.preview(workspace.id, 'minutes')}
                target="_blank"
                rel="noopener"
              >
                Se referatet som PDF først
              </a>
            ) : null}
          </div>
        ) : null}
        {shows('approve') ? (
          <div className="action">
            <ActionButton
              isBusy={isBusy}
              className="button-secondary"
              onClick={() => void run('approve')}
            >
              Godkend referat
            </ActionButton>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function ActionButton({
  isBusy,
  className = 'button-primary',
  onClick,
  children,
}: {
  isBusy: boolean;
  className?: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className={className} disabled={isBusy} onClick={onClick}>
      {children}
    </button>
  );
}

function publishedText(what: string, result: PublishResult): string {
  const changes =
    result.changes.length > 0
      ? ` ${countText(result.changes.length, 'punkt er', 'punkter er')} ændret siden sidst.`
      : '';
  return `${what} er udsendt som version ${result.number}.${changes}`;
}
