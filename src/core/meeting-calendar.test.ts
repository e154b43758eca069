import { describe, expect, it } from 'vitest';
import {
  calendarSequence,
  meetingCalendarEvent,
  meetingCalendarMinutes,
  placeAndTimeOf,
} from './meeting-calendar.ts';

const at = (date: string, start: string | null, location: string | null) => ({
  date,
  start,
  location,
});

describe('calendarSequence', () => {
  it('is 0 for a meeting that never moved', () => {
    expect(calendarSequence([], at('2026-12-14', '13:00', 'Lokale 2'), false)).toBe(0);
  });

  it('counts each change of date, time or place once, a move back too', () => {
    const chain = [
      at('2026-12-14', '13:00', 'Lokale 2'),
      at('2026-12-15', '13:00', 'Lokale 2'),
      at('2026-12-15', '14:00', 'Lokale 2'),
      at('2026-12-15', '14:00', 'Rådhuset'),
    ];
    expect(calendarSequence(chain, at('2026-12-14', '14:00', 'Rådhuset'), false)).toBe(4);
  });

  it('does not count a save that changed none of them', () => {
    const same = at('2026-12-14', '13:00', null);
    expect(calendarSequence([same, same], at('2026-12-14', '13:00', null), false)).toBe(0);
  });

  it('counts a time or place taken away', () => {
    const chain = [at('2026-12-14', '13:00', 'Lokale 2')];
    expect(calendarSequence(chain, at('2026-12-14', null, 'Lokale 2'), false)).toBe(1);
    expect(calendarSequence(chain, at('2026-12-14', '13:00', null), false)).toBe(1);
  });

  it('adds one when the meeting is cancelled', () => {
    const chain = [at('2026-12-14', '13:00', null)];
    expect(calendarSequence(chain, at('2026-12-14', '14:00', null), true)).toBe(2);
  });

  it('only ever rises as changes are added', () => {
    const states = [
      at('2026-12-14', '13:00', 'A'),
      at('2026-12-14', '13:00', 'A'),
      at('2026-12-14', '13:30', 'A'),
      at('2026-12-14', '13:00', 'A'),
      at('2026-12-14', '13:00', 'B'),
    ];
    const sequences = states.map((current, index) =>
      calendarSequence(states.slice(0, index), current, false),
    );
    expect(sequences).toEqual([0, 0, 1, 2, 3]);
  });
});

describe('placeAndTimeOf', () => {
  it('reads the details form’s record and a re-import’s document', () => {
    expect(
      placeAndTimeOf({ id: 4, date: '2026-12-14', start: '13:00', location: null, status: 'x' }),
    ).toEqual(at('2026-12-14', '13:00', null));
    expect(
      placeAndTimeOf({ forum: 'Chefforum', date: '2017-06-14', location: 'Lokale 2', items: [] }),
    ).toEqual(at('2017-06-14', null, 'Lokale 2'));
  });

  it('gives null for revisions that are not a meeting as it was', () => {
    expect(placeAndTimeOf(null)).toBeNull();
    expect(placeAndTimeOf({ status: 'draft' })).toBeNull();
    expect(placeAndTimeOf([1, 2])).toBeNull();
  });
});

describe('meetingCalendarMinutes', () => {
  it('sums the items’ times, and gives two hours when none has one', () => {
    expect(meetingCalendarMinutes([{ durationMinutes: 30 }, { durationMinutes: null }, {}])).toBe(
      30,
    );
    expect(meetingCalendarMinutes([{ durationMinutes: null }])).toBe(120);
    expect(meetingCalendarMinutes([])).toBe(120);
  });
});

describe('meetingCalendarEvent', () => {
  const facts = {
    meetingId: 42,
    forumName: 'Chefforum',
    date: '2026-12-14',
    start: '13:00',
    location: 'Mødelokale 2',
    isCancelled: false,
    sequence: 2,
    durationMinutes: 90,
    url: 'https://referat.albertslund.dk/moeder/42',
  };
  const options = { host: 'referat.albertslund.dk', stamp: new Date('2026-11-23T10:00:00Z') };

  it('names the forum and links the meeting', () => {
    expect(meetingCalendarEvent(facts, options)).toMatchObject({
      uid: 'meeting-42@referat.albertslund.dk',
      sequence: 2,
      summary: 'Chefforum – møde',
      status: 'CONFIRMED',
      durationMinutes: 90,
      url: 'https://referat.albertslund.dk/moeder/42',
    });
  });

  it('says "Aflyst" in the title of a cancelled meeting', () => {
    expect(meetingCalendarEvent({ ...facts, isCancelled: true }, options)).toMatchObject({
      summary: 'Aflyst: Chefforum – møde',
      status: 'CANCELLED',
    });
  });
});
