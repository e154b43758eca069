import { describe, expect, it } from 'vitest';
import { computeNumbering } from './docx-numbering.ts';

const level = (index: number, format: string, text: string, start = 1, extra = '') =>
  `<w:lvl w:ilvl="${index}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

const item = (numId: string, ilvl = 0, more = '') =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>${more}</w:pPr><w:r><w:t>x</w:t></w:r></w:p>`;

const doc = (body: string) =>
  `<?xml version="1.0"?><w:document><w:body>${body}</w:body></w:document>`;

const labels = (body: string, numbering: string, styles?: string) =>
  computeNumbering(doc(body), `<w:numbering>${numbering}</w:numbering>`, styles)?.map(
    (number) => `${number.level}:${number.number}:${number.label}`,
  );

describe('computeNumbering', () => {
  const multilevel =
    `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.')}${level(1, 'lowerRoman', '%1.%2')}` +
    `${level(2, 'upperLetter', '(%3)', 1, '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>';

  it('formats multi-level labels and restarts deeper levels', () => {
    const body =
      item('1') +
      item('1', 1) +
      item('1', 1) +
      item('1', 2) +
      item('1') +
      item('1', 1) +
      item('1', 2);
    expect(labels(body, multilevel)).toEqual([
      '0:1:1.',
      '1:1:1.i',
      '1:2:1.ii',
      '2:1:(A)',
      '0:2:2.',
      '1:1:2.i',
      // lvlRestart 0: level 2 never restarts.
      '2:2:(B)',
    ]);
  });

  it('follows mammoth: numId 0, undefined levels and missing ilvl', () => {
    const body =
      item('0') +
      item('1', 7) +
      '<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:p>' +
      item('9');
    expect(labels(body, multilevel)).toEqual(['0:1:1.']);
  });

  it('skips paragraphs mammoth skips: mc:Choice, deleted paragraph marks, unread elements', () => {
    const textbox = (inner: string) =>
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${inner}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const body =
      item('1') +
      textbox(item('1')) +
      item('1', 0, '<w:rPr><w:del w:id="1" w:author="a"/></w:rPr>') +
      '<w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange>' +
      `<w:moveFrom>${item('1')}</w:moveFrom>` +
      `<w:tbl><w:tr><w:tc>${item('1')}</w:tc></w:tr></w:tbl>`;
    expect(labels(body, multilevel)).toEqual(['0:1:1.', '0:2:2.', '0:3:3.']);
  });

  it('numbers by paragraph style and through numStyleLink, applies startOverride once', () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.', 1, '<w:pStyle w:val="ListNumber"/>')}</w:abstractNum>` +
      '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Bilag"/></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>';
    const styles =
      '<w:styles><w:style w:type="numbering" w:styleId="Bilag"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>';
    const styled = '<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr></w:p>';
    const body = styled + item('2') + item('3') + item('3') + styled;
    expect(labels(body, numbering, styles)).toEqual([
      '0:1:1.',
      '0:2:2.',
      '0:7:7.',
      '0:8:8.',
      '0:9:9.',
    ]);
  });

  it('has nothing to number without numbering.xml', () => {
    expect(computeNumbering(doc(item('1')), undefined, undefined)).toEqual([]);
  });

  it('copes with quotes and > inside attribute values', () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', "Bilag %1 'a>b'")}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>';
    expect(labels(item('1'), numbering)).toEqual(["0:1:Bilag 1 'a>b'"]);
  });
});
