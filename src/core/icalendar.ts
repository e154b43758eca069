/**
 * iCalendar (RFC 5545) for meetings: the calendar feed a forum publishes and the invitations
 * the mail sends are both built here, so that a meeting has one UID and one SEQUENCE wherever
 * a calendar client meets it. Pure: text in, text out.
 *
 * What the output promises: CRLF line ends; lines folded at 75 octets without splitting a
 * UTF-8 character (a continuation line starts with one space, RFC 5545 §3.1); TEXT values
 * escaped (\\ ; , and newlines, §3.3.11) and parameter values quoted with RFC 6868's ^-escapes;
 * times in Copenhagen's local time with a VTIMEZONE that states the CET/CEST rules, so that a
 * client needs no time zone database of its own; all-day events as DATE values.
 */

/** One meeting as a calendar event. */
export interface CalendarEvent {
  /** Stable per meeting, e.g. "meeting-42@referat.albertslund.dk" (see meetingEventUid). */
  uid: string;
  /** Raised when date, time or place changes (RFC 5546: clients replace the older one). */
  sequence: number;
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM local Copenhagen time; null = all-day event. */
  start: string | null;
  /** How long a timed event lasts; the caller picks the default (time plan total or 120). */
  durationMinutes: number;
  /** "Chefforum – møde". */
  summary: string;
  location: string | null;
  description: string | null;
  url: string | null;
  status?: 'CONFIRMED' | 'CANCELLED';
  organizer?: { name: string; email: string } | null;
  attendees?: Array<{ name: string; email: string }>;
  /** DTSTAMP: when this calendar object was made. */
  stamp: Date;
}

/** The iCalendar method: a published calendar, an invitation, or a cancellation. */
export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/** The product identifier every calendar carries. */
export const calendarProductId = '-//Albertslund Kommune//Referat//DA';

/** The time zone every timed event is given in. */
export const calendarTimeZone = 'Europe/Copenhagen';

/**
 * A whole iCalendar object (VCALENDAR) with one VEVENT per event. With METHOD:CANCEL an event
 * without its own status is CANCELLED, as RFC 5546 asks of a cancellation.
 */
export function buildCalendar(options: {
  method?: CalendarMethod;
  name?: string;
  events: CalendarEvent[];
}): string {
  const method = options.method ?? 'PUBLISH';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendarProductId}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
  ];
  if (options.name !== undefined) {
    // NAME is RFC 7986; X-WR-CALNAME is what Outlook and Apple Calendar read.
    lines.push(`NAME:${escapeText(options.name)}`, `X-WR-CALNAME:${escapeText(options.name)}`);
  }
  // A VTIMEZONE is required for every TZID used, and only then. X-WR-TIMEZONE is for clients
  // (Google Calendar) that read the calendar's zone from it.
  if (options.events.some((event) => event.start !== null))
    lines.push(`X-WR-TIMEZONE:${calendarTimeZone}`, ...copenhagenTimeZone);
  for (const event of options.events) lines.push(...eventLines(event, method));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/**
 * The UID of a meeting's event: the same in the feed and in every invitation, so a calendar
 * client updates the one event instead of adding another. `host` is the public host name.
 */
export function meetingEventUid(meetingId: number, host: string): string {
  return `meeting-${meetingId}@${host}`;
}

/**
 * Europe/Copenhagen since 1996 (EU rules): CEST from the last Sunday of March at 02:00 to the
 * last Sunday of October at 03:00 local time.
 */
