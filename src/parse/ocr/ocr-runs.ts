import type { PageRuns, Run } from '../pdf-runs.ts';
import type { OcrWord } from './tesseract.ts';

/**
 * Recognised words as the PDF reader's runs, so that a scanned page goes through the same
 * line, furniture and block steps as a page with a text layer. Pixels of the page image become
 * PDF points (72 per inch, y growing upwards from the page's bottom), on the baseline tesseract
 * found for the word's line.
 */
export function wordsToPageRuns(
  words: readonly OcrWord[],
  page: { dpi: number; top: number; bottom: number },
  minimumConfidence = 30,
): PageRuns {
  const scale = 72 / page.dpi;
  // Noise (specks read as "." or "|") has low confidence; real words keep their letters.
  const kept = words.filter(
    (word) => word.confidence >= minimumConfidence || /\p{L}{3,}/u.test(word.text),
  );
  const sizeOf = paragraphSizes(kept);
  const baselineOf = paragraphBaselines(kept, sizeOf);
  const firstWords = new Set(firstWordsOfLines(kept));
  const runs: Run[] = kept.map((word) => ({
    text: firstWords.has(word) ? asBullet(word.text) : word.text,
    x: word.left * scale,
    right: (word.left + word.width) * scale,
    y: page.top - (baselineOf.get(word.line.id) ?? word.line.baseline) * scale,
    // x_size spans ascenders to descenders: about 1.1 times the font size.
    size: Math.max(1, (sizeOf.get(word.line.id) ?? word.line.size) * scale * 0.9),
    font: 'ocr',
    space: false,
  }));
  return { runs, top: page.top, bottom: page.bottom };
}

/**
 * The size of each line, by line id. Tesseract's size of a line wanders with the letters the
 * line has (one without capitals or descenders is smaller), but the reader tells headings from
 * body text and joins wrapped lines by equal sizes. So the lines of one tesseract paragraph
 * share a size, and sizes within 7% of the page’s body size are the body size: only clearly
 * larger text reads as a heading (the structural parser knows headings by their words too).
 */
export function paragraphSizes(words: readonly OcrWord[]): Map<string, number> {
  const lines = new Map<string, OcrWord['line']>();
  for (const word of words) lines.set(word.line.id, word.line);
  const body = mostCommon([...lines.values()].map((line) => line.size));
  // The larger lines of one paragraph share their median size, and the paragraph's other
  // lines follow them (tesseract's size for a wrapped heading's short second line is often
  // near the body's); a line that is one word with digits (the journal number tesseract
  // often puts in the heading's paragraph) keeps its own size.
  const isLarge = (line: OcrWord['line']) => line.size > body * 1.07;
  const largeByParagraph = new Map<string, number[]>();
  for (const line of lines.values())
    if (isLarge(line))
      largeByParagraph.set(line.paragraph, [
        ...(largeByParagraph.get(line.paragraph) ?? []),
        line.size,
      ]);
  const wordCounts = new Map<string, OcrWord[]>();
  for (const word of words)
    wordCounts.set(word.line.id, [...(wordCounts.get(word.line.id) ?? []), word]);
  const sizes = new Map<string, number>();
  for (const line of lines.values()) {
    const large = largeByParagraph.get(line.paragraph);
    const lineWords = wordCounts.get(line.id) ?? [];
    const isNumberLine = lineWords.length === 1 && /\d/u.test(lineWords[0]?.text ?? '');
    if (isNumberLine) sizes.set(line.id, isLarge(line) ? line.size : body);
    else sizes.set(line.id, large ? median(large) : body);
  }
  return sizes;
}

/**
 * The baseline of each line, by line id: where tesseract put it, except that a line of a
 * paragraph stands no further below the line before it than ordinary line spacing for its
 * size. Headings are set with more leading than body text, and the reader would otherwise take
 * a wrapped heading's second line for a new block.
 */
export function paragraphBaselines(
  words: readonly OcrWord[],
  sizes: ReadonlyMap<string, number>,
): Map<string, number> {
  const lines = new Map<string, OcrWord['line']>();
  for (const word of words) lines.set(word.line.id, word.line);
  const baselines = new Map<string, number>();
  const previous = new Map<string, { baseline: number; size: number }>();
  for (const line of [...lines.values()].sort((a, b) => a.baseline - b.baseline)) {
    const size = sizes.get(line.id) ?? line.size;
    const before = previous.get(line.paragraph);
    const pitch = size * 1.1;
    const baseline =
      before === undefined || before.size !== size || line.baseline - before.baseline <= pitch
        ? line.baseline
        : before.baseline + pitch;
    baselines.set(line.id, baseline);
    previous.set(line.paragraph, { baseline, size });
  }
  return baselines;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values)
    counts.set(Math.round(value), (counts.get(Math.round(value)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** The first word of each line, in reading order. */
function firstWordsOfLines(words: readonly OcrWord[]): OcrWord[] {
  const first = new Map<string, OcrWord>();
  for (const word of words) {
    const seen = first.get(word.line.id);
    if (!seen || word.left < seen.left) first.set(word.line.id, word);
  }
  return [...first.values()];
}

// How tesseract tends to read a bullet (•) at the start of a line: "+", "*", "°", "»", "e",
// sometimes with dots around it.
const misreadBullet = /^[….·]*[+*•°»«◦▪■►●oe][….·]*$/u;

/** A line's first word as the bullet it most likely was. */
function asBullet(text: string): string {
  return misreadBullet.test(text) && text !== 'e' && text !== 'o' ? '•' : text;
}
