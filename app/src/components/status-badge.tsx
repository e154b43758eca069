import { meetingStatusLabels } from '../../../src/core/meeting-lifecycle.ts';
import type { MeetingStatus } from '../api/types.ts';

/** A meeting's state in Danish ("Dagsorden udsendt"), as a calm coloured label. */
export function StatusBadge({ status }: { status: MeetingStatus }) {
  return (
    <span className={`status-badge status-${status}`}>{meetingStatusLabels[status] ?? status}</span>
  );
}
