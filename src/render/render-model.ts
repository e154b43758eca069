import { formatMeetingDate, formatShortDate } from '../core/danish-date.ts';
import { deriveForumAbbreviation } from '../core/forum-abbreviation.ts';
import type { MeetingAnnotations } from '../core/item-annotations.ts';
import { durationInTitle } from '../core/item-duration.ts';
import type { AgendaItem, Meeting, MeetingKind } from '../core/meeting.ts';
import { visibleItem } from '../core/policies/read-model.ts';
import { type Block, textParagraph } from './document-blocks.ts';
import { markdownToBlocks } from './markdown-blocks.ts';
import {
  annotationLabels,
  cleanLine as clean,
  communicationSections,
  correctionFactValues,
  correctionNotes,
  fitAnnotations,
  guestSections,
  plainList,
  type RenderNote,
  type RenderSection,
  timeNote,
} from './render-annotations.ts';
import type { RenderAppendix } from './render-appendix.ts';

export type { RenderNote, RenderSection } from './render-annotations.ts';

/** Choices for rendering one meeting. */
export interface RenderOptions {
  /** Agenda (dagsorden, no decisions) or minutes (referat); defaults to the meeting's own kind. */
  kind?: MeetingKind;
  /** The forum's abbreviation ("CF"); the forum's record supplies it, else it is derived. */
  forumAbbreviation?: string;
  /** Leave out the content of closed items (lukket punkt), for readers without rights. */
  isPublic?: boolean;
  /**
   * What the forum adds beyond the interchange format: purpose, guests, communication and
   * corrections, by item number. Give them as this reader may see them, like the meeting
   * itself; with `isPublic` a closed item's annotations are left out here as well.
   */
  annotations?: MeetingAnnotations;
  /** A last page after the items (the årshjul after an agenda); the PDF shows it. */
  appendix?: RenderAppendix;
  /** The journal number's address in the case system (REFERAT_CASE_URL), when there is one. */
  caseUrl?: (caseNumber: string) => string | null | undefined;
}

/** A label and its values in the header: Mødedato, Mødested, Rettelser (one per correction). */
export interface RenderFact {
  label: string;
  values: string[];
}

/** One item, ready to draw: "Punkt 3: CF - Titel", its journal number, notes and sections. */
export interface RenderItem {
  number: number;
  /** "Punkt 3: CF - Titel". */
  heading: string;
  /** "CF - Titel", as the table of contents lists it. */
  contentsTitle: string;
  /** A stable anchor for links, "punkt-3". */
  anchor: string;
  caseNumber: string | null;
  /** Where the journal number links to in the case system; null without a link. */
  caseUrl: string | null;
  /** Short lines under the journal number: purpose and time, closed, corrections. */
  notes: RenderNote[];
  sections: RenderSection[];
}

/** A meeting laid out as the house layout: header, contents, one item per page. */
export interface RenderDocument {
  kind: MeetingKind;
  /** "REFERAT Chefforum d. 14-06-2017" or "DAGSORDEN …". */
  title: string;
  forum: string;
  abbreviation: string;
  /** Label and value lines of the header: Mødedato, Mødested, then any Rettelser. */
  facts: RenderFact[];
  contentsLabel: string;
  items: RenderItem[];
  /** Shown instead of items when there are none. */
  emptyNote: string | null;
  appendix?: RenderAppendix;
}

const kindTitles: Record<MeetingKind, string> = { agenda: 'DAGSORDEN', minutes: 'REFERAT' };

/** Lays a meeting out for rendering: the one place that decides what each format shows. */
export function buildRenderDocument(meeting: Meeting, options: RenderOptions = {}): RenderDocument {
  const kind = options.kind ?? meeting.kind;
  const forum = clean(meeting.forum);
  const abbreviation = clean(options.forumAbbreviation ?? '') || deriveForumAbbreviation(forum);
  const when = `${formatMeetingDate(meeting.date)}${meeting.start ? ` kl. ${meeting.start}` : ''}`;
  // A document given for publishing is published as is, but for its closed items; the
  // closed items go through the one visibility rule (core/policies/read-model.ts).
  const items = options.isPublic
    ? meeting.items.map((item) => visibleItem(item, 'public', 'minutes_published'))
    : meeting.items;
  const annotations = fitAnnotations(options.annotations, items, options.isPublic === true);
  const facts: RenderFact[] = [{ label: 'Mødedato', values: [when] }];
  if (meeting.location) facts.push({ label: 'Mødested', values: [clean(meeting.location)] });
  const corrections = correctionFactValues(annotations, items);
  if (corrections.length > 0)
    facts.push({ label: annotationLabels.corrections, values: corrections });
  return {
    kind,
    title: `${kindTitles[kind]} ${forum} d. ${formatShortDate(meeting.date)}`,
    forum,
    abbreviation,
    facts,
    contentsLabel: 'Indholdsfortegnelse',
    items: items.map((item) =>
      buildItem(item, { kind, abbreviation, annotations, items, caseUrl: options.caseUrl }),
    ),
    emptyNote: meeting.items.length === 0 ? 'Mødet har ingen punkter.' : null,
    ...(options.appendix ? { appendix: options.appendix } : {}),
  };
}

