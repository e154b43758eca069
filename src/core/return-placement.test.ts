import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './followups/calendar-days.ts';
import { meetingForReturn } from './return-placement.ts';

const plan = [
  { id: 3, date: '2027-05-20' },
  { id: 1, date: '2027-04-08' },
  { id: 2, date: '2027-04-27' },
];

describe('meetingForReturn', () => {
  it('takes the meeting the decision names, else the next after it, else the next meeting', () => {
    // "drøftes på Chefforum d. 27. april"
    expect(meetingForReturn(plan, { from: '2027-04-27', to: '2027-04-27' })?.id).toBe(2);
    // "primo maj": no meeting 1–10 May, so the first after it.
    expect(meetingForReturn(plan, { from: '2027-05-01', to: '2027-05-10' })?.id).toBe(3);
    // "i løbet af foråret": the first meeting of the spring.
    expect(meetingForReturn(plan, { from: '2027-03-01', to: '2027-05-31' })?.id).toBe(1);
    expect(meetingForReturn(plan, null)?.id).toBe(1);
    expect(meetingForReturn(plan, { from: '2027-06-01', to: '2027-06-30' })).toBeNull();
    expect(meetingForReturn([], null)).toBeNull();
  });

  it('never places a return before its due range starts', () => {
    const meetings = fc.uniqueArray(
      fc
        .integer({ min: 0, max: 400 })
        .map((offset) => ({ id: offset, date: addDays('2027-01-01', offset) })),
      { selector: (meeting) => meeting.date, maxLength: 30 },
    );
    const ranges = fc
      .tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 90 }))
      .map(([start, length]) => ({
        from: addDays('2027-01-01', start),
        to: addDays('2027-01-01', start + length),
      }));
    fc.assert(
      fc.property(meetings, ranges, (list, due) => {
        const chosen = meetingForReturn(list, due);
        const later = list.filter((meeting) => meeting.date >= due.from);
        if (later.length === 0) {
          expect(chosen).toBeNull();
          return;
        }
        expect(chosen && chosen.date >= due.from).toBe(true);
        const inRange = later.filter((meeting) => meeting.date <= due.to);
        const expected = (inRange.length > 0 ? inRange : later).sort((a, b) =>
          a.date.localeCompare(b.date),
        )[0];
        expect(chosen).toEqual(expected);
      }),
    );
  });
});
