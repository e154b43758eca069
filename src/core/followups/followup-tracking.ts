import { danishMonthNames, formatDanishDate } from '../danish-date.ts';
import { addDays, partsOfIsoDate } from './calendar-days.ts';

/**
 * The rules of tracking follow-ups once they are found: their states and statuses, who owns
 * one, when one is overdue and when its owner is reminded. Pure: dates are ISO days in
 * Copenhagen, and "today" is always passed in.
 */

/** Where a found follow-up stands with the secretary: a suggestion, confirmed, or rejected. */
export const followupStates = ['suggested', 'confirmed', 'rejected'] as const;
export type FollowupState = (typeof followupStates)[number];

/** How far a confirmed follow-up has come. */
export const followupStatuses = ['open', 'done', 'cancelled'] as const;
export type FollowupStatus = (typeof followupStatuses)[number];

/** Who owns a follow-up: a member of the forum (who can be reminded), or a unit by name. */
export const followupOwnerKinds = ['member', 'unit'] as const;
export type FollowupOwnerKind = (typeof followupOwnerKinds)[number];

/** Danish names of the statuses. */
export const followupStatusLabels: Record<FollowupStatus, string> = {
  open: 'Åben',
  done: 'Udført',
  cancelled: 'Annulleret',
};

/** Danish names of the states. */
export const followupStateLabels: Record<FollowupState, string> = {
  suggested: 'Forslag',
  confirmed: 'Bekræftet',
  rejected: 'Afvist',
};

/** Danish names of the kinds. */
export const followupKindLabels = { task: 'Opgave', return: 'Vender tilbage' } as const;

/** The longest title a follow-up is given from its sentence. */
const titleLength = 80;

/**
 * A short title from the sentence a follow-up was found in: the sentence itself when short,
 * else cut at a word before 80 characters with "…". The secretary edits it at will.
 */
export function suggestTitle(text: string): string {
  const sentence = text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[.:;]+$/u, '');
  if (sentence.length <= titleLength) return sentence;
  const cut = sentence.slice(0, titleLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > titleLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[,;:]$/u, '')}…`;
}

/** A name as names are compared: spaces collapsed, Danish lower case. */
export function comparableName(name: string): string {
  return name.replace(/\s+/gu, ' ').trim().toLocaleLowerCase('da');
}

/** Whether an owner's name is one of these names (a user's, a forum's), as written. */
export function isNamedOwner(ownerName: string | null, names: readonly string[]): boolean {
  if (!ownerName) return false;
  const owner = comparableName(ownerName);
  return names.some((name) => name.trim() !== '' && comparableName(name) === owner);
}

/** What the overdue and reminder rules need of a follow-up. */
export interface TrackedDeadline {
  state: FollowupState;
  status: FollowupStatus;
  /** The last day of the due range, or null without a deadline. */
  dueTo: string | null;
}

/** Whether a follow-up is still to be done: confirmed and open. */
export function isOpen(followup: Pick<TrackedDeadline, 'state' | 'status'>): boolean {
  return followup.state === 'confirmed' && followup.status === 'open';
}

/** Overdue: confirmed, open, and the last day of its due range has passed. */
export function isOverdue(followup: TrackedDeadline, today: string): boolean {
  return isOpen(followup) && followup.dueTo !== null && followup.dueTo < today;
}

/** Which reminder an owner gets: a few days before the deadline, or once it is overdue. */
export type ReminderKind = 'before' | 'overdue';

/**
 * How long after its deadline an overdue reminder is still sent: a worker that was down that
 * day catches up, but a follow-up confirmed long after its deadline sends no stale alarm.
 */
export const overdueReminderWindowDays = 14;

/**
 * The reminder due today, if any, for an open follow-up with a deadline: "before" from
 * `daysBefore` days ahead of the deadline until the deadline itself, "overdue" from the day
 * after it (within the window); each only once (the `reminded` flags say which went).
 */
export function dueReminder(
  followup: TrackedDeadline & { remindedBefore: boolean; remindedOverdue: boolean },
  today: string,
  daysBefore: number,
): ReminderKind | null {
  if (!isOpen(followup) || followup.dueTo === null) return null;
  const { dueTo } = followup;
  if (today > dueTo)
    return !followup.remindedOverdue && today <= addDays(dueTo, overdueReminderWindowDays)
      ? 'overdue'
      : null;
  return !followup.remindedBefore && today >= addDays(dueTo, -daysBefore) ? 'before' : null;
}

/**
 * A due range in Danish: "21. juni 2017" for one day, else "1. – 10. juli 2017",
 * "21. juni – 10. juli 2017" or "15. december 2017 – 15. januar 2018".
 */
export function formatDueRange(due: { from: string; to: string }): string {
  if (due.from === due.to) return formatDanishDate(due.from);
  const from = partsOfIsoDate(due.from);
  const to = partsOfIsoDate(due.to);
  if (from.year !== to.year) return `${formatDanishDate(due.from)} – ${formatDanishDate(due.to)}`;
  if (from.month !== to.month)
    return `${from.day}. ${danishMonthNames[from.month - 1]} – ${formatDanishDate(due.to)}`;
  return `${from.day}. – ${formatDanishDate(due.to)}`;
}