/** What every item of one document is built with. */
interface ItemContext {
  kind: MeetingKind;
  abbreviation: string;
  annotations: MeetingAnnotations;
  /** The document's items as shown, for gathering the communication messages. */
  items: readonly AgendaItem[];
  caseUrl?: RenderOptions['caseUrl'];
}

function buildItem(item: AgendaItem, context: ItemContext): RenderItem {
  const title = clean(item.title) || 'Uden titel';
  const contentsTitle = `${context.abbreviation} - ${title}`;
  return {
    number: item.number,
    heading: `Punkt ${item.number}: ${contentsTitle}`,
    contentsTitle,
    anchor: `punkt-${item.number}`,
    caseNumber: item.caseNumber ? clean(item.caseNumber) : null,
    caseUrl: item.caseNumber ? (context.caseUrl?.(clean(item.caseNumber)) ?? null) : null,
    notes: itemNotes(item, title, context.annotations),
    sections: itemSections(item, context),
  };
}

function itemNotes(item: AgendaItem, title: string, annotations: MeetingAnnotations): RenderNote[] {
  const own = annotations.items[item.number];
  const duration = item.durationMinutes;
  // A duration the title already states ("(30 min)") is not repeated.
  const shownMinutes = duration && durationInTitle(title) !== duration ? duration : null;
  const notes: RenderNote[] = [];
  const time = timeNote(clean(own?.purpose ?? '') || null, shownMinutes);
  if (time) notes.push(time);
  if (item.closed) notes.push({ text: 'Lukket punkt', interchangeText: 'Lukket punkt' });
  notes.push(...correctionNotes(own));
  return notes;
}

function itemSections(item: AgendaItem, context: ItemContext): RenderSection[] {
  const sections: RenderSection[] = [...guestSections(context.annotations.items[item.number])];
  const addText = (label: string, text: string | null): void => {
    const blocks = text ? rankHeadingLevels(markdownToBlocks(text)) : [];
    if (blocks.length > 0) sections.push({ label, blocks, isAnnotation: false });
  };
  addText('Anledning', item.background);
  addText('Sagsfremstilling', item.presentation);
  if (item.recommendation)
    sections.push({
      label: 'Indstilling',
      blocks: recommendationBlocks(item.recommendation),
      isAnnotation: false,
    });
  if (context.kind === 'minutes') addText('Beslutning', item.decision);
  sections.push(...communicationSections(item, context.kind, context.annotations, context.items));
  if (item.attachments.length > 0) {
    sections.push({
      label: 'Bilag',
      blocks: [plainList(item.attachments.map((attachment) => attachment.title))],
      isAnnotation: false,
    });
  }
  if (item.absent.length > 0) {
    const names = item.absent.map((absence) =>
      absence.role ? `${absence.name} (${absence.role})` : absence.name,
    );
    sections.push({ label: 'Fraværende', blocks: [plainList(names)], isAnnotation: false });
  }
  return sections;
}

/**
 * Renumbers the headings inside a text 1, 2, 3… by rank, so that "####" under a section
 * does not skip levels in the document outline (PDF/UA and screen readers require that).
 */
function rankHeadingLevels(blocks: Block[]): Block[] {
  const levels = [...new Set(collectHeadingLevels(blocks))].sort((left, right) => left - right);
  if (levels.length === 0) return blocks;
  const rankOf = new Map(levels.map((level, index) => [level, index + 1]));
  const rename = (block: Block): Block => {
    switch (block.type) {
      case 'heading':
        return { ...block, level: rankOf.get(block.level) ?? 1 };
      case 'list':
        return { ...block, items: block.items.map((item) => item.map(rename)) };
      case 'quote':
        return { ...block, blocks: block.blocks.map(rename) };
      default:
        return block;
    }
  };
  return blocks.map(rename);
}

function collectHeadingLevels(blocks: readonly Block[]): number[] {
  return blocks.flatMap((block) => {
    if (block.type === 'heading') return [block.level];
    if (block.type === 'list') return block.items.flatMap(collectHeadingLevels);
    if (block.type === 'quote') return collectHeadingLevels(block.blocks);
    return [];
  });
}

function recommendationBlocks(recommendation: NonNullable<AgendaItem['recommendation']>): Block[] {
  const proposer = clean(recommendation.proposer);
  const lead = proposer ? `${proposer} indstiller,` : 'Det indstilles,';
  const points = recommendation.points.map((point) =>
    markdownToBlocks(point.replace(/^\s*\d+[.)]\s+/u, '')),
  );
  const blocks: Block[] = [textParagraph(lead)];
  if (points.length > 0) blocks.push({ type: 'list', isOrdered: true, start: 1, items: points });
  return blocks;
}
