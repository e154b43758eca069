import { describe, expect, it } from 'vitest';
import { documentKindFor, isLocked, transitionMeeting } from './meeting-lifecycle.ts';
import { addMinutesToClock, standardItems, timePlan } from './standard-items.ts';

describe('the meeting lifecycle', () => {
  it('moves from draft to approved minutes in order', () => {
    expect(transitionMeeting('draft', 'publish_agenda')).toEqual({
      ok: true,
      status: 'agenda_published',
    });
    expect(transitionMeeting('agenda_published', 'publish_agenda')).toEqual({
      ok: true,
      status: 'agenda_published',
    });
    expect(transitionMeeting('agenda_published', 'start_meeting')).toEqual({
      ok: true,
      status: 'held',
    });
    expect(transitionMeeting('held', 'publish_minutes')).toEqual({
      ok: true,
      status: 'minutes_published',
    });
    expect(transitionMeeting('minutes_published', 'approve_minutes')).toEqual({
      ok: true,
      status: 'minutes_approved',
    });
  });

  it('refuses steps out of order with a Danish reason', () => {
    const result = transitionMeeting('draft', 'approve_minutes');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('Kladde');
    expect(transitionMeeting('minutes_approved', 'publish_minutes').ok).toBe(false);
  });

  it('locks approved minutes and picks the document by state', () => {
    expect(isLocked('minutes_approved')).toBe(true);
    expect(isLocked('minutes_published')).toBe(false);
    expect(documentKindFor('agenda_published')).toBe('agenda');
    expect(documentKindFor('minutes_published')).toBe('minutes');
  });
});

describe('standard items', () => {
  it('names the previous meeting in item 1 and ends with Evt.', () => {
    const items = standardItems('Chefforum', '2017-06-01');
    expect(items.map((item) => [item.number, item.title])).toEqual([
      [1, 'Godkendelse af dagsorden og referat'],
      [2, 'Evt.'],
    ]);
    expect(items[0]?.recommendation?.points).toEqual([
      'at chefforum godkender dagsordenen for mødet',
      'at chefforum godkender referat fra mødet d. 1. juni 2017',
    ]);
  });

  it('adds up the time plan', () => {
    expect(
      timePlan([{ durationMinutes: 30 }, { durationMinutes: null }, { durationMinutes: 45 }]),
    ).toEqual({
      totalMinutes: 75,
      itemsWithoutTime: 1,
    });
    expect(addMinutesToClock('13:00', 75)).toBe('14:15');
  });
});
