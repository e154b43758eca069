/**
 * The PDF reader: a PDF's text, as SourceText (see source-text.ts).
 *
 * The work is a pipeline, one module a step: pdf-runs.ts reads each page's text items from pdf.js,
 * pdf-lines.ts groups them into visual lines, pdf-page-furniture.ts drops running headers and
 * footers, pdf-blocks.ts joins lines into paragraphs, list items and table rows, and
 * pdf-render.ts writes the blocks as Markdown-ish text.
 */
import { getDocumentProxy } from 'unpdf';
import { type OcrProgress, readScannedPages } from './ocr/ocr-pages.ts';
import { ParseError } from './parse-error.ts';
import { layoutBlocks } from './pdf-blocks.ts';
import { groupLines } from './pdf-lines.ts';
import { dropHeadersAndFooters } from './pdf-page-furniture.ts';
import { renderBlocks } from './pdf-render.ts';
import { FontStyles, type PageRuns, readPageRuns } from './pdf-runs.ts';
import type { SourceText } from './source-text.ts';

// Callers and tests know joinLines as part of the reader's API.
export { joinLines } from './pdf-blocks.ts';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Options for reading a PDF: a time limit's signal, and OCR progress for scanned pages. */
export interface ReadPdfOptions {
  signal?: AbortSignal;
  onOcrProgress?: (progress: OcrProgress) => void;
}

/** Reads a PDF's text into the SourceText contract. */
export async function readPdf(
  bytes: Uint8Array,
  options: ReadPdfOptions = {},
): Promise<SourceText> {
  return (await readPdfWithNotes(bytes, options)).text;
}

/**
 * Reads a PDF's text, with notes for the reader: pages without a text layer (scanned) are read
 * with OCR (ocr/ocr-pages.ts), and where that cannot be done the notes say which pages and why.
 */
export async function readPdfWithNotes(
  bytes: Uint8Array,
  options: ReadPdfOptions = {},
): Promise<{ text: SourceText; notes: string[] }> {
  const { signal } = options;
  if (bytes.length === 0) throw new ParseError('PDF-filen er tom');
  if (!hasPdfHeader(bytes)) throw new ParseError('filen er ikke en PDF');
  checkAborted(signal);

  let pdf: PdfDocument | undefined;
  const onAbort = (): void => {
    void pdf?.loadingTask.destroy();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const pages: PageRuns[] = [];
  const fonts = new FontStyles();
  try {
    // pdf.js takes ownership of the buffer it is given, so hand it a copy.
    // A copy in a plain Uint8Array: pdf.js detaches the buffer it gets, and rejects Node Buffers.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    checkAborted(signal);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      pages.push(await readPageRuns(page, fonts));
      page.cleanup();
      checkAborted(signal);
    }
  } catch (error) {
    throw toParseError(error, signal);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (pdf) await pdf.loadingTask.destroy().catch(() => undefined);
  }
  const notes = await readScannedPagesInto(bytes, pages, options);
  const lines = pages.map((page, i) => groupLines(page, i + 1, fonts));
  const { blocks, body } = layoutBlocks(dropHeadersAndFooters(lines));
  const text = renderBlocks(blocks, body);
  if (countLetters(text) < 3)
    throw new ParseError(
      notes.length > 0
        ? `PDF-filen er indscannet: ${lowerFirst(notes[0] ?? '')}`
        : 'PDF-filen har ingen tekst (indscannet?)',
    );
  return { text, notes };
}

/** Replaces the pages without text by what OCR reads on them; answers the notes. */
async function readScannedPagesInto(
  bytes: Uint8Array,
  pages: PageRuns[],
  options: ReadPdfOptions,
): Promise<string[]> {
  // A scanned page may still carry a stamped page number or a short header as text: a page
  // with less than a line's worth of letters is read as an image.
  const scanned = pages.flatMap((page, index) =>
    countLetters(page.runs.map((run) => run.text).join(''), scannedPageLetterLimit) >=
    scannedPageLetterLimit
      ? []
      : [{ pageNumber: index + 1, top: page.top, bottom: page.bottom }],
  );
  const outcome = await readScannedPages(bytes, scanned, {
    signal: options.signal,
    onProgress: options.onOcrProgress,
  });
  for (const [pageNumber, runs] of outcome.pages) pages[pageNumber - 1] = runs;
  return outcome.notes;
}

/** Fewer letters than this on a page, and the page is taken for a scan. */
const scannedPageLetterLimit = 20;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ParseError('tiden løb ud');
}

function toParseError(error: unknown, signal: AbortSignal | undefined): ParseError {
  if (signal?.aborted) return new ParseError('tiden løb ud');
  if (error instanceof ParseError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new ParseError('PDF-filen er krypteret med adgangskode');
  return new ParseError('PDF-filen er beskadiget eller afkortet');
}

/** The letters of a text, counted up to `upTo` (enough to answer "at least so many?"). */
function countLetters(text: string, upTo = 3): number {
  let count = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) {
    count++;
    if (count >= upTo) break;
  }
  return count;
}
