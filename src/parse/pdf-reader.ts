/**
 * The PDF reader: a PDF's text, as SourceText (see source-text.ts).
 *
 * The work is a pipeline, one module a step: pdf-runs.ts reads each page's text items from pdf.js,
 * pdf-lines.ts groups them into visual lines, pdf-page-furniture.ts drops running headers and
 * footers, pdf-blocks.ts joins lines into paragraphs, list items and table rows, and
 * pdf-render.ts writes the blocks as Markdown-ish text.
 */
import { getDocumentProxy } from 'unpdf';
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

/** Reads a PDF's text into the SourceText contract. */
export async function readPdf(
  bytes: Uint8Array,
  options: { signal?: AbortSignal } = {},
): Promise<SourceText> {
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
  const lines = pages.map((page, i) => groupLines(page, i + 1, fonts));
  const { blocks, body } = layoutBlocks(dropHeadersAndFooters(lines));
  const text = renderBlocks(blocks, body);
  if (countLetters(text) < 3) throw new ParseError('PDF-filen har ingen tekst (indscannet?)');
  return text;
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

function countLetters(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) {
    count++;
    if (count >= 3) break;
  }
  return count;
}
