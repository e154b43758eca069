/**
 * The life of a meeting: draft → agenda published → in progress → held → minutes published →
 * minutes approved. Item 1 of the next meeting approves the previous minutes; after that they
 * are locked, and a correction becomes a new published version with a reason. A meeting
 * imported from the archive is final: approved and locked from the start.
 */
export type MeetingStatus =
  | 'draft'
  | 'agenda_published'
  | 'in_progress'
  | 'held'
  | 'minutes_published'
  | 'minutes_approved'
  | 'cancelled';

/** The states in order; the last, cancelled ("Aflyst"), is a side exit from a sent agenda. */
export const meetingStatuses: readonly MeetingStatus[] = [
  'draft',
  'agenda_published',
  'in_progress',
  'held',
  'minutes_published',
  'minutes_approved',
  'cancelled',
];

/** Danish names of the states, for the UI. */
export const meetingStatusLabels: Record<MeetingStatus, string> = {
  draft: 'Kladde',
  agenda_published: 'Dagsorden udsendt',
  in_progress: 'I gang',
  held: 'Afholdt',
  minutes_published: 'Referat udsendt',
  minutes_approved: 'Referat godkendt',
  cancelled: 'Aflyst',
};

/** The actions that move a meeting on. */
export type MeetingAction =
  | 'publish_agenda'
  | 'start_meeting'
  | 'finish_meeting'
  | 'cancel_meeting'
  | 'publish_minutes'
  | 'approve_minutes';

const transitions: Record<MeetingAction, { from: readonly MeetingStatus[]; to: MeetingStatus }> = {
  // Republishing the agenda is allowed until the meeting is held: every version is kept.
  publish_agenda: { from: ['draft', 'agenda_published'], to: 'agenda_published' },
  start_meeting: { from: ['agenda_published'], to: 'in_progress' },
  finish_meeting: { from: ['in_progress'], to: 'held' },
  // A meeting whose agenda is out is cancelled, not deleted: its members were invited.
  cancel_meeting: { from: ['agenda_published'], to: 'cancelled' },
  // Minutes may be published again (corrected) until they are approved.
  publish_minutes: { from: ['held', 'minutes_published'], to: 'minutes_published' },
  approve_minutes: { from: ['minutes_published'], to: 'minutes_approved' },
};

/** The result of asking whether an action is allowed. */
export type TransitionResult = { ok: true; status: MeetingStatus } | { ok: false; reason: string };

/** Whether `action` may happen to a meeting in `status`, and the state it leads to. */
export function transitionMeeting(status: MeetingStatus, action: MeetingAction): TransitionResult {
  const rule = transitions[action];
  if (rule.from.includes(status)) return { ok: true, status: rule.to };
  return {
    ok: false,
    reason: `handlingen er ikke mulig, når mødet har status "${meetingStatusLabels[status]}"`,
  };
}

/** Whether the meeting has started: decisions can be written from then on. */
export function hasStarted(status: MeetingStatus): boolean {
  return startedStatuses.has(status);
}

const startedStatuses: ReadonlySet<MeetingStatus> = new Set([
  'in_progress',
  'held',
  'minutes_published',
  'minutes_approved',
]);

/** Reads a stored status; anything unknown is a draft, the most restricted state. */
export function toMeetingStatus(value: string): MeetingStatus {
  return (meetingStatuses as readonly string[]).includes(value)
    ? (value as MeetingStatus)
    : 'draft';
}

/** The label shown for an imported archive meeting, beside its state. */
export const archivedLabel = 'Arkiveret';

/** Approved minutes are locked: a change needs a correction with a reason. */
export function isLocked(status: MeetingStatus): boolean {
  return status === 'minutes_approved';
}

/** Which document a meeting's state gives: the agenda until minutes are published. */
export function documentKindFor(status: MeetingStatus): 'agenda' | 'minutes' {
  return status === 'minutes_published' || status === 'minutes_approved' ? 'minutes' : 'agenda';
}
