import { formatMeetingDate, formatShortDate } from '../core/danish-date.ts';
import { deriveForumAbbreviation } from '../core/forum-abbreviation.ts';
import { durationInTitle } from '../core/item-duration.ts';
import type { AgendaItem, Meeting, MeetingKind } from '../core/meeting.ts';
import { visibleItem } from '../core/policies/read-model.ts';
import { type Block, textParagraph } from './document-blocks.ts';
import { markdownToBlocks, removeControlCharacters } from './markdown-blocks.ts';

/** Choices for rendering one meeting. */
export interface RenderOptions {
  /** Agenda (dagsorden, no decisions) or minutes (referat); defaults to the meeting's own kind. */
  kind?: MeetingKind;
  /** The forum's abbreviation ("CF"); the forum's record supplies it, else it is derived. */
  forumAbbreviation?: string;
  /** Leave out the content of closed items (lukket punkt), for readers without rights. */
  isPublic?: boolean;
}

/** One labelled section of an item, ready to draw. */
export interface RenderSection {
  /** The Danish heading: Anledning, Sagsfremstilling, Indstilling, Beslutning, Bilag, Fraværende. */
  label: string;
  blocks: Block[];
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
  /** Short lines under the journal number: duration, closed. */
  notes: string[];
  sections: RenderSection[];
}

/** A meeting laid out as the house layout: header, contents, one item per page. */
export interface RenderDocument {
  kind: MeetingKind;
  /** "REFERAT Chefforum d. 14-06-2017" or "DAGSORDEN …". */
  title: string;
  forum: string;
  abbreviation: string;
  /** Label and value lines of the header: Mødedato, Mødested. */
  facts: Array<{ label: string; value: string }>;
  contentsLabel: string;
  items: RenderItem[];
  /** Shown instead of items when there are none. */
  emptyNote: string | null;
}

const kindTitles: Record<MeetingKind, string> = { agenda: 'DAGSORDEN', minutes: 'REFERAT' };

/** Lays a meeting out for rendering: the one place that decides what each format shows. */
export function buildRenderDocument(meeting: Meeting, options: RenderOptions = {}): RenderDocument {
  const kind = options.kind ?? meeting.kind;
  const forum = clean(meeting.forum);
  const abbreviation = clean(options.forumAbbreviation ?? '') || deriveForumAbbreviation(forum);
  const when = `${formatMeetingDate(meeting.date)}${meeting.start ? ` kl. ${meeting.start}` : ''}`;
  const facts = [{ label: 'Mødedato', value: when }];
  if (meeting.location) facts.push({ label: 'Mødested', value: clean(meeting.location) });
  return {
    kind,
    title: `${kindTitles[kind]} ${forum} d. ${formatShortDate(meeting.date)}`,
    forum,
    abbreviation,
    facts,
    contentsLabel: 'Indholdsfortegnelse',
    // Closed items go through the one visibility rule (core/visibility.ts), like every read.
    items: meeting.items.map((item) =>
      buildItem(
        // A document given for publishing is published as is, but for its closed items.
        options.isPublic ? visibleItem(item, 'public', 'minutes_published') : item,
        kind,
        abbreviation,
      ),
    ),
    emptyNote: meeting.items.length === 0 ? 'Mødet har ingen punkter.' : null,
  };
}

function buildItem(item: AgendaItem, kind: MeetingKind, abbreviation: string): RenderItem {
  const title = clean(item.title) || 'Uden titel';
  const contentsTitle = `${abbreviation} - ${title}`;
  return {
    number: item.number,
    heading: `Punkt ${item.number}: ${contentsTitle}`,
    contentsTitle,
    anchor: `punkt-${item.number}`,
    caseNumber: item.caseNumber ? clean(item.caseNumber) : null,
    notes: itemNotes(item, title),
    sections: itemSections(item, kind),
  };
}

function itemNotes(item: AgendaItem, title: string): string[] {
  const notes: string[] = [];
  const duration = item.durationMinutes;
  // A duration the title already states ("(30 min)") is not repeated.
  if (duration && durationInTitle(title) !== duration) notes.push(`Varighed: ${duration} min`);
  if (item.closed) notes.push('Lukket punkt');
  return notes;
}

function itemSections(item: AgendaItem, kind: MeetingKind): RenderSection[] {
  const sections: RenderSection[] = [];
  const addText = (label: string, text: string | null): void => {
    const blocks = text ? rankHeadingLevels(markdownToBlocks(text)) : [];
    if (blocks.length > 0) sections.push({ label, blocks });
  };
  addText('Anledning', item.background);
  addText('Sagsfremstilling', item.presentation);
  if (item.recommendation)
    sections.push({ label: 'Indstilling', blocks: recommendationBlocks(item.recommendation) });
  if (kind === 'minutes') addText('Beslutning', item.decision);
  if (item.attachments.length > 0) {
    sections.push({
      label: 'Bilag',
      blocks: [plainList(item.attachments.map((attachment) => attachment.title))],
    });
  }
  if (item.absent.length > 0) {
    const names = item.absent.map((absence) =>
      absence.role ? `${absence.name} (${absence.role})` : absence.name,
    );
    sections.push({ label: 'Fraværende', blocks: [plainList(names)] });
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

function plainList(texts: readonly string[]): Block {
  return {
    type: 'list',
    isOrdered: false,
    start: 1,
    items: texts.map((text) => [textParagraph(clean(text))]),
  };
}

/** One line of plain text: no control characters, single spaces. */
function clean(text: string): string {
  return removeControlCharacters(text).replace(/\s+/gu, ' ').trim();
}
