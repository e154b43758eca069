import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from './parse-error.ts';
import { joinLines, readPdf } from './pdf-reader.ts';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url)));

const MEETINGS = ['chefforum-2015-11-05', 'chefforum-2017-06-14', 'chefforum-2018-10-11'];

const texts = new Map<string, string>();
async function minutes(name: string): Promise<string> {
  let text = texts.get(name);
  if (text === undefined) {
    text = await readPdf(fixture(`minutes/${name}.pdf`));
    texts.set(name, text);
  }
  return text;
}

/** The hand-checked text without Markdown marks, one block per entry. */
function expectedBlocks(name: string): string[] {
  const text = readFileSync(
    new URL(`../../test/fixtures/minutes/${name}.txt`, import.meta.url),
    'utf8',
  );
  return text
    .split(/\n+/)
    .map((line) =>
      line
        .replace(/^#+\s*/, '')
        .replace(/\*\*|<\/?b>/g, '')
        .replace(/^\s*(- |\d+\. )/, '')
        .replace(/\\_/g, '_')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '' && line !== '---' && !/\.{5} ?\d+$/.test(line));
}

const flatten = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.replace(/^#+ /, '').replace(/^\s*(- |\d+\. )/, ''))
    .join(' ')
    .replace(/\s+/g, ' ');

describe('readPdf on real minutes', () => {
  it.each(MEETINGS)('%s: every hand-checked paragraph comes out whole', async (name) => {
    const text = flatten(await minutes(name));
    for (const block of expectedBlocks(name)) expect(text).toContain(block);
  });

  it('joins a wrapped heading into one line', async () => {
    const lines = (await minutes('chefforum-2017-06-14')).split('\n');
    expect(lines).toContain('# Punkt 1: CF - Godkendelse af dagsorden og referater');
    expect(lines).toContain('## Punkt 3: CF - Fjerde administrative udkast til budgetkatalog');
    expect(lines).toContain('## Anledning');
    expect(lines).toContain('### Sagsfremstilling');
  });

  it('keeps numbered recommendations as a tight list after their lead-in', async () => {
    expect(await minutes('chefforum-2017-06-14')).toContain(
      [
        'Kommunaldirektøren indstiller,',
        '',
        '1. at chefforum godkender dagsordenen for mødet',
        '2. at chefforum godkender referat for mødet d. 18. maj 2017',
        '3. at chefforum godkender referat for mødet d. 1. juni 2017',
      ].join('\n'),
    );
  });

  it('joins wrapped list items and nests deeper bullets', async () => {
    expect(await minutes('chefforum-2017-06-14')).toContain(
      '- Indfrielse af det økonomiske potentiale gennem ændret design af løsninger til borgere / familier med komplekse behov\n- Implementering',
    );
    expect(await minutes('chefforum-2015-11-05')).toContain(
      '- De fire boligområder:\n  - Nord\n  - Blokland\n  - Hedemarken\n  - Kanalen\n- Indsatser:\n  - Uddannelse og beskæftigelse',
    );
  });

  it('handles end-of-line hyphens and dashes', async () => {
    const text2017 = await minutes('chefforum-2017-06-14');
    expect(text2017).toContain(
      'vedrørende beskæftigelses-, sundheds- og socialområdet, kvalificeres',
    );
    expect(text2017).toContain('Difference 0 0 -0,511 -0,511 -0,337');
    expect(text2017).toContain('Min. Max. Difference -4,097 -2,099 -2,872 -0,874 -2,072');
    const text2015 = await minutes('chefforum-2015-11-05');
    expect(text2015).toContain('Dertil kommer evt. ikke-kontant medfinansiering');
    expect(text2015).toContain('boligselskaberne Bo-Vest og AKB');
    expect(text2015).toContain('CF - Boligsocial helhedsplan 2017-2020….. 8 CF - Status');
  });

  it('continues a paragraph across a page break only mid-sentence', async () => {
    expect(await minutes('chefforum-2017-06-14')).toContain(
      'læringsnetværkstemaet "Samarbejde mellem kommune, boligsociale aktører og borgere" blive kvalificeret',
    );
    expect(await minutes('chefforum-2018-10-11')).toContain(
      'der kan være behov for på et tidspunkt med fx rekruttering',
    );
    expect(await minutes('chefforum-2017-06-14')).toContain(
      'da der er tale om et større organisatorisk træk.\n\nArbejdsgruppen bag analysen',
    );
  });

  it.each(MEETINGS)('%s: no page numbers, curly quotes or stray whitespace', async (name) => {
    const text = await minutes(name);
    for (const line of text.split('\n')) {
      expect(line).not.toMatch(/^(\d+|Side \d+( af \d+)?)$/);
      expect(line).toBe(line.trimEnd());
    }
    expect(text).not.toMatch(/[“”„‘’\u00a0\u00ad]| {2}(?!- )|\n{3}/);
    expect(text).toBe(text.normalize('NFC'));
  });

  it('reads a page in a few milliseconds', async () => {
    const pageCounts: Record<string, number> = {
      'chefforum-2015-11-05': 10,
      'chefforum-2017-06-14': 10,
      'chefforum-2018-10-11': 7,
    };
    for (const name of MEETINGS) {
      const bytes = fixture(`minutes/${name}.pdf`);
      for (let i = 0; i < 5; i++) await readPdf(bytes);
      const rounds = 10;
      const start = performance.now();
      for (let i = 0; i < rounds; i++) await readPdf(bytes);
      const ms = (performance.now() - start) / rounds / (pageCounts[name] ?? 1);
      console.log(`${name}: ${ms.toFixed(2)} ms/page (warm)`);
    }
  });
});

interface SynthLine {
  text: string;
  y: number;
  x?: number;
  size?: number;
  bold?: boolean;
  /** Extra text operators drawn after the text, e.g. a superscript with text rise. */
  after?: string;
}

const WIN_ANSI: Record<string, number> = {
  '€': 0x80,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
};

function pdfString(text: string): string {
  let out = '';
  for (const char of text) {
    const code = WIN_ANSI[char] ?? char.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in WinAnsi: ${char}`);
    if (char === '(' || char === ')' || char === '\\') out += `\\${char}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += char;
  }
  return out;
}

/** A minimal valid PDF (A4, Helvetica / Helvetica-Bold) with one text line per entry. */
function makePdf(pages: SynthLine[][]): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${5 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  for (const [i, lines] of pages.entries()) {
    const stream = lines
      .map(
        (line) =>
          `BT /${line.bold ? 'F2' : 'F1'} ${line.size ?? 11} Tf ${line.x ?? 72} ${line.y} Td (${pdfString(line.text)}) Tj ${line.after ?? ''} ET`,
      )
      .concat('0.5 w 72 60 m 523 60 l S')
      .join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`,
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    );
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (char) => char.charCodeAt(0));
}

/** Body lines from y downwards, 13.5pt apart. */
function body(y: number, texts: string[], x = 72): SynthLine[] {
  return texts.map((text, i) => ({ text, y: y - i * 13.5, x }));
}

describe('readPdf on other layouts (synthetic PDFs)', () => {
  const chrome = (page: number): SynthLine[] => [
    { text: 'Chefforum 14-06-2017', y: 800, size: 9 },
    { text: 'Albertslund Kommune', y: 800, x: 420, size: 9 },
    { text: `Side ${page} af 3`, y: 40, x: 480, size: 9 },
  ];
  const doc = makePdf([
    [
      ...chrome(1),
      { text: 'Referat', y: 740, size: 18, bold: true },
      { text: 'Punkt 1: Sygefravær', y: 700, size: 14, bold: true },
      { text: 'Anledning', y: 675, bold: true },
      ...body(655, [
        'Chefforum drøftede sygefraværs-',
        'statistikken for beskæftigelses-, sundheds-',
        'og socialområdet samt Bo-',
        'Vest og ikke-',
        'kontant støtte med en difference på -',
        '0,511 mio. kr. og IT-',
        'projekter, som Chefforum vil følge',
      ]),
      { text: '•', y: 540, x: 84 },
      ...body(540, ['Første punkt, som er så langt, at det', 'fortsætter på næste linje'], 102),
      { text: '–', y: 513, x: 102 },
      { text: 'Et underpunkt', y: 513, x: 120 },
      { text: '•', y: 499.5, x: 84 },
      { text: 'Andet punkt', y: 499.5, x: 102 },
      { text: '1)', y: 470, x: 84 },
      { text: 'at Chefforum godkender', y: 470, x: 102 },
      { text: 'b.', y: 456.5, x: 84 },
      { text: 'at “sagen” tages til efterretning', y: 456.5, x: 102 },
      ...body(110, ['Den sidste linje på siden fortsætter på']),
    ],
    [
      ...chrome(2),
      ...body(760, [
        'næste side, uden at afsnittet brydes, for linjen her er sidens længste.',
        'Denne linje er kort.',
      ]),
      ...body(733, ['Nyt afsnit uden luft før det, som fortsætter her.']),
      { text: 'Beslutning', y: 690, bold: true },
      ...body(670, ['Chefforum godkendte indstillingen.']),
      { text: 'Beløb', y: 640 },
      { text: '2018', y: 640, x: 250 },
      { text: '2019', y: 640, x: 350 },
      { text: 'Budget', y: 626.5 },
      { text: '15', y: 626.5, x: 250 },
      { text: '17', y: 626.5, x: 350 },
    ],
    [
      ...chrome(3),
      ...body(760, ['Mødet sluttede.']),
      {
        text: 'Sagen er beskrevet i notatet',
        y: 700,
        after: '/F1 7 Tf 4 Ts (1) Tj 0 Ts /F1 11 Tf ( og i bilaget.) Tj',
      },
      { text: 'Referent: Anne Hansen', y: 70 },
    ],
  ]);

  it('drops repeating headers, footers and page numbers', async () => {
    const text = await readPdf(doc);
    expect(text).not.toMatch(/Chefforum 14-06-2017|Albertslund Kommune|Side \d/);
    expect(text.startsWith('# Referat\n\n## Punkt 1: Sygefravær\n\n### Anledning\n\n')).toBe(true);
    // A line near the bottom that does not repeat is text, not a footer.
    expect(text.endsWith('\n\nReferent: Anne Hansen')).toBe(true);
  });

  it('undoes hyphenation but keeps real hyphens and negative numbers', async () => {
    expect(await readPdf(doc)).toContain(
      'Chefforum drøftede sygefraværsstatistikken for beskæftigelses-, sundheds- og socialområdet samt Bo-Vest og ikke-kontant støtte med en difference på -0,511 mio. kr. og IT-projekter, som Chefforum vil følge',
    );
  });

  it('writes lists with nesting and numbers as written', async () => {
    expect(await readPdf(doc)).toContain(
      [
        '- Første punkt, som er så langt, at det fortsætter på næste linje',
        '  - Et underpunkt',
        '- Andet punkt',
        '1. at Chefforum godkender',
        'b. at "sagen" tages til efterretning',
      ].join('\n'),
    );
  });

  it('carries a paragraph over the page break and splits unspaced paragraphs', async () => {
    const text = await readPdf(doc);
    expect(text).toContain(
      '\n\nDen sidste linje på siden fortsætter på næste side, uden at afsnittet brydes, for linjen her er sidens længste. Denne linje er kort.\n\nNyt afsnit uden luft før det, som fortsætter her.\n\n### Beslutning\n\n',
    );
  });

  it('keeps a superscript footnote mark on its line', async () => {
    expect(await readPdf(doc)).toContain(
      '\n\nMødet sluttede.\n\nSagen er beskrevet i notatet1 og i bilaget.\n\n',
    );
  });

  it('writes widely spaced columns as tab-separated rows', async () => {
    expect(await readPdf(doc)).toContain('Beløb\t2018\t2019\nBudget\t15\t17');
  });

  it('drops a header repeated on both pages of a two-page document', async () => {
    const two = makePdf(
      [1, 2].map((page) => [
        { text: 'Referat – Økonomiudvalget', y: 805, size: 9 },
        { text: `- ${page} -`, y: 30, x: 290, size: 9 },
        ...body(700, [`Tekst på side ${page}.`]),
      ]),
    );
    expect(await readPdf(two)).toBe('Tekst på side 1.\n\nTekst på side 2.');
  });

  it('does not detach or change the caller’s bytes', async () => {
    const copy = doc.slice();
    await readPdf(copy);
    expect(copy).toEqual(doc);
  });
});

describe('readPdf errors', () => {
  const rejection = async (bytes: Uint8Array, signal?: AbortSignal): Promise<ParseError> => {
    const error: unknown = await readPdf(bytes, { signal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ParseError);
    const message = (error as ParseError).message;
    expect(message).not.toMatch(/\n/);
    expect(message.length).toBeGreaterThan(0);
    return error as ParseError;
  };

  it('rejects empty bytes', async () => {
    expect((await rejection(new Uint8Array(0))).message).toBe('PDF-filen er tom');
  });

  it('rejects random binary', async () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    expect((await rejection(junk)).message).toBe('filen er ikke en PDF');
  });

  it('rejects a PDF header followed by junk', async () => {
    const junk = new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(500)}`);
    expect((await rejection(junk)).message).toBe('PDF-filen er beskadiget eller afkortet');
  });

  it('rejects a truncated PDF', async () => {
    const whole = fixture('minutes/chefforum-2017-06-14.pdf');
    const cut = whole.slice(0, Math.floor(whole.length * 0.3));
    expect((await rejection(cut)).message).toBe('PDF-filen er beskadiget eller afkortet');
  });

  it('rejects an encrypted PDF', async () => {
    expect((await rejection(fixture('bad/encrypted.pdf'))).message).toBe(
      'PDF-filen er krypteret med adgangskode',
    );
  });

  it('rejects a PDF without text', async () => {
    expect((await rejection(makePdf([[], []]))).message).toBe(
      'PDF-filen har ingen tekst (indscannet?)',
    );
  });

  it('rejects when the signal is aborted', async () => {
    const bytes = fixture('minutes/chefforum-2015-11-05.pdf');
    expect((await rejection(bytes, AbortSignal.abort())).message).toBe('tiden løb ud');
    const controller = new AbortController();
    const pending = rejection(bytes, controller.signal);
    controller.abort();
    expect((await pending).message).toBe('tiden løb ud');
  });
});

