import { extname } from 'node:path';
import { ParseError } from './parse-error.ts';

/** The document formats `referat parse` reads. */
export type DocumentFormat = 'text' | 'pdf' | 'docx' | 'html';

const textExtensions = new Set(['.txt', '.md', '.markdown', '.text', '']);

/**
 * Decides a file's format from its first bytes, then its extension. Content wins over the
 * name, because exported archives often carry wrong or missing extensions.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): DocumentFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ParseError(
      'filen er en gammel .doc eller et krypteret Word-dokument; gem den som en ubeskyttet .docx',
    );
  }
  const extension = extname(fileName).toLowerCase();
  if (extension === '.html' || extension === '.htm' || looksLikeHtml(bytes)) return 'html';
  if (extension === '.pdf') throw new ParseError('filen hedder .pdf, men er ikke en PDF');
  if (extension === '.docx')
    throw new ParseError('filen hedder .docx, men er ikke et Word-dokument');
  if (extension === '.doc')
    throw new ParseError('gamle .doc-filer læses ikke; gem dokumentet som .docx');
  if (!textExtensions.has(extension)) {
    throw new ParseError(`ukendt filtype "${extension}"; brug .txt, .md, .pdf, .docx eller .html`);
  }
  return 'text';
}

/** An HTML page starts with a doctype or an html tag, after optional white space and BOM. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF?\s*/u, '')
    .toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as
 * older Danish Windows files are. Rejects binary data.
 */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes)) throw new ParseError('filen er ikke tekst (binære data)');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** More than 1 % control bytes (NUL and the like) in the first 64 KiB means binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65_536);
  let controlBytes = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controlBytes++;
  }
  return controlBytes > sample.length / 100;
}
