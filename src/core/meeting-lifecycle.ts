/**
 * The life of a meeting: draft → agenda published → held → minutes published → minutes
 * approved. Item 1 of the next meeting approves the previous minutes; after that they are
 * locked, and a correction becomes a new revision with a reason.
 */
export type MeetingStatus =
  | 'draft'
  | 'agenda_published'
  | 'held'
  | 'minutes_published'
  | 'minutes_approved';

/** The states in order. */
export const meetingStatuses: readonly MeetingStatus[] = [
  'draft',
  'agenda_published',
  'held',
  'minutes_published',
  'minutes_approved',
];

/** Danish names of the states, for the UI. */
export const meetingStatusLabels: Record<MeetingStatus, string> = {
  draft: 'Kladde',
  agenda_published: 'Dagsorden udsendt',
  held: 'Afholdt',
  minutes_published: 'Referat udsendt',
  minutes_approved: 'Referat godkendt',
};

/** The actions that move a meeting on. */
export type MeetingAction =
  | 'publish_agenda'
  | 'start_meeting'
  | 'publish_minutes'
  | 'approve_minutes';

const transitions: Record<MeetingAction, { from: readonly MeetingStatus[]; to: MeetingStatus }> = {
  // Republishing the agenda is allowed until the meeting is held: every version is kept.
  publish_agenda: { from: ['draft', 'agenda_published'], to: 'agenda_published' },
  start_meeting: { from: ['agenda_published'], to: 'held' },
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

/** Approved minutes are locked: a change needs a correction with a reason. */
export function isLocked(status: MeetingStatus): boolean {
  return status === 'minutes_approved';
}

/** Which document a meeting's state gives: the agenda until minutes are published. */
export function documentKindFor(status: MeetingStatus): 'agenda' | 'minutes' {
  return status === 'minutes_published' || status === 'minutes_approved' ? 'minutes' : 'agenda';
}
