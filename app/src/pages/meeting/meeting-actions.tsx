import { type ReactNode, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import {
  approveMinutes,
  cancelMeeting,
  deleteMeeting,
  documentLinks,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
} from '../../api/meetings.ts';
import type { PublishResult, Workspace } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Notice } from '../../components/notice.tsx';
import { countText } from '../../lib/format.ts';
import { navigate } from '../../router/history.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import {
  type Confirmation,
  publishConfirmation,
  startConfirmation,
  todayInCopenhagen,
} from './confirmations.ts';
import { type MeetingAction, visibleMeetingActions } from './meeting-permissions.ts';

type Action =
  | 'publish-agenda'
  | 'start'
  | 'finish'
  | 'publish-minutes'
  | 'approve'
  | 'cancel'
  | 'delete';

/**
 * The steps the server allows this user now: Udsend dagsorden (with a PDF preview first),
 * Start mødet, Afslut mødet, Udsend referat, Godkend referat, Aflys mødet (a sent agenda) and,
 * for a draft, Slet mødet.
 * A step that cannot be undone asks first and says what happens. Each step reloads the meeting.
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
  const [asking, setAsking] = useState<{ action: Action; confirmation: Confirmation } | null>(null);

  const run = async (action: Action): Promise<void> => {
    setAsking(null);
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
        case 'finish':
          await beforePublishing?.();
          onChanged(await finishMeeting(workspace.id));
          setNotice('Mødet er afsluttet. Referatet kan nu udsendes.');
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
        case 'cancel':
          onChanged(await cancelMeeting(workspace.id, null));
          setNotice('Mødet er aflyst. Medlemmerne får besked, og mødet udgår af deres kalender.');
          break;
        case 'delete':
          await deleteMeeting(workspace.id);
          navigate(paths.meetings);
          break;
      }
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(null);
    }
  };

  /** Asks first where the step cannot be undone; runs it at once otherwise. */
  const ask = (action: Action): void => {
    const confirmation = confirmationFor(action, workspace);
    if (confirmation) setAsking({ action, confirmation });
    else void run(action);
  };

  const visible = visibleMeetingActions(permissions, { isInMeetingMode });
  const shows = (action: MeetingAction): boolean => visible.includes(action);
  const isBusy = busy !== null;
  return (
    <div className="meeting-actions">
      <ErrorAlert message={error} />
      <Notice message={notice} />
      {visible.length === 0 ? <p className="muted">{noActionText(workspace)}</p> : null}
      <div className="action-row">
        {shows('publish-agenda') ? (
          <div className="action">
            <ActionButton isBusy={isBusy} onClick={() => ask('publish-agenda')}>
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
            <ActionButton isBusy={isBusy} onClick={() => ask('start')}>
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
        {shows('finish') ? (
          <div className="action">
            <ActionButton isBusy={isBusy} onClick={() => ask('finish')}>
              Afslut mødet
            </ActionButton>
          </div>
        ) : null}
        {shows('publish-minutes') ? (
          <div className="action">
            <ActionButton isBusy={isBusy} onClick={() => ask('publish-minutes')}>
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
              onClick={() => ask('approve')}
            >
              Godkend referat
            </ActionButton>
          </div>
        ) : null}
        {shows('cancel') ? (
          <div className="action">
            <ActionButton
              isBusy={isBusy}
              className="button-secondary button-danger"
              onClick={() => ask('cancel')}
            >
              Aflys mødet
            </ActionButton>
          </div>
        ) : null}
        {shows('delete') ? (
          <div className="action">
            <ActionButton
              isBusy={isBusy}
              className="button-secondary button-danger"
              onClick={() => ask('delete')}
            >
              Slet mødet
            </ActionButton>
          </div>
        ) : null}
      </div>
      <ConfirmDialog
        isOpen={asking !== null}
        title={asking?.confirmation.title ?? ''}
        confirmLabel={asking?.confirmation.confirmLabel ?? ''}
        onConfirm={() => asking && void run(asking.action)}
        onCancel={() => setAsking(null)}
      >
        {asking?.confirmation.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {asking && asking.confirmation.items.length > 0 ? (
          <>
            <p>
              <strong>
                {countText(
                  asking.confirmation.items.length,
                  'punkt har ingen beslutning:',
                  'punkter har ingen beslutning:',
                )}
              </strong>
            </p>
            <ul>
              {asking.confirmation.items.map((item) => (
                <li key={item.number}>
                  Punkt {item.number}: {item.title}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

/** The question a step asks first, or null for steps that go at once. */
function confirmationFor(action: Action, workspace: Workspace): Confirmation | null {
  switch (action) {
    case 'publish-agenda':
      return publishConfirmation(workspace, 'agenda');
    case 'publish-minutes':
      return publishConfirmation(workspace, 'minutes');
    case 'start':
      return startConfirmation(workspace.date, todayInCopenhagen());
    case 'approve':
      return {
        title: 'Godkend referatet?',
        lines: [
          'Et godkendt referat er låst. Det kan derefter kun rettes med en rettelse og en begrundelse.',
        ],
        items: [],
        confirmLabel: 'Godkend referatet',
      };
    case 'cancel':
      return {
        title: 'Aflys mødet?',
        lines: [
          'Mødet markeres som aflyst og bliver i arkivet. Medlemmerne får besked, og mødet udgår af deres kalender.',
          'Et aflyst møde kan ikke genoptages; opret et nyt møde i stedet.',
        ],
        items: [],
        confirmLabel: 'Aflys mødet',
      };
    case 'delete':
      return {
        title: 'Slet mødet?',
        lines: ['Mødet og alle dets punkter og bilag slettes. Det kan ikke fortrydes.'],
        items: [],
        confirmLabel: 'Slet mødet',
      };
    default:
      return null;
  }
}

function noActionText(workspace: Workspace): string {
  if (workspace.status === 'cancelled') return 'Mødet er aflyst.';
  if (workspace.archived)
    return 'Mødet er importeret fra arkivet og er endeligt. Et punkt rettes fra punktets side med en begrundelse.';
  if (workspace.permissions.isLocked)
    return 'Referatet er låst. Et punkt rettes fra punktets side med en begrundelse.';
  return 'Der er ingen handlinger lige nu.';
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
