import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { esdhFixtures, esdhFormats, expectedSummary } from '../../../test/support/esdh-fixtures.ts';
import { detectSourceFile, readSource } from './source-registry.ts';
import type { SourceReadResult } from './source-types.ts';

/** Reads a fixture through the registry, as the import does: detected by content. */
async function readFixture(
  relativePath: string,
): Promise<{ adapter: string; result: SourceReadResult }> {
  const path = join(esdhFixtures, relativePath);
  const adapter = await detectSourceFile(path);
  if (!adapter) throw new Error(`no adapter for ${relativePath}`);
  return { adapter: adapter.id, result: await readSource(adapter, path) };
}

const expected = expectedSummary();

describe.each(esdhFormats)('the %s export', (format) => {
  const facts = expected[format];

  it('reads the meeting that expected-summary.json describes', async () => {
    const { adapter, result } = await readFixture(facts.file);
    expect(adapter).toBe(format);
    expect(result.meetings).toHaveLength(1);
    const [read] = result.meetings;
    const meeting = read?.meeting;
    expect(meeting).toMatchObject({
      forum: facts.committee,
      kind: facts.kind,
      date: facts.date,
      start: facts.start,
      location: facts.location,
    });
    expect(meeting?.items).toHaveLength(facts.itemCount);
    expect(meeting?.items.filter((item) => item.closed)).toHaveLength(facts.closedItemCount);
    expect(read?.metadata.end ?? null).toBe(facts.end);
    const first = (meeting?.items ?? []).slice(0, 3).map((item, index) => ({
      number: String(read?.itemMetadata[index]?.sourceNumber),
      title: item.title,
      closed: item.closed,
      caseNumber: item.caseNumber,
    }));
    expect(first).toEqual(
      facts.firstItems.map(({ number, title, closed, caseNumber }) => ({
        number,
        title,
        closed,
        caseNumber,
      })),
    );
  });
});

