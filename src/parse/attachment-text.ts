/**
 * The plain text of a Bilag (PDF, Word or Excel), for search and for reading a Bilag without
 * opening it. Unlike the minutes readers this keeps no structure: a Bilag is not parsed into
 * items, so the text only has to be complete and readable.
 *
 * The type is told by content first (core/attachment-type.ts), then by media type and file
 * name: a renamed file is still read as what it is, and a file whose content is unclear (an
 * encrypted .xlsx, a damaged .pdf) still gets a message about the type it claims to be.
 */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { detectAttachmentType } from '../core/attachment-type.ts';
import { checkDocxContainer, DAMAGED, listZipEntries, MAX_UNPACKED_BYTES } from './docx-zip.ts';
import type { OcrProgress } from './ocr/ocr-pages.ts';
import { ParseError } from './parse-error.ts';
import { readPdfWithNotes } from './pdf-reader.ts';

/** The most characters of text kept from one Bilag; the rest is cut off with a note. */
export const maxAttachmentTextChars = 2_000_000;

/** A Bilag's text, how it was read, and notes for the user. */
export interface AttachmentText {
  /** The plain text, '' when the file has none. Whitespace tidied, at most maxAttachmentTextChars characters. */
  text: string;
  /** How it was read: 'pdf' | 'pdf-ocr' (some page(s) read with OCR) | 'docx' | 'xlsx' | 'none' (type not read: text stays '') */
  method: 'pdf' | 'pdf-ocr' | 'docx' | 'xlsx' | 'none';
  /** Danish notes for the user, e.g. that pages need OCR and tesseract is missing, or that the text was cut at the limit. */
  notes: string[];
}

/** What extractAttachmentText needs besides the bytes. */
export interface ExtractAttachmentTextOptions {
  /** The file's name as uploaded; its extension is used only when the content is unclear. */
  fileName: string;
  /** The media type as uploaded, if any; used only when the content is unclear. */
  mediaType: string | null;
  /** Aborts the reading (a time limit); the promise then rejects with a ParseError. */
  signal?: AbortSignal;
  /** A Danish line per step of long work, e.g. "OCR: side 3 af 12 læst". */
  onProgress?: (line: string) => void;
}

type Kind = 'pdf' | 'docx' | 'xlsx' | 'none';

/**
 * Reads the plain text of a Bilag. A file of another type gives method 'none' and no text;
 * a PDF without any text gives '' and a note saying why. A damaged file, or one that takes
 * longer than `signal` allows, rejects with a one-line Danish ParseError.
 */
export async function extractAttachmentText(
  bytes: Uint8Array,
  options: ExtractAttachmentTextOptions,
): Promise<AttachmentText> {
  const { signal } = options;
  try {
    checkAborted(signal);
    const result = await readByKind(attachmentKind(bytes, options), bytes, options);
    checkAborted(signal);
    return tidy(result);
  } catch (error) {
    throw toParseError(error, signal);
  }
}

function readByKind(
  kind: Kind,
  bytes: Uint8Array,
  options: ExtractAttachmentTextOptions,
): Promise<AttachmentText> {
  switch (kind) {
    case 'pdf':
      return readPdfText(bytes, options);
    case 'docx':
      return readDocxText(bytes);
    case 'xlsx':
      return readXlsxText(bytes);
    case 'none':
      return Promise.resolve({ text: '', method: 'none', notes: [] });
  }
}

// ---------------------------------------------------------------------------------------------
// Type

const kindsByMediaType: Record<string, Kind> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

const kindsByExtension: Record<string, Kind> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx' };

/** The type to read the bytes as: by content, else by media type, else by file extension. */
function attachmentKind(bytes: Uint8Array, options: ExtractAttachmentTextOptions): Kind {
  const detected = detectAttachmentType(bytes);
  if (detected.ok) return detected.type.extension;
  // pdf.js (and so readPdf) accepts a header after some junk, as many PDF viewers do.
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  const mediaType = options.mediaType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = /\.([^.]+)$/u.exec(options.fileName)?.[1]?.toLowerCase() ?? '';
  return kindsByMediaType[mediaType] ?? kindsByExtension[extension] ?? 'none';
}

// ---------------------------------------------------------------------------------------------
// PDF

/**
 * A PDF's text; scanned pages are read with OCR. A PDF with no text at all is no error here
 * (a scanned Bilag is common and still worth storing): its text is '' and the reader's
 * explanation becomes a note.
 */
async function readPdfText(
  bytes: Uint8Array,
  options: ExtractAttachmentTextOptions,
): Promise<AttachmentText> {
  let ocrPages = 0;
  const onOcrProgress = ({ done, total }: OcrProgress): void => {
    ocrPages++;
    options.onProgress?.(`OCR: side ${done} af ${total} læst`);
  };
  const method = (): AttachmentText['method'] => (ocrPages > 0 ? 'pdf-ocr' : 'pdf');
  try {
    const { text, notes } = await readPdfWithNotes(bytes, {
      signal: options.signal,
      onOcrProgress,
    });
    return { text: withoutHeadingMarks(text), method: method(), notes };
  } catch (error) {
    if (!isNoTextError(error)) throw error;
    return { text: '', method: method(), notes: [error.message] };
  }
}

