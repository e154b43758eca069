import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { canRunOcr, scannedCopyOf } from '../../test/support/scanned-pdf.ts';
import { extractAttachmentText, maxAttachmentTextChars } from './attachment-text.ts';
import { ocrInstallHint, resetOcrAvailability } from './ocr/tesseract.ts';
import { ParseError } from './parse-error.ts';

const fixture = (name: string) => join(import.meta.dirname, '../../test/fixtures/minutes', name);
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const hasOcr = await canRunOcr();

afterEach(() => {
  delete process.env.REFERAT_TESSERACT;
  resetOcrAvailability();
});

async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const file = new Document({
    sections: [
      { children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}

async function makeXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const budget = workbook.addWorksheet('Budget 2025');
  budget.addRow(['Post', 'Beløb']);
  budget.addRow(['Løn', 1234.5]);
  budget.addRow([]);
  budget.addRow(['I alt', { formula: 'B2*2', result: 2469 }]);
  budget.getCell('A6').value = {
    richText: [{ text: 'Fed ', font: { bold: true } }, { text: 'tekst' }],
  };
  budget.getCell('A7').value = new Date(Date.UTC(2025, 0, 31));
  workbook.addWorksheet('Noter').addRow(['Æbler, øl og ål']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The first page of a fixture PDF, drawn as an image into a PDF without a text layer. */
async function scannedFirstPage(pdfPath: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'referat-attachment-'));
  try {
    const source = await PDFDocument.load(await readFile(pdfPath));
    const onePage = await PDFDocument.create();
    const [page] = await onePage.copyPages(source, [0]);
    if (!page) throw new Error('page missing');
    onePage.addPage(page);
    await writeFile(join(folder, 'page.pdf'), await onePage.save());
    return await scannedCopyOf(join(folder, 'page.pdf'));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('extractAttachmentText', () => {
  it('reads a Word document', async () => {
    const bytes = await makeDocx([
      'Referat fra mødet',
      'Årsregnskab for Østerbro Skole og Æblegården',
    ]);
    const result = await extractAttachmentText(bytes, {
      fileName: 'bilag.docx',
      mediaType: docxType,
    });
    expect(result.method).toBe('docx');
    expect(result.text).toContain('Årsregnskab for Østerbro Skole og Æblegården');
    expect(result.text).toContain('Referat fra mødet');
    expect(result.notes).toEqual([]);
  });

  it('reads an Excel workbook: sheet names, then rows with tab-separated cells', async () => {
    const result = await extractAttachmentText(await makeXlsx(), {
      fileName: 'budget.xlsx',
      mediaType: xlsxType,
    });
    expect(result.method).toBe('xlsx');
    expect(result.text).toBe(
      [
        'Budget 2025',
        'Post\tBeløb',
        'Løn\t1234.5',
        'I alt\t2469',
        'Fed tekst',
        '2025-01-31',
        '',
        'Noter',
        'Æbler, øl og ål',
      ].join('\n'),
    );
  });

  it('tells the type by content, not by name', async () => {
    const result = await extractAttachmentText(await makeXlsx(), {
      fileName: 'omdøbt.pdf',
      mediaType: 'application/pdf',
    });
    expect(result.method).toBe('xlsx');
  });

  it('reads a PDF with a text layer, without heading marks', async () => {
    const bytes = await readFile(fixture('chefforum-2015-11-05.pdf'));
    const result = await extractAttachmentText(bytes, { fileName: 'referat.pdf', mediaType: null });
    expect(result.method).toBe('pdf');
    expect(result.text).toContain('Oplæg om grænsekrydsende ledelse');
    expect(result.text).toMatch(/^REFERAT Chefforum/u);
    expect(result.text).not.toMatch(/^#/mu);
  });

  it('gives no text and a note for a scanned PDF when tesseract is missing', async () => {
    process.env.REFERAT_TESSERACT = '/nonexistent/tesseract';
    resetOcrAvailability();
    const image = await PDFDocument.create();
    image.addPage([595, 842]);
    const result = await extractAttachmentText(await image.save(), {
      fileName: 'scan.pdf',
      mediaType: 'application/pdf',
    });
    expect(result.text).toBe('');
    expect(result.method).toBe('pdf');
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toContain(ocrInstallHint);
  });

  it.skipIf(!hasOcr)(
    'reads a scanned page with OCR and reports its progress',
    async () => {
      const scanned = await scannedFirstPage(fixture('chefforum-2017-06-14.pdf'));
      const progress: string[] = [];
      const result = await extractAttachmentText(scanned, {
        fileName: 'scan.pdf',
        mediaType: 'application/pdf',
        onProgress: (line) => progress.push(line),
      });
      expect(result.method).toBe('pdf-ocr');
      expect(result.text).toContain('Mødested');
      expect(result.text).toContain('Kommunaldirektøren');
      expect(progress).toEqual(['OCR: side 1 af 1 læst']);
    },
    60_000,
  );

  it('refuses a damaged PDF with a Danish message', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\nrest is lost');
    const attempt = extractAttachmentText(bytes, { fileName: 'x.pdf', mediaType: null });
    await expect(attempt).rejects.toThrow(ParseError);
    await expect(attempt).rejects.toThrow(/^Bilaget kan ikke læses: PDF-filen er beskadiget/u);
  });

  it('refuses a truncated Word or Excel file with a Danish message', async () => {
    const docx = await makeDocx(['Lidt tekst']);
    const brokenDocx = extractAttachmentText(docx.subarray(0, docx.length / 2), {
      fileName: 'x.docx',
      mediaType: docxType,
    });
    await expect(brokenDocx).rejects.toThrow(ParseError);
    await expect(brokenDocx).rejects.toThrow(
      'Bilaget kan ikke læses: Word-dokumentet er beskadiget',
    );

    const xlsx = await makeXlsx();
    const brokenXlsx = extractAttachmentText(xlsx.subarray(0, xlsx.length / 2), {
      fileName: 'x.xlsx',
      mediaType: xlsxType,
    });
    await expect(brokenXlsx).rejects.toThrow(ParseError);
    await expect(brokenXlsx).rejects.toThrow('Bilaget kan ikke læses: Excel-filen er beskadiget');
  });

  it('reads nothing from a file of another type', async () => {
    const bytes = new TextEncoder().encode('Bare en tekstfil.\n');
    for (const [fileName, mediaType] of [
      ['noter.txt', 'text/plain'],
      ['data.bin', null],
    ] as const) {
      expect(await extractAttachmentText(bytes, { fileName, mediaType })).toEqual({
        text: '',
        method: 'none',
        notes: [],
      });
    }
  });

  it('cuts a very long text at the limit, with a note', async () => {
    const bytes = await makeDocx(['ord '.repeat(maxAttachmentTextChars / 3)]);
    const result = await extractAttachmentText(bytes, { fileName: 'lang.docx', mediaType: null });
    expect(result.text).toHaveLength(maxAttachmentTextChars);
    expect(result.notes).toEqual(['Teksten er afkortet efter 2.000.000 tegn']);
  });

  it('stops when the signal is aborted', async () => {
    const attempt = extractAttachmentText(await makeDocx(['Tekst']), {
      fileName: 'x.docx',
      mediaType: docxType,
      signal: AbortSignal.abort(),
    });
    await expect(attempt).rejects.toThrow(ParseError);
    await expect(attempt).rejects.toThrow('Bilaget kan ikke læses: tiden løb ud');
  });
});
