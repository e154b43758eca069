import type { EditableItem, Workspace } from '../../api/types.ts';
import { formatDanishDate } from '../../lib/format.ts';

/** What a confirmation before a step says: its title, its lines and its button. */
export interface Confirmation {
  title: string;
  lines: string[];
  /** Items the step should make the user think twice about (minutes without a Beslutning). */
  items: Array<{ number: number; title: string }>;
  confirmLabel: string;
}

/**
 * The confirmation before "Udsend dagsorden" or "Udsend referat": which version it becomes,
 * who can read it, and for the minutes the items that have no Beslutning yet.
 */
export function publishConfirmation(
  workspace: Pick<Workspace, 'publications' | 'forum' | 'items'>,
  kind: 'agenda' | 'minutes',
): Confirmation {
  const number = workspace.publications.filter((entry) => entry.kind === kind).length + 1;
  const document = kind === 'agenda' ? 'Dagsordenen' : 'Referatet';
  const pronoun = kind === 'agenda' ? 'Den' : 'Det';
  const readers =
    workspace.forum.visibility === 'public'
      ? `${pronoun} kan derefter læses af alle i det offentlige arkiv.`
      : `${pronoun} kan derefter læses af ${workspace.forum.name}s medlemmer.`;
  const lines = [
    `${document} udsendes som version ${number}.${number > 1 ? ' De tidligere versioner gemmes, og ændringerne vises.' : ''}`,
    readers,
  ];
  if (kind === 'minutes')
    lines.push('Referatet kan rettes og udsendes igen, indtil det godkendes.');
  const items = kind === 'minutes' ? itemsWithoutDecision(workspace.items) : [];
  return {
    title: kind === 'agenda' ? 'Udsend dagsorden?' : 'Udsend referat?',
    lines,
    items,
    confirmLabel:
      items.length > 0
        ? 'Udsend referatet alligevel'
        : kind === 'agenda'
          ? 'Udsend dagsordenen'
          : 'Udsend referatet',
  };
}

/** The items a published minutes would show without a Beslutning ("Evt." may stay empty). */
export function itemsWithoutDecision(
  items: readonly Pick<EditableItem, 'number' | 'title' | 'decision' | 'isStandard'>[],
): Array<{ number: number; title: string }> {
  return items
    .filter((item) => !item.decision?.trim())
    .filter((item) => !(item.isStandard && /^Evt\.?$|^Eventuelt$/iu.test(item.title.trim())))
    .map((item) => ({ number: item.number, title: item.title }));
}

/** The question before starting a meeting on another day than planned; null when it is today. */
export function startConfirmation(meetingDate: string, today: string): Confirmation | null {
  if (meetingDate === today) return null;
  return {
    title: 'Start mødet i dag?',
    lines: [
      `Mødet er planlagt til d. ${formatDanishDate(meetingDate)}, ikke i dag.`,
      'Når mødet er startet, er det "I gang", og beslutningerne skrives i mødetilstand.',
    ],
    items: [],
    confirmLabel: 'Start mødet alligevel',
  };
}

/** Today's date in Copenhagen as YYYY-MM-DD, for comparing with a meeting's date. */
export function todayInCopenhagen(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}
