import type { Permissions, Workspace } from '../../api/types.ts';

/** A step or link the meeting's "Handlinger" may offer. */
export type MeetingAction =
  | 'publish-agenda'
  | 'preview-agenda'
  | 'start'
  | 'finish'
  | 'open-meeting-mode'
  | 'publish-minutes'
  | 'preview-minutes'
  | 'approve'
  | 'cancel'
  | 'delete';

/** A view of a meeting, for its own navigation. */
export type MeetingView = 'overview' | 'agenda' | 'meeting-mode' | 'item';

/**
 * The actions to show, in order, each only when the server's permissions allow it: the
 * previews go with publishing, and the link to meeting mode only where decisions may be
 * written and the meeting is not waiting to be started (nor already open in meeting mode).
 */
export function visibleMeetingActions(
  permissions: Permissions,
  options: { isInMeetingMode: boolean },
): MeetingAction[] {
  const actions: MeetingAction[] = [];
  if (permissions.canPublishAgenda) actions.push('publish-agenda');
  if (permissions.canPublishAgenda && permissions.canPreview) actions.push('preview-agenda');
  if (permissions.canStartMeeting) actions.push('start');
  if (permissions.canFinishMeeting) actions.push('finish');
  if (permissions.canEnterDecisions && !permissions.canStartMeeting && !options.isInMeetingMode)
    actions.push('open-meeting-mode');
  if (permissions.canPublishMinutes) actions.push('publish-minutes');
  if (permissions.canPublishMinutes && permissions.canPreview) actions.push('preview-minutes');
  if (permissions.canApproveMinutes) actions.push('approve');
  if (permissions.canCancelMeeting) actions.push('cancel');
  if (permissions.canDeleteMeeting) actions.push('delete');
  return actions;
}

/**
 * Whether the meeting has a "Handlinger" section for this user at all: when there is a step
 * to take, or the user is one who writes the meeting (then it says why there is none now).
 * Readers see none.
 */
export function hasActionsSection(permissions: Permissions): boolean {
  return (
    visibleMeetingActions(permissions, { isInMeetingMode: false }).length > 0 ||
    isWriter(permissions)
  );
}

/** Whether the user writes this meeting in some way now: agenda, decisions or corrections. */
export function isWriter(permissions: Permissions): boolean {
  return (
    permissions.canEditAgenda ||
    permissions.canEnterDecisions ||
    permissions.canCorrect ||
    permissions.canEditDetails
  );
}

/** Whether an item's page is the editor (some field may be changed) or a read-only view. */
export function canEditItem(permissions: Permissions): boolean {
  return permissions.canEditAgenda || permissions.canEnterDecisions || permissions.canCorrect;
}

/**
 * The meeting's own navigation: the overview always, the agenda builder where the agenda may
 * be edited, meeting mode where decisions may be written, and always the current view.
 */
export function visibleMeetingViews(permissions: Permissions, current: MeetingView): MeetingView[] {
  const views: MeetingView[] = ['overview'];
  if (permissions.canEditAgenda || current === 'agenda') views.push('agenda');
  if (permissions.canEnterDecisions || current === 'meeting-mode') views.push('meeting-mode');
  return views;
}

/**
 * Whether item 1 offers "Godkend referatet fra forrige møde": the server's policy has asked
 * about both meetings (this one under way, the previous one's minutes out and not approved).
 */
export function canApprovePreviousNow(
  workspace: Pick<Workspace, 'permissions' | 'previousMeeting'>,
): boolean {
  return workspace.permissions.canApprovePrevious && workspace.previousMeeting !== null;
}
