import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { scoreMeeting } from '../../test/support/meeting-score.ts';
import type { Meeting } from '../core/meeting.ts';
import { readDocx } from '../parse/docx-reader.ts';
import { parseDocumentBytes } from '../parse/parse-document.ts';
import { docxRenderer } from './docx-renderer.ts';
import { buildRenderDocument, type RenderDocument } from './render-model.ts';

const fixtureNames = ['chefforum-2015-11-05', 'chefforum-2017-06-14', 'chefforum-2018-10-11'];

function readFixture(name: string): Meeting {
  const url = new URL(`../../test/fixtures/minutes/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Meeting;
}

async function readPart(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(path);
  if (!part) throw new Error(`no ${path} in the document`);
  return part.async('string');
}

/** The XML of every footer part, joined. */
async function readFooters(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const footers = zip.file(/^word\/footer\d*\.xml$/u);
  return (await Promise.all(footers.map((part) => part.async('string')))).join('\n');
}

/** The text of the paragraphs with a given style, in order. */
function findStyledParagraphTexts(documentXml: string, styleId: string): string[] {
  const texts: string[] = [];
  for (const [paragraph] of documentXml.matchAll(/<w:p>.*?<\/w:p>/gu)) {
    if (!paragraph.includes(`<w:pStyle w:val="${styleId}"/>`)) continue;
    const runs = [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((match) => match[1]);
    texts.push(runs.join('').replaceAll('&amp;', '&').replaceAll('&quot;', '"'));
  }
  return texts;
}

function createEmptyMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return { forum: 'Chefforum', kind: 'minutes', date: '2024-03-05', items: [], ...overrides };
}

describe('docxRenderer', () => {
  it('describes itself as Word', () => {
    expect(docxRenderer.format).toBe('docx');
    expect(docxRenderer.extension).toBe('docx');
    expect(docxRenderer.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  describe.each(fixtureNames)('%s', (name) => {
    const gold = readFixture(name);
    const rendered = buildRenderDocument(gold);
    const bytesPromise = docxRenderer.render(rendered);

    it('sets each item heading in Heading 2 and the sections in Heading 3', async () => {
      const xml = await readPart(await bytesPromise, 'word/document.xml');
      expect(findStyledParagraphTexts(xml, 'Heading2')).toEqual(
        rendered.items.map((i) => i.heading),
      );
      expect(findStyledParagraphTexts(xml, 'Heading3')).toContain('Indstilling');
      expect(findStyledParagraphTexts(xml, 'Title')).toEqual([rendered.title]);
      expect(xml).not.toMatch(/w:val="Heading1"/u);
    });

    it('has a real table of contents field over the item headings', async () => {
      const xml = await readPart(await bytesPromise, 'word/document.xml');
      expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;2-2&quot;<\/w:instrText>/u);
      expect(findStyledParagraphTexts(xml, 'TOCHeading')).toEqual(['Indholdsfortegnelse']);
      const settings = await readPart(await bytesPromise, 'word/settings.xml');
      expect(settings).toContain('<w:updateFields/>');
    });

    it('puts "Side N af M" in the footer', async () => {
      const footer = await readFooters(await bytesPromise);
      expect(footer).toContain('Side ');
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/u);
      expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/u);
    });

    it('numbers list paragraphs with defined numbering, in Danish', async () => {
      const bytes = await bytesPromise;
      const xml = await readPart(bytes, 'word/document.xml');
      const numbering = await readPart(bytes, 'word/numbering.xml');
      const usedIds = new Set([...xml.matchAll(/<w:numId w:val="(\d+)"\/>/gu)].map((m) => m[1]));
      expect(usedIds.size).toBeGreaterThan(1);
      for (const id of usedIds) expect(numbering).toContain(`<w:num w:numId="${id}">`);
      expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
      expect(numbering).toContain('<w:lvlText w:val="•"/>');
      expect(xml).toMatch(/[æøå]/u);
      const styles = await readPart(bytes, 'word/styles.xml');
      expect(styles).toMatch(/<w:lang w:val="da-DK"/u);
    });

    it('reads back to the same meeting through the DOCX reader', async () => {
      const { meeting } = await parseDocumentBytes(await bytesPromise, 'x.docx');
      const score = scoreMeeting(gold, meeting);
      expect(score.misses).toEqual(score.percent >= 98 ? score.misses : []);
      expect(score.percent).toBeGreaterThanOrEqual(98);
    });
  });

  it('writes the 2017 budget figures as a Word table with a header row', async () => {
    const rendered = buildRenderDocument(readFixture('chefforum-2017-06-14'));
    const item = rendered.items.find((candidate) => candidate.number === 3);
    expect(item).toBeDefined();
    const only: RenderDocument = { ...rendered, items: item ? [item] : [] };
    const xml = await readPart(await docxRenderer.render(only), 'word/document.xml');
    expect(xml.match(/<w:tbl>/gu)?.length).toBe(2);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Bestilling i budgetaftale 2017');
    expect(xml).toMatch(/<w:tblBorders><w:top w:val="single"/u);
  });

  it('renders an agenda without decisions, and reads it back as an agenda', async () => {
    const gold = readFixture('chefforum-2017-06-14');
    const bytes = await docxRenderer.render(buildRenderDocument(gold, { kind: 'agenda' }));
    const xml = await readPart(bytes, 'word/document.xml');
    expect(findStyledParagraphTexts(xml, 'Title')).toEqual(['DAGSORDEN Chefforum d. 14-06-2017']);
    expect(findStyledParagraphTexts(xml, 'Heading3')).not.toContain('Beslutning');
    const agenda = {
      ...gold,
      kind: 'agenda' as const,
      items: gold.items.map((item) => ({ ...item, decision: null })),
    };
    const { meeting } = await parseDocumentBytes(bytes, 'x.docx');
    expect(scoreMeeting(agenda, meeting).percent).toBeGreaterThanOrEqual(98);
  });

  it('renders a meeting without items as its note, without a table of contents', async () => {
    const bytes = await docxRenderer.render(buildRenderDocument(createEmptyMeeting()));
    const xml = await readPart(bytes, 'word/document.xml');
    expect(xml).toContain('Mødet har ingen punkter.');
    expect(xml).not.toContain('TOC \\');
    expect(await readDocx(bytes)).toContain('Mødedato');
  });

  it('survives a 2,000-character title, control characters and 200 items', async () => {
    const longTitle = `Punkt om ${'æøå '.repeat(500)}`.slice(0, 2000);
    const item = {
      title: longTitle,
      caseNumber: '00.01.00-A00-1-24',
      closed: false,
      durationMinutes: 15,
      background: 'Tekst\u0001 med\u0007 styretegn\u000b og\ttab\n\n- a\n  1. b\n     - c',
      presentation: '',
      recommendation: { proposer: '', points: [] },
      decision: '> citat\n\n---\n\n```\nkode\n```',
      attachments: [],
      absent: [],
    };
    const meeting = createEmptyMeeting({
      forum: `Forum ${'x'.repeat(2000)}`,
      location: 'Rådhuset',
      items: Array.from({ length: 200 }, (_, index) => ({ ...item, number: index + 1 })),
    });
    const bytes = await docxRenderer.render(buildRenderDocument(meeting));
    const text = await readDocx(bytes);
    expect(text).toContain('Punkt 200:');
    expect(text).toContain('æøå æøå');
    const xml = await readPart(bytes, 'word/document.xml');
    expect(findStyledParagraphTexts(xml, 'Heading2')).toHaveLength(200);
  });

  it('keeps characters XML cannot hold out of a hand-made document', async () => {
    const rendered = buildRenderDocument(readFixture('chefforum-2015-11-05'));
    const odd: RenderDocument = {
      ...rendered,
      title: 'Titel\u0000\u0008\uD800 med \uFFFF styretegn',
      items: rendered.items.slice(0, 1).map((item) => ({
        ...item,
        heading: `${item.heading}\u001F`,
        notes: [{ text: 'Note\u000C', interchangeText: null }],
        sections: [
          { label: 'Tom', blocks: [], isAnnotation: false },
          {
            label: 'Sære blokke',
            isAnnotation: false,
            blocks: [
              { type: 'paragraph', runs: [{ text: 'lænk', href: 'https://example.com/?a=1&b=2' }] },
              { type: 'list', isOrdered: true, start: 99999, items: [[], [{ type: 'rule' }]] },
              { type: 'table', header: null, rows: [] },
              { type: 'table', header: [[{ text: 'A' }]], rows: [[], [[{ text: '1' }], []]] },
              { type: 'heading', level: 9, runs: [] },
            ],
          },
        ],
      })),
    };
    const bytes = await docxRenderer.render(odd);
    const text = await readDocx(bytes);
    expect(text).toMatch(/Titel\uFFFD med +styretegn/u);
    expect(text).toContain('lænk');
  });

  it('renders the 2017 minutes quickly once warm', async () => {
    const rendered = buildRenderDocument(readFixture('chefforum-2017-06-14'));
    for (let warmup = 0; warmup < 5; warmup++) await docxRenderer.render(rendered);
    const runs = 20;
    const started = performance.now();
    for (let run = 0; run < runs; run++) await docxRenderer.render(rendered);
    const perDocument = (performance.now() - started) / runs;
    console.log(`DOCX render, 2017 minutes: ${perDocument.toFixed(1)} ms per document (warm)`);
    expect(perDocument).toBeLessThan(1000);
  });
});
