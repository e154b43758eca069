import { formatDanishDate } from './danish-date.ts';
import { type AgendaItem, createEmptyItem } from './meeting.ts';

/** What an item is for: Orientering, Drøftelse or Beslutning. */
export type ItemPurpose = 'orientering' | 'droftelse' | 'beslutning';

/** Danish names of the purposes. */
export const itemPurposeLabels: Record<ItemPurpose, string> = {
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
 * minutes (naming its date), and the last item is "Evt.".
 */
export function standardItems(forum: string, previousMeetingDate: string | null): AgendaItem[] {
  const approval = createEmptyItem(1, 'Godkendelse af dagsorden og referat');
  approval.background = 'Godkendelse af dagsorden og referat';
  approval.recommendation = {
    proposer: 'Kommunaldirektøren',
    points: [
      `at ${forum.toLowerCase()} godkender dagsordenen for mødet`,
      ...(previousMeetingDate
        ? [
            `at ${forum.toLowerCase()} godkender referat fra mødet d. ${formatDanishDate(previousMeetingDate)}`,
          ]
        : []),
    ],
  };
  return [approval, createEmptyItem(2, 'Evt.')];
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
