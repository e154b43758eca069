import { purposeLabel } from '../../../../src/core/forum-practice.ts';
import type {
  EditableItem,
  ItemChanges,
  ItemGuest,
  ItemPurpose,
  Recommendation,
} from '../../api/types.ts';
import { guestLabel } from './guest-label.ts';

/** The item editor's form state: every field as the inputs hold it. */
export interface ItemDraft {
  title: string;
  caseNumber: string;
  purpose: ItemPurpose | '';
  durationMinutes: string;
  closed: boolean;
  background: string;
  presentation: string;
  proposer: string;
  points: string[];
  decision: string;
  /** Gæster og oplægsholdere, planned on the agenda or added in the meeting. */
  guests: ItemGuest[];
  /** "Kommunikeres ud": empty when nothing is to be passed on. */
  communication: string;
}

/** The fields the editor saves, in the order the conflict view lists them. */
export const editableFields = [
  'title',
  'caseNumber',
  'purpose',
  'durationMinutes',
  'closed',
  'guests',
  'background',
  'presentation',
  'recommendation',
  'decision',
  'communication',
] as const satisfies readonly (keyof ItemChanges)[];

/** One of the fields the editor saves. */
export type EditableField = (typeof editableFields)[number];

/** Danish names of the fields, for the conflict view. */
export const fieldLabels: Record<EditableField, string> = {
  title: 'Titel',
  caseNumber: 'Journalnummer',
  purpose: 'Formål',
  durationMinutes: 'Tid',
  closed: 'Lukket punkt',
  guests: 'Gæster og oplægsholdere',
  background: 'Anledning',
  presentation: 'Sagsfremstilling',
  recommendation: 'Indstilling',
  decision: 'Beslutning',
  communication: 'Kommunikeres ud',
};

/** The form state of a stored item. */
export function draftFromItem(item: EditableItem): ItemDraft {
  return {
    title: item.title,
    caseNumber: item.caseNumber ?? '',
    purpose: item.purpose ?? '',
    durationMinutes: item.durationMinutes ? String(item.durationMinutes) : '',
    closed: item.closed,
    background: item.background ?? '',
    presentation: item.presentation ?? '',
    proposer: item.recommendation?.proposer ?? '',
    points: [...(item.recommendation?.points ?? [])],
    decision: item.decision ?? '',
    guests: item.guests.map((guest) => ({ name: guest.name, role: guest.role })),
    communication: item.communication ?? '',
  };
}

/**
 * The stored form of every field of a draft: empty texts become null, a guest without a name
 * is dropped, and the message is trimmed as the server stores it.
 */
export function fieldsOfDraft(draft: ItemDraft): Required<Pick<ItemChanges, EditableField>> {
  const points = draft.points.map((point) => point.trim()).filter(Boolean);
  const proposer = draft.proposer.trim();
  const recommendation: Recommendation | null =
    proposer || points.length > 0 ? { proposer, points } : null;
  const minutes = Number(draft.durationMinutes);
  return {
    title: draft.title.trim(),
    caseNumber: draft.caseNumber.trim() || null,
    purpose: draft.purpose || null,
    durationMinutes: Number.isInteger(minutes) && minutes > 0 ? minutes : null,
    closed: draft.closed,
    background: emptyToNull(draft.background),
    presentation: emptyToNull(draft.presentation),
    recommendation,
    guests: draft.guests.flatMap((guest) => {
      const name = guest.name.trim();
      return name ? [{ name, role: guest.role?.trim() || null }] : [];
    }),
    decision: emptyToNull(draft.decision),
    communication: draft.communication.trim() || null,
  };
}

function emptyToNull(text: string): string | null {
  return text.trim() ? text : null;
}

/** The fields where a draft differs from a stored item: what a save must send. */
export function changesBetween(draft: ItemDraft, item: EditableItem): ItemChanges {
  const mine = fieldsOfDraft(draft);
  const stored = fieldsOfDraft(draftFromItem(item));
  const changes: Record<string, unknown> = {};
  for (const field of editableFields)
    if (JSON.stringify(mine[field]) !== JSON.stringify(stored[field])) changes[field] = mine[field];
  return changes as ItemChanges;
}

/** True when two stored versions hold the same texts (only version or Bilag differ). */
export function hasSameContent(one: EditableItem, other: EditableItem): boolean {
  return Object.keys(changesBetween(draftFromItem(one), other)).length === 0;
}

/** A field's value as text for the conflict view. */
export function describeField(field: EditableField, draft: ItemDraft): string {
  const value = fieldsOfDraft(draft)[field];
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return '(tom)';
  switch (field) {
    case 'closed':
      return value ? 'Ja' : 'Nej';
    case 'purpose':
      return purposeLabel(value as ItemPurpose) ?? '(tom)';
    case 'durationMinutes':
      return `${value} min`;
    case 'guests':
      return (value as ItemGuest[]).map(guestLabel).join('\n');
    case 'recommendation': {
      const recommendation = value as Recommendation;
      const points = recommendation.points.map((point, index) => `${index + 1}. ${point}`);
      return [`${recommendation.proposer} indstiller,`, ...points].join('\n');
    }
    default:
      return String(value);
  }
}