const copenhagenTimeZone = [
  'BEGIN:VTIMEZONE',
  `TZID:${calendarTimeZone}`,
  `X-LIC-LOCATION:${calendarTimeZone}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function eventLines(event: CalendarEvent, method: CalendarMethod): string[] {
  const status = event.status ?? (method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
  ];
  const date = compactDate(event.date);
  if (event.start === null) {
    // An all-day event ends (exclusively) on the next day.
    lines.push(
      `DTSTART;VALUE=DATE:${date}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(event.date))}`,
    );
  } else {
    lines.push(`DTSTART;TZID=${calendarTimeZone}:${date}T${compactTime(event.start)}`);
    // A duration, not DTEND: "13:00 + 2 hours" stays right across a change to summer time.
    lines.push(`DURATION:${formatDuration(event.durationMinutes)}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) lines.push(`URL:${cleanValue(event.url)}`);
  lines.push(`STATUS:${status}`);
  // A cancelled event no longer blocks time in anyone's calendar.
  lines.push(`TRANSP:${status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`);
  if (event.organizer)
    lines.push(
      `ORGANIZER;CN=${quoteParameter(event.organizer.name)}:mailto:${cleanAddress(event.organizer.email)}`,
    );
  for (const attendee of event.attendees ?? [])
    lines.push(
      `ATTENDEE;CN=${quoteParameter(attendee.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;` +
        `PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${cleanAddress(attendee.email)}`,
    );
  lines.push('END:VEVENT');
  return lines;
}

/**
 * Characters no content line may hold: controls other than tab (CR and LF are escaped or
 * replaced). Lone surrogates, which UTF-8 cannot encode, become U+FFFD (toWellFormed).
 */
const controlCharacters = /(?![\t\n\r])\p{Cc}/gu;

/** A value that is not TEXT (a URI): without controls, and on one line. */
function cleanValue(value: string): string {
  return value
    .toWellFormed()
    .replace(controlCharacters, '')
    .replace(/[\r\n]+/gu, ' ');
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped. */
function escapeText(value: string): string {
  return value
    .toWellFormed()
    .replace(controlCharacters, '')
    .replace(/\\/gu, '\\\\')
    .replace(/;/gu, '\\;')
    .replace(/,/gu, '\\,')
    .replace(/\r\n|\r|\n/gu, '\\n');
}

/**
 * A parameter value in quotes (a name may hold ; : and ,), with RFC 6868's escapes for what a
 * quoted string cannot hold: ^ as ^^, a newline as ^n and a double quote as ^'.
 */
function quoteParameter(value: string): string {
  const escaped = value
    .toWellFormed()
    .replace(controlCharacters, '')
    .replace(/\^/gu, '^^')
    .replace(/\r\n|\r|\n/gu, '^n')
    .replace(/"/gu, "^'");
  return `"${escaped}"`;
}

/** An e-mail address as a mailto: URI's tail: nothing that could end the line or the value. */
function cleanAddress(email: string): string {
  return cleanValue(email).replace(/[\s"]/gu, '');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): each continuation line starts with a
 * space, which counts towards its 75. Code points are never split, so neither is a UTF-8
 * sequence (æ, ø and å take two octets, the en dash three).
 */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const character of line) {
    const size = utf8Length(character);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utf8Length(character: string): number {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/u;
const clockTime = /^([01]\d|2[0-3]):([0-5]\d)$/u;

function compactDate(date: string): string {
  const match = isoDate.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return `${match[1]}${match[2]}${match[3]}`;
}

function compactTime(time: string): string {
  const match = clockTime.exec(time);
  if (!match) throw new RangeError(`Not a HH:MM time: ${time}`);
  return `${match[1]}${match[2]}00`;
}

/** The calendar day after a date, computed in UTC so no time zone can shift it. */
function nextDay(date: string): string {
  compactDate(date);
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** DTSTAMP's form: UTC, to the second. */
function utcStamp(moment: Date): string {
  return moment
    .toISOString()
    .replace(/\.\d{3}Z$/u, 'Z')
    .replace(/[-:]/gu, '');
}

/** A positive duration in hours and minutes: PT2H, PT1H30M, PT45M. */
function formatDuration(minutes: number): string {
  const total = Math.max(1, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 ? `${rest}M` : ''}`;
}
