import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { esdhFixtures } from '../../../test/support/esdh-fixtures.ts';
import { detectSourceFile, readSource } from './source-registry.ts';

/**
 * Documents written for these tests in the five formats, with what the real fixtures lack:
 * minutes with decisions, closed items, journal numbers, sections in other orders, captions
 * from other templates, Bilag that are there and Bilag that are not.
 */
async function read(relativePath: string) {
  const path = join(esdhFixtures, 'extra', relativePath);
  const adapter = await detectSourceFile(path);
  if (!adapter) throw new Error(`no adapter for ${relativePath}`);
  const result = await readSource(adapter, path);
  const [first] = result.meetings;
  if (!first) throw new Error('no meeting');
  return { result, meeting: first.meeting, metadata: first.metadata, items: first.itemMetadata };
}

describe('minutes in the export formats', () => {
  it('SBSYS minutes: upper-case captions, fields out of order, a closed item, a Bilag found', async () => {
    const { meeting, result } = await read('sbsys-minutes/Publication7.xml');
    expect(meeting).toMatchObject({
      forum: 'Økonomiudvalget',
      kind: 'minutes',
      date: '2019-03-05',
      start: '08:30',
    });
    expect(
      meeting.items.map((item) => [item.number, item.title, item.closed, item.caseNumber]),
    ).toEqual([
      [1, 'Godkendelse af dagsorden', false, null],
      [2, 'Budgetopfølgning pr. 31. januar 2019 – drift', false, '00.30.10-S00-1-19'],
      [3, 'Salg af grund på Vestervej 12', true, '02.34.02-G01-4-18'],
      [4, 'Eventuelt', false, null],
    ]);
    const budget = meeting.items[1];
    expect(budget?.background).toBe('Udvalget følger budgettet månedligt & kvartalsvist.');
    expect(budget?.presentation).toBe(
      'Forbruget er på 8,3 % af budgettet.\n\nOmråde\tForbrug\nSkole\t12 mio. kr.',
    );
    expect(budget?.recommendation).toEqual({
      proposer: 'Direktionen',
      points: [
        'at budgetopfølgningen tages til efterretning',
        'at der gives en tillægsbevilling på 1,2 mio. kr.',
      ],
    });
    expect(budget?.decision).toBe('Indstillingen godkendt.\n\nBent Lund (V) tog forbehold.');
    expect(budget?.attachments).toEqual([
      { title: 'Budgetnotat januar', file: 'Enclosures/2.pdf' },
      { title: 'Bilag B: Skoleområdet', file: null },
    ]);
    expect(meeting.items[0]?.decision).toBe('Godkendt.');
    expect(meeting.items[3]?.decision).toBeNull();
    expect(result.warnings).toEqual(['Bilag mangler: Bilag B: Skoleområdet (Enclosures\\3.pdf)']);
    expect(result.usedFiles).toEqual([join(esdhFixtures, 'extra/sbsys-minutes/Enclosures/2.pdf')]);
  });

  it('SBSYS Aarhus agenda: sub-items numbered in order, a closed sub-item, a Bilag beside the XML', async () => {
    const { meeting, items } = await read('sbsys-aarhus-agenda/publication.xml');
    expect(meeting).toMatchObject({ forum: 'IT-styregruppen', kind: 'agenda', date: '2019-04-03' });
    expect(
      meeting.items.map((item, index) => [
        item.number,
        items[index]?.sourceNumber,
        item.title,
        item.closed,
      ]),
    ).toEqual([
      [1, '1', 'Godkendelse af referat', false],
      [2, '2', 'Digitalisering', false],
      [3, '2.1', 'Nyt intranet', false],
      [4, '2.2', 'Licensforhandling', true],
      [5, '3', 'Eventuelt', false],
    ]);
    expect(meeting.items[2]?.background).toBe('Lanceres i maj.');
    expect(meeting.items[2]?.attachments).toEqual([
      { title: 'Notat om intranet', file: 'Notat om intranet.pdf' },
    ]);
  });

  it('eDoc with an open and a closed agenda, items out of order, sections in another order', async () => {
    const { meeting, result, metadata } = await read('edoc-closed/eDocAgendaPublishing.xml');
    expect(meeting).toMatchObject({
      forum: 'Økonomiudvalget',
      kind: 'minutes',
      date: '2019-03-05',
      start: '15:00',
    });
    expect(
      meeting.items.map((item) => [item.number, item.title, item.closed, item.caseNumber]),
    ).toEqual([
      [1, 'Meddelelser', false, '2019-0001'],
      [2, 'Anlægsregnskab for svømmehallen', false, '2018-4455'],
      [3, 'Takster for hjemmepleje 2020', false, '2019-1234'],
      [4, 'Køb af ejendom', true, '2019-7777'],
    ]);
    const tariffs = meeting.items[2];
    expect(tariffs?.recommendation).toEqual({
      proposer: 'Direktionen',
      points: ['taksterne godkendes.'],
    });
    expect(tariffs?.presentation).toBe(
      'Taksterne reguleres med pris- og lønudviklingen & nye regler.',
    );
    expect(tariffs?.background).toBe('Kommunen skal hvert år fastsætte taksterne.');
    expect(tariffs?.decision).toBe('Anbefales.');
    expect(tariffs?.absent.map((absence) => absence.name)).toEqual(['Karen Ølgaard']);
    expect(meeting.items[1]?.presentation).toContain(
      '**Beslutningen træffes af**\n\nKommunalbestyrelsen',
    );
    expect(meeting.items[0]?.background).toBe('a. Status på byggeriet\n\nb. Kommende møder');
    expect(result.warnings).toContain('1 ugyldigt tegn (&#x1;) fjernet, som XML ikke tillader');
    expect(metadata).toMatchObject({
      locationInText: 'Udvalgsværelse 1',
      absent: ['Mia Kjær (F)'],
    });
  });

  it('Fujitsu minutes: decisions marked IsDecision, items by SerialNo, closed items kept closed', async () => {
    const { meeting, metadata, result } = await read('fujitsu-minutes/6f1c2a9e.xml');
    expect(meeting).toMatchObject({
      forum: 'Børne- og Skoleudvalget',
      kind: 'minutes',
      date: '2018-11-14',
      start: '16:00',
    });
    expect(meeting.items.map((item) => [item.number, item.title, item.closed])).toEqual([
      [1, 'Skolestruktur 2020', false],
      [2, 'Orientering fra formanden', false],
      [3, 'Personalesag', true],
      [4, 'Klagesag', true],
    ]);
    const structure = meeting.items[0];
    expect(structure?.decision).toBe('Forslaget sendes i høring.\n\nDorte Eg (V) var fraværende.');
    expect(structure?.presentation).toBe('Elevtallet falder.\n\nTre skoler foreslås lagt sammen.');
    expect(structure?.recommendation?.points).toEqual([
      'At forslaget sendes i høring.',
      'At høringsperioden er 6 uger.',
    ]);
    expect(structure?.attachments).toEqual([
      { title: 'Høringsmateriale.docx', file: null },
      { title: 'Kort over skoledistrikter.pdf', file: 'Attachments/900-2.PDF' },
    ]);
    expect(meeting.items[2]?.decision).toBe('Godkendt som indstillet.');
    expect(metadata.end).toBeUndefined();
    expect(result.attachments).toEqual({ found: 1, missing: 1 });
  });

  it("Acadre minutes: items in running-number order, this meeting's decision, absent members", async () => {
    const { meeting, result } = await read('acadre-minutes/XML_2001.xml');
    expect(meeting).toMatchObject({
      forum: 'Teknik- og Miljøudvalget',
      kind: 'minutes',
      date: '2019-03-12',
      location: 'Mødelokale 3',
    });
    expect(
      meeting.items.map((item) => [item.number, item.title, item.closed, item.caseNumber]),
    ).toEqual([
      [101, 'Trafikplan 2019-2022', false, '05.01.00-P15-1-19'],
      [102, 'Orientering om vejarbejder', false, null],
      [103, 'Lukket punkt: Ekspropriation', true, '19/555'],
    ]);
    const plan = meeting.items[0];
    expect(plan?.decision).toBe('Indstillingen godkendt.');
    expect(plan?.background).toBe(
      'Trafikplanen fastlægger indsatsen de næste fire år.\n\n**Beslutning i Teknik- og Miljøudvalget den 12-02-2019**\n\nUdsat.',
    );
    expect(plan?.recommendation).toEqual({
      proposer: 'Forvaltningen',
      points: ['at trafikplanen vedtages', 'at den sendes i høring'],
    });
    expect(plan?.absent).toEqual([{ name: 'Tom Lind (V)' }]);
    expect(result.warnings).toEqual(['Bilag mangler: Høringsliste (E2.DOCX)']);
    expect(plan?.attachments.map((attachment) => attachment.file)).toEqual(['E1.PDF', null]);
  });
});
