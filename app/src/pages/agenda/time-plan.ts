import { addMinutesToClock } from '../../../../src/core/standard-items.ts';
import type { EditableItem } from '../../api/types.ts';

/** The time plan of an agenda: each item's start, the total, and when the meeting ends. */
export interface AgendaTimePlan {
  startTimes: (string | null)[];
  totalMinutes: number;
  itemsWithoutTime: number;
  endsAt: string | null;
}

/** Adds up the items' minutes from the meeting's start time. */
export function planTime(
  items: readonly Pick<EditableItem, 'durationMinutes'>[],
  start: string | null,
): AgendaTimePlan {
  let elapsed = 0;
  let itemsWithoutTime = 0;
  const startTimes = items.map((item) => {
    const startsAt = start ? addMinutesToClock(start, elapsed) : null;
    if (item.durationMinutes) elapsed += item.durationMinutes;
    else itemsWithoutTime++;
    return startsAt;
  });
  return {
    startTimes,
    totalMinutes: elapsed,
    itemsWithoutTime,
    endsAt: start ? addMinutesToClock(start, elapsed) : null,
  };
}

/** "1 t 35 min" or "40 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} t` : `${hours} t ${rest} min`;
}
