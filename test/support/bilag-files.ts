/**
 * Bilag files for tests, made in the test: a Word document, an Excel workbook and a PDF with a
 * text layer, each holding the given words, so that search can be asked for them.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { typstPdf, typstString } from './typst-pdf.ts';

/** A DOCX with one paragraph per text. */
export async function docxBilag(paragraphs: readonly string[]): Promise<Buffer> {
  const file = new Document({
    sections: [
      { children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) },
    ],
  });
  return Buffer.from(await Packer.toArrayBuffer(file));
}

/** An XLSX with one sheet whose rows are the given cells. */
export async function xlsxBilag(
  sheet: string,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
) {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet);
  for (const row of rows) worksheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A PDF with a text layer, one paragraph per text. */
export function pdfBilag(paragraphs: readonly string[]): Buffer {
  const body = paragraphs.map((text) => `#par(${typstString(text)})`).join('\n');
  return Buffer.from(typstPdf(`#set page(paper: "a4")\n#set text(lang: "da")\n${body}`));
}