describe('joinLines', () => {
  it.each([
    ['sygefraværs-', 'statistikken', 'sygefraværsstatistikken'],
    ['sundheds-', 'og socialområdet', 'sundheds- og socialområdet'],
    ['beskæftigelses-', 'eller andet', 'beskæftigelses- eller andet'],
    ['Økonomi-', 'og Indenrigsministeriet', 'Økonomi- og Indenrigsministeriet'],
    ['budget-', 'tilpasning', 'budgettilpasning'],
    ['kultur-', 'også', 'kulturogså'],
    ['Bo-', 'Vest', 'Bo-Vest'],
    ['IT-', 'projekter', 'IT-projekter'],
    ['ph.d.-', 'studerende', 'ph.d.-studerende'],
    ['ikke-', 'kontant', 'ikke-kontant'],
    ['e-', 'mail', 'e-mail'],
    ['2017-', '2020', '2017-2020'],
    ['Difference -', '0,511', 'Difference -0,511'],
    ['CF -', 'Boligsocial', 'CF - Boligsocial'],
    ['opgave –', 'den skal', 'opgave – den skal'],
    ['blød\u00ad', 'bindestreg', 'blødbindestreg'],
    ['almindelig', 'linje', 'almindelig linje'],
  ])('%s + %s', (before, after, joined) => {
    expect(joinLines(before, after)).toBe(joined);
  });
});

describe('readPdf on single-spaced lists', () => {
  it('keeps each line of a single-spaced attachment list as its own block', async () => {
    const doc = makePdf([
      [
        { text: 'Punkt 1: Budget', y: 740, size: 14, bold: true },
        ...body(700, [
          'Budgetprocessen for det kommende år begynder nu, og direktionen har lagt en',
          'tidsplan, som chefforum skal drøfte og godkende på mødet i dag.',
        ]),
        { text: 'Bilag', y: 650, bold: true },
        ...body(630, ['Tidsplan for budget 2020', 'Procesnotat', 'Notat om økonomi og demografi']),
      ],
    ]);
    expect(await readPdf(doc)).toContain(
      '\n\nTidsplan for budget 2020\n\nProcesnotat\n\nNotat om økonomi og demografi',
    );
  });
});
