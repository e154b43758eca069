import { annualWheelMonths, describeWheelEntry, type WheelEntry } from './annual-wheel-entries.ts';
import { lastDayOfMonth } from './followups/calendar-days.ts';

/**
 * The årshjul as a picture, the way Danish municipalities draw it: the year as a circle with
 * January at the top and the months clockwise, the forum's meetings as marks at their dates
 * on a ring inside the months, and the planned and recurring items written out from the
 * centre in their months. An SVG string, the same for the same entries (numbers are rounded
 * alike), so that tests can compare it and the agenda PDF can include it.
 *
 * Accessible: the SVG is an image named by its <title> and described by its <desc>; every
 * entry has a <title> with its full text, and in the app (`hasFocusableEntries`) each can take
 * the keyboard focus, which highlights it. The page shows the same entries as a list beside it.
 */

/** The drawing's choices. */
export interface WheelDrawingOptions {
  /** Prefix of the ids inside the SVG, unique on the page. */
  idPrefix?: string;
  /** Entries take the keyboard focus (tabindex="0"), for the app. */
  hasFocusableEntries?: boolean;
}

/** What the picture shows: the year, whose wheel it is, and its entries. */
export interface AnnualWheel {
  year: number;
  forumName: string;
  entries: readonly WheelEntry[];
}

/** The class of the picture's root element, which scopes its styles. */
const rootClass = 'aarshjul';
const size = 800;
const centre = size / 2;
const legendHeight = 60;
const radius = {
  outer: 390,
  monthBand: 334,
  meetingRing: 318,
  itemOuter: 302,
  itemInner: 122,
  hub: 108,
} as const;
/** Entries written out per month before the rest become "+ n flere". */
const entriesPerMonth = 5;
/** Characters of a title that fit between the hub and the meeting ring. */
const titleLength = 27;

/**
 * The picture's styles. Inlined in a page, an SVG's <style> applies to the whole page, so
 * every rule is scoped to the wheel's own root class.
 */
const rules: Array<[selectors: string, declarations: string]> = [
  ['.month-band', 'fill:#1d4e89'],
  ['.month-name', 'fill:#ffffff;font-size:17px;font-weight:700'],
  ['.month-field-0', 'fill:#eef3f9'],
  ['.month-field-1', 'fill:#f9fbfd'],
  ['.separator', 'stroke:#ffffff;stroke-width:2'],
  ['.meeting circle', 'fill:#1d4e89'],
  ['.meeting text', 'fill:#ffffff;font-size:9px;font-weight:700'],
  ['.meeting-cancelled circle', 'fill:#ffffff;stroke:#595959;stroke-dasharray:2 2'],
  ['.meeting-cancelled text', 'fill:#595959'],
  ['.entry text', 'font-size:12px;fill:#1a1a1a'],
  ['.entry-recurring .marker', 'fill:#8a4500'],
  ['.entry-planned .marker', 'fill:#1b6b34'],
  ['.entry-more text', 'font-style:italic'],
  ['.focus-box', 'fill:none'],
  ['.entry:focus', 'outline:none'],
  [
    '.entry:focus .focus-box, .entry:hover .focus-box',
    'fill:#ffe58a;stroke:#1a1a1a;stroke-width:2',
  ],
  ['.hub', 'fill:#ffffff;stroke:#1d4e89;stroke-width:3'],
  ['.year', 'fill:#1d4e89;font-size:44px;font-weight:700'],
  ['.forum', 'fill:#1a1a1a;font-size:15px'],
  ['.legend text', 'font-size:14px;fill:#1a1a1a'],
];
const style = rules
  .map(([selectors, declarations]) => {
    const scoped = selectors.split(',').map((selector) => `.${rootClass} ${selector.trim()}`);
    return `${scoped.join(',')}{${declarations}}`;
  })
  .join('');

