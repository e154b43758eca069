import {
  type AnnualRule,
  annualRuleLabel,
  cyclePeriodOf,
  monthName,
  periodsOfRule,
  readCyclePeriod,
} from './annual-cycle.ts';
import { formatDanishDate } from './danish-date.ts';
import { type MeetingStatus, meetingStatusLabels } from './meeting-lifecycle.ts';

/**
 * What the årshjul shows, as one list: the forum's meetings, the items planned for them (from
 * the punktbank) and the recurring items of the annual cycle not yet planned. The picture and
 * its text alternative are both drawn from this list, so they always say the same.
 */

/** What an entry of the årshjul is. */
export type WheelEntryKind = 'meeting' | 'recurring' | 'planned';

/** One entry of the årshjul, in its month. */
export interface WheelEntry {
  kind: WheelEntryKind;
  /** 1–12. */
  month: number;
  /** The day, when it is known (a meeting, an item planned for a meeting). */
  date: string | null;
  title: string;
  /** Danish: a meeting's state, where an item comes from or how often it recurs. */
  detail: string | null;
}

/** A meeting of the year, as its reader may see it. */
export interface WheelMeeting {
  date: string;
  status: MeetingStatus;
}

/** A recurring item of the forum's annual cycle. */
export interface WheelRecurringItem {
  id: number;
  title: string;
  rule: AnnualRule;
}

/** Where a planned item comes from. */
export type PlannedItemSource = 'return' | 'annual' | 'manual';

/** A planned item of the punktbank, with what dates it. */
export interface WheelPlannedItem {
  title: string;
  source: PlannedItemSource;
  recurringItemId: number | null;
  /** The meeting it is planned for, when the reader may see that meeting. */
  meetingDate: string | null;
  /** When a return is due (its range's start). */
  dueFrom: string | null;
  /** The annual cycle's period it was made for ("2027:1-2-3"). */
  cyclePeriod: string | null;
  isTaken: boolean;
}

/** Danish words for where a planned item comes from. */
export const plannedItemSourceLabels: Record<PlannedItemSource, string> = {
  return: 'Kommer tilbage',
  annual: 'Fra årshjulet',
  manual: 'Planlagt',
};

/** The entries of one year's årshjul, in the order of the year. */
export function annualWheelEntries(input: {
  year: number;
  meetings: readonly WheelMeeting[];
  recurringItems: readonly WheelRecurringItem[];
  plannedItems: readonly WheelPlannedItem[];
}): WheelEntry[] {
  const { year } = input;
  const inYear = (date: string | null): date is string => date?.startsWith(`${year}-`) === true;
  const meetings = input.meetings
    .filter((meeting) => inYear(meeting.date))
    .map(
      (meeting): WheelEntry => ({
        kind: 'meeting',
        month: monthOfDate(meeting.date),
        date: meeting.date,
        title: 'Møde',
        detail: meetingStatusLabels[meeting.status],
      }),
    );
  const planned = input.plannedItems.flatMap((item) => plannedEntry(item, year));
  const plannedPeriods = new Set(
    input.plannedItems.map((item) => `${item.recurringItemId}@${item.cyclePeriod}`),
  );
  const recurring = input.recurringItems.flatMap((item) =>
    periodsOfRule(item.rule)
      .filter((period) => !plannedPeriods.has(`${item.id}@${cyclePeriodOf(year, period)}`))
      .map(
        (period): WheelEntry => ({
          kind: 'recurring',
          month: period.months[0] ?? 1,
          date: null,
          title: item.title,
          detail: `${period.label}, ${annualRuleLabel(item.rule)}`,
        }),
      ),
  );
  return [...meetings, ...planned, ...recurring].sort(compareEntries);
}

function plannedEntry(item: WheelPlannedItem, year: number): WheelEntry[] {
  const date = item.meetingDate ?? item.dueFrom;
  const period = item.cyclePeriod ? readCyclePeriod(item.cyclePeriod) : null;
  const month = date?.startsWith(`${year}-`)
    ? monthOfDate(date)
    : !date && period?.year === year
      ? period.firstMonth
      : null;
  if (month === null) return [];
  const where = item.meetingDate ? `mødet ${formatDanishDate(item.meetingDate)}` : null;
  const detail = [
    plannedItemSourceLabels[item.source],
    item.isTaken ? 'på dagsordenen' : where ? `planlagt til ${where}` : 'venter i punktbanken',
  ].join(', ');
  return [{ kind: 'planned', month, date: item.meetingDate, title: item.title, detail }];
}

const kindOrder: Record<WheelEntryKind, number> = { meeting: 0, planned: 1, recurring: 2 };

/** By month, meetings first, then by day (undated last) and title. */
function compareEntries(a: WheelEntry, b: WheelEntry): number {
  return (
    a.month - b.month ||
    kindOrder[a.kind] - kindOrder[b.kind] ||
    (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
    a.title.localeCompare(b.title, 'da')
  );
}

/** The year's months, each with its entries: the årshjul's text alternative. */
export function annualWheelMonths(
  entries: readonly WheelEntry[],
): Array<{ month: number; name: string; entries: WheelEntry[] }> {
  return Array.from({ length: 12 }, (_, index) => ({
    month: index + 1,
    name: monthName(index + 1),
    entries: entries.filter((entry) => entry.month === index + 1),
  }));
}

/** One entry in words, as the picture's tooltip and the list say it. */
export function describeWheelEntry(entry: WheelEntry): string {
  const when = entry.date ? formatDanishDate(entry.date) : null;
  if (entry.kind === 'meeting') return `Møde ${when ?? ''} (${entry.detail ?? ''})`.trim();
  const parts = [entry.title, entry.detail].filter(Boolean).join(': ');
  return entry.kind === 'planned' ? `Planlagt punkt – ${parts}` : `Fast punkt – ${parts}`;
}

function monthOfDate(isoDate: string): number {
  return Number(isoDate.slice(5, 7));
}
