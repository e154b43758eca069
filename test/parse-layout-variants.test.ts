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

/** Item headings and section labels as other councils and secretaries write them. */
const headingLayouts: Record<string, (text: string) => string> = {
  'items numbered "2. Titel" as headings': (text) => text.replace(/Punkt (\d+): CF - /gu, '$1. '),
  'items numbered "2. Titel" in plain text with a contents list': (text) =>
    withoutMarks(text.replace(/Punkt (\d+): CF - /gu, '$1. ')),
  'items numbered "2. Titel" in plain text without a contents list': (text) =>
    withoutMarks(
      text
        .replace(/## Indholdsfortegnelse[\s\S]*?(?=# \*\*Punkt 1)/u, '')
        .replace(/Punkt (\d+): CF - /gu, '$1. '),
    ),
  '"Punkt 2 Titel" without a colon': (text) => text.replace(/Punkt (\d+): CF - /gu, 'Punkt $1 '),
  '"Pkt. 2"': (text) => text.replace(/Punkt (\d+): /gu, 'Pkt. $1 '),
  '"Dagsordenspunkt 2:"': (text) => text.replace(/Punkt (\d+): /gu, 'Dagsordenspunkt $1: '),
  'section labels on the line of their text ("Beslutning: …")': (text) =>
    text.replace(/^#+ \*\*(Anledning|Sagsfremstilling|Beslutning|Indstilling)\*\*\n\n/gmu, '$1: '),
  'journal numbers labelled "Sagsnr.:"': (text) =>
    text.replace(/^(\d{2}\.\d{2}\.\d{2}-[A-ZØ]\d{2}-\d+-\d{2}|\d{2}\/\d+)$/gmu, 'Sagsnr.: $1'),
  'section headings in capitals': (text) =>
    text.replace(
      /\*\*(Anledning|Sagsfremstilling|Beslutning|Indstilling|Bilag)\*\*/gu,
      (_match, word: string) => `**${word.toUpperCase()}**`,
    ),
};

describe.each(fixtureNames)('%s with other item headings', (name) => {
  const gold = JSON.parse(read(`${name}.json`));
  const source = read(`${name}.txt`);
  it.each(Object.entries(headingLayouts))('parses %s completely', (_layout, relayout) => {
    const score = scoreMeeting(gold, parseMinutesText(relayout(source)).meeting);
    expect(score.misses).toEqual([]);
  });
});
