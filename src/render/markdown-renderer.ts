/**
 * The meeting as plain, readable Markdown in the house layout: title, facts, contents, then
 * "## Punkt N: CF - Titel" with the journal number and "### Anledning"-style sections. The
 * project's own parser reads the file back to nearly the same meeting, so Markdown also
 * serves as an editable export. The forum's annotations (purpose, guests, communication,
 * corrections) are not part of the meeting the parser reads: inside an item it would take
 * them for the item's text, so they stand together under "Noter til punkterne" after the
 * contents, where the parser reads nothing.
 */
import { type Block, textParagraph } from './document-blocks.ts';
import { writeBlocks } from './markdown-renderer-blocks.ts';
import { writeInlineOnOneLine, writePlainParagraph } from './markdown-renderer-inline.ts';
import type { RenderDocument, RenderFact, RenderItem, RenderSection } from './render-model.ts';

/** The heading of the annotations outside the items. */
export const itemNotesHeading = 'Noter til punkterne';

import type { Renderer } from './renderer.ts';

/** Markdown: plain and readable, in the house layout. */
export const markdownRenderer: Renderer = {
  format: 'md',
  contentType: 'text/markdown; charset=utf-8',
  extension: 'md',
  render: (document) => Promise.resolve(new TextEncoder().encode(renderMarkdown(document))),
};

/** The document as Markdown text, ending in one newline. */
export function renderMarkdown(document: RenderDocument): string {
  const parts = [`# ${writeHeadingText(document.title)}`];
  for (const fact of document.facts) parts.push(writeFact(fact));
  if (document.items.length > 0) {
    parts.push(`## ${writeHeadingText(document.contentsLabel)}`);
    // The entries leave out "Punkt N:": the parser finds the items by those lines.
    parts.push(
      document.items.map((item) => `- ${writePlainParagraph(item.contentsTitle)}`).join('\n'),
    );
    const notes = itemNotesBlocks(document.items);
    if (notes.length > 0) parts.push(`## ${itemNotesHeading}`, writeBlocks(notes));
  }
  if (document.emptyNote) parts.push(writePlainParagraph(document.emptyNote));
  for (const item of document.items) parts.push(writeItem(item));
  return `${parts.join('\n\n')}\n`;
}

function writeItem(item: RenderItem): string {
  const parts = [`## ${writeHeadingText(item.heading)}`];
  if (item.caseNumber) parts.push(writePlainParagraph(item.caseNumber));
  for (const note of item.notes) {
    if (note.interchangeText !== null) parts.push(writePlainParagraph(note.interchangeText));
  }
  for (const section of item.sections) {
    if (section.isAnnotation) continue;
    parts.push(`### ${writeHeadingText(section.label)}`);
    const body = writeBlocks(section.blocks);
    if (body !== '') parts.push(body);
  }
  return parts.join('\n\n');
}

/** "**Mødedato** …"; further values (Rettelser) each on a line of their own. */
function writeFact(fact: RenderFact): string {
  const [first = '', ...rest] = fact.values;
  const lines = [`**${writeText(fact.label)}** ${writeText(first)}`];
  for (const value of rest) lines.push(writePlainParagraph(value));
  return lines.join('  \n');
}

/**
 * The annotations of every item that has any, as one list: "CF - Titel (punkt 3)" with the
 * notes and sections the item shows in the other formats below it. No line starts with
 * "Punkt N", so the parser never takes one for an item.
 */
function itemNotesBlocks(items: readonly RenderItem[]): Block[] {
  const entries: Block[][] = [];
  for (const item of items) {
    const notes = item.notes
      .filter((note) => note.text !== note.interchangeText)
      .map((note) => [textParagraph(note.text)]);
    const sections = item.sections.filter((section) => section.isAnnotation).map(sectionEntry);
    const details = [...notes, ...sections];
    if (details.length === 0) continue;
    entries.push([
      textParagraph(`${item.contentsTitle} (punkt ${item.number})`),
      { type: 'list', isOrdered: false, start: 1, items: details },
    ]);
  }
  return entries.length === 0 ? [] : [{ type: 'list', isOrdered: false, start: 1, items: entries }];
}

/**
 * An annotation section as one entry of the list: "Kommunikeres ud: text" when it is text,
 * the label over a nested list when it is a list, so that the list stays tight.
 */
function sectionEntry(section: RenderSection): Block[] {
  const paragraphs = section.blocks.flatMap((block) =>
    block.type === 'paragraph' ? [block.runs] : [],
  );
  if (paragraphs.length === section.blocks.length) {
    const runs = paragraphs.flatMap((runs, index) => (index > 0 ? [{ text: ' ' }, ...runs] : runs));
    return [{ type: 'paragraph', runs: [{ text: `${section.label}: ` }, ...runs] }];
  }
  return [textParagraph(`${section.label}:`), ...section.blocks];
}

/** Plain text after a marker on its line. */
function writeText(text: string): string {
  return writeInlineOnOneLine([{ text }]);
}

/** Heading text; a trailing "#" would be read as a closing sequence, so it is escaped. */
function writeHeadingText(text: string): string {
  return writeText(text).replace(/(\s)(#+)$/u, '$1\\$2');
}
