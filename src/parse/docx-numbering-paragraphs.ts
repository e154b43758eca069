/** The paragraphs of document.xml that mammoth reads, with their numbering properties. */
import { attr, xmlTags } from './docx-numbering-xml.ts';

/** Elements through which mammoth reaches a paragraph; a w:p under anything else is ignored. */
const PARAGRAPH_PATH = new Set([
  'w:document',
  'w:body',
  'w:p',
  'w:r',
  'w:hyperlink',
  'w:tbl',
  'w:tr',
  'w:tc',
  'w:sdt',
  'w:sdtContent',
  'w:customXml',
  'w:ins',
  'w:moveTo',
  'w:smartTag',
  'w:object',
  'w:drawing',
  'w:pict',
  'v:roundrect',
  'v:shape',
  'v:textbox',
  'v:group',
  'v:rect',
  'w:txbxContent',
  'mc:AlternateContent',
  'mc:Fallback',
]);

/** What decides a paragraph's numbering: its style and its direct w:numPr. */
export interface ParagraphProperties {
  styleId: string | undefined;
  level: string | undefined;
  numId: string | undefined;
  deleted: boolean;
}

/** The paragraphs mammoth reads, in order, with what decides their numbering. */
export function readParagraphs(xml: string): ParagraphProperties[] {
  const paragraphs: ParagraphProperties[] = [];
  const stack: string[] = [];
  /** Paragraphs being read, innermost last, with the stack depth of their w:p. */
  const open: { properties: ParagraphProperties; depth: number }[] = [];
  let blocked = 0;
  for (const tag of xmlTags(xml)) {
    if (tag.closing) {
      const name = stack.pop();
      if (blocked > stack.length) blocked = 0;
      const top = open[open.length - 1];
      if (name === 'w:p' && top && top.depth === stack.length) open.pop();
      continue;
    }
    const depth = stack.length;
    if (!tag.selfClosing) stack.push(tag.name);
    if (blocked) continue;
    const top = open[open.length - 1];
    // Direct properties only: w:p > w:pPr > (w:pStyle | w:numPr > … | w:rPr > w:del).
    if (top && (stack[top.depth + 1] === 'w:pPr' || tag.name === 'w:pPr')) {
      // Inside this paragraph's own properties; `relative` counts w:pPr as 1.
      const relative = depth - top.depth;
      const parent = stack[depth - 1];
      if (relative === 2 && tag.name === 'w:pStyle') {
        top.properties.styleId = attr(tag, 'w:val');
      } else if (relative === 3 && parent === 'w:numPr') {
        if (tag.name === 'w:ilvl') top.properties.level = attr(tag, 'w:val');
        else if (tag.name === 'w:numId') top.properties.numId = attr(tag, 'w:val');
      } else if (relative === 3 && parent === 'w:rPr' && tag.name === 'w:del') {
        top.properties.deleted = true;
      }
      continue;
    }
    if (!PARAGRAPH_PATH.has(tag.name)) {
      if (!tag.selfClosing) blocked = depth + 1;
      continue;
    }
    if (tag.name === 'w:p') {
      const properties: ParagraphProperties = {
        styleId: undefined,
        level: undefined,
        numId: undefined,
        deleted: false,
      };
      paragraphs.push(properties);
      if (!tag.selfClosing) open.push({ properties, depth });
    }
  }
  return paragraphs.filter((paragraph) => !paragraph.deleted);
}
