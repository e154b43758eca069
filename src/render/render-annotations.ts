/**
 * The forum's annotations of a meeting (core/item-annotations.ts) laid out for the renderers:
 * the purpose-and-time note, the guests, what is carried back to the departments and the
 * corrections. Kept apart from render-model.ts because none of it is in the interchange
 * format: the parser does not read it back, so each piece says so (see RenderNote and
 * RenderSection.isAnnotation) and Markdown can keep it out of the items it parses.
 */
import { formatDanishDate } from '../core/danish-date.ts';
import {
  gatheredCommunications,
  type ItemAnnotations,
  type MeetingAnnotations,
} from '../core/item-annotations.ts';
import type { AgendaItem, MeetingKind } from '../core/meeting.ts';
import { type Block, textParagraph } from './document-blocks.ts';
import { removeControlCharacters } from './markdown-blocks.ts';

/** One short line under an item's journal number. */
export interface RenderNote {
  /** What PDF, Word and HTML show: "Beslutning · 20 min", "Lukket punkt", "Rettet d. …". */
  text: string;
  /**
   * The same fact as the parser reads it back ("Varighed: 20 min", "Lukket punkt"), for
   * Markdown, which must round-trip; null when the note is an annotation only.
   */
  interchangeText: string | null;
}

/** One labelled section of an item, ready to draw. */
export interface RenderSection {
  /** The Danish heading: Anledning, Sagsfremstilling, Indstilling, Beslutning, Bilag, … */
  label: string;
  blocks: Block[];
  /**
   * True for the forum's annotations (Deltagere under punktet, Kommunikeres ud, Til
   * afdelingerne): the parser would read them as part of the section before them.
   */
  isAnnotation: boolean;
}

/** Section labels of the annotations, in Danish as the forum writes them. */
export const annotationLabels = {
  guests: 'Deltagere under punktet',
  communication: 'Kommunikeres ud',
  gathered: 'Til afdelingerne',
  corrections: 'Rettelser',
} as const;

/**
 * The annotations of each item as this document may show them: none for a closed item in
 * a public document, since its purpose, guests, message and corrections are its content.
 */
export function fitAnnotations(
  annotations: MeetingAnnotations | undefined,
  items: readonly AgendaItem[],
  isPublic: boolean,
): MeetingAnnotations {
  if (!annotations) return { items: {}, communicationItemNumber: null };
  const fitted: Record<number, ItemAnnotations> = {};
  for (const item of items) {
    const found = annotations.items[item.number];
    if (found && !(isPublic && item.closed)) fitted[item.number] = found;
  }
  return { items: fitted, communicationItemNumber: annotations.communicationItemNumber };
}

/**
 * The purpose and time as one note, "Beslutning · 20 min", with what Markdown writes
 * instead: the parser reads a duration only from a "Varighed:" line, and a lone "Beslutning"
 * would start the Beslutning section, so the purpose stays out of the item there. A duration
 * alone keeps its "Varighed:" label in every format, so every format still reads back.
 */
export function timeNote(purpose: string | null, shownMinutes: number | null): RenderNote | null {
  const interchangeText = shownMinutes ? `Varighed: ${shownMinutes} min` : null;
  if (!purpose) return interchangeText ? { text: interchangeText, interchangeText } : null;
  const text = shownMinutes ? `${purpose} · ${shownMinutes} min` : purpose;
  return { text, interchangeText };
}

/** The notes of an item's corrections: "Rettet d. 12. marts 2019: reason". */
export function correctionNotes(annotations: ItemAnnotations | undefined): RenderNote[] {
  return (annotations?.corrections ?? [])
    .filter((correction) => cleanLine(correction.reason) !== '')
    .map((correction) => ({
      text: `Rettet d. ${correctionDate(correction.date)}: ${cleanLine(correction.reason)}`,
      interchangeText: null,
    }));
}

/** The front matter's list of every correction, "Punkt 3, rettet d. …: reason". */
export function correctionFactValues(
  annotations: MeetingAnnotations,
  items: readonly AgendaItem[],
): string[] {
  return items.flatMap((item) =>
    (annotations.items[item.number]?.corrections ?? [])
      .filter((correction) => cleanLine(correction.reason) !== '')
      .map(
        (correction) =>
          `Punkt ${item.number}, rettet d. ${correctionDate(correction.date)}: ${cleanLine(correction.reason)}`,
      ),
  );
}

/** The guests' section, "Navn (rolle)", placed before the item's own text. */
export function guestSections(annotations: ItemAnnotations | undefined): RenderSection[] {
  const guests = (annotations?.guests ?? [])
    .map((guest) => {
      const name = cleanLine(guest.name);
      const role = cleanLine(guest.role ?? '');
      return role && name ? `${name} (${role})` : name;
    })
    .filter((text) => text !== '');
  if (guests.length === 0) return [];
  return [{ label: annotationLabels.guests, blocks: [plainList(guests)], isAnnotation: true }];
}

/**
 * In minutes: the item's own message ("Kommunikeres ud") and, on the item that gathers them,
 * every item's message as "Punkt 3 – Titel: message" ("Til afdelingerne"). An agenda has no
 * messages yet: they come out of the meeting.
 */
export function communicationSections(
  item: AgendaItem,
  kind: MeetingKind,
  annotations: MeetingAnnotations,
  items: readonly AgendaItem[],
): RenderSection[] {
  if (kind !== 'minutes') return [];
  const sections: RenderSection[] = [];
  const message = cleanText(annotations.items[item.number]?.communication ?? '');
  if (message !== '') {
    sections.push({
      label: annotationLabels.communication,
      blocks: message.split(/\n{2,}/u).map((paragraph) => textParagraph(paragraph)),
      isAnnotation: true,
    });
  }
  if (annotations.communicationItemNumber === item.number) {
    const gathered = gatheredCommunications(annotations, items).map(
      (entry) =>
        `Punkt ${entry.number} – ${cleanLine(entry.title) || 'Uden titel'}: ${cleanLine(entry.message)}`,
    );
    if (gathered.length > 0) {
      sections.push({
        label: annotationLabels.gathered,
        blocks: [plainList(gathered)],
        isAnnotation: true,
      });
    }
  }
  return sections;
}

/** "12. marts 2019"; a date that is not ISO is shown as given rather than as "NaN". */
function correctionDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/u.test(date) ? formatDanishDate(date) : cleanLine(date);
}

/** A bulleted list of plain lines. */
export function plainList(texts: readonly string[]): Block {
  return {
    type: 'list',
    isOrdered: false,
    start: 1,
    items: texts.map((text) => [textParagraph(cleanLine(text))]),
  };
}

/** One line of plain text: no control characters, single spaces. */
export function cleanLine(text: string): string {
  return removeControlCharacters(text).replace(/\s+/gu, ' ').trim();
}

/** A short text that may hold paragraphs: lines kept apart by blank lines, spaces single. */
function cleanText(text: string): string {
  return removeControlCharacters(text)
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.replace(/\s+/gu, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
