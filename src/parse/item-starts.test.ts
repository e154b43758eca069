import { describe, expect, it } from 'vitest';
import { parseMinutesText } from './minutes-parser.ts';

const titlesOf = (text: string): Array<[number, string]> =>
  parseMinutesText(text).meeting.items.map((item) => [item.number, item.title]);

describe('finding items', () => {
  it('ignores a "Punkt N:" quoted inside a decision', () => {
    const text = `REFERAT Chefforum d. 01-02-2019
Punkt 1: CF - Første
Beslutning
Godkendt.
Punkt 2: CF - Anden
Beslutning
Som nævnt under
Punkt 1: se ovenfor.
Punkt 3: CF - Tredje
Beslutning
Taget til efterretning.`;
    expect(titlesOf(text)).toEqual([
      [1, 'Første'],
      [2, 'Anden'],
      [3, 'Tredje'],
    ]);
    expect(parseMinutesText(text).meeting.items[1]?.decision).toBe(
      'Som nævnt under\nPunkt 1: se ovenfor.',
    );
  });

  it('skips a contents list without page numbers', () => {
    const text = `REFERAT Chefforum d. 01-02-2019
Punkt 1: CF - Første
Punkt 2: CF - Anden

## Punkt 1: CF - Første
Beslutning
Godkendt.
## Punkt 2: CF - Anden
Beslutning
Drøftet.`;
    const { meeting } = parseMinutesText(text);
    expect(meeting.items.map((item) => item.decision)).toEqual(['Godkendt.', 'Drøftet.']);
  });

  it('reads "Punkt 1<tab>CF - Titel" and "Pkt. 2." headings', () => {
    expect(
      titlesOf('REFERAT Chefforum d. 01-02-2019\nPunkt 1\tCF - Første\nPkt. 2. CF - Anden\n'),
    ).toEqual([
      [1, 'Første'],
      [2, 'Anden'],
    ]);
  });

  it('falls back to "CF - Titel" headings without numbers', () => {
    const text = `# Referat Chefforum 1. februar 2019

## CF - Første

Beslutning: Godkendt.

## CF - Anden

Beslutning: Drøftet.`;
    const { meeting } = parseMinutesText(text);
    expect(meeting.items.map((item) => [item.number, item.title, item.decision])).toEqual([
      [1, 'Første', 'Godkendt.'],
      [2, 'Anden', 'Drøftet.'],
    ]);
  });
});

describe('reading items', () => {
  it('reads headings with their text on the same line', () => {
    const { meeting } = parseMinutesText(`REFERAT Chefforum d. 01-02-2019
Punkt 1: CF - Budget
Anledning: Årets budget.
Indstilling: Kommunaldirektøren indstiller, at budgettet godkendes.
Beslutning: Godkendt.
Bilag: Budgetnotat`);
    expect(meeting.items[0]).toMatchObject({
      background: 'Årets budget.',
      recommendation: { proposer: 'Kommunaldirektøren', points: ['at budgettet godkendes.'] },
      decision: 'Godkendt.',
      attachments: [{ title: 'Budgetnotat' }],
    });
  });

  it('does not take a sentence that starts with "Beslutning i" for a heading', () => {
    const { meeting } = parseMinutesText(`REFERAT Chefforum d. 01-02-2019
Punkt 1: CF - Budget
Sagsfremstilling
Beslutning i sagen træffes i marts.
BESLUTNING I CHEFFORUM DEN 01-02-2019
Udsat.`);
    expect(meeting.items[0]?.presentation).toBe('Beslutning i sagen træffes i marts.');
    expect(meeting.items[0]?.decision).toBe('Udsat.');
  });

  it('reads impersonal and addressed recommendations', () => {
    const { meeting } = parseMinutesText(`REFERAT Chefforum d. 01-02-2019
Punkt 1: CF - Et
Indstilling
Det indstilles, at sagen drøftes.
Punkt 2: CF - To
Indstilling
Forvaltningen indstiller til Chefforum, at planen godkendes.`);
    expect(meeting.items.map((item) => item.recommendation)).toEqual([
      { proposer: '', points: ['at sagen drøftes.'] },
      { proposer: 'Forvaltningen', points: ['at planen godkendes.'] },
    ]);
  });

  it('finds the forum from a decision heading when the header lacks it', () => {
    const { meeting } = parseMinutesText(`Referat 05-11-2015
Punkt 1: Godkendelse
BESLUTNING I CHEFFORUM DEN 05-11-2015
Godkendt.`);
    expect(meeting.forum).toBe('Chefforum');
    expect(meeting.date).toBe('2015-11-05');
  });
});

