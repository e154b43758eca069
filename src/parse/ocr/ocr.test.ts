import { describe, expect, it } from 'vitest';
import { pageList } from './ocr-pages.ts';
import { paragraphSizes, wordsToPageRuns } from './ocr-runs.ts';
import { type OcrWord, parseHocr } from './tesseract.ts';

const hocr = `<div class='ocr_page'>
<p class='ocr_par' id='par_1_1'>
 <span class='ocr_line' id='line_1_1' title="bbox 199 864 1248 910; baseline 0 -10; x_size 46; x_descenders 9; x_ascenders 12">
  <span class='ocrx_word' id='word_1_1' title='bbox 199 864 330 900; x_wconf 96'>Punkt</span>
  <span class='ocrx_word' id='word_1_2' title='bbox 345 864 380 900; x_wconf 95'>1:</span>
 </span>
 <span class='ocr_line' id='line_1_2' title="bbox 199 919 415 955; baseline 0 0; x_size 41; x_descenders 0; x_ascenders 12">
  <span class='ocrx_word' id='word_1_3' title='bbox 199 919 415 955; x_wconf 91'>referater &amp; bilag</span>
 </span>
</p>
<p class='ocr_par' id='par_1_2'>
 <span class='ocr_line' id='line_1_3' title="bbox 197 1000 1379 1034; baseline 0 -8; x_size 34; x_descenders 8; x_ascenders 7">
  <span class='ocrx_word' id='word_1_4' title='bbox 197 1000 436 1034; x_wconf 96'>Forventningen</span>
  <span class='ocrx_word' id='word_1_5' title='bbox 450 1000 470 1034; x_wconf 12'>|</span>
 </span>
 <span class='ocr_line' id='line_1_4' title="bbox 197 1040 1379 1074; baseline 0 -8; x_size 35; x_descenders 8; x_ascenders 7">
  <span class='ocrx_word' id='word_1_6' title='bbox 197 1040 300 1074; x_wconf 90'>+</span>
  <span class='ocrx_word' id='word_1_7' title='bbox 320 1040 500 1074; x_wconf 90'>punkt</span>
 </span>
</p>
</div>`;

describe('reading tesseract hOCR', () => {
  it('gives each word its line, baseline, size and paragraph, with entities decoded', () => {
    const words = parseHocr(hocr);
    expect(words.map((word) => word.text)).toEqual([
      'Punkt',
      '1:',
      'referater & bilag',
      'Forventningen',
      '|',
      '+',
      'punkt',
    ]);
    expect(words[0]?.line).toEqual({
      id: 'line_1_1',
      paragraph: 'par_1_1',
      baseline: 900,
      size: 46,
    });
    expect(words[2]?.line.baseline).toBe(955);
    expect(words[3]?.line.paragraph).toBe('par_1_2');
  });

  it('gives a wrapped heading one size, and body lines the body size', () => {
    const words: OcrWord[] = parseHocr(hocr);
    const sizes = paragraphSizes(words);
    expect(sizes.get('line_1_1')).toBe(sizes.get('line_1_2'));
    expect(sizes.get('line_1_1')).toBeGreaterThan(40);
    // The page's most common size is the body's: here the two body lines (34 and 35).
    expect(sizes.get('line_1_3')).toBe(sizes.get('line_1_4'));
  });

  it('turns words into runs in PDF points, drops noise and reads a bullet as a bullet', () => {
    const page = wordsToPageRuns(parseHocr(hocr), { dpi: 200, top: 792, bottom: 0 });
    const texts = page.runs.map((run) => run.text);
    expect(texts).not.toContain('|');
    expect(texts).toContain('•');
    const first = page.runs[0];
    expect(first?.x).toBeCloseTo((199 * 72) / 200);
    expect(first?.y).toBeCloseTo(792 - (900 * 72) / 200);
    // A wrapped heading's second line stands no further below than ordinary leading.
    const second = page.runs.find((run) => run.text.startsWith('referater'));
    expect((first?.y ?? 0) - (second?.y ?? 0)).toBeLessThanOrEqual((46 * 1.1 * 72) / 200 + 0.01);
  });
});

describe('naming pages', () => {
  it('names one page, and runs of pages', () => {
    expect(pageList([{ pageNumber: 3 }])).toBe('Side 3');
    expect(pageList([4, 1, 2, 3, 7].map((pageNumber) => ({ pageNumber })))).toBe('Siderne 1–4, 7');
  });
});