describe('every item of each export, with its number and title', () => {
  it('SBSYS: five agenda items, no journal numbers, one Bilag named but missing', async () => {
    const { result } = await readFixture('sbsys/Publication32/Publication32.xml');
    const meeting = result.meetings[0]?.meeting;
    expect(meeting?.items.map((item) => [item.number, item.title])).toEqual([
      [1, 'Meddelelser'],
      [2, 'Oplæg til standard it-arbejdsplads for Kommunalbestyrelsens medlemmer i 2014-2018'],
      [3, 'Indførelse af systemet SAPA (Sagsoverblik/Partskontakt)'],
      [4, 'Regler for indkøb af it-udstyr'],
      [5, 'Status på eDagsorden'],
    ]);
    const item2 = meeting?.items[1];
    expect(item2?.background).toMatch(
      /^\*\*Tidligere behandling\*\*\n\nKMB IT-udvalget den 5\. december 2012 Punkt 3/u,
    );
    expect(item2?.background).toContain('**Baggrund**\n\nI dag består standardarbejdspladsen');
    expect(item2?.presentation).toMatch(/^Pilottesten skal vise/u);
    expect(item2?.presentation).toContain('**Økonomiske konsekvenser og finansiering**');
    expect(item2?.recommendation).toEqual({
      proposer: 'Center for IT og Digitalisering',
      points: [
        'Gennemførelse af pilottest for KMB IT-udvalgets medlemmer for en standard it-arbejdsplads for den kommende valgperiode godkendes.',
        'Pilottesten gennemføres fra september til november 2013.',
      ],
    });
    // An agenda: the Beslutning fields are there, empty.
    expect(meeting?.items.every((item) => item.decision === null)).toBe(true);
    expect(meeting?.items[2]?.attachments).toEqual([
      { title: 'Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud', file: null },
    ]);
    expect(result.attachments).toEqual({ found: 0, missing: 1 });
    expect(result.warnings).toContain(
      'Bilag mangler: Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud (Enclosures\\1.pdf)',
    );
    expect(result.warnings).toContain('byte order mark (BOM) i starten af filen ignoreret');
    expect(result.meetings[0]?.metadata.members).toHaveLength(11);
  });

  it('SBSYS Aarhus: ten items numbered 1 … 10, each keeping its number 1, 1.1 … 3', async () => {
    const { result } = await readFixture('sbsys-aarhus/publication.xml');
    const read = result.meetings[0];
    expect(
      read?.meeting.items.map((item, index) => [
        item.number,
        read.itemMetadata[index]?.sourceNumber,
        item.title,
      ]),
    ).toEqual([
      [1, '1', 'First Agenda'],
      [2, '1.1', 'Status siden sidst'],
      [3, '1.2', 'Status på udviklingsønsker'],
      [4, '1.3', 'Besøg af First Agenda'],
      [5, '1.4', 'Plan for resten af året'],
      [6, '2', 'GetOrganized'],
      [7, '2.1', 'Status siden sidst'],
      [8, '2.2', 'Plan for resten af året'],
      [9, '2.3', 'Status over udviklingsønsker'],
      [10, '3', 'Eventuelt'],
    ]);
    // The two "0" pseudo-items carry the minutes PDFs: the meeting's documents, both missing.
    expect(read?.metadata.documents).toEqual([
      expect.objectContaining({ title: 'Referat - Åbent og Lukket', public: false }),
      expect.objectContaining({ title: 'Referat - Åbent', public: true }),
    ]);
    expect(result.warnings).toContain(
      'Dokument mangler: Referat - Åbent (Appendix_referat - åbent.pdf)',
    );
    expect(read?.metadata.members).toHaveLength(11);
  });

  it('eDoc: eight items sorted by number, journal numbers and decisions from the text, the invalid character removed', async () => {
    const { result } = await readFixture('edoc/eDocAgendaPublishing.xml');
    const meeting = result.meetings[0]?.meeting;
    expect(meeting?.items.map((item) => [item.number, item.title, item.caseNumber])).toEqual([
      [1, 'Meddelelser', '2011-29298'],
      [2, 'Bygningsvedligeholdelse 2013 - anlægsbevilling', '2012-28504'],
      [3, 'Kvalitetsstandarder for stof- og alkoholbehandling 2012-2013', '2012-31114'],
      [4, 'Takstreduktion på aflastningstilbuddet Torvevej i Skovlunde i 2013', '2012-31673'],
      [5, "KL's opfølgningsproces vedrørende det nære sundhedsvæsen", '2011-29939'],
      [
        6,
        'Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre',
        '2012-21786',
      ],
      [7, 'Etablering af aktivitetscenter på Solvej 6 i Ballerup', '2012-28505'],
      [8, 'Evaluering af rygestopkurser', '2010-3082'],
    ]);
    expect(result.meetings[0]?.itemMetadata.map((item) => item.sourceNumber)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
    ]);
    const item2 = meeting?.items[1];
    expect(item2?.decision).toBe('Indstillingen godkendt');
    expect(item2?.recommendation?.proposer).toBe('Center for Ejendomme');
    expect(item2?.recommendation?.points).toHaveLength(2);
    expect(item2?.background).toMatch(/^\*\*Sammendrag\*\*\n\nDet årlige bygningssyn/u);
    expect(item2?.presentation).toMatch(/^I 2012 undgik man skader/u);
    expect(meeting?.items[0]?.decision).toBe('Taget til efterretning');
    expect(meeting?.items.every((item) => item.decision !== null)).toBe(true);
    expect(result.attachments).toEqual({ found: 0, missing: 10 });
    expect(result.warnings.filter((warning) => warning.startsWith('Bilag mangler: '))).toHaveLength(
      10,
    );
    expect(result.warnings).toContain('2 ugyldige tegn (&#xC;) fjernet, som XML ikke tillader');
    expect(result.meetings[0]?.metadata.locationInText).toBe(
      'Mødecenter C, Lokale 32 på Ballerup Rådhus',
    );
  });

  it('eDoc/Fujitsu: six items by SerialNo, items 5 and 6 closed, the HTML rendition claimed', async () => {
    const { result } = await readFixture('edoc-fujitsu/e9117c72-1d79-4fe9-9653-ef7ab6f27187.xml');
    const read = result.meetings[0];
    expect(
      read?.meeting.items.map((item) => [item.number, item.title, item.closed, item.caseNumber]),
    ).toEqual([
      [1, 'test', false, null],
      [2, 'test tabel', false, '200906126'],
      [3, 'Fejloprettet', false, '2013-003869'],
      [4, 'Fejloprettet', false, '2013-000038'],
      [5, "Mads' møgsag", true, '2016-003798'],
      [6, 'Underskriftsblad', true, null],
    ]);
    expect(read?.itemMetadata[2]?.neutralTitle).toBe('Udvalgets indsatser 2010-2013');
    expect(read?.meeting.items[2]?.recommendation).toEqual({
      proposer: 'Forvaltningen',
      points: ['At punktet drøftes.'],
    });
    expect(result.attachments).toEqual({ found: 0, missing: 12 });
    expect(read?.metadata.members).toHaveLength(7);
    expect(read?.metadata.guests).toEqual(['Frida Lyngby']);
    expect(result.usedFiles).toEqual([
      join(esdhFixtures, 'edoc-fujitsu/e9117c72-1d79-4fe9-9653-ef7ab6f27187.html'),
    ]);
  });

  it("Acadre: the manifest's minutes, item 715 with this meeting's decision, one Bilag found and two missing", async () => {
    const { result } = await readFixture('acadre/XML_1863.xml');
    const read = result.meetings[0];
    const item = read?.meeting.items[0];
    expect(read?.meeting.items.map((entry) => [entry.number, entry.title])).toEqual([
      [715, 'Kulturkommune 2017. Politiske fokusområder'],
    ]);
    expect(item?.decision).toMatch(/^Punktet blev drøftet\./u);
    // The decisions of the two earlier meetings stay, under their captions.
    expect(item?.background).toContain(
      '**Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 24-04-2013**',
    );
    expect(item?.recommendation?.proposer).toBe('Direktøren');
    expect(item?.attachments).toEqual([
      { title: 'Opsamlingsnotat. Temamøde 20.09.2012', file: null },
      {
        title: 'Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409',
        file: null,
      },
      {
        title: 'Kulturkommune 2017 - arbejdsoplæg til Udvalget for Plan, Udvikling og Kultur',
        file: '3629343E3.DOCX',
      },
    ]);
    expect(result.attachments).toEqual({ found: 1, missing: 2 });
    expect(read?.metadata).toMatchObject({
      meetingName: 'Ekstraordinært PUK',
      document: 'Files_1863_3687982/3687982.DOCX',
    });
    expect(read?.metadata.members).toHaveLength(5);
    expect(result.usedFiles.map((path) => path.slice(esdhFixtures.length)).sort()).toEqual([
      'acadre/Files_1863_3687982/3629343E3.DOCX',
      'acadre/Files_1863_3687982/3687981.XML',
      'acadre/Files_1863_3687982/3687982.DOCX',
    ]);
  });
});
