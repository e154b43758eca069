/**
 * The Word renderer: a RenderDocument as a .docx in the house layout. The title and the facts
 * come first, then a real Word table of contents (a TOC field over the Heading 2 item headings,
 * which Word brings up to date with page numbers when the document opens), then each item on
 * a page of its own: heading, journal number, notes, and its sections under Heading 3.
 */
import { Document, HeadingLevel, Packer, Paragraph, TableOfContents, TextRun } from 'docx';
import {
  type BodyChild,
  cleanXmlText,
  createBlockContent,
  createInlineChildren,
  createTextRuns,
  ListNumbering,
} from './docx-blocks.ts';
import { createFooter, createStyles, pageProperties } from './docx-styles.ts';
import type { RenderDocument, RenderItem } from './render-model.ts';
import type { Renderer } from './renderer.ts';

/** Renders meetings as Word documents (Office Open XML). */
export const docxRenderer: Renderer = {
  format: 'docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  render: renderDocx,
};

async function renderDocx(document: RenderDocument): Promise<Uint8Array> {
  const numbering = new ListNumbering();
  const children: BodyChild[] = [...createFrontMatter(document)];
  for (const item of document.items) children.push(...createItemContent(item, numbering));
  const file = new Document({
    title: cleanXmlText(document.title),
    creator: 'Referat',
    lastModifiedBy: 'Referat',
    // Word fills in the table of contents and its page numbers when the document opens.
    features: { updateFields: true },
    styles: createStyles(),
    numbering: { config: numbering.definitions },
    sections: [{ properties: pageProperties, footers: { default: createFooter() }, children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}

/** Title, facts, the table of contents, and the note that there are no items. */
function createFrontMatter(document: RenderDocument): BodyChild[] {
  const children: BodyChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: createTextRuns(document.title) }),
  ];
  for (const fact of document.facts) {
    children.push(
      new Paragraph({
        children: [
          ...createTextRuns(fact.label, { isBold: true }),
          new TextRun(' '),
          // A fact with several values (Rettelser) gives each its own line.
          ...createTextRuns(fact.values.join('\n')),
        ],
      }),
    );
  }
  if (document.items.length > 0) {
    children.push(
      new Paragraph({ style: 'TOCHeading', children: createTextRuns(document.contentsLabel) }),
      new TableOfContents(cleanXmlText(document.contentsLabel), {
        hyperlink: true,
        headingStyleRange: '2-2',
      }),
    );
  }
  if (document.emptyNote) {
    children.push(new Paragraph({ children: createTextRuns(document.emptyNote) }));
  }
  return children;
}

/** One item, starting on a new page. */
function createItemContent(item: RenderItem, numbering: ListNumbering): BodyChild[] {
  const children: BodyChild[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      pageBreakBefore: true,
      children: createTextRuns(item.heading),
    }),
  ];
  if (item.caseNumber) {
    const run = { text: item.caseNumber, ...(item.caseUrl ? { href: item.caseUrl } : {}) };
    children.push(new Paragraph({ children: createInlineChildren([run]) }));
  }
  for (const note of item.notes)
    children.push(new Paragraph({ children: createTextRuns(note.text) }));
  for (const section of item.sections) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_3, children: createTextRuns(section.label) }),
      ...createBlockContent(section.blocks, numbering),
    );
  }
  return children;
}
