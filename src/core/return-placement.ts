/**
 * Which meeting an item that must come back goes to: the first meeting the decision's due range
 * names, or the first after the range's start, or, without a range, simply the next meeting.
 * Pure; the meetings are those whose agenda can still take the item.
 */

/** A meeting that can take a returning item. */
export interface OpenMeeting {
  id: number;
  date: string;
}

/** A due range: ISO dates, both ends included. */
export interface DueRange {
  from: string;
  to: string;
}

/** The meeting for a return, or null when the plan has none yet (it waits in the punktbank). */
export function meetingForReturn<M extends OpenMeeting>(
  meetings: readonly M[],
  due: DueRange | null,
): M | null {
  const sorted = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
  if (!due) return sorted[0] ?? null;
  const named = sorted.find((meeting) => meeting.date >= due.from && meeting.date <= due.to);
  return named ?? sorted.find((meeting) => meeting.date >= due.from) ?? null;
}
