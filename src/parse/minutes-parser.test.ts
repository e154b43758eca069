import { describe, expect, it } from 'vitest';
import { parseMinutesText } from './minutes-parser.ts';
import { ParseError } from './parse-error.ts';

/** A plain-text document without any Markdown marks, as text extracted from a PDF reads. */
const plainMinutes = `REFERAT Direktørforum d. 02-03-2019

Mødedato Mandag d. 2. marts 2019 kl. 8.30
Mødested Rådhuset, lokale 1.12
Fraværende: Rikke Blom (Direktør BSV)

Indholdsfortegnelse
DIF - Godkendelse af dagsorden..... 2
DIF - Budget 2020 - første drøftelse (45 min)..... 3
DIF - Evt..... 4

Punkt 1: DIF - Godkendelse af dagsorden
00.01.00-A00-1-19
Kommunaldirektøren indstiller,
at dagsordenen godkendes.
Beslutning
Godkendt.

Punkt 2: DIF - Budget 2020 - første drøftelse (45 min)
Sagsnr.: 00.30.00-S00-12-19
Sagsfremstilling
Budgetprocessen for 2020 begynder nu.

(mio. kr.)\t2019\t2020
Drift\t100\t102
Beslutning
Direktørforum drøftede budgettet.
Anledning
Årshjulet.
Indstilling
Direktøren for Børn, Sundhed & Velfærd indstiller:
• at processen godkendes
• at tidsplanen godkendes, idet
  datoerne aftales senere
Bilag
Tidsplan for budget 2020.pdf
Procesnotat
Fraværende:
Jens Jensen (Chef for Økonomi &
Stab), Mette Hansen (Leder
af Sundhedshuset)

Punkt 3: DIF - Evt.
Beslutning
Intet.
`;

