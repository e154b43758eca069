import type { StandingItem } from '../../../../src/core/forum-practice.ts';
import { isVisibleText } from '../../../../src/core/text-input.ts';
import type { Forum } from '../../api/types.ts';
import type { FormProblem } from '../../components/error-summary.tsx';

/**
 * The forum editor's draft of a forum's own way of working: its purposes and its standing
 * items, as rows the secretary adds, renames, removes and moves before saving. Each row has a
 * key that survives renaming and moving, and a standing item names its purpose by that key, so
 * renaming "Debattere" carries the standing items that use it along.
 */

/** One purpose being edited. */
export interface PurposeRow {
  key: number;
  name: string;
}

/** One standing item being edited; `minutes` is the input's text, `purposeKey` a purpose row. */
export interface StandingItemRow {
  key: number;
  title: string;
  minutes: string;
  purposeKey: number | null;
}

/** The purposes and standing items being edited, and the next key to give a new row. */
export interface PracticeDraft {
  purposes: PurposeRow[];
  standingItems: StandingItemRow[];
  nextKey: number;
}

/** What the server takes (`PUT /api/forums/:id`): the purposes and standing items in order. */
export interface PracticeChanges {
  purposes: string[];
  standingItems: StandingItem[];
}

/** The limits of purposeListSchema and standingItemSchema, checked before sending. */
export const practiceLimits = {
  purposes: 12,
  purposeLength: 40,
  standingItems: 10,
  titleLength: 200,
  minMinutes: 5,
  maxMinutes: 600,
} as const;

/** The draft of a saved forum: its purposes and standing items as rows. */
export function practiceDraftOf(forum: Pick<Forum, 'purposes' | 'standingItems'>): PracticeDraft {
  const purposes = forum.purposes.map((name, index) => ({ key: index + 1, name }));
  let nextKey = purposes.length + 1;
  const standingItems = forum.standingItems.map((item) => ({
    key: nextKey++,
    title: item.title,
    minutes: item.durationMinutes === null ? '' : String(item.durationMinutes),
    purposeKey: purposes.find((row) => row.name === item.purpose)?.key ?? null,
  }));
  return { purposes, standingItems, nextKey };
}

/** Adds an empty purpose at the end of the list. */
export function addPurpose(draft: PracticeDraft): PracticeDraft {
  return {
    ...draft,
    purposes: [...draft.purposes, { key: draft.nextKey, name: '' }],
    nextKey: draft.nextKey + 1,
  };
}

/** Renames a purpose; the standing items that use it keep it, since they name it by key. */
export function renamePurpose(draft: PracticeDraft, key: number, name: string): PracticeDraft {
  return {
    ...draft,
    purposes: draft.purposes.map((row) => (row.key === key ? { ...row, name } : row)),
  };
}

/**
 * Removes a purpose. The standing items that used it lose their purpose, and their titles are
 * returned so the editor can say so rather than drop the purpose silently.
 */
export function removePurpose(
  draft: PracticeDraft,
  key: number,
): { draft: PracticeDraft; clearedTitles: string[] } {
  const clearedTitles = draft.standingItems
    .filter((item) => item.purposeKey === key)
    .map((item) => item.title.trim() || 'uden titel');
  return {
    draft: {
      ...draft,
      purposes: draft.purposes.filter((row) => row.key !== key),
      standingItems: draft.standingItems.map((item) =>
        item.purposeKey === key ? { ...item, purposeKey: null } : item,
      ),
    },
    clearedTitles,
  };
}

/** Adds an empty standing item at the end, without time or purpose. */
export function addStandingItem(draft: PracticeDraft): PracticeDraft {
  return {
    ...draft,
    standingItems: [
      ...draft.standingItems,
      { key: draft.nextKey, title: '', minutes: '', purposeKey: null },
    ],
    nextKey: draft.nextKey + 1,
  };
}

/** Changes a standing item's title, minutes or purpose. */
export function changeStandingItem(
  draft: PracticeDraft,
  key: number,
  change: Partial<Omit<StandingItemRow, 'key'>>,
): PracticeDraft {
  return {
    ...draft,
    standingItems: draft.standingItems.map((item) =>
      item.key === key ? { ...item, ...change } : item,
    ),
  };
}

/** Removes a standing item. */
export function removeStandingItem(draft: PracticeDraft, key: number): PracticeDraft {
  return { ...draft, standingItems: draft.standingItems.filter((item) => item.key !== key) };
}

/**
 * The rows with the one at `index` moved one place up (-1) or down (1); the same rows when it
 * is already first or last.
 */
export function moveRow<T>(rows: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  const moved = [...rows];
  const row = moved[index];
  const other = moved[target];
  if (row === undefined || other === undefined) return moved;
  moved[index] = other;
  moved[target] = row;
  return moved;
}

