import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeText, detectFormat } from './document-format.ts';
import { readDocx } from './docx-reader.ts';
import { readHtml } from './html-reader.ts';
import { type ParseResult, parseMinutesText } from './minutes-parser.ts';
import { ParseError } from './parse-error.ts';
import { readPdfWithNotes } from './pdf-reader.ts';

/** Largest file `referat parse` accepts; minutes are rarely above a few megabytes. */
export const defaultMaxFileBytes = 30 * 1024 * 1024;

/** Options for parsing one document. */
export interface ParseDocumentOptions {
  signal?: AbortSignal;
  maxFileBytes?: number;
  /** A line about long work under way (OCR of scanned pages: "OCR: side 3 af 12 læst"). */
  onProgress?: (message: string) => void;
}

/** Parses a document held in memory; the file name only helps to tell its format. */
export async function parseDocumentBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ParseDocumentOptions = {},
): Promise<ParseResult> {
  if (bytes.length === 0) throw new ParseError('filen er tom');
  const maxFileBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  if (bytes.length > maxFileBytes) throw tooLargeError(bytes.length, maxFileBytes);
  const format = detectFormat(fileName, bytes);
  switch (format) {
    case 'pdf':
      return parsePdf(bytes, options);
    case 'docx':
      return parseMinutesText(await readDocx(bytes));
    case 'text':
      return parseMinutesText(decodeText(bytes));
    case 'html':
      return parseMinutesText(readHtml(decodeText(bytes)));
    default: {
      const unknownFormat: never = format;
      throw new ParseError(`ukendt format ${String(unknownFormat)}`);
    }
  }
}

/** A PDF: its text (scanned pages read with OCR), parsed; the reader's notes come first. */
async function parsePdf(bytes: Uint8Array, options: ParseDocumentOptions): Promise<ParseResult> {
  const { text, notes } = await readPdfWithNotes(bytes, {
    signal: options.signal,
    onOcrProgress: ({ done, total }) => options.onProgress?.(`OCR: side ${done} af ${total} læst`),
  });
  const result = parseMinutesText(text);
  return { ...result, warnings: [...notes, ...result.warnings] };
}

/** Reads and parses a file, refusing files above the size limit before reading them. */
export async function parseDocumentFile(
  path: string,
  options: ParseDocumentOptions = {},
): Promise<ParseResult> {
  const maxFileBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  const info = await stat(path).catch(() => {
    throw new ParseError(`filen findes ikke: ${path}`);
  });
  if (info.isDirectory()) throw new ParseError(`${path} er en mappe, ikke en fil`);
  if (info.size > maxFileBytes) throw tooLargeError(info.size, maxFileBytes);
  const bytes = await readFile(path).catch(() => {
    throw new ParseError(`filen kan ikke læses: ${path}`);
  });
  return parseDocumentBytes(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    basename(path),
    options,
  );
}

function tooLargeError(size: number, limit: number): ParseError {
  const megabytes = (value: number): string => (value / 1024 / 1024).toFixed(1).replace('.', ',');
  return new ParseError(
    `filen er for stor (${megabytes(size)} MB; grænsen er ${megabytes(limit)} MB)`,
  );
}
