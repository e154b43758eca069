/**
 * The layout variants in test/fixtures/layouts/: the real minutes in test/fixtures/minutes/,
 * re-laid out the way other councils write theirs, so that the hand-checked JSON still says
 * what the parser must find. `scripts/make-layout-fixtures.ts` writes them; the test reads the
 * files and their manifest, not this module.
 */

import { minutesAsWordTables, minutesWithWordNumbering } from './minutes-docx.ts';
import { minutesAsItemTables } from './minutes-html.ts';
import {
  contentsEntries,
  hardWrap,
  headerBlock,
  joinMinutes,
  type MinutesText,
  splitMinutes,
  type TextItem,
  type TextSection,
  withoutMarks,
} from './minutes-text.ts';
import { minutesTypst, typstPdf } from './typst-pdf.ts';

/** A hand-checked Meeting, loosely typed: the variants only change a few fields. */
export interface GoldMeeting {
  kind: string;
  date: string;
  items: Array<{ number: number; closed: boolean; decision: string | null }>;
}

/** One layout variant: where it comes from, what it shows, and how to make it. */
export interface LayoutVariant {
  file: string;
  origin: string;
  description: string;
  build: (text: string, gold: GoldMeeting) => Built | Promise<Built>;
}

/** A variant's document, and its gold when the layout changes what the parser must find. */
export interface Built {
  document: string | Uint8Array;
  gold?: GoldMeeting;
}

const toRoman = (value: number): string =>
  ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][value - 1] ?? String(value);

function relayoutItems(text: string, change: (minutes: MinutesText) => void): string {
  const minutes = splitMinutes(text);
  change(minutes);
  return joinMinutes(minutes);
}

/** Rewrites the table of contents as "label title..... page" lines. */
function numberedContents(minutes: MinutesText, label: (item: TextItem) => string): string[] {
  const pages = contentsEntries(minutes);
  return [
    'Indholdsfortegnelse',
    '',
    ...minutes.items.flatMap((item, index) => [
      `${label(item)} ${item.title}..... ${pages[index]?.page ?? ''}`,
      '',
    ]),
  ];
}

function pages(text: string, linesPerPage: number, pageHeader: readonly string[]): string {
  const lines = text.split('\n');
  const count = Math.ceil(lines.length / linesPerPage);
  return Array.from({ length: count }, (_, page) => {
    const body = lines.slice(page * linesPerPage, (page + 1) * linesPerPage).join('\n');
    const top = page === 0 ? '' : `${pageHeader.join('\n')}\n\n`;
    return `${top}${body}\n\nSide ${page + 1} af ${count}`;
  }).join('\f');
}

function moveDecisionFirst(item: TextItem): void {
  const decision = item.sections.findIndex((section) => section.kind === 'decision');
  const first = item.sections.findIndex((section) => section.kind !== null);
  if (decision <= first || first < 0) return;
  const [section] = item.sections.splice(decision, 1);
  if (section) item.sections.splice(first, 0, section);
}

function markClosed(item: TextItem, index: number): void {
  const lead = item.sections[0];
  const marks = [
    () => {
      item.heading = item.heading.replace('CF - ', 'CF - Lukket punkt: ');
    },
    () => {
      item.heading = item.heading.replace(/(\**)$/u, ' (Lukket)$1');
    },
    () => lead?.lines.unshift('', 'LUKKET PUNKT'),
    () => lead?.lines.unshift('', 'Punktet er lukket.'),
  ];
  marks[index % marks.length]?.();
}