/** The ids of the draft's fields inside one form, which problems link to. */
export interface PracticeFieldIds {
  purpose: (key: number) => string;
  addPurpose: string;
  standingTitle: (key: number) => string;
  standingMinutes: (key: number) => string;
  standingPurpose: (key: number) => string;
  addStandingItem: string;
}

/** The field ids of a form, from its `useId` prefix. */
export function practiceFieldIds(prefix: string): PracticeFieldIds {
  return {
    purpose: (key) => `${prefix}-purpose-${key}`,
    addPurpose: `${prefix}-add-purpose`,
    standingTitle: (key) => `${prefix}-standing-${key}-title`,
    standingMinutes: (key) => `${prefix}-standing-${key}-minutes`,
    standingPurpose: (key) => `${prefix}-standing-${key}-purpose`,
    addStandingItem: `${prefix}-add-standing`,
  };
}

/**
 * The draft's problems in Danish, each linked to its field, as the server would find them:
 * at least one purpose, none empty, too long or twice, at most twelve; standing items with a
 * title and a whole number of minutes between 5 and 600, at most ten.
 */
export function practiceProblems(draft: PracticeDraft, ids: PracticeFieldIds): FormProblem[] {
  return [...purposeProblems(draft.purposes, ids), ...standingItemProblems(draft, ids)];
}

function purposeProblems(purposes: readonly PurposeRow[], ids: PracticeFieldIds): FormProblem[] {
  if (purposes.length === 0)
    return [{ fieldId: ids.addPurpose, message: 'Forummet skal have mindst ét formål.' }];
  const problems: FormProblem[] = [];
  const seen = new Set<string>();
  for (const [index, row] of purposes.entries()) {
    const name = row.name.trim();
    const fieldId = ids.purpose(row.key);
    if (!isVisibleText(name))
      problems.push({ fieldId, message: `Skriv et navn på formål ${index + 1}, eller fjern det.` });
    else if (name.length > practiceLimits.purposeLength)
      problems.push({
        fieldId,
        message: `Formål ${index + 1} må højst være ${practiceLimits.purposeLength} tegn.`,
      });
    else if (seen.has(name.toLocaleLowerCase('da')))
      problems.push({
        fieldId,
        message: `Formålet "${name}" står to gange. Ret eller fjern det ene.`,
      });
    seen.add(name.toLocaleLowerCase('da'));
  }
  if (purposes.length > practiceLimits.purposes)
    problems.push({
      fieldId: ids.purpose(purposes[practiceLimits.purposes]?.key ?? 0),
      message: `Forummet kan højst have ${practiceLimits.purposes} formål.`,
    });
  return problems;
}

function standingItemProblems(draft: PracticeDraft, ids: PracticeFieldIds): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const [index, item] of draft.standingItems.entries()) {
    const number = index + 1;
    const title = item.title.trim();
    if (!isVisibleText(title))
      problems.push({
        fieldId: ids.standingTitle(item.key),
        message: `Skriv en titel på fast punkt ${number}, eller fjern det.`,
      });
    else if (title.length > practiceLimits.titleLength)
      problems.push({
        fieldId: ids.standingTitle(item.key),
        message: `Titlen på fast punkt ${number} må højst være ${practiceLimits.titleLength} tegn.`,
      });
    if (item.minutes.trim() && minutesOf(item.minutes) === null)
      problems.push({
        fieldId: ids.standingMinutes(item.key),
        message: `Tiden for fast punkt ${number} skal være et helt antal minutter mellem ${practiceLimits.minMinutes} og ${practiceLimits.maxMinutes}.`,
      });
  }
  const extra = draft.standingItems[practiceLimits.standingItems];
  if (extra)
    problems.push({
      fieldId: ids.standingTitle(extra.key),
      message: `Forummet kan højst have ${practiceLimits.standingItems} faste punkter.`,
    });
  return problems;
}

/** The minutes a standing item's input holds, or null when it is not a valid time. */
function minutesOf(text: string): number | null {
  const value = Number(text.trim());
  if (!Number.isInteger(value)) return null;
  if (value < practiceLimits.minMinutes || value > practiceLimits.maxMinutes) return null;
  return value;
}

/** The draft as the server takes it; call it only when practiceProblems found none. */
export function practiceChangesOf(draft: PracticeDraft): PracticeChanges {
  const names = new Map(draft.purposes.map((row) => [row.key, row.name.trim()]));
  return {
    purposes: draft.purposes.map((row) => row.name.trim()),
    standingItems: draft.standingItems.map((item) => ({
      title: item.title.trim(),
      durationMinutes: item.minutes.trim() ? minutesOf(item.minutes) : null,
      purpose: item.purposeKey === null ? null : (names.get(item.purposeKey) ?? null),
    })),
  };
}
