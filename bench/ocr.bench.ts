import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openPageImages } from '../src/parse/ocr/page-images.ts';
import { checkOcrAvailability, recognizeWords } from '../src/parse/ocr/tesseract.ts';
import { parseDocumentBytes } from '../src/parse/parse-document.ts';
import { scannedCopyOf } from '../test/support/scanned-pdf.ts';
import type { BenchRow } from './table.ts';

const fixture = fileURLToPath(
  new URL('../test/fixtures/minutes/chefforum-2017-06-14.pdf', import.meta.url),
);

/**
 * OCR of scanned minutes: seconds per page on one core (one tesseract process, one thread, a
 * 200 dpi page), and a whole 10-page scan read as the import reads it (a page per core).
 */
export async function benchOcr(): Promise<BenchRow[]> {
  const available = await checkOcrAvailability();
  if (!available.ok) return [];
  const scanned = await scannedCopyOf(fixture);
  const images = await openPageImages(scanned);
  let onePage = 0;
  try {
    const pages = [2, 3, 4];
    const drawn = await Promise.all(pages.map((page) => images.draw(page)));
    const started = performance.now();
    for (const image of drawn) await recognizeWords(image);
    onePage = (performance.now() - started) / 1000 / drawn.length;
  } finally {
    await images.close();
  }
  const started = performance.now();
  await parseDocumentBytes(scanned, 'scan.pdf');
  const wholeScan = (performance.now() - started) / 1000 / 10;
  return [
    {
      name: 'OCR, one page on one core',
      value: onePage,
      unit: 's/page',
      target: '≤ 4',
      isMet: onePage <= 4,
    },
    {
      name: `OCR, 10-page scan on ${availableParallelism()} cores`,
      value: wholeScan,
      unit: 's/page',
      target: '≤ 4',
      isMet: wholeScan <= 4,
    },
  ];
}