describe('reading absences', () => {
  it('reads a Fraværende row without a colon, as a Word table gives it', () => {
    const { meeting } = parseMinutesText(
      'REFERAT Chefforum d. 01-02-2019\nPunkt 1: CF - Et\nBeslutning\nGodkendt.\nFraværende\tRikke Blom (Direktør BSV), Jens Hansen (Chef for ØS)\n',
    );
    expect(meeting.items[0]?.absent).toEqual([
      { name: 'Rikke Blom', role: 'Direktør BSV' },
      { name: 'Jens Hansen', role: 'Chef for ØS' },
    ]);
    expect(meeting.items[0]?.decision).toBe('Godkendt.');
  });

  it('keeps a sentence about absence as text', () => {
    const { meeting } = parseMinutesText(
      'REFERAT Chefforum d. 01-02-2019\nPunkt 1: CF - Et\nBeslutning\nFravær blandt cheferne drøftes næste gang.\n',
    );
    expect(meeting.items[0]?.absent).toEqual([]);
    expect(meeting.items[0]?.decision).toBe('Fravær blandt cheferne drøftes næste gang.');
  });
});

describe('reading durations', () => {
  it('reads a "Varighed" line when the title has no "(30 min)"', () => {
    const { meeting } = parseMinutesText(
      'REFERAT Chefforum d. 01-02-2019\nPunkt 1: CF - Et\n00.01.00-A00-1-19\nVarighed: 30 min\nBeslutning\nGodkendt.\nPunkt 2: CF - To (1 time)\nBeslutning\nOK.\n',
    );
    expect(meeting.items.map((item) => item.durationMinutes)).toEqual([30, 60]);
    expect(meeting.items[0]?.caseNumber).toBe('00.01.00-A00-1-19');
  });
});

describe('reading absences without commas', () => {
  it('splits names with roles written one after another, as a table cell gives them', () => {
    const { meeting } = parseMinutesText(
      'REFERAT Chefforum d. 01-02-2019\nPunkt 1: CF - Et\nBeslutning\nGodkendt.\nFraværende: Rikke Blom (Direktør BSV) Jens Hansen (Chef for ØS)\n',
    );
    expect(meeting.items[0]?.absent).toEqual([
      { name: 'Rikke Blom', role: 'Direktør BSV' },
      { name: 'Jens Hansen', role: 'Chef for ØS' },
    ]);
  });

  it('finds plain "2. Titel" items by what follows them, not numbered lists in the text', () => {
    const text = `REFERAT Økonomiudvalget d. 01-02-2019
1. Godkendelse af dagsorden
Beslutning
Godkendt.
2. Budgetopfølgning
00.30.14-G01-2-19
Sagsfremstilling
Der er tre forhold:
1. Skoleområdet
2. Ældreområdet
3. Kulturområdet
Indstilling
Direktionen indstiller,
1. at opfølgningen tages til efterretning
Beslutning
Taget til efterretning.
3. Evt.
Anledning
Intet.`;
    expect(titlesOf(text)).toEqual([
      [1, 'Godkendelse af dagsorden'],
      [2, 'Budgetopfølgning'],
      [3, 'Evt.'],
    ]);
  });

  it('takes "Punkt 2 Titel" with a capital as a heading, and "punkt 2 i …" as prose', () => {
    const text = `REFERAT Chefforum d. 01-02-2019
Punkt 1 Godkendelse
Beslutning
Godkendt, jf.
punkt 2 i sidste referat.
Punkt 2 Budget
Beslutning
Drøftet.`;
    expect(titlesOf(text)).toEqual([
      [1, 'Godkendelse'],
      [2, 'Budget'],
    ]);
  });

  it('reads "Bilag 1: Titel" lines without a Bilag heading as attachments, not sentences', () => {
    const text = `REFERAT Chefforum d. 01-02-2019
Punkt 1: CF - Sygefravær
Anledning
Statistikken er vedlagt:
Bilag 2: viser udviklingen i sygefraværet. Den er faldet.
Beslutning
Taget til efterretning.
Bilag 1: Fraværsopgørelse pr. 30. sep
Bilag 2: Graf over sygefravær`;
    const [item] = parseMinutesText(text).meeting.items;
    expect(item?.attachments).toEqual([
      { title: 'Bilag 1: Fraværsopgørelse pr. 30. sep' },
      { title: 'Bilag 2: Graf over sygefravær' },
    ]);
    expect(item?.background).toContain('Bilag 2: viser udviklingen');
    expect(item?.decision).toBe('Taget til efterretning.');
  });
});
