/**
 * Times for OParl: a meeting's date and clock time are Copenhagen wall-clock time, and OParl
 * wants a full date-time with its offset ("2017-06-14T13:00:00+02:00"). The machines run in
 * UTC, so the offset is looked up with Intl for the very instant, summer time included.
 */

const copenhagenParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Copenhagen',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Copenhagen's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function copenhagenOffsetMinutes(instant: number): number {
  const parts = Object.fromEntries(
    copenhagenParts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The date-time of a Copenhagen date and clock time plus some minutes, with the offset that
 * holds then; null when the date or the time cannot be read.
 */
export function copenhagenDateTime(isoDate: string, clock: string, plusMinutes = 0): string | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate);
  const time = /^(\d{2}):(\d{2})$/u.exec(clock);
  if (!date || !time) return null;
  // The wall-clock time as if it were UTC; days and months roll over by Date's arithmetic.
  const wall = Date.UTC(
    Number(date[1]),
    Number(date[2]) - 1,
    Number(date[3]),
    Number(time[1]),
    Number(time[2]) + plusMinutes,
  );
  if (Number.isNaN(wall)) return null;
  // Two rounds: the offset at the guessed instant, then at the instant that gives.
  let offset = copenhagenOffsetMinutes(wall - 60 * 60_000);
  offset = copenhagenOffsetMinutes(wall - offset * 60_000);
  const local = new Date(wall).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/** Planned start and end of each item and of the whole meeting, where they can be known. */
export interface PlannedTimes {
  items: Array<{ start: string | null; end: string | null }>;
  end: string | null;
}

/**
 * The time plan as date-times: each item starts when the items before it have had their
 * minutes, so an item's start is known only while every item before it has a duration (an
 * item shown as "Lukket punkt" has none, which also keeps its duration from being worked out
 * from the times after it). The meeting's end is known when every item has a duration.
 */
export function plannedTimes(
  date: string,
  start: string | null,
  items: ReadonlyArray<{ durationMinutes?: number | null }>,
): PlannedTimes {
  let elapsed: number | null = 0;
  const planned = items.map((item) => {
    const itemStart = start !== null && elapsed !== null ? elapsed : null;
    const duration = item.durationMinutes ?? null;
    elapsed = elapsed !== null && duration !== null ? elapsed + duration : null;
    return {
      start:
        itemStart === null || start === null ? null : copenhagenDateTime(date, start, itemStart),
      end:
        itemStart === null || start === null || duration === null
          ? null
          : copenhagenDateTime(date, start, itemStart + duration),
    };
  });
  const end =
    start !== null && elapsed !== null && items.length > 0
      ? copenhagenDateTime(date, start, elapsed)
      : null;
  return { items: planned, end };
}
