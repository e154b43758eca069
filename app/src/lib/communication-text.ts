import { formatDanishDate } from '../../../src/core/danish-date.ts';
import {
  gatheredCommunications,
  type ItemAnnotations,
} from '../../../src/core/item-annotations.ts';
import type { EditableItem } from '../api/types.ts';

/** One item's "Kommunikeres ud" message, with the item's number and title. */
export interface CommunicationEntry {
  number: number;
  title: string;
  message: string;
}

/**
 * The messages of all items in item order, gathered by the same rule as the documents'
 * "Kommunikeres ud" list, so that the meeting sees what the minutes will print.
 */
export function communicationEntries(
  items: ReadonlyArray<Pick<EditableItem, 'number' | 'title' | 'communication'>>,
): CommunicationEntry[] {
  const annotations: Record<number, ItemAnnotations> = {};
  for (const item of items) annotations[item.number] = { communication: item.communication };
  return gatheredCommunications({ items: annotations, communicationItemNumber: null }, items);
}

/**
 * "Punkt 3 – Titel: message" on one line: a message's line breaks become spaces, since each
 * message is one line of the text the chiefs pass on.
 */
export function communicationLine(entry: CommunicationEntry): string {
  const title = oneLine(entry.title) || 'Uden titel';
  return `Punkt ${entry.number} – ${title}: ${oneLine(entry.message)}`;
}

/**
 * The short plain text the chiefs copy to their departments: "Fra Chefforum d. 14. december
 * 2026:" and then one line per message; no Markdown and no HTML, so that it pastes cleanly
 * into a mail, Teams or an intranet page.
 */
export function departmentText(
  forumName: string,
  isoDate: string,
  entries: readonly CommunicationEntry[],
): string {
  const heading = `Fra ${oneLine(forumName)} d. ${formatDanishDate(isoDate)}:`;
  return [heading, ...entries.map(communicationLine)].join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
