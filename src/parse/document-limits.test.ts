import { describe, expect, it } from 'vitest';
import { parseHtml } from './docx-html-tree.ts';
import { readHtml } from './html-reader.ts';
import { parseMinutesText } from './minutes-parser.ts';
import { ParseError } from './parse-error.ts';

describe('no fixed limit on the number of items', () => {
  it('reads 1,200 items, each with its own text', () => {
    const items = Array.from(
      { length: 1200 },
      (_, index) =>
        `Punkt ${index + 1}: CF - Emne ${index + 1}\n\nBeslutning\n\nGodkendt ${index + 1}.`,
    );
    const { meeting, warnings } = parseMinutesText(
      `REFERAT Chefforum d. 01-02-2019\n\n${items.join('\n\n')}`,
    );
    expect(meeting.items).toHaveLength(1200);
    expect(warnings).toEqual([]);
    for (const number of [999, 1000, 1001, 1200]) {
      expect(meeting.items[number - 1]).toMatchObject({
        number,
        title: `Emne ${number}`,
        decision: `Godkendt ${number}.`,
      });
    }
  });

  it('reads items numbered "1000. Titel" as well', () => {
    const items = Array.from(
      { length: 1005 },
      (_, index) => `**${index + 1}. Emne ${index + 1}**\n\nBeslutning\n\nOK.`,
    );
    const { meeting } = parseMinutesText(
      `REFERAT Chefforum d. 01-02-2019\n\n${items.join('\n\n')}`,
    );
    expect(meeting.items.map((item) => item.number).slice(-3)).toEqual([1003, 1004, 1005]);
  });
});

describe('deeply nested HTML', () => {
  const nested = (depth: number): string =>
    `<html><body>${'<div>'.repeat(depth)}<p>Punkt 1: Emne</p><p>Beslutning</p><p>OK.</p>${'</div>'.repeat(depth)}</body></html>`;

  it('gives a Danish one-line error instead of overflowing the stack', () => {
    expect(() => readHtml(nested(100_000))).toThrow(ParseError);
    expect(() => readHtml(nested(100_000))).toThrow(/^Dokumentet er for dybt indlejret/u);
    expect(() => parseHtml('<b>'.repeat(100_000))).toThrow(ParseError);
  });

  it('still reads pages nested as deep as real ones', () => {
    const { meeting } = parseMinutesText(readHtml(nested(400)));
    expect(meeting.items[0]?.decision).toBe('OK.');
  });
});
