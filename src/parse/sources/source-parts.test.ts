import { describe, expect, it } from 'vitest';
import { createEmptyItem, type Meeting } from '../../core/meeting.ts';
import { ParseError } from '../parse-error.ts';
import { parseExportDateTime } from './export-dates.ts';
import { factsFromPath } from './file-name-facts.ts';
import { htmlEntityCodes, htmlFragmentToText } from './html-fragment.ts';
import { completeFromPath } from './legacy-document.ts';
import { captionTarget, mapSections } from './section-mapping.ts';
import { splitTextSections } from './text-sections.ts';
import { parseXmlDocument, removeInvalidXmlCharacters, textAt } from './xml-document.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('reading export XML', () => {
  it('takes BOMs, CDATA, entities and mixed line endings in its stride', () => {
    const { root, notes } = parseXmlDocument(
      encode(
        '\uFEFF<a>\r\n<b><![CDATA[x &oslash; <p>y</p>]]></b>\r<c>Økonomi &amp; Stab &#248;</c>\n</a>',
      ),
    );
    expect(textAt(root, 'b')).toBe('x &oslash; <p>y</p>');
    expect(textAt(root, 'c')).toBe('Økonomi & Stab ø');
    expect(notes).toEqual(['byte order mark (BOM) i starten af filen ignoreret']);
  });

  it('removes the characters XML forbids and says so', () => {
    expect(removeInvalidXmlCharacters('a&#xC;b&#12;c&#x9;d\u0001e')).toEqual({
      text: 'abc&#x9;de',
      removed: ['&#xC;', '&#12;', 'U+0001'],
    });
    const { root, notes } = parseXmlDocument(encode('<a>side 1&#xC;side 2</a>'));
    expect(root.textContent).toBe('side 1side 2');
    expect(notes).toEqual(['1 ugyldigt tegn (&#xC;) fjernet, som XML ikke tillader']);
  });

  it('refuses a cut-off or mangled file with one Danish line', () => {
    for (const text of ['<a><b>1</b>', '<a><b>1</a>', '', 'ikke xml', '<a x=1>1</a>']) {
      const attempt = () => parseXmlDocument(encode(text));
      expect(attempt).toThrow(ParseError);
      expect(attempt).toThrow(/^XML-filen er ufuldstændig eller beskadiget \(/u);
    }
  });
});

describe('HTML fragments as text', () => {
  it('knows the Latin-1 entities and closes paragraphs that lists and tables end', () => {
    expect(htmlEntityCodes.size).toBeGreaterThan(96);
    expect(htmlEntityCodes.get('yuml')).toBe(0xff);
    expect(htmlFragmentToText('<p>R&aring;d &amp; d&aelig;d&nbsp;&oslash;&ndash;</p>')).toBe(
      'Råd & dæd ø–',
    );
    expect(
      htmlFragmentToText(
        '<p>Liste:\n<ul type=disc><li>en</li><li>to</li></ul><p>&nbsp;</p><p>Slut</p>',
      ),
    ).toBe('Liste:\n\n- en\n- to\n\nSlut');
    expect(htmlFragmentToText('Første<br /><br />Anden')).toBe('Første\n\nAnden');
    expect(htmlFragmentToText('ren tekst\nanden linje')).toBe('ren tekst\n\nanden linje');
    expect(htmlFragmentToText('<p>\r\n\t&nbsp;</p>')).toBeNull();
  });
});

