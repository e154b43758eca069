import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx-reader.ts';
import { MAX_UNPACKED_BYTES } from './docx-zip.ts';
import { ParseError } from './parse-error.ts';

const FIXTURES = new URL('../../test/fixtures/minutes/', import.meta.url);
const MEETINGS = ['chefforum-2015-11-05', 'chefforum-2017-06-14', 'chefforum-2018-10-11'];

async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(name, FIXTURES)));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface DocxParts {
  body: string;
  numbering?: string;
  styles?: string;
}

/** Builds a minimal Word document around `body` (the children of w:body). */
async function makeDocx(parts: DocxParts): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${parts.body}</w:body></w:document>`,
  );
  if (parts.numbering !== undefined) {
    zip.file(
      'word/numbering.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`,
    );
  }
  if (parts.styles !== undefined) {
    zip.file(
      'word/styles.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${parts.styles}</w:styles>`,
    );
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function p(text: string, properties = ''): string {
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

function item(text: string, numId: string, level = 0): string {
  return p(text, `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`);
}

function level(index: number, format: string, text: string, start = 1): string {
  return `<w:lvl w:ilvl="${index}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
}

/** Expects `promise` to reject with a ParseError whose message is one line; returns it. */
async function parseError(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ParseError);
  const message = (error as ParseError).message;
  expect(message).not.toMatch(/\n/);
  expect(message.length).toBeGreaterThan(0);
  return message;
}

describe('readDocx on the real minutes', () => {
  it('reads all three meetings', async () => {
    for (const meeting of MEETINGS) {
      const bytes = await fixture(`${meeting}.docx`);
      const started = performance.now();
      const text = await readDocx(bytes);
      const ms = performance.now() - started;
      console.log(`readDocx ${meeting}: ${ms.toFixed(1)} ms, ${text.length} chars`);
      expect(text.startsWith('# REFERAT Chefforum d. ')).toBe(true);
      expect(text).toBe(text.normalize('NFC'));
      expect(text).not.toMatch(/\n{3}|[ \t]$|\*\*|<\/?[a-z]|\u00a0|[“”„‘’\ue000-\ue002]/m);
      expect(text).toMatch(/[æøåÆØÅ]/);
    }
  });

  it('reads headings, the recommendation and its numbered list (2017)', async () => {
    const text = await readDocx(await fixture('chefforum-2017-06-14.docx'));
    expect(text).toContain('\n\n# Punkt 1: CF - Godkendelse af dagsorden og referater\n\n');
    expect(text).toContain(
      'Kommunaldirektøren indstiller,\n\n1. at chefforum godkender dagsordenen for mødet\n' +
        '2. at chefforum godkender referat for mødet d. 18. maj 2017\n' +
        '3. at chefforum godkender referat for mødet d. 1. juni 2017\n\n',
    );
    expect(text).toContain('\n\n### Sagsfremstilling\n\n');
    // Word numbers this list from 4; mammoth alone would have written "1.".
    expect(text).toContain('\n\n4. udkast til budgetkatalog\n\n');
    expect(text).toContain('Netværkstemaer juni 2017, Fælles om målet');
    expect(text).toContain('- Øvrige besparelsesforslag: 15 mio. kr.');
    // This DOCX holds the budget table as one paragraph with line breaks, not as a Word table.
    expect(text).toContain(
      '\n(mio kr.) 2017 2018 2019 2020 2021 Bestilling i budgetaftale 2017 2 12',
    );
  });

  it('reads bullets and nested lists (2015)', async () => {
    const text = await readDocx(await fixture('chefforum-2015-11-05.docx'));
    expect(text).toContain('\n\n## Punkt 1: CF - Godkendelse af dagsorden og referat\n\n');
    expect(text).toContain('\n\n### INDSTILLING\n\n');
    expect(text).toContain(
      'Kommunaldirektøren indstiller;\n\n- At chefforum godkender dagsordenen for mødet\n' +
        '- At chefforum godkender referatet fra mødet den 22. oktober\n\n',
    );
    expect(text).toContain(
      '- De fire boligområder:\n  - Nord\n  - Blokland\n  - Hedemarken\n  - Kanalen\n- Indsatser:\n  - Uddannelse',
    );
    expect(text).toContain('- Definere de "rigtige" netværk med den brændende platform');
  });

  it('matches the hand-checked text apart from Markdown marks, tables and line breaks', async () => {
    for (const meeting of MEETINGS) {
      const text = await readDocx(await fixture(`${meeting}.docx`));
      const lines = new Set(text.split('\n'));
      const gold = (await readFile(new URL(`${meeting}.txt`, FIXTURES), 'utf8')).split('\n');
      const missing = gold
        .filter((line, i) => {
          // Tab rows (tables, table of contents) and hard line breaks ("  ") are not
          // in these DOCX files as such; they come out as one paragraph.
          const previous = gold[i - 1] ?? '';
          return !line.includes('\t') && !line.endsWith('  ') && !previous.endsWith('  ');
        })
        .map((line) =>
          line
            .replace(/\*\*|<\/?b>/g, '')
            .replace(/\\_/g, '_')
            .trimEnd(),
        )
        .filter((line) => line !== '' && line !== '---' && !lines.has(line));
      expect(missing, meeting).toEqual([]);
    }
  });
});

describe('readDocx on constructed documents', () => {
  it('writes a Word table as tab-separated rows, merged cells as empty cells', async () => {
    const cell = (text: string, properties = '') =>
      `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${p(text)}</w:tc>`;
    const body =
      p('Status:') +
      '<w:tbl>' +
      `<w:tr>${cell('(mio kr.)')}${cell('2017', '<w:gridSpan w:val="2"/>')}${cell('2018', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${cell('')}${cell('Min.')}${cell('Max.')}${cell('Min.')}${cell('Max.')}</w:tr>` +
      `<w:tr>${cell('Difference', '<w:vMerge w:val="restart"/>')}${cell('0')}${cell('0')}${cell('-0,511')}${cell('-0,511')}</w:tr>` +
      `<w:tr>${cell('', '<w:vMerge/>')}${cell('1')}${cell('2')}${cell('3')}${cell('Økonomi &amp; Stab')}</w:tr>` +
      '</w:tbl>' +
      p('Efter tabellen');
    expect(await readDocx(await makeDocx({ body }))).toBe(
      [
        'Status:',
        '',
        '(mio kr.)\t2017\t\t2018\t',
        '\tMin.\tMax.\tMin.\tMax.',
        'Difference\t0\t0\t-0,511\t-0,511',
        '\t1\t2\t3\tØkonomi & Stab',
        '',
        'Efter tabellen',
      ].join('\n'),
    );
  });

  it('numbers lists as Word does: continued, restarted, from a start value, with labels', async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.')}${level(1, 'lowerLetter', '%2)')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2">${level(0, 'decimal', '%1.', 4)}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="3">${level(0, 'decimal', 'Punkt %1:')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="4">${level(0, 'bullet', '•')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
      '<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>' +
      '<w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num>';
    const heading = (text: string) =>
      p(
        text,
        '<w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>',
      );
    const body =
      heading('Godkendelse') +
      p('Kommunaldirektøren indstiller,') +
      item('at A', '1') +
      item('at B', '1') +
      item('underpunkt', '1', 1) +
      p('Et afbrydende afsnit.') +
      item('at C', '1') +
      heading('Evt.') +
      item('forfra', '2') +
      item('punkt', '5') +
      item('udkast til budgetkatalog', '3');
    expect(await readDocx(await makeDocx({ body, numbering }))).toBe(
      [
        '## Punkt 1: Godkendelse',
        'Kommunaldirektøren indstiller,',
        '1. at A\n2. at B\n  1. underpunkt',
        'Et afbrydende afsnit.',
        '3. at C',
        '## Punkt 2: Evt.',
        '1. forfra',
        '- punkt',
        '4. udkast til budgetkatalog',
      ].join('\n\n'),
    );
  });

  it('keeps Word numbers past textboxes and deleted paragraph marks', async () => {
    // Numbers from 4, so falling back to mammoth's own counting would show as "1.".
    const numbering =
      `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.', 4)}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>';
    const inner = item('i tekstboks', '1');
    const textbox =
      '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
      `<mc:Choice Requires="wps"><w:drawing><w:txbxContent>${inner}</w:txbxContent></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` +
      '</mc:AlternateContent></w:r></w:p>';
    const deleted =
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="1" w:author="a" w:date="2017-01-01T00:00:00Z"/></w:rPr></w:pPr>' +
      '<w:r><w:t xml:space="preserve">slået </w:t></w:r></w:p>';
    const body = item('før', '1') + textbox + deleted + item('sammen', '1');
    expect(await readDocx(await makeDocx({ body, numbering }))).toBe(
      '4. før\n5. i tekstboks\n6. slået sammen',
    );
  });

  it('counts within each list when there is no numbering part', async () => {
    // Without numbering.xml mammoth sees no lists at all: the items are plain paragraphs.
    const body = item('første', '1') + item('anden', '1');
    expect(await readDocx(await makeDocx({ body }))).toBe('første\n\nanden');
  });

  it('drops images', async () => {
    const body =
      '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/></w:drawing></w:r>' +
      '<w:r><w:t>Logo</w:t></w:r></w:p>';
    expect(await readDocx(await makeDocx({ body }))).toBe('Logo');
  });
});

describe('readDocx errors', () => {
  it('rejects empty bytes', async () => {
    expect(await parseError(readDocx(new Uint8Array()))).toBe(
      'Word-dokumentet er beskadiget eller ikke et Word-dokument',
    );
  });

  it('rejects random bytes', async () => {
    const bytes = new Uint8Array(4096);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    expect(await parseError(readDocx(bytes))).toBe(
      'Word-dokumentet er beskadiget eller ikke et Word-dokument',
    );
  });

  it('rejects a truncated DOCX', async () => {
    const bytes = await fixture('chefforum-2015-11-05.docx');
    expect(await parseError(readDocx(bytes.subarray(0, bytes.length >> 1)))).toBe(
      'Word-dokumentet er beskadiget eller ikke et Word-dokument',
    );
  });

  it('rejects a DOCX whose document part is corrupted', async () => {
    const bytes = (await fixture('chefforum-2018-10-11.docx')).slice();
    // Overwrite the middle of the file (compressed XML) without touching the directory.
    bytes.fill(0x55, 2000, 6000);
    expect(await parseError(readDocx(bytes))).toBe(
      'Word-dokumentet er beskadiget eller ikke et Word-dokument',
    );
  });

  it('rejects a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'Hej med dig');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await parseError(readDocx(bytes))).toBe(
      'filen er en zip-fil, men ikke et Word-dokument',
    );
  });

  it('rejects a legacy .doc (OLE compound file)', async () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await parseError(readDocx(bytes))).toMatch(/gammel \.doc/);
  });

  it('rejects a document without text', async () => {
    const bytes = await makeDocx({ body: '<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>' });
    expect(await parseError(readDocx(bytes))).toBe('Word-dokumentet indeholder ingen læsbar tekst');
  });

  it('rejects a zip that declares a huge unpacked size', async () => {
    const bytes = (await makeDocx({ body: p('Hej') })).slice();
    const view = new DataView(bytes.buffer);
    // Patch the uncompressed size in the first central directory record.
    let offset = bytes.length - 22;
    offset = view.getUint32(offset + 16, true);
    view.setUint32(offset + 24, MAX_UNPACKED_BYTES + 1, true);
    expect(await parseError(readDocx(bytes))).toBe(
      'Word-dokumentet er for stort, når det pakkes ud',
    );
  });

  it('rejects a zip entry that unpacks to more than it declares', async () => {
    const bytes = (await makeDocx({ body: p('Hej '.repeat(1000)) })).slice();
    const view = new DataView(bytes.buffer);
    let offset = view.getUint32(bytes.length - 22 + 16, true);
    // Find word/document.xml's central record and make it claim 10 bytes.
    const decoder = new TextDecoder();
    for (;;) {
      const nameLength = view.getUint16(offset + 28, true);
      const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
      if (name === 'word/document.xml') break;
      offset +=
        46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    view.setUint32(offset + 24, 10, true);
    expect(await parseError(readDocx(bytes))).toBe(
      'Word-dokumentet er beskadiget eller ikke et Word-dokument',
    );
  });
});
