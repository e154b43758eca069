import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocumentFile } from '../src/parse/parse-document.ts';
import { scoreMeeting } from './support/meeting-score.ts';

/**
 * The layout variants in fixtures/layouts/ (see its README): the real minutes laid out as other
 * councils write them. Each is read through the whole chain (`referat parse` reads them the
 * same way) and scored field by field as `score-parse` does. The bar is 95 % of the fields, or
 * the score the variant has reached when that is higher, so a regression shows at once.
 */
interface Variant {
  file: string;
  gold: string;
  origin: string;
}

const layouts = (file: string): string =>
  fileURLToPath(new URL(`fixtures/layouts/${file}`, import.meta.url));
const variants: Variant[] = JSON.parse(readFileSync(layouts('variants.json'), 'utf8'));

/** Every variant scores 100 % today; a variant that scores less is listed here with its bar. */
const minimumPercent: Record<string, number> = {};

describe('layout variants of the real minutes', () => {
  it('has the variants the README lists', () => {
    const readme = readFileSync(layouts('README.md'), 'utf8');
    expect(variants.length).toBeGreaterThanOrEqual(13);
    for (const variant of variants) expect(readme).toContain(`\`${variant.file}\``);
  });

  it.each(variants)('$file (from $origin)', async (variant) => {
    const gold = JSON.parse(readFileSync(layouts(variant.gold), 'utf8'));
    const { meeting } = await parseDocumentFile(layouts(variant.file));
    const score = scoreMeeting(gold, meeting);
    console.log(
      `layout ${variant.file}: ${score.matched}/${score.total} fields (${score.percent.toFixed(1)} %)`,
    );
    const minimum = Math.max(95, minimumPercent[variant.file] ?? 100);
    expect(score.percent, score.misses.join('\n')).toBeGreaterThanOrEqual(minimum);
    // Not scored by score-parse, but a closed item must never be read as open.
    expect(meeting.items.map((item) => item.closed)).toEqual(
      gold.items.map((item: { closed: boolean }) => item.closed),
    );
  });
});
