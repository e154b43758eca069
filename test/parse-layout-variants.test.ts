import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMinutesText } from '../src/parse/minutes-parser.ts';
import { scoreMeeting } from './support/meeting-score.ts';

/**
 * The fixtures re-laid out the way other sources write minutes: no Markdown marks, lines hard
 * wrapped at a narrow width (as pdftotext writes them), page headers and footers between form
 * feeds. The parser must not depend on the fixtures' line layout.
 */
const fixtureNames = ['chefforum-2015-11-05', 'chefforum-2017-06-14', 'chefforum-2018-10-11'];
const read = (file: string): string =>
  readFileSync(new URL(`fixtures/minutes/${file}`, import.meta.url), 'utf8');

function withoutMarks(text: string): string {
  return text.replace(/^#+ /gmu, '').replaceAll('**', '').replaceAll('\\_', '_');
}

function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.length <= width || line.includes('\t')) return [line];
      const wrapped: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current !== '' && current.length + word.length + 1 > width) {
          wrapped.push(current);
          current = word;
        } else {
          current = current === '' ? word : `${current} ${word}`;
        }
      }
      return [...wrapped, current];
    })
    .join('\n');
}

function paginate(text: string, linesPerPage: number, header: string): string {
  const lines = text.split('\n');
  const pages: string[] = [];
  const pageCount = Math.ceil(lines.length / linesPerPage);
  for (let page = 0; page < pageCount; page++) {
    const body = lines.slice(page * linesPerPage, (page + 1) * linesPerPage).join('\n');
    pages.push(`${header}\n\n${body}\n\nSide ${page + 1} af ${pageCount}`);
  }
  return pages.join('\f');
}

describe.each(fixtureNames)('%s in other layouts', (name) => {
  const gold = JSON.parse(read(`${name}.json`));
  const source = read(`${name}.txt`);

  it('parses the text without Markdown marks at 98 % or better', () => {
    const score = scoreMeeting(gold, parseMinutesText(withoutMarks(source)).meeting);
    expect(score.misses).toEqual([]);
  });

  it('parses hard-wrapped, paginated text at 98 % or better', () => {
    const text = paginate(hardWrap(withoutMarks(source), 50), 45, `Chefforum ${gold.date}`);
    const score = scoreMeeting(gold, parseMinutesText(text).meeting);
    expect(score.percent, score.misses.join('\n')).toBeGreaterThanOrEqual(98);
  });
});
