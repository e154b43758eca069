/**
 * The meeting as plain, readable Markdown in the house layout: title, facts, contents, then
 * "## Punkt N: CF - Titel" with the journal number and "### Anledning"-style sections. The
 * project's own parser reads the file back to nearly the same meeting, so Markdown also
 * serves as an editable export.
 */
import { writeBlocks } from './markdown-renderer-blocks.ts';
import { writeInlineOnOneLine, writePlainParagraph } from './markdown-renderer-inline.ts';
import type { RenderDocument, RenderItem } from './render-model.ts';
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
  for (const fact of document.facts) {
    parts.push(`**${writeText(fact.label)}** ${writeText(fact.value)}`);
  }
  if (document.items.length > 0) {
    parts.push(`## ${writeHeadingText(document.contentsLabel)}`);
    // The entries leave out "Punkt N:": the parser finds the items by those lines.
    parts.push(
      document.items.map((item) => `- ${writePlainParagraph(item.contentsTitle)}`).join('\n'),
    );
  }
  if (document.emptyNote) parts.push(writePlainParagraph(document.emptyNote));
  for (const item of document.items) parts.push(writeItem(item));
  return `${parts.join('\n\n')}\n`;
}

function writeItem(item: RenderItem): string {
  const parts = [`## ${writeHeadingText(item.heading)}`];
  if (item.caseNumber) parts.push(writePlainParagraph(item.caseNumber));
  for (const note of item.notes) parts.push(writePlainParagraph(note));
  for (const section of item.sections) {
    parts.push(`### ${writeHeadingText(section.label)}`);
    const body = writeBlocks(section.blocks);
    if (body !== '') parts.push(body);
  }
  return parts.join('\n\n');
}

/** Plain text after a marker on its line. */
function writeText(text: string): string {
  return writeInlineOnOneLine([{ text }]);
}

/** Heading text; a trailing "#" would be read as a closing sequence, so it is escaped. */
function writeHeadingText(text: string): string {
  return writeText(text).replace(/(\s)(#+)$/u, '$1\\$2');
}
