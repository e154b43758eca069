/** Reads a page's text items from pdf.js as runs, and learns which of their fonts are bold. */
import type { getDocumentProxy } from 'unpdf';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** One text item of a page, in PDF user space (y grows upwards). */
export interface Run {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  font: string;
  space: boolean;
}

/** Knows which pdf.js font ids are bold; asks pdf.js (costly) only for fonts not seen yet. */
export class FontStyles {
  private readonly bold = new Map<string, boolean>();
  private lookups = 0;

  /** Looks up the fonts among `fontIds` that are not known yet. */
  async learn(page: PdfPage, fontIds: Iterable<string>): Promise<void> {
    const unknown = [...fontIds].filter((id) => !this.bold.has(id));
    if (unknown.length === 0) return;
    // Fonts reach page.commonObjs only through the operator list, which costs about as much
    // as the text itself; documents usually introduce their fonts on the first pages.
    if (this.lookups < 4) {
      this.lookups++;
      try {
        await page.getOperatorList();
      } catch {
        // Font names are only a hint for headings.
      }
    }
    for (const id of unknown) this.bold.set(id, BOLD_FONT.test(fontName(page, id)));
  }

  /** True when the font was seen and its name says bold. */
  isBold(id: string): boolean {
    return this.bold.get(id) ?? false;
  }
}

const BOLD_FONT = /bold|black|heavy|demi|semibd|[-,]bd\b/i;

function fontName(page: PdfPage, id: string): string {
  if (!page.commonObjs.has(id)) return '';
  const font: unknown = page.commonObjs.get(id);
  if (font && typeof font === 'object' && 'name' in font && typeof font.name === 'string') {
    return font.name;
  }
  return '';
}

/** A page's text items and its vertical extent. */
export interface PageRuns {
  runs: Run[];
  top: number;
  bottom: number;
}

/** A page's text runs (rotated and vertical text left out), with the page's fonts learnt. */
export async function readPageRuns(page: PdfPage, fonts: FontStyles): Promise<PageRuns> {
  const content = await page.getTextContent();
  const runs: Run[] = [];
  const fontIds = new Set<string>();
  for (const item of content.items) {
    if (!('str' in item) || item.str === '' || item.dir === 'ttb') continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    // Skip rotated text (margin stamps, watermarks).
    if (a <= 0 || Math.abs(b) > a * 0.1) continue;
    const text = cleanRunText(item.str);
    const space = text.trim() === '';
    const size = Math.hypot(c, d) || item.height;
    if (!space) fontIds.add(item.fontName);
    runs.push({ text, x, right: x + item.width, y, size, font: item.fontName, space });
  }
  await fonts.learn(page, fontIds);
  const [, bottom = 0, , top = 792] = page.view;
  return { runs, top, bottom };
}

/** Cleans one pdf.js string: tabs and line breaks become spaces; NFC. */
function cleanRunText(text: string): string {
  return text.replace(/[\t\r\n]/g, ' ').normalize('NFC');
}
