import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetOcrAvailability } from '../src/parse/ocr/tesseract.ts';
import { parseDocumentBytes } from '../src/parse/parse-document.ts';
import { ParseError } from '../src/parse/parse-error.ts';
import { makeScratchFolder } from './support/archive-io.ts';
import { scoreMeeting } from './support/meeting-score.ts';
import { canRunOcr, scannedCopyOf } from './support/scanned-pdf.ts';

/**
 * Scanned minutes: a fixture's pages drawn as images into a PDF without a text layer, read back
 * with OCR (tesseract, Danish) and scored field by field against the hand-checked JSON, as
 * `score-parse` scores a parse. `.ci/run` installs tesseract and sets REFERAT_REQUIRE_OCR=1,
 * so CI never skips this; a developer's machine without tesseract skips the OCR runs with a
 * note, and still checks what happens without it.
 */
const run = promisify(execFile);
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', 'minutes', name);
const hasOcr = await canRunOcr();
if (!hasOcr && process.env.REFERAT_REQUIRE_OCR === '1')
  throw new Error('REFERAT_REQUIRE_OCR=1, but tesseract-ocr-dan or pdftoppm is missing');
if (!hasOcr) console.warn('OCR-testene springes over: tesseract-ocr-dan er ikke installeret.');

afterEach(() => {
  delete process.env.REFERAT_TESSERACT;
  resetOcrAvailability();
});

describe.skipIf(!hasOcr)('scanned minutes read with OCR', () => {
  let scanned: Uint8Array;
  beforeAll(async () => {
    scanned = await scannedCopyOf(fixture('chefforum-2017-06-14.pdf'));
  }, 60_000);

  it('has no text layer to begin with', async () => {
    const folder = makeScratchFolder('referat-ocr-');
    writeFileSync(join(folder, 'scan.pdf'), scanned);
    const { stdout } = await run('pdftotext', [join(folder, 'scan.pdf'), '-']);
    expect(stdout.replace(/\s/gu, '')).toBe('');
  });

  it('reads at least 90% of the fields score-parse checks, and reports its progress', async () => {
    const progress: string[] = [];
    const { meeting } = await parseDocumentBytes(scanned, 'scan.pdf', {
      onProgress: (message) => progress.push(message),
    });
    const gold = JSON.parse(readFileSync(fixture('chefforum-2017-06-14.json'), 'utf8'));
    const score = scoreMeeting(gold, meeting);
    console.log(
      `OCR of a scanned chefforum-2017-06-14.pdf: ${score.percent.toFixed(1)}% of the fields`,
    );
    expect(score.percent).toBeGreaterThanOrEqual(90);
    expect(meeting.date).toBe('2017-06-14');
    expect(progress).toHaveLength(10);
    expect(progress.at(-1)).toBe('OCR: side 10 af 10 læst');
  }, 180_000);

  it('reads only the pages without text, in a PDF that mixes both', async () => {
    const original = await PDFDocument.load(readFileSync(fixture('chefforum-2017-06-14.pdf')));
    const image = await PDFDocument.load(scanned);
    const mixed = await PDFDocument.create();
    const [first] = await mixed.copyPages(original, [0]);
    const [second] = await mixed.copyPages(image, [1]);
    if (!first || !second) throw new Error('pages missing');
    mixed.addPage(first);
    mixed.addPage(second);
    const progress: string[] = [];
    const { meeting } = await parseDocumentBytes(await mixed.save(), 'blandet.pdf', {
      onProgress: (message) => progress.push(message),
    });
    expect(progress).toEqual(['OCR: side 1 af 1 læst']);
    expect(meeting.forum).toBe('Chefforum');
  }, 120_000);
});

describe('scanned pages where tesseract is missing', () => {
  it('says which pages need OCR and how to install it, and refuses a PDF with no text', async () => {
    process.env.REFERAT_TESSERACT = '/nonexistent/tesseract';
    resetOcrAvailability();
    const image = await PDFDocument.create();
    image.addPage([595, 842]);
    image.addPage([595, 842]);
    const attempt = parseDocumentBytes(await image.save(), 'scan.pdf');
    await expect(attempt).rejects.toThrow(ParseError);
    await expect(attempt).rejects.toThrow(
      'PDF-filen er indscannet: siderne 1–2 har ingen tekst og skal læses med OCR, men tesseract er ikke installeret (installér med: apt-get install tesseract-ocr tesseract-ocr-dan)',
    );
  });

  it('reads the pages with text and notes the scanned ones', async () => {
    process.env.REFERAT_TESSERACT = '/nonexistent/tesseract';
    resetOcrAvailability();
    const original = await PDFDocument.load(readFileSync(fixture('chefforum-2017-06-14.pdf')));
    const withBlank = await PDFDocument.create();
    for (const page of await withBlank.copyPages(original, [0, 1, 2])) withBlank.addPage(page);
    withBlank.addPage([595, 842]);
    const { meeting, warnings } = await parseDocumentBytes(await withBlank.save(), 'delvis.pdf');
    expect(meeting.forum).toBe('Chefforum');
    expect(warnings[0]).toBe(
      'Side 4 har ingen tekst og skal læses med OCR, men tesseract er ikke installeret (installér med: apt-get install tesseract-ocr tesseract-ocr-dan)',
    );
  });
});
