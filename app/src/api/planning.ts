import type {
  AnnualCycle,
  AnnualCycleApplication,
  MeetingSeriesResult,
  PlannedItem,
  RecurringItem,
  TakenPlannedItem,
} from '../../../src/core/api-contract/planning.ts';
import type {
  MeetingSeriesInput,
  NewPlannedItemInput,
  RecurringItemInput,
} from '../../../src/core/api-contract/planning-inputs.ts';
import { requestJson } from './client.ts';

/**
 * Planning ahead: the punktbank, the year's meeting plan, meeting series and the annual cycle.
 * The types are the server's response and request schemas (src/core/api-contract/planning*).
 */
export type {
  AnnualCycle,
  AnnualCycleApplication,
  MeetingSeriesResult,
  PlannedItem,
  RecurringItem,
  SeriesDate,
  TakenPlannedItem,
  WheelEntryAnswer,
  YearMeeting,
  YearPlan,
} from '../../../src/core/api-contract/planning.ts';
export type {
  MeetingSeriesInput,
  NewPlannedItemInput,
  RecurringItemInput,
  SeriesPatternInput,
} from '../../../src/core/api-contract/planning-inputs.ts';

const forumPath = (forumId: number): string => `/api/forums/${forumId}`;

/** Paths to load with useApiData. */
export const planningPaths = {
  /** `YearPlan`: the year's months with meetings, and the årshjul's entries. */
  year: (forumId: number, year: number): string => `${forumPath(forumId)}/year/${year}`,
  /** `PlannedItem[]`: the forum's punktbank. */
  plannedItems: (forumId: number): string => `${forumPath(forumId)}/planned-items`,
  /** `PlannedItem[]`: what the punktbank offers a meeting's agenda. */
  offeredItems: (meetingId: number): string => `/api/meetings/${meetingId}/planned-items`,
  /** `AnnualCycle`: the recurring items and the setting for the agenda PDF. */
  annualCycle: (forumId: number): string => `${forumPath(forumId)}/annual-cycle`,
  /** The årshjul as an SVG file, to download. */
  annualWheelSvg: (forumId: number, year: number): string =>
    `${forumPath(forumId)}/annual-wheel/${year}.svg`,
};

/** The dates a series gives (dryRun), or the meetings it creates. */
export function planMeetingSeries(
  forumId: number,
  body: MeetingSeriesInput,
): Promise<MeetingSeriesResult> {
  return requestJson(`${forumPath(forumId)}/meeting-series`, { method: 'POST', body });
}

/** Puts an item in the punktbank, for a meeting or for later. */
export function addPlannedItem(forumId: number, body: NewPlannedItemInput): Promise<PlannedItem> {
  return requestJson(planningPaths.plannedItems(forumId), { method: 'POST', body });
}

/** Takes an item out of the punktbank. */
export function removePlannedItem(plannedItemId: number): Promise<unknown> {
  return requestJson(`/api/planned-items/${plannedItemId}`, { method: 'DELETE' });
}

/** Takes a planned item into a meeting's agenda, before "Evt.". */
export function takePlannedItem(
  plannedItemId: number,
  meetingId: number,
): Promise<TakenPlannedItem> {
  return requestJson(`/api/planned-items/${plannedItemId}/take`, {
    method: 'POST',
    body: { meetingId },
  });
}

/** Adds a recurring item to the annual cycle. */
export function addRecurringItem(
  forumId: number,
  body: RecurringItemInput,
): Promise<RecurringItem> {
  return requestJson(`${forumPath(forumId)}/recurring-items`, { method: 'POST', body });
}

/** Removes a recurring item (what it planned stays in the punktbank). */
export function removeRecurringItem(recurringItemId: number): Promise<unknown> {
  return requestJson(`/api/recurring-items/${recurringItemId}`, { method: 'DELETE' });
}

/** Lays the annual cycle into the year's meetings; safe to repeat. */
export function applyAnnualCycle(forumId: number, year: number): Promise<AnnualCycleApplication> {
  return requestJson(`${forumPath(forumId)}/annual-cycle/${year}/apply`, { method: 'POST' });
}

/** Shows the årshjul as the agenda PDF's last page, or not. */
export function saveAnnualCycleSettings(
  forumId: number,
  showsAnnualWheel: boolean,
): Promise<AnnualCycle> {
  return requestJson(`${forumPath(forumId)}/annual-cycle/settings`, {
    method: 'PUT',
    body: { showsAnnualWheel },
  });
}
