import { availableParallelism } from 'node:os';
import type { PageRuns } from '../pdf-runs.ts';
import { wordsToPageRuns } from './ocr-runs.ts';
import { ocrDpi, openPageImages } from './page-images.ts';
import { checkOcrAvailability, ocrInstallHint, recognizeWords } from './tesseract.ts';

/** Progress of OCR: a page done, of how many. */
export interface OcrProgress {
  page: number;
  done: number;
  total: number;
}

/** What OCR made of the scanned pages: runs by page number, and notes for the reader. */
export interface OcrOutcome {
  pages: Map<number, PageRuns>;
  /** Danish notes for the import summary (pages that could not be read, and why). */
  notes: string[];
}

/** A page to read, with its extent in PDF points. */
export interface ScannedPage {
  pageNumber: number;
  top: number;
  bottom: number;
}

/**
 * Reads scanned pages with OCR, one page per tesseract process, as many at once as the machine
 * has cores. Without tesseract (or its Danish model) nothing is read, and the notes say which
 * pages need it and how to install it, so that an import can go on with the rest.
 */
export async function readScannedPages(
  bytes: Uint8Array,
  pages: readonly ScannedPage[],
  options: { signal?: AbortSignal; onProgress?: (progress: OcrProgress) => void } = {},
): Promise<OcrOutcome> {
  const outcome: OcrOutcome = { pages: new Map(), notes: [] };
  if (pages.length === 0) return outcome;
  const available = await checkOcrAvailability();
  if (!available.ok) {
    outcome.notes.push(
      `${pageList(pages)} har ingen tekst og skal læses med OCR, men ${available.reason} (installér med: ${ocrInstallHint})`,
    );
    return outcome;
  }
  const images = await openPageImages(bytes);
  try {
    let done = 0;
    const queue = [...pages];
    const worker = async (): Promise<void> => {
      for (let page = queue.shift(); page; page = queue.shift()) {
        const runs = await readPage(images, page, options.signal).catch(() => null);
        if (runs) outcome.pages.set(page.pageNumber, runs);
        else outcome.notes.push(`side ${page.pageNumber} kunne ikke læses med OCR`);
        done++;
        options.onProgress?.({ page: page.pageNumber, done, total: pages.length });
      }
    };
    const workers = Math.max(1, Math.min(availableParallelism(), pages.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await images.close();
  }
  return outcome;
}

async function readPage(
  images: Awaited<ReturnType<typeof openPageImages>>,
  page: ScannedPage,
  signal: AbortSignal | undefined,
): Promise<PageRuns> {
  const image = await images.draw(page.pageNumber, signal);
  const words = await recognizeWords(image, signal);
  return wordsToPageRuns(words, { dpi: ocrDpi, top: page.top, bottom: page.bottom });
}

/** "Side 3" or "Siderne 1–4, 7". */
export function pageList(pages: readonly { pageNumber: number }[]): string {
  const numbers = pages.map((page) => page.pageNumber).sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] ?? 0) + 1) j++;
    ranges.push(j > i ? `${numbers[i]}–${numbers[j]}` : String(numbers[i]));
    i = j + 1;
  }
  return numbers.length === 1 ? `Side ${ranges[0]}` : `Siderne ${ranges.join(', ')}`;
}
