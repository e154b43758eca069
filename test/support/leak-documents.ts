import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

/**
 * Documents as text, for the leak test: everything a reader of the file could get at, not only
 * what a viewer shows on the page.
 */

/**
 * A PDF's page text, its outline (bookmarks), its document information and its raw bytes
 * (uncompressed strings such as metadata).
 */
export async function readPdfText(bytes: Uint8Array): Promise<string> {
  const parts = [Buffer.from(bytes).toString('latin1')];
  // pdf.js detaches the buffer it gets, and rejects Node Buffers: hand it a plain copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    parts.push(text);
    const outline = (await pdf.getOutline()) ?? [];
    const titles = (entries: typeof outline): string[] =>
      entries.flatMap((entry) => [entry.title, ...titles(entry.items ?? [])]);
    parts.push(titles(outline).join('\n'));
    const { info } = await pdf.getMetadata();
    parts.push(JSON.stringify(info ?? {}));
  } finally {
    await pdf.loadingTask.destroy().catch(() => undefined);
  }
  return parts.join('\n');
}

/** A Word document's text as mammoth reads it, and every XML part of the package as it is. */
export async function readDocxText(bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes);
  const { value } = await mammoth.extractRawText({ buffer });
  const zip = await JSZip.loadAsync(buffer);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((file) => !file.dir && /\.(xml|rels)$/u.test(file.name))
      .map((file) => file.async('string')),
  );
  return [value, ...parts].join('\n');
}

/** The text of a document by its media type; null for anything that is not a document. */
export async function readDocumentText(
  bytes: Uint8Array,
  mediaType: string,
): Promise<string | null> {
  if (mediaType.startsWith('application/pdf')) return readPdfText(bytes);
  if (mediaType.includes('wordprocessingml')) return readDocxText(bytes);
  return null;
}
