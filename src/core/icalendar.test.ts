import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarEvent, meetingEventUid } from './icalendar.ts';

const stamp = new Date('2026-11-23T10:15:30.123Z');

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: meetingEventUid(42, 'referat.albertslund.dk'),
    sequence: 0,
    date: '2026-12-14',
    start: '13:00',
    durationMinutes: 120,
    summary: 'Chefforum – møde',
    location: 'Mødelokale 2',
    description: null,
    url: 'https://referat.albertslund.dk/moeder/42',
    stamp,
    ...overrides,
  };
}

/** The calendar as ical.js reads it, with Copenhagen's zone taken from the calendar itself. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((entry) => new ICAL.Event(entry));
  return { calendar, events };
}

function only<T>(list: readonly T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

/** The calendar's physical lines, as octets, split at CRLF. */
function physicalLines(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines: Buffer[] = [];
  let from = 0;
  for (let index = 0; index < bytes.length - 1; index++)
    if (bytes[index] === 0x0d && bytes[index + 1] === 0x0a) {
      lines.push(bytes.subarray(from, index));
      from = index + 2;
    }
  expect(from).toBe(bytes.length);
  return lines;
}

describe('buildCalendar', () => {
  it('gives a calendar ical.js reads, with the fields of the event', () => {
    const text = buildCalendar({
      name: 'Chefforum – møder',
      events: [event({ sequence: 3, description: 'Dagsorden og referat på nettet.' })],
    });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Albertslund Kommune//Referat//DA');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Chefforum – møder');
    const entry = only(events);
    expect(entry.uid).toBe('meeting-42@referat.albertslund.dk');
    expect(entry.sequence).toBe(3);
    expect(entry.summary).toBe('Chefforum – møde');
    expect(entry.location).toBe('Mødelokale 2');
    expect(entry.description).toBe('Dagsorden og referat på nettet.');
    expect(entry.component.getFirstPropertyValue('url')).toBe(
      'https://referat.albertslund.dk/moeder/42',
    );
    expect(entry.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(entry.component.getFirstProperty('dtstamp')?.toICALString()).toBe(
      'DTSTAMP:20261123T101530Z',
    );
    expect(entry.duration.toString()).toBe('PT2H');
  });

  it('ends every line with CRLF and has no bare line feed', () => {
    const text = buildCalendar({ events: [event({ description: 'En\nto\r\ntre\rfire' })] });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/u);
    expect(text).toContain('DESCRIPTION:En\\nto\\ntre\\nfire\r\n');
  });

  it('gives the time in Copenhagen with the CET/CEST rules, winter and summer', () => {
    const text = buildCalendar({
      events: [
        event({ uid: 'winter', date: '2026-12-14', start: '13:00' }),
        event({ uid: 'summer', date: '2026-06-10', start: '13:00' }),
        // The last Sunday of March: summer time from 02:00.
        event({ uid: 'switch', date: '2026-03-29', start: '09:30', durationMinutes: 90 }),
      ],
    });
    expect(text).toContain('DTSTART;TZID=Europe/Copenhagen:20261214T130000\r\n');
    const { calendar, events } = parse(text);
    expect(only(calendar.getAllSubcomponents('vtimezone')).getFirstPropertyValue('tzid')).toBe(
      'Europe/Copenhagen',
    );
    const utc = (uid: string) => {
      const found = events.find((entry) => entry.uid === uid);
      if (!found) throw new Error(uid);
      return {
        start: found.startDate.toJSDate().toISOString(),
        end: found.endDate.toJSDate().toISOString(),
      };
    };
    expect(utc('winter')).toEqual({
      start: '2026-12-14T12:00:00.000Z',
      end: '2026-12-14T14:00:00.000Z',
    });
    expect(utc('summer').start).toBe('2026-06-10T11:00:00.000Z');
    expect(utc('switch')).toEqual({
      start: '2026-03-29T07:30:00.000Z',
      end: '2026-03-29T09:00:00.000Z',
    });
  });

  it('folds at 75 octets without splitting æ, ø, å or any other character', () => {
    const summary = `Chefforum – møde om økonomi, årshjul og ændringer ${'æøå ÆØÅ – '.repeat(20)}`;
    const location = `Rådhuset, ${'😀'.repeat(40)}`;
    const text = buildCalendar({ events: [event({ summary, location })] });
    const lines = physicalLines(text);
    expect(lines.some((line) => line[0] === 0x20)).toBe(true);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      // Each physical line is whole UTF-8 on its own: no character was cut in two.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow();
    }
    const entry = only(parse(text).events);
    expect(entry.summary).toBe(summary);
    expect(entry.location).toBe(location);
  });

  it('escapes backslash, semicolon, comma and newline in text', () => {
    const description = 'Punkt 1; budget, status\\plan\nPunkt 2: "Evt."';
    const text = buildCalendar({
      events: [event({ description, location: 'Lokale 2; 1. sal, Rådhuset' })],
    });
    expect(text).toContain('DESCRIPTION:Punkt 1\\; budget\\, status\\\\plan\\nPunkt 2: "Evt."\r\n');
    expect(text).toContain('LOCATION:Lokale 2\\; 1. sal\\, Rådhuset\r\n');
    const entry = only(parse(text).events);
    expect(entry.description).toBe(description);
    expect(entry.location).toBe('Lokale 2; 1. sal, Rådhuset');
  });

  it('gives back any text it was given, however it is folded', () => {
    const letters = ['a', 'æ', 'ø', 'å', 'Å', '–', '😀', ';', ',', '\\', '\n', ' ', '"', ':'];
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 200 }),
        (summary) => {
          const text = buildCalendar({ events: [event({ summary })] });
          for (const line of physicalLines(text)) expect(line.length).toBeLessThanOrEqual(75);
          expect(only(parse(text).events).summary).toBe(summary);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves out characters no calendar line may hold', () => {
    const text = buildCalendar({
      events: [event({ summary: 'Møde\u0000\u0007\f om \ud800budget' })],
    });
    expect(only(parse(text).events).summary).toBe('Møde om \ufffdbudget');
  });

  it('makes an all-day event of a meeting without a time, and leaves out the time zone', () => {
    const text = buildCalendar({ events: [event({ date: '2026-12-31', start: null })] });
    expect(text).toContain('DTSTART;VALUE=DATE:20261231\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20270101\r\n');
    expect(text).not.toContain('VTIMEZONE');
    expect(text).not.toContain('DURATION');
    const entry = only(parse(text).events);
    expect(entry.startDate.isDate).toBe(true);
    expect(entry.startDate.toString()).toBe('2026-12-31');
    expect(entry.endDate.toString()).toBe('2027-01-01');
  });

  it('writes durations in hours and minutes', () => {
    const text = buildCalendar({
      events: [
        event({ uid: 'a', durationMinutes: 45 }),
        event({ uid: 'b', durationMinutes: 90 }),
        event({ uid: 'c', durationMinutes: 180 }),
      ],
    });
    expect(parse(text).events.map((entry) => entry.duration.toString())).toEqual([
      'PT45M',
      'PT1H30M',
      'PT3H',
    ]);
  });

  it('invites: organizer and attendees with names that need quoting', () => {
    const text = buildCalendar({
      method: 'REQUEST',
      events: [
        event({
          organizer: { name: 'Søren "Sekretær"; Hansen', email: 'soren@albertslund.dk' },
          attendees: [
            { name: 'Åse Ørsted, direktør', email: 'aase@albertslund.dk' },
            { name: 'Bo Bæk', email: 'bo@albertslund.dk' },
          ],
        }),
      ],
    });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const entry = only(events);
    const organizer = entry.component.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe('mailto:soren@albertslund.dk');
    expect(organizer?.getParameter('cn')).toBe('Søren "Sekretær"; Hansen');
    const attendees = entry.attendees.map((attendee) => ({
      name: attendee.getParameter('cn'),
      address: attendee.getFirstValue(),
      rsvp: attendee.getParameter('rsvp'),
    }));
    expect(attendees).toEqual([
      { name: 'Åse Ørsted, direktør', address: 'mailto:aase@albertslund.dk', rsvp: 'TRUE' },
      { name: 'Bo Bæk', address: 'mailto:bo@albertslund.dk', rsvp: 'TRUE' },
    ]);
  });

  it('cancels: METHOD:CANCEL makes the event cancelled, with its UID and sequence', () => {
    const text = buildCalendar({ method: 'CANCEL', events: [event({ sequence: 4 })] });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const entry = only(events);
    expect(entry.uid).toBe('meeting-42@referat.albertslund.dk');
    expect(entry.sequence).toBe(4);
    expect(entry.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(entry.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('keeps a cancelled event in a published calendar', () => {
    const text = buildCalendar({ events: [event({ status: 'CANCELLED' })] });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(only(events).component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('gives an empty calendar for no events', () => {
    const { calendar, events } = parse(buildCalendar({ events: [] }));
    expect(events).toEqual([]);
    expect(calendar.getAllSubcomponents('vtimezone')).toEqual([]);
  });
});
