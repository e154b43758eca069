import { describe, expect, it } from 'vitest';
import { type Block, textParagraph } from './document-blocks.ts';
import { markdownToBlocks } from './markdown-blocks.ts';
import { writeBlocks } from './markdown-renderer-blocks.ts';

/** Writes blocks and reads them back with the project's own Markdown reader. */
function writeAndReadBack(blocks: Block[]): Block[] {
  return markdownToBlocks(writeBlocks(blocks));
}

const makeParagraph = (text: string): Block => textParagraph(text);

describe('writeBlocks', () => {
  it('escapes what would change meaning at a line start, and only that', () => {
    const texts = [
      '# ikke en overskrift',
      '1. ikke en liste',
      '22) heller ikke',
      '- ikke et punkt',
      '+ heller ikke',
      '> ikke et citat',
      '---',
      '===',
      '```',
      '    fire mellemrum',
      'Punkt 3: nævnt i teksten',
    ];
    for (const text of texts) {
      expect(writeAndReadBack([makeParagraph(text)])).toEqual([makeParagraph(text.trim())]);
    }
    expect(writeBlocks([makeParagraph('# ikke en overskrift')])).toBe('\\# ikke en overskrift');
    expect(writeBlocks([makeParagraph('14. juni blev det besluttet')])).toBe(
      '14\\. juni blev det besluttet',
    );
    expect(writeBlocks([makeParagraph('Punkt 3: nævnt')])).toBe('Punkt 3\\: nævnt');
  });

  it('keeps * and _ inside words readable', () => {
    const text = 'budget_2018_v2.xlsx, 2 * 3 og fmd*';
    expect(writeBlocks([makeParagraph('budget_2018_v2.xlsx og a*b')])).toBe(
      'budget_2018_v2.xlsx og a*b',
    );
    expect(writeAndReadBack([makeParagraph(text)])).toEqual([makeParagraph(text)]);
    for (const tricky of ['*ikke kursiv*', '_ikke kursiv_', '**ikke fed**', 'a*b*c', '~~x~~']) {
      expect(writeAndReadBack([makeParagraph(tricky)])).toEqual([makeParagraph(tricky)]);
    }
  });

  it('keeps markup-like text as text', () => {
    for (const text of [
      '<b>ikke fed</b> &amp; [ikke](link) `ikke kode` C:\\sti\\fil',
      'a < b & c > d',
      '<ikke-et-tag> <!-- ikke en kommentar --> <?x?>',
    ]) {
      expect(writeAndReadBack([makeParagraph(text)])).toEqual([makeParagraph(text)]);
    }
  });

  it('writes formatting, links and hard breaks', () => {
    const block: Block = {
      type: 'paragraph',
      runs: [
        { text: 'Se ' },
        { text: 'fed', isBold: true },
        { text: ' og ' },
        { text: 'kursiv ', isItalic: true },
        { text: 'begge', isBold: true, isItalic: true },
        { text: ', ' },
        { text: 'a`b', isCode: true },
        { text: ', ' },
        { text: 'siden', href: 'https://example.dk/side?a=1&b=2' },
        { text: '\nog ' },
        { text: 'skriv', href: 'mailto:a@example.dk' },
        { text: '.' },
      ],
    };
    const text = writeBlocks([block]);
    expect(text).toBe(
      'Se **fed** og *kursiv* ***begge***, ``a`b``, [siden](https://example.dk/side?a=1&b=2)  \nog [skriv](mailto:a@example.dk).',
    );
    expect(writeAndReadBack([block])).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'Se ' },
          { text: 'fed', isBold: true },
          { text: ' og ' },
          { text: 'kursiv', isItalic: true },
          { text: ' ' },
          { text: 'begge', isBold: true, isItalic: true },
          { text: ', ' },
          { text: 'a`b', isCode: true },
          { text: ', ' },
          { text: 'siden', href: 'https://example.dk/side?a=1&b=2' },
          { text: '\nog ' },
          { text: 'skriv', href: 'mailto:a@example.dk' },
          { text: '.' },
        ],
      },
    ]);
  });

  it('keeps an empty line inside a paragraph as two breaks', () => {
    const block = makeParagraph('a\n\nb');
    expect(writeBlocks([block])).toBe('a  \n\\\nb');
    expect(writeAndReadBack([block])).toEqual([block]);
  });

  it('writes lists with 2-space and 3-space nesting, and keeps their starts', () => {
    const list: Block = {
      type: 'list',
      isOrdered: true,
      start: 3,
      items: [
        [makeParagraph('tre')],
        [
          makeParagraph('fire'),
          {
            type: 'list',
            isOrdered: false,
            start: 1,
            items: [[makeParagraph('a')], [makeParagraph('b')]],
          },
        ],
      ],
    };
    const bullets: Block = {
      type: 'list',
      isOrdered: false,
      start: 1,
      items: [
        [
          makeParagraph('punkt'),
          { type: 'list', isOrdered: false, start: 1, items: [[makeParagraph('under')]] },
        ],
      ],
    };
    expect(writeBlocks([list, bullets])).toBe(
      '3. tre\n4. fire\n   - a\n   - b\n\n- punkt\n  - under',
    );
    expect(writeAndReadBack([list, bullets])).toEqual([list, bullets]);
  });

  it('keeps two lists of one kind apart, and items of several paragraphs whole', () => {
    const first: Block = {
      type: 'list',
      isOrdered: false,
      start: 1,
      items: [[makeParagraph('a')]],
    };
    const second: Block = {
      type: 'list',
      isOrdered: false,
      start: 1,
      items: [[makeParagraph('b')]],
    };
    const loose: Block = {
      type: 'list',
      isOrdered: true,
      start: 1,
      items: [[makeParagraph('et'), makeParagraph('to')], [makeParagraph('tre')]],
    };
    expect(writeAndReadBack([first, second, loose])).toEqual([first, second, loose]);
  });

  it('writes tables as tab-separated rows, header first', () => {
    const makeCell = (text: string) => (text === '' ? [] : [{ text }]);
    const table: Block = {
      type: 'table',
      header: ['(mio kr.)', '2017', ''].map(makeCell),
      rows: [
        ['', 'Min.', 'Max.'].map(makeCell),
        ['- 1. linje', '0', '1'].map(makeCell),
        [[{ text: 'Fed', isBold: true }], makeCell('2'), makeCell('3')],
      ],
    };
    expect(writeBlocks([table])).toBe(
      '(mio kr.)\t2017\n\tMin.\tMax.\n\\- 1. linje\t0\t1\n**Fed**\t2\t3',
    );
    expect(writeAndReadBack([table])).toEqual([table]);
  });

  it('writes headings from level 4, code, quotes and rules', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 1, runs: [{ text: 'Overskrift #' }] },
      { type: 'code', text: 'const a = 1;\n```\nslut' },
      {
        type: 'quote',
        blocks: [
          makeParagraph('citat'),
          { type: 'list', isOrdered: false, start: 1, items: [[makeParagraph('x')]] },
        ],
      },
      { type: 'rule' },
      makeParagraph('efter'),
    ];
    const text = writeBlocks(blocks);
    expect(text).toBe(
      '#### Overskrift \\#\n\n````\nconst a = 1;\n```\nslut\n````\n\n> citat\n>\n> - x\n\n---\n\nefter',
    );
    expect(writeAndReadBack(blocks)).toEqual([{ ...blocks[0], level: 4 }, ...blocks.slice(1)]);
  });
});