/** Draws the årshjul as an SVG document (without an XML declaration, so it can be inlined). */
export function drawAnnualWheel(wheel: AnnualWheel, options: WheelDrawingOptions = {}): string {
  const prefix = options.idPrefix ?? 'aarshjul';
  const months = annualWheelMonths(wheel.entries);
  const body = [
    ...months.map((month) => monthSector(month.month, month.name)),
    ...months.map((month) => monthSeparator(month.month)),
    ...months.flatMap((month) =>
      month.entries.filter((entry) => entry.kind === 'meeting').map(meetingMark),
    ),
    ...months.flatMap((month) =>
      itemEntries(
        month.month,
        month.entries.filter((entry) => entry.kind !== 'meeting'),
        options.hasFocusableEntries === true,
      ),
    ),
    hub(wheel),
    legend(),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size + legendHeight}" width="${size}" height="${size + legendHeight}" class="${rootClass}" role="img" aria-labelledby="${prefix}-titel ${prefix}-beskrivelse" font-family="'Source Sans 3', 'Source Sans Pro', Arial, sans-serif">`,
    `<title id="${prefix}-titel">${escapeXml(`Årshjul ${wheel.year} for ${wheel.forumName}`)}</title>`,
    `<desc id="${prefix}-beskrivelse">${escapeXml(describeWheel(wheel))}</desc>`,
    `<style>${style}</style>`,
    ...body,
    '</svg>',
  ].join('\n');
}

/** The picture's description: what it shows, in numbers, and where the full list is. */
export function describeWheel(wheel: AnnualWheel): string {
  const count = (kind: WheelEntry['kind']) =>
    wheel.entries.filter((entry) => entry.kind === kind).length;
  return `Året ${wheel.year} som en cirkel med de 12 måneder, januar øverst og videre med uret: ${count('meeting')} møder, ${count('planned')} planlagte punkter og ${count('recurring')} faste punkter fra årshjulet. En liste med de samme punkter, måned for måned, følger med billedet.`;
}

function monthSector(month: number, name: string): string {
  const [start, end] = monthAngles(month);
  return [
    `<path class="month-field-${month % 2}" d="${sectorPath(radius.hub, radius.monthBand, start, end)}"/>`,
    `<path class="month-band" d="${sectorPath(radius.monthBand, radius.outer, start, end)}"/>`,
    monthName(start + 15, capitalize(name)),
  ].join('');
}

/** A month's name along its band, turned so that it never stands on its head. */
function monthName(angle: number, name: string): string {
  const [x, y] = polar((radius.monthBand + radius.outer) / 2, angle);
  const isTopHalf = Math.sin((angle * Math.PI) / 180) < 0;
  const rotation = isTopHalf ? angle + 90 : angle - 90;
  return `<text class="month-name" x="${x}" y="${y}" text-anchor="middle" dominant-baseline="central" transform="rotate(${fmt(rotation)} ${x} ${y})">${escapeXml(name)}</text>`;
}

function monthSeparator(month: number): string {
  const [start] = monthAngles(month);
  const [x1, y1] = polar(radius.hub, start);
  const [x2, y2] = polar(radius.outer, start);
  return `<line class="separator" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`;
}

function meetingMark(entry: WheelEntry): string {
  if (!entry.date) return '';
  const day = Number(entry.date.slice(8, 10));
  const year = Number(entry.date.slice(0, 4));
  const [start] = monthAngles(entry.month);
  const angle = start + (30 * (day - 0.5)) / lastDayOfMonth(year, entry.month);
  const [x, y] = polar(radius.meetingRing, angle);
  const cancelled = entry.detail === 'Aflyst' ? ' meeting-cancelled' : '';
  return `<g class="meeting${cancelled}"><title>${escapeXml(describeWheelEntry(entry))}</title><circle cx="${x}" cy="${y}" r="9"/>${textAt([x, y], '', String(day))}</g>`;
}

/** A month's items written out from the hub, spread over its sector; the rest summed up. */
function itemEntries(month: number, entries: readonly WheelEntry[], isFocusable: boolean) {
  const shown =
    entries.length > entriesPerMonth ? entries.slice(0, entriesPerMonth - 1) : [...entries];
  const rest = entries.slice(shown.length);
  const slots = shown.length + (rest.length > 0 ? 1 : 0);
  const [start] = monthAngles(month);
  const angleOf = (slot: number) => start + (30 * (slot + 1)) / (slots + 1);
  const drawn = shown.map((entry, slot) =>
    radialEntry(angleOf(slot), isFocusable, {
      kind: `entry-${entry.kind}`,
      text: entry.title,
      description: describeWheelEntry(entry),
    }),
  );
  if (rest.length > 0)
    drawn.push(
      radialEntry(angleOf(shown.length), isFocusable, {
        kind: 'entry-more',
        text: `+ ${rest.length} flere`,
        description: rest.map(describeWheelEntry).join('; '),
      }),
    );
  return drawn;
}

/**
 * One entry along the radius at `angle`: on the right half it reads outwards, on the left it
 * is turned half round so that it still reads from left to right.
 */
