import type { PersonalFeedStatus } from '../../api/calendar-feed.ts';
import { formatTimestamp } from '../../lib/format.ts';

/**
 * The address's status in words: whether there is one, when it was made, and whether a
 * calendar has fetched it (which tells the user that the subscription works).
 */
export function calendarFeedStatusText(status: PersonalFeedStatus): string {
  if (!status.exists || !status.createdAt) return 'Du har ingen kalenderadresse.';
  const made = `Du har en kalenderadresse, lavet ${formatTimestamp(status.createdAt)}.`;
  const used = status.lastUsedAt
    ? `En kalender hentede den senest ${formatTimestamp(status.lastUsedAt)}.`
    : 'Ingen kalender har hentet den endnu.';
  return `${made} ${used}`;
}

/** What the confirmation asks before a step that makes the old address stop working. */
export type CalendarFeedStep = 'replace' | 'delete';

/** The confirmation's title, text and button for a step. */
export const calendarFeedSteps: Record<
  CalendarFeedStep,
  { title: string; text: string; confirmLabel: string }
> = {
  replace: {
    title: 'Lav en ny adresse?',
    text: 'Den gamle adresse holder op med at virke med det samme. Kalendere, der abonnerer på den, får ikke flere møder, før du har lagt den nye adresse ind i dem.',
    confirmLabel: 'Lav en ny adresse',
  },
  delete: {
    title: 'Slet adressen?',
    text: 'Adressen holder op med at virke med det samme. Kalendere, der abonnerer på den, får ikke flere møder.',
    confirmLabel: 'Slet adressen',
  },
};
