/**
 * The DOCX reader: a Word document's body text, as SourceText (see source-text.ts).
 *
 * mammoth converts the document body (not page headers or footers) to HTML, using Word's
 * heading styles for h1-h6 and its numbering for ul/ol; docx-html.ts turns that HTML into
 * SourceText. Before mammoth runs, docx-zip.ts checks the zip container, so a damaged file or
 * a zip bomb is refused with a one-line ParseError instead of a raw mammoth or jszip error.
 * docx-numbering.ts restores the list numbers mammoth leaves out.
 */
import mammoth from 'mammoth';
import { htmlToSourceText } from './docx-html.ts';
import { computeNumbering, marker, type ParagraphNumber } from './docx-numbering.ts';
import { checkDocxContainer, DAMAGED } from './docx-zip.ts';
import { noTextError, ParseError } from './parse-error.ts';
import type { SourceText } from './source-text.ts';

/** Images are dropped from the text, so mammoth is told never to read or encode them. */
const skipImages = mammoth.images.imgElement(async () => ({ src: '' }));

/** The parts of mammoth's document model that the numbering step touches. */
interface DocumentElement {
  type: string;
  children?: DocumentElement[];
  numbering?: { level: string; isOrdered: boolean } | null;
  value?: string;
}

function decodeUtf8(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes);
}

/** Word's list numbers for the body's numbered paragraphs, or undefined if unknown. */
function wordNumbering(parts: Map<string, Uint8Array>): ParagraphNumber[] | undefined {
  const documentXml = decodeUtf8(parts.get('word/document.xml'));
  if (documentXml === undefined) return undefined;
  try {
    return computeNumbering(
      documentXml,
      decodeUtf8(parts.get('word/numbering.xml')),
      decodeUtf8(parts.get('word/styles.xml')),
    );
  } catch {
    // Numbers are a refinement; without them the HTML walker counts within each list.
    return undefined;
  }
}

function numberedParagraphs(element: DocumentElement, found: DocumentElement[]): void {
  for (const child of element.children ?? []) {
    if (child.type === 'paragraph' && child.numbering) found.push(child);
    numberedParagraphs(child, found);
  }
}

/**
 * Puts a label marker in front of each numbered paragraph mammoth found, if and only if those
 * paragraphs pair up exactly (count, level, kind) with the ones Word's numbering describes.
 */
function labelParagraphs(
  document: DocumentElement,
  numbers: ParagraphNumber[] | undefined,
): DocumentElement {
  if (numbers === undefined) return document;
  const paragraphs: DocumentElement[] = [];
  numberedParagraphs(document, paragraphs);
  if (paragraphs.length !== numbers.length) return document;
  const agrees = paragraphs.every((paragraph, i) => {
    const number = numbers[i];
    return (
      number !== undefined &&
      paragraph.numbering?.level === number.level &&
      paragraph.numbering.isOrdered === number.ordered
    );
  });
  if (!agrees) return document;
  paragraphs.forEach((paragraph, i) => {
    const number = numbers[i];
    if (number?.ordered && paragraph.children) {
      paragraph.children.unshift({ type: 'text', value: marker(number) });
    }
  });
  return document;
}

/** Reads a Word document's text into the SourceText contract. */
export async function readDocx(bytes: Uint8Array): Promise<SourceText> {
  const parts = checkDocxContainer(bytes);
  const numbers = wordNumbering(parts);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        convertImage: skipImages,
        externalFileAccess: false,
        includeEmbeddedStyleMap: false,
        transformDocument: (document: DocumentElement) => labelParagraphs(document, numbers),
      },
    );
    html = result.value;
  } catch (error) {
    if (error instanceof ParseError) throw error;
    if (error instanceof Error && /main document part/i.test(error.message)) {
      throw new ParseError('filen er en zip-fil, men ikke et Word-dokument');
    }
    throw new ParseError(DAMAGED);
  }
  let text: SourceText;
  try {
    text = htmlToSourceText(html);
  } catch (error) {
    // Only a pathologically deep document can overflow the walker's recursion.
    if (error instanceof RangeError)
      throw new ParseError('Word-dokumentet er for dybt indlejret til at kunne læses');
    throw error;
  }
  if (text.trim() === '') throw noTextError('Word-dokumentet');
  return text;
}
