import { describe, expect, it } from 'vitest';
import { readPdf } from '../src/parse/pdf-reader.ts';
import { typstPdf, typstString } from './support/typst-pdf.ts';

const words = (prefix: string, count: number): string =>
  Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`).join(' ');

const page = (body: string, columns = 1): Uint8Array =>
  typstPdf(
    `#set text(font: "Source Sans 3", lang: "da", size: 11pt)\n#set page(paper: "a4", columns: ${columns})\n${body}`,
  );

describe('reading a PDF set in two columns', () => {
  it('reads the left column, then the right, and joins a paragraph over the column break', async () => {
    const left = `Venstre ${words('v', 800)} slut.`;
    const right = `Højre ${words('h', 60)} slut.`;
    const text = await readPdf(
      page(
        `#text(weight: "bold", "Sagsfremstilling")\n\n#${typstString(left)}\n\n#${typstString(right)}`,
        2,
      ),
    );
    const paragraphs = text.split('\n\n');
    expect(paragraphs).toContain(left);
    expect(paragraphs).toContain(right);
    expect(text.indexOf(left)).toBeLessThan(text.indexOf(right));
  });

  it('keeps a full-width title above the columns first', async () => {
    const left = `Første ${words('a', 200)} slut.`;
    const text = await readPdf(
      page(
        `#place(top, float: true, scope: "parent", text(size: 16pt, weight: "bold")[Referat af mødet i Chefforum den 1. februar 2019 om budgettet])\n#${typstString(left)}`,
        2,
      ),
    );
    expect(
      text.startsWith('# Referat af mødet i Chefforum den 1. februar 2019 om budgettet\n\n'),
    ).toBe(true);
    expect(text).toContain(left);
  });

  it('reads a one-column page with a two-column table row by row', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, index) =>
        `[#${typstString(`Emne ${index + 1}`)}], [#${typstString(`Ansvarlig ${index + 1}`)}]`,
    );
    const text = await readPdf(
      page(`#table(columns: (1fr, 1fr), stroke: none, ${rows.join(', ')})`),
    );
    expect(text).toContain('Emne 1\tAnsvarlig 1\nEmne 2\tAnsvarlig 2');
  });
});
