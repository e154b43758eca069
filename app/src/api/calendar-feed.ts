import type {
  CreatedPersonalFeed,
  PersonalFeedStatus,
} from '../../../src/core/api-contract/personal-feed.ts';
import { requestJson } from './client.ts';

export type { CreatedPersonalFeed, PersonalFeedStatus };

/**
 * The signed-in user's calendar address: GET gives its status (a PersonalFeedStatus, loaded
 * with useApiData), POST a new one, DELETE none.
 */
export const calendarFeedPath = '/api/me/calendar-feed';

/**
 * Makes a new calendar address; the old one stops working. The answer is the only time the
 * address can be seen.
 */
export function createCalendarFeed(): Promise<CreatedPersonalFeed> {
  return requestJson<CreatedPersonalFeed>(calendarFeedPath, { method: 'POST' });
}

/** Deletes the calendar address: calendars that subscribe to it get no more meetings. */
export function deleteCalendarFeed(): Promise<void> {
  return requestJson<void>(calendarFeedPath, { method: 'DELETE' });
}