/** The reader's "no text" refusals (pdf-reader.ts), as opposed to a damaged file. */
function isNoTextError(error: unknown): error is ParseError {
  return (
    error instanceof ParseError &&
    /^PDF-filen (?:er indscannet|har ingen tekst)/u.test(error.message)
  );
}

/** The PDF reader marks headings with `#` for the minutes parser; plain text has no marks. */
function withoutHeadingMarks(text: string): string {
  return text.replace(/^#{1,6} /gmu, '');
}

// ---------------------------------------------------------------------------------------------
// Word

/** A Word document's text, after the same zip checks (damage, zip bombs) the minutes reader uses. */
async function readDocxText(bytes: Uint8Array): Promise<AttachmentText> {
  checkDocxContainer(bytes);
  try {
    const result = await mammoth.extractRawText({ buffer: asBuffer(bytes) });
    return { text: result.value, method: 'docx', notes: [] };
  } catch {
    throw new ParseError(DAMAGED);
  }
}

// ---------------------------------------------------------------------------------------------
// Excel

const xlsxDamaged = 'Excel-filen er beskadiget, beskyttet med adgangskode eller ikke en Excel-fil';

/** Each worksheet's name on a line, then its rows, cells separated by tabs. */
async function readXlsxText(bytes: Uint8Array): Promise<AttachmentText> {
  checkXlsxContainer(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types ask for an ArrayBuffer (its own `Buffer`); a copy is one, whatever `bytes` views.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new ParseError(xlsxDamaged);
  }
  const sheets = workbook.worksheets.map((sheet) => [sheet.name, ...sheetRows(sheet)].join('\n'));
  return { text: sheets.join('\n\n'), method: 'xlsx', notes: [] };
}

/**
 * exceljs unpacks every part in full, so an archive that declares more than a Word document
 * may unpack to is refused first, as docx-zip.ts does for Word.
 */
function checkXlsxContainer(bytes: Uint8Array): void {
  let declared = 0;
  try {
    for (const entry of listZipEntries(bytes)) declared += entry.uncompressedSize;
  } catch {
    throw new ParseError(xlsxDamaged);
  }
  if (declared > MAX_UNPACKED_BYTES)
    throw new ParseError('Excel-filen er for stor, når den pakkes ud');
}

/** A sheet's non-empty rows; empty cells stay as empty columns so the columns line up. */
function sheetRows(sheet: ExcelJS.Worksheet): string[] {
  const rows: string[] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cellText(cell)));
    if (cells.some((text) => text.trim() !== '')) rows.push(cells.join('\t'));
  });
  return rows;
}

/** exceljs's own text for a cell (a formula's result, rich text as plain), but dates readable. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  // cell.text writes a date as JavaScript's Date.toString(), e.g. "Fri Jan 31 2025 00:00:00 GMT…".
  if (value instanceof Date) return formatDate(value);
  return cell.text.replace(/\s*\n\s*/gu, ' ');
}

/** A date as ISO 8601: the day, and the time of day when there is one (Excel dates are UTC). */
function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

// ---------------------------------------------------------------------------------------------
// Shared

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** NFC, no trailing spaces, at most one blank line in a row, and the length limit. */
function tidy(result: AttachmentText): AttachmentText {
  const text = result.text
    .normalize('NFC')
    .replace(/\r\n?/gu, '\n')
    .replace(/[ \t]+$/gmu, '')
    .replace(/\n{3,}/gu, '\n\n')
    .replace(/^\n+|\n+$/gu, '');
  if (text.length <= maxAttachmentTextChars) return { ...result, text };
  return {
    ...result,
    text: cutAt(text, maxAttachmentTextChars),
    notes: [
      ...result.notes,
      `Teksten er afkortet efter ${danishNumber(maxAttachmentTextChars)} tegn`,
    ],
  };
}

/** The first `limit` characters, without splitting a surrogate pair (an emoji, say). */
function cutAt(text: string, limit: number): string {
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}

/** 2000000 as "2.000.000", without depending on the ICU data Node was built with. */
function danishNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ParseError('tiden løb ud');
}

/** Every failure as one Danish line: the readers' own reason, or a general one. */
function toParseError(error: unknown, signal: AbortSignal | undefined): ParseError {
  const prefix = 'Bilaget kan ikke læses: ';
  if (signal?.aborted) return new ParseError(`${prefix}tiden løb ud`);
  if (error instanceof ParseError) return new ParseError(`${prefix}${error.message}`);
  return new ParseError(`${prefix}filen er beskadiget eller afkortet`);
}