function radialEntry(
  angle: number,
  isFocusable: boolean,
  { kind, text, description }: { kind: string; text: string; description: string },
): string {
  const isLeft = Math.cos((angle * Math.PI) / 180) < -1e-9;
  const rotation = isLeft ? angle + 180 : angle;
  const side = isLeft ? -1 : 1;
  const label = shorten(text, titleLength);
  const width = Math.min(radius.itemOuter - radius.itemInner, label.length * 6.4 + 18);
  const boxX = isLeft ? centre - radius.itemInner - width + 4 : centre + radius.itemInner - 4;
  const markerX = centre + side * (radius.itemInner + 4);
  const textX = centre + side * (radius.itemInner + 12);
  return [
    `<g class="entry ${kind}"${isFocusable ? ' tabindex="0"' : ''} transform="rotate(${fmt(rotation)} ${centre} ${centre})" data-entry="${escapeXml(description)}">`,
    `<title>${escapeXml(description)}</title>`,
    `<rect class="focus-box" x="${fmt(boxX)}" y="${centre - 9}" width="${fmt(width)}" height="18" rx="3"/>`,
    `<rect class="marker" x="${fmt(markerX - 3.5)}" y="${centre - 3.5}" width="7" height="7" transform="rotate(45 ${fmt(markerX)} ${centre})"/>`,
    `<text x="${fmt(textX)}" y="${centre}" text-anchor="${isLeft ? 'end' : 'start'}" dominant-baseline="central">${escapeXml(label)}</text>`,
    '</g>',
  ].join('');
}

function hub(wheel: AnnualWheel): string {
  const name = shorten(wheel.forumName, 24);
  return [
    `<circle class="hub" cx="${centre}" cy="${centre}" r="${radius.hub}"/>`,
    textAt([centre, centre - 8], 'year', String(wheel.year)),
    textAt([centre, centre + 30], 'forum', name),
  ].join('');
}

function legend(): string {
  const y = size + legendHeight / 2;
  return [
    '<g class="legend">',
    `<circle cx="150" cy="${y}" r="8" fill="#1d4e89"/>`,
    `<text x="166" y="${y}" dominant-baseline="central">Møde (dag i måneden)</text>`,
    `<rect x="345" y="${y - 5}" width="10" height="10" fill="#1b6b34" transform="rotate(45 350 ${y})"/>`,
    `<text x="364" y="${y}" dominant-baseline="central">Planlagt punkt</text>`,
    `<rect x="515" y="${y - 5}" width="10" height="10" fill="#8a4500" transform="rotate(45 520 ${y})"/>`,
    `<text x="534" y="${y}" dominant-baseline="central">Fast punkt (årshjul)</text>`,
    '</g>',
  ].join('');
}

/** The start and end angle of a month in degrees: January from the top, clockwise. */
function monthAngles(month: number): [number, number] {
  const start = -90 + (month - 1) * 30;
  return [start, start + 30];
}

function polar(distance: number, angle: number): [string, string] {
  const radians = (angle * Math.PI) / 180;
  return [fmt(centre + distance * Math.cos(radians)), fmt(centre + distance * Math.sin(radians))];
}

function sectorPath(inner: number, outer: number, start: number, end: number): string {
  const [ox1, oy1] = polar(outer, start);
  const [ox2, oy2] = polar(outer, end);
  const [ix2, iy2] = polar(inner, end);
  const [ix1, iy1] = polar(inner, start);
  return `M${ox1} ${oy1}A${outer} ${outer} 0 0 1 ${ox2} ${oy2}L${ix2} ${iy2}A${inner} ${inner} 0 0 0 ${ix1} ${iy1}Z`;
}

function textAt([x, y]: [string | number, string | number], className: string, text: string) {
  const classAttribute = className ? ` class="${className}"` : '';
  return `<text${classAttribute} x="${x}" y="${y}" text-anchor="middle" dominant-baseline="central">${escapeXml(text)}</text>`;
}

/** A coordinate rounded to a tenth, written the same way every time ("-0" as "0"). */
function fmt(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Text cut to `length` characters (whole characters, never half a pair) with "…". */
function shorten(text: string, length: number): string {
  const characters = [...text];
  if (characters.length <= length) return text;
  return `${characters
    .slice(0, length - 1)
    .join('')
    .trimEnd()}…`;
}

function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Whether XML 1.0 can hold a character at all (control characters it cannot, even escaped). */
function isXmlCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

/** Text made safe for XML content and attributes (characters XML cannot hold are dropped). */
export function escapeXml(text: string): string {
  return [...text]
    .filter(isXmlCharacter)
    .join('')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
