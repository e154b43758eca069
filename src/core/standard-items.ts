import { formatDanishDate } from './danish-date.ts';
import type { StandingItem } from './forum-practice.ts';
import { type AgendaItem, createEmptyItem, type Recommendation } from './meeting.ts';

/** What an item is for, in the forum's own words ("Beslutning", "Afdække"). */
export type ItemPurpose = string;

/**
 * Danish names of the purposes stored as keys before forums had their own lists.
 * @deprecated use purposeLabel from forum-practice.ts, which also knows the forum's own words.
 */
export const itemPurposeLabels: Record<string, string> = {
  orientering: 'Orientering',
  droftelse: 'Drøftelse',
  beslutning: 'Beslutning',
};

/** One-click phrases for the Beslutning in meeting mode, per forum name. */
export function decisionPhrases(forum: string): string[] {
  return [
    `${forum} godkendte indstillingen.`,
    `${forum} tog orienteringen til efterretning.`,
    `${forum} drøftede sagen.`,
    `${forum} godkendte indstillingen med de faldne bemærkninger.`,
    'Sagen blev udsat.',
  ];
}

/**
 * The standard items of a new meeting: item 1 approves the agenda and the previous meeting's
 * minutes (naming its date), then the forum's standing items, and last "Evt.".
 */
export function standardItems(
  forum: string,
  previousMeetingDate: string | null,
  standing: readonly StandingItem[] = [],
): AgendaItem[] {
  const approval = createEmptyItem(1, 'Godkendelse af dagsorden og referat');
  approval.background = 'Godkendelse af dagsorden og referat';
  approval.recommendation = {
    proposer: 'Kommunaldirektøren',
    points: [`at ${forum.toLowerCase()} godkender dagsordenen for mødet`],
  };
  approval.recommendation = withPreviousMeetingNamed(
    approval.recommendation,
    forum,
    previousMeetingDate,
  );
  const standingItems = standing.map((entry, index) => {
    const item = createEmptyItem(index + 2, entry.title);
    item.durationMinutes = entry.durationMinutes;
    return item;
  });
  return [approval, ...standingItems, createEmptyItem(standing.length + 2, 'Evt.')];
}

const previousMinutesPoint =
  /godkender\s+referat(?:et|er)?\s+fra\s+(?:det\s+)?(?:forrige\s+)?møde(?:t)?\b/iu;

/**
 * Item 1's Indstilling with its at-point about the previous minutes naming `previousDate`: the
 * point is rewritten when the date is another, added when missing, and removed when there is
 * no previous meeting. The other points stay as the secretary wrote them.
 */
export function withPreviousMeetingNamed(
  recommendation: Recommendation,
  forum: string,
  previousDate: string | null,
): Recommendation {
  const wanted = previousDate
    ? `at ${forum.toLowerCase()} godkender referat fra mødet d. ${formatDanishDate(previousDate)}`
    : null;
  const index = recommendation.points.findIndex((point) => previousMinutesPoint.test(point));
  const points = [...recommendation.points];
  if (index >= 0) {
    if (wanted) points[index] = wanted;
    else points.splice(index, 1);
  } else if (wanted) points.push(wanted);
  return { ...recommendation, points };
}

/** Whether item 1 asks for the previous minutes to be approved. */
export function approvesPreviousMinutes(recommendation: Recommendation | null): boolean {
  return recommendation?.points.some((point) => previousMinutesPoint.test(point)) ?? false;
}

/** The meeting's time plan: minutes set aside in total, and the items without a time. */
export function timePlan(items: readonly Pick<AgendaItem, 'durationMinutes'>[]): {
  totalMinutes: number;
  itemsWithoutTime: number;
} {
  let totalMinutes = 0;
  let itemsWithoutTime = 0;
  for (const item of items) {
    if (item.durationMinutes) totalMinutes += item.durationMinutes;
    else itemsWithoutTime++;
  }
  return { totalMinutes, itemsWithoutTime };
}

/** Adds minutes to a clock time, "13:00" + 90 → "14:30", for the time plan's end time. */
export function addMinutesToClock(clock: string, minutes: number): string {
  const [hours = 0, mins = 0] = clock.split(':').map(Number);
  const total = (hours * 60 + mins + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * Whether an item is one of the standard items that frame every agenda: item 1 (approval of
 * agenda and minutes) and the last item, "Evt.". They cannot be deleted or moved.
 */
export function isStandardItem(
  item: { title: string },
  position: number,
  itemCount: number,
): boolean {
  if (position === 0) return /^Godkendelse af dagsorden/iu.test(item.title.trim());
  if (position === itemCount - 1) return /^Evt\.?$|^Eventuelt$/iu.test(item.title.trim());
  return false;
}

/** The Beslutning written on item 1 when it approves the previous meeting's minutes. */
export function approvalDecision(previousMeetingDate: string): string {
  return `Referatet fra mødet d. ${formatDanishDate(previousMeetingDate)} blev godkendt.`;
}