describe('parseMinutesText', () => {
  const { meeting, warnings } = parseMinutesText(plainMinutes);

  it('reads the header without Markdown marks', () => {
    expect(meeting).toMatchObject({
      forum: 'Direktørforum',
      kind: 'minutes',
      date: '2019-03-02',
      start: '08:30',
      location: 'Rådhuset, lokale 1.12',
    });
  });

  it('skips the table of contents and finds each item once', () => {
    expect(meeting.items.map((item) => item.number)).toEqual([1, 2, 3]);
    expect(meeting.items.map((item) => item.title)).toEqual([
      'Godkendelse af dagsorden',
      'Budget 2020 - første drøftelse (45 min)',
      'Evt.',
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a recommendation without an Indstilling heading', () => {
    expect(meeting.items[0]?.recommendation).toEqual({
      proposer: 'Kommunaldirektøren',
      points: ['at dagsordenen godkendes.'],
    });
    expect(meeting.items[0]?.caseNumber).toBe('00.01.00-A00-1-19');
  });

  it('reads sections in any order, tables and durations', () => {
    const item = meeting.items[1];
    expect(item?.caseNumber).toBe('00.30.00-S00-12-19');
    expect(item?.durationMinutes).toBe(45);
    expect(item?.background).toBe('Årshjulet.');
    expect(item?.presentation).toContain('Drift\t100\t102');
    expect(item?.decision).toBe('Direktørforum drøftede budgettet.');
    expect(item?.recommendation).toEqual({
      proposer: 'Direktøren for Børn, Sundhed & Velfærd',
      points: ['at processen godkendes', 'at tidsplanen godkendes, idet datoerne aftales senere'],
    });
    expect(item?.attachments).toEqual([
      { title: 'Tidsplan for budget 2020.pdf' },
      { title: 'Procesnotat' },
    ]);
  });

  it('reads absences wrapped over several lines, each with a role', () => {
    expect(meeting.items[1]?.absent).toEqual([
      { name: 'Jens Jensen', role: 'Chef for Økonomi & Stab' },
      { name: 'Mette Hansen', role: 'Leder af Sundhedshuset' },
    ]);
  });

  it('applies absences from the meeting header to items without their own', () => {
    expect(meeting.items[0]?.absent).toEqual([{ name: 'Rikke Blom', role: 'Direktør BSV' }]);
  });
});

describe('parseMinutesText with other layouts', () => {
  it('reads the 2015 layout: capitals, repeated title, Bilag before the text', () => {
    const { meeting } = parseMinutesText(`# REFERAT Chefforum d. 05-11-2015

**Mødedato** Torsdag d. 05. november 2015 kl. 09:00

## **Punkt 3: CF - Boligsocial helhedsplan**

15/15655

### **Bilag**

Prækvalifikationsudkast

# CF - Boligsocial helhedsplan

## Baggrund

Der har været boligsocialt arbejde siden 1994.

## INDSTILLING

---

Afdelingschefen for Borgere & Arbejdsmarked indstiller at;

1. Chefforum drøfter samarbejdet.

2. Chefforum drøfter målene.

## **BESLUTNING I CHEFFORUM DEN 05-11-2015**

---

Chefforum drøftede oplægget.
`);
    const item = meeting.items[0];
    expect(item).toMatchObject({
      number: 3,
      title: 'Boligsocial helhedsplan',
      caseNumber: '15/15655',
      background: 'Der har været boligsocialt arbejde siden 1994.',
      decision: 'Chefforum drøftede oplægget.',
      attachments: [{ title: 'Prækvalifikationsudkast' }],
      recommendation: {
        proposer: 'Afdelingschefen for Borgere & Arbejdsmarked',
        points: ['Chefforum drøfter samarbejdet.', 'Chefforum drøfter målene.'],
      },
    });
  });

  it('reads an agenda, numbered item headings and closed items', () => {
    const { meeting } = parseMinutesText(`DAGSORDEN
Chefforum
Tirsdag den 3. september 2019 kl. 10:00
Sted: Mødelokale 4

1. CF - Godkendelse af dagsorden
Anledning
Fast punkt.

2. CF - Personalesag (lukket)
Lukket punkt
Anledning
Sagen vedrører en medarbejder.
`);
    expect(meeting).toMatchObject({
      forum: 'Chefforum',
      kind: 'agenda',
      date: '2019-09-03',
      start: '10:00',
    });
    expect(meeting.items.map((item) => [item.number, item.title, item.closed])).toEqual([
      [1, 'Godkendelse af dagsorden', false],
      [2, 'Personalesag', true],
    ]);
    expect(meeting.items[1]?.background).toBe('Sagen vedrører en medarbejder.');
  });

  it('drops page headers and footers in text with page breaks', () => {
    const page = (body: string, number: number): string =>
      `Chefforum 14-06-2017\n\n${body}\n\nSide ${number} af 3`;
    const { meeting } = parseMinutesText(
      [
        page(
          'REFERAT Chefforum d. 14-06-2017\n\nPunkt 1: CF - Første\n\nBeslutning\n\nGodkendt.',
          1,
        ),
        page('Punkt 2: CF - Anden\n\nBeslutning\n\nTaget til efterretning.', 2),
        page('Punkt 3: CF - Evt.\n\nBeslutning\n\nIntet.', 3),
      ].join('\f'),
    );
    expect(meeting.items.map((item) => item.decision)).toEqual([
      'Godkendt.',
      'Taget til efterretning.',
      'Intet.',
    ]);
  });

  it('warns about unreadable journal numbers but keeps them as written', () => {
    const { meeting, warnings } = parseMinutesText(
      'REFERAT Chefforum d. 14-06-2017\n\nPunkt 1: CF - Noget\n\nSagsnr.: 00.01.00-X99-1-17\n\nBeslutning\n\nOK.',
    );
    expect(meeting.items[0]?.caseNumber).toBe('00.01.00-X99-1-17');
    expect(warnings.some((warning) => warning.includes('X99'))).toBe(true);
  });

  it('refuses a text with no items', () => {
    expect(() => parseMinutesText('Bare en tekst uden punkter.\n\nOg et afsnit mere.')).toThrow(
      ParseError,
    );
  });
});