describe('sections by their captions', () => {
  it('maps the captions of the ESDH templates onto the model', () => {
    expect(captionTarget('Sagsfremstilling')).toBe('presentation');
    expect(captionTarget('ADMINISTRATIONENS INDSTILLING')).toBe('recommendation');
    expect(captionTarget('Forvaltningen foreslår')).toBe('recommendation');
    expect(captionTarget('Sammendrag')).toBe('background');
    expect(captionTarget('Beslutning i Udvalget for plan (PUK) den 10-04-2013')).toBe('decision');
    expect(captionTarget('Beslutningen træffes af')).toBe('other');
    expect(captionTarget('Høring af Ældrerådet')).toBe('other');
  });

  it("picks this meeting's decision and keeps the others as earlier treatment", () => {
    const mapped = mapSections(
      [
        { caption: 'Beslutning i ØU den 01-02-2019', text: 'Udsat.' },
        { caption: 'Økonomi', text: 'Ingen.' },
        { caption: 'Beslutning i ØU den 05.03.2019', text: 'Godkendt.' },
        { caption: 'Sagsfremstilling', text: 'Sagen.' },
      ],
      '2019-03-05',
    );
    expect(mapped.decision).toBe('Godkendt.');
    expect(mapped.background).toBe('**Beslutning i ØU den 01-02-2019**\n\nUdsat.');
    expect(mapped.presentation).toBe('**Økonomi**\n\nIngen.\n\n**Sagsfremstilling**\n\nSagen.');
    expect(mapped.captions.map((caption) => caption.field)).toEqual([
      'earlierDecision',
      'presentation',
      'decision',
      'presentation',
    ]);
  });

  it('splits eDoc item text at its headings, with the journal number from "Sagsnr.:"', () => {
    const split = splitTextSections(
      '\n\n2.\tTitel\n\nSagsnr.: 2012-28504\nDok.nr.: 2012-1\n\nBaggrund\nFordi.\n\nBilag\n2012-2 - Notat\n\nIndstilling\nX indstiller, at\n\nA) \nnoget godkendes.\n\nUdvalgets beslutning den 04.12.2012 Punkt 2\nGodkendt\n',
    );
    expect(split.caseNumber).toBe('2012-28504');
    expect(split.documentNumber).toBe('2012-1');
    expect(split.sections.map((section) => [section.caption, section.text])).toEqual([
      ['', null],
      ['Baggrund', 'Fordi.'],
      ['Bilag', '2012-2 - Notat'],
      ['Indstilling', 'X indstiller, at\n\nA) noget godkendes.'],
      ['Udvalgets beslutning den 04.12.2012 Punkt 2', 'Godkendt'],
    ]);
  });

  it('reads the export date fields', () => {
    expect(parseExportDateTime('15-05-2013 16:30:00')).toEqual({
      date: '2013-05-15',
      time: '16:30',
    });
    expect(parseExportDateTime('2013-06-20 10:30')).toEqual({ date: '2013-06-20', time: '10:30' });
    expect(parseExportDateTime('02-05-2017 10:00')).toEqual({ date: '2017-05-02', time: '10:00' });
    expect(parseExportDateTime('01-01-0001 00:00')).toBeNull();
    expect(parseExportDateTime('31-02-2019')).toBeNull();
  });
});

describe('documents without a readable header', () => {
  const forums = [
    { name: 'Chefforum', abbreviation: null },
    { name: 'Økonomiudvalget', abbreviation: 'ØK' },
  ];

  it('find the forum and the date in the file name or the folder', () => {
    expect(factsFromPath('/a/2017-09-07 Chefforum referat.pdf', [])).toEqual({
      forum: 'Chefforum',
      date: '2017-09-07',
      kind: 'minutes',
    });
    expect(factsFromPath('/a/Referat CF 07.09.17.docx', forums)).toMatchObject({
      forum: 'Chefforum',
      date: '2017-09-07',
    });
    expect(factsFromPath('/a/Dagsorden ØK 20190305.txt', forums)).toEqual({
      forum: 'Økonomiudvalget',
      date: '2019-03-05',
      kind: 'agenda',
    });
    expect(factsFromPath('/arkiv/Chefforum/2016/referat 3. marts 2016.pdf', [])).toMatchObject({
      forum: 'Chefforum',
      date: '2016-03-03',
    });
    expect(factsFromPath('/a/Referat XY 07.09.17.docx', forums).forum).toBeNull();
    expect(factsFromPath('/a/scan0001.pdf', forums)).toEqual({
      forum: null,
      date: null,
      kind: null,
    });
  });

  const headerless: Meeting = {
    forum: 'Ukendt forum',
    kind: 'agenda',
    date: '1970-01-01',
    items: [createEmptyItem(1, 'Godkendelse')],
  };
  const gaps = { forum: true, date: true };
  const parserWarnings = [
    'mødets forum blev ikke fundet i hovedet',
    'mødedatoen blev ikke fundet i hovedet',
  ];

  it('take them from there, with a note instead of the parser warnings', () => {
    const completed = completeFromPath(
      headerless,
      gaps,
      parserWarnings,
      '/a/Referat CF 07.09.17.docx',
      forums,
    );
    expect(completed.meeting).toMatchObject({
      forum: 'Chefforum',
      date: '2017-09-07',
      kind: 'minutes',
    });
    expect(completed.warnings).toEqual([
      'forum "Chefforum" og dato 2017-09-07 taget fra filnavnet eller mappen',
    ]);
  });

  it('are refused with a Danish reason when the path does not say', () => {
    const attempt = () =>
      completeFromPath(headerless, gaps, parserWarnings, '/a/scan0001.pdf', forums);
    expect(attempt).toThrow(ParseError);
    expect(attempt).toThrow(
      /^dokumentet har intet læseligt hoved, og filnavnet og mappen angiver ikke forum og mødedato/u,
    );
    expect(() =>
      completeFromPath(headerless, { forum: false, date: true }, [], '/a/Chefforum.pdf', forums),
    ).toThrow(/angiver ikke mødedato;/u);
  });
});