/** The variants, in the order the README lists them. */
export const layoutVariants: LayoutVariant[] = [
  {
    file: 'heading-per-page.txt',
    origin: 'chefforum-2017-06-14',
    description:
      'plain text as pdftotext writes it (wrapped at 60 characters, form feeds) with the meeting header repeated at the top of every page and "Side N af M" at the foot',
    build: (text) => {
      const header = headerBlock(splitMinutes(text));
      return { document: pages(hardWrap(withoutMarks(text), 60), 40, header) };
    },
  },
  {
    file: 'heading-per-page.pdf',
    origin: 'chefforum-2018-10-11',
    description:
      'PDF with a small running header and page numbers, every item on a new page under the meeting header repeated in body text',
    build: (text, gold) => ({
      document: typstPdf(
        minutesTypst(text, {
          pageHeader: `Chefforum · referat ${gold.date}`,
          pageNumbers: true,
          itemPageHeader: headerBlock(splitMinutes(text)),
        }),
      ),
    }),
  },
  {
    file: 'two-columns.pdf',
    origin: 'chefforum-2015-11-05',
    description: 'PDF set in two columns, with a running header and page numbers',
    build: (text) => ({
      document: typstPdf(
        minutesTypst(text, { columns: 2, pageHeader: 'Chefforum · Referat', pageNumbers: true }),
      ),
    }),
  },
  {
    file: 'two-columns-2017.pdf',
    origin: 'chefforum-2017-06-14',
    description: 'PDF set in two columns (the minutes with wide tables)',
    build: (text) => ({ document: typstPdf(minutesTypst(text, { columns: 2 })) }),
  },
  {
    file: 'item-tables.html',
    origin: 'chefforum-2018-10-11',
    description:
      'an HTML page as meeting systems publish one: every item a table with the label ("Sagsnr.", "Anledning", "Beslutning", …) in the first column and its text in the second',
    build: (text) => ({ document: minutesAsItemTables(splitMinutes(text)) }),
  },
  {
    file: 'item-tables.docx',
    origin: 'chefforum-2018-10-11',
    description:
      'a Word document with every item as a two-column table of labels ("Sagsnr.", "Anledning", …) and their text',
    build: async (text) => ({ document: await minutesAsWordTables(splitMinutes(text)) }),
  },
  {
    file: 'word-numbered-headings.docx',
    origin: 'chefforum-2015-11-05',
    description:
      'a Word document whose item headings are Heading 1 paragraphs numbered by Word itself ("1." is not in the text), with no "Punkt" and no forum prefix',
    build: async (text) => ({ document: await minutesWithWordNumbering(splitMinutes(text)) }),
  },
  {
    file: 'decision-first.txt',
    origin: 'chefforum-2018-10-11',
    description: 'each item gives its Beslutning first, before Anledning and Sagsfremstilling',
    build: (text) => ({
      document: relayoutItems(text, (minutes) => {
        for (const item of minutes.items) moveDecisionFirst(item);
      }),
    }),
  },
  {
    file: 'agenda-without-decisions.txt',
    origin: 'chefforum-2017-06-14',
    description: 'the agenda before the meeting: "DAGSORDEN" and no Beslutning sections',
    build: (text, gold) => ({
      document: relayoutItems(text.replace('REFERAT', 'DAGSORDEN'), (minutes) => {
        for (const item of minutes.items)
          item.sections = item.sections.filter((section) => section.kind !== 'decision');
      }),
      gold: {
        ...gold,
        kind: 'agenda',
        items: gold.items.map((item) => ({ ...item, decision: null })),
      },
    }),
  },
  {
    file: 'outline-numbering.txt',
    origin: 'chefforum-2017-06-14',
    description:
      'plain text with items numbered in levels under group headings without text: "1 Sager til beslutning", "1.1 …", "2 Sager til orientering", "2.1 …", and the last item "3 Evt."',
    build: (text) => {
      const minutes = splitMinutes(text);
      const last = minutes.items.length;
      const label = (item: TextItem): string =>
        item.number <= 3 ? `1.${item.number}` : item.number < last ? `2.${item.number - 3}` : '3';
      minutes.contents = numberedContents(minutes, label);
      for (const item of minutes.items) {
        const group =
          item.number === 1
            ? '1 Sager til beslutning\n\n'
            : item.number === 4
              ? '2 Sager til orientering\n\n'
              : '';
        item.heading = `${group}${label(item)} ${item.title}`;
      }
      return { document: withoutMarks(joinMinutes(minutes)) };
    },
  },
  {
    file: 'pkt-numbering.txt',
    origin: 'chefforum-2015-11-05',
    description: 'plain text with items headed "Pkt. 3 - Titel" and a contents list in that form',
    build: (text) => {
      const minutes = splitMinutes(text);
      minutes.contents = numberedContents(minutes, (item) => `Pkt. ${item.number} -`);
      for (const item of minutes.items) item.heading = `Pkt. ${item.number} - ${item.title}`;
      return { document: withoutMarks(joinMinutes(minutes)) };
    },
  },
  {
    file: 'roman-numerals.txt',
    origin: 'chefforum-2018-10-11',
    description:
      'plain text with items numbered in Roman numerals ("IV. Titel") and such a contents list',
    build: (text) => {
      const minutes = splitMinutes(text);
      minutes.contents = numberedContents(minutes, (item) => `${toRoman(item.number)}.`);
      for (const item of minutes.items) item.heading = `${toRoman(item.number)}. ${item.title}`;
      return { document: withoutMarks(joinMinutes(minutes)) };
    },
  },
  {
    file: 'journal-number-first.txt',
    origin: 'chefforum-2017-06-14',
    description: 'plain text with each journal number on the line above its item heading',
    build: (text) => ({
      document: withoutMarks(
        relayoutItems(text, (minutes) => {
          for (const item of minutes.items) {
            const lead = item.sections[0];
            const index = lead?.lines.findIndex((line) =>
              /^\d{2}\.\d{2}\.\d{2}-/u.test(line.trim()),
            );
            if (!lead || index === undefined || index < 0) continue;
            const [caseNumber] = lead.lines.splice(index, 1);
            item.heading = `${caseNumber}\n\n${item.heading}`;
          }
        }),
      ),
    }),
  },
  {
    file: 'closed-markers.txt',
    origin: 'chefforum-2018-10-11',
    description:
      'closed items marked in four spellings ("Lukket punkt: …", "(Lukket)", "LUKKET PUNKT", "Punktet er lukket."), open ones "Åbent punkt", and the last item under a "Lukkede sager" heading',
    build: (text, gold) => {
      const closed = new Set([3, 4, 5, 7, 8]);
      const document = relayoutItems(text, (minutes) => {
        minutes.items.forEach((item) => {
          if (item.number === 8) item.heading = `Lukkede sager\n\n${item.heading}`;
          else if (closed.has(item.number)) markClosed(item, item.number - 3);
          else item.sections[0]?.lines.unshift('', 'Åbent punkt');
        });
      });
      const items = gold.items.map((item) => ({ ...item, closed: closed.has(item.number) }));
      return { document, gold: { ...gold, items } };
    },
  },
  {
    file: 'run-in-headings.txt',
    origin: 'chefforum-2017-06-14',
    description:
      'plain text as a PDF text layer gives headings set beside their text: "Indstilling Kommunaldirektøren indstiller, 1. at … 2. at …", "Beslutning Chefforum godkendte …", "Bilag Tema: …"',
    build: (text) => ({
      document: withoutMarks(
        relayoutItems(text, (minutes) => {
          for (const item of minutes.items) for (const section of item.sections) runIn(section);
        }),
      ),
    }),
  },
  {
    file: 'degraded-headings.txt',
    origin: 'chefforum-2017-06-14',
    description:
      'plain text where four item headings lost their form: "Punkt" and "3: CF - …" on two lines, "Ad 4. CF - …", "5) Titel" without prefix, and item 6 glued to the end of the paragraph before it',
    build: (text) => {
      const minutes = splitMinutes(text);
      for (const item of minutes.items) item.heading = item.heading.replace(/^#+\s*/u, '');
      const [, , third, fourth, fifth, sixth] = minutes.items;
      if (third) third.heading = `Punkt\n\n3: CF - ${third.title}`;
      if (fourth) fourth.heading = `Ad 4. CF - ${fourth.title}`;
      if (fifth) fifth.heading = `5) ${fifth.title}`;
      const fifthEnd = fifth?.sections.at(-1)?.lines;
      const lastText = fifthEnd?.findLastIndex((line) => line.trim() !== '') ?? -1;
      if (sixth && fifthEnd && lastText >= 0) {
        fifthEnd[lastText] = `${fifthEnd[lastText]} Punkt 6: CF - ${sixth.title}`;
        sixth.heading = '';
      }
      return { document: withoutMarks(joinMinutes(minutes)) };
    },
  },
];

/** Joins a section's heading to its first paragraph, and a proposer to its points. */
function runIn(section: TextSection): void {
  if (section.heading === null) return;
  const { lines } = section;
  const first = lines.findIndex((line) => line.trim() !== '' && !/^-{3,}$/u.test(line.trim()));
  if (first < 0) return;
  let joined = lines[first]?.trim() ?? '';
  let end = first + 1;
  if (section.kind === 'recommendation') {
    let next = end;
    while (next < lines.length && lines[next]?.trim() === '') next++;
    while (next < lines.length && /^\d+\.\s/u.test(lines[next]?.trim() ?? '')) {
      joined = `${joined} ${lines[next]?.trim()}`;
      next++;
      end = next;
    }
  }
  const headingWord = section.heading.replace(/[#*]/gu, '').trim();
  lines.splice(first, end - first, `${headingWord} ${joined}`);
  section.heading = null;
}
