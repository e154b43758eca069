import { describe, expect, it } from 'vitest';
import {
  documentKindFor,
  hasStarted,
  isLocked,
  toMeetingStatus,
  transitionMeeting,
} from './meeting-lifecycle.ts';
import {
  addMinutesToClock,
  approvesPreviousMinutes,
  standardItems,
  timePlan,
  withPreviousMeetingNamed,
} from './standard-items.ts';

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
      status: 'in_progress',
    });
    expect(transitionMeeting('in_progress', 'finish_meeting')).toEqual({
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
    // Minutes are published after the meeting is over, not while it is under way.
    expect(transitionMeeting('in_progress', 'publish_minutes').ok).toBe(false);
    expect(transitionMeeting('held', 'finish_meeting').ok).toBe(false);
    // Only a meeting whose agenda is out is cancelled; a draft is deleted, a started one held.
    expect(transitionMeeting('agenda_published', 'cancel_meeting')).toEqual({
      ok: true,
      status: 'cancelled',
    });
    expect(transitionMeeting('draft', 'cancel_meeting').ok).toBe(false);
    expect(transitionMeeting('in_progress', 'cancel_meeting').ok).toBe(false);
    expect(transitionMeeting('cancelled', 'publish_agenda').ok).toBe(false);
  });

  it('knows when a meeting has started and reads unknown states as drafts', () => {
    expect(hasStarted('agenda_published')).toBe(false);
    expect(hasStarted('in_progress')).toBe(true);
    expect(hasStarted('minutes_approved')).toBe(true);
    expect(hasStarted('cancelled')).toBe(false);
    expect(toMeetingStatus('in_progress')).toBe('in_progress');
    expect(toMeetingStatus('bogus')).toBe('draft');
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

  it('places the forum’s standing items before Evt. with their time', () => {
    const items = standardItems('Chefforum', null, [
      { title: 'Aktuelle og pludseligt opståede emner', durationMinutes: 30, purpose: null },
      { title: 'Hvad skal kommunikeres ud til afdelingerne?', durationMinutes: 10, purpose: null },
    ]);
    expect(items.map((item) => [item.number, item.title, item.durationMinutes])).toEqual([
      [1, 'Godkendelse af dagsorden og referat', null],
      [2, 'Aktuelle og pludseligt opståede emner', 30],
      [3, 'Hvad skal kommunikeres ud til afdelingerne?', 10],
      [4, 'Evt.', null],
    ]);
    // No previous meeting: item 1 asks only for the agenda.
    expect(items[0]?.recommendation?.points).toEqual([
      'at chefforum godkender dagsordenen for mødet',
    ]);
  });

  it('keeps item 1 naming the meeting that really comes before', () => {
    const recommendation = {
      proposer: 'Kommunaldirektøren',
      points: [
        'at chefforum godkender dagsordenen for mødet',
        'at chefforum godkender referat fra mødet d. 1. juni 2017',
        'at sekretariatet følger op',
      ],
    };
    expect(withPreviousMeetingNamed(recommendation, 'Chefforum', '2017-06-08').points).toEqual([
      'at chefforum godkender dagsordenen for mødet',
      'at chefforum godkender referat fra mødet d. 8. juni 2017',
      'at sekretariatet følger op',
    ]);
    expect(withPreviousMeetingNamed(recommendation, 'Chefforum', null).points).toEqual([
      'at chefforum godkender dagsordenen for mødet',
      'at sekretariatet følger op',
    ]);
    const without = { proposer: 'Kommunaldirektøren', points: ['at dagsordenen godkendes'] };
    expect(approvesPreviousMinutes(without)).toBe(false);
    const added = withPreviousMeetingNamed(without, 'Chefforum', '2017-06-08');
    expect(added.points.at(-1)).toBe('at chefforum godkender referat fra mødet d. 8. juni 2017');
    expect(approvesPreviousMinutes(added)).toBe(true);
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
