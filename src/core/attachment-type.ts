/**
 * Which Bilag files are accepted: PDF, Word (DOCX) and Excel (XLSX), recognised by their
 * content, not by their name, so that a renamed program or image is refused.
 */

/** The largest Bilag accepted, in bytes. */
export const maxAttachmentBytes = 25 * 1024 * 1024;

/** An accepted file type. */
export interface AttachmentType {
  mediaType: string;
  extension: 'pdf' | 'docx' | 'xlsx';
}

const pdfType: AttachmentType = { mediaType: 'application/pdf', extension: 'pdf' };
const docxType: AttachmentType = {
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
};
const xlsxType: AttachmentType = {
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
};

/** The type of a file's bytes, or a Danish reason it is refused. */
export function detectAttachmentType(
  bytes: Uint8Array,
): { ok: true; type: AttachmentType } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: false, reason: 'Filen er tom.' };
  if (startsWith(bytes, '%PDF-')) return { ok: true, type: pdfType };
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    // An Office Open XML package names its main part in the zip's directory.
    const names = new TextDecoder('latin1').decode(
      bytes.subarray(Math.max(0, bytes.length - 65_536)),
    );
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 65_536));
    if (names.includes('word/document.xml') || head.includes('word/document.xml'))
      return { ok: true, type: docxType };
    if (names.includes('xl/workbook.xml') || head.includes('xl/workbook.xml'))
      return { ok: true, type: xlsxType };
  }
  return {
    ok: false,
    reason:
      'Bilag skal være PDF, Word (.docx) eller Excel (.xlsx); filens indhold er ingen af dem.',
  };
}

function startsWith(bytes: Uint8Array, prefix: string): boolean {
  for (let index = 0; index < prefix.length; index++)
    if (bytes[index] !== prefix.charCodeAt(index)) return false;
  return bytes.length >= prefix.length;
}
