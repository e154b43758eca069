import { type AgendaItem, createEmptyItem, type Meeting } from '../../src/core/meeting.ts';

/**
 * Test data factories: an item or a meeting with sensible defaults, changed only where a
 * test says so. The same shapes serve unit, integration and end-to-end tests.
 */
export function makeItem(number: number, fields: Partial<AgendaItem> = {}): AgendaItem {
  const { durationMinutes: _unset, ...empty } = createEmptyItem(number, `Punkt nummer ${number}`);
  return { ...empty, ...fields };
}

/** A Chefforum meeting on 14 June 2017 at 13:00 in Mødelokale 2 with the given items. */
export function makeMeeting(items: AgendaItem[], fields: Partial<Meeting> = {}): Meeting {
  return {
    forum: 'Chefforum',
    kind: 'minutes',
    date: '2017-06-14',
    start: '13:00',
    location: 'Mødelokale 2',
    items,
    ...fields,
  };
}
