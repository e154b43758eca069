/**
 * Cheap looks inside a zip for content checks: its directory, the first bytes of an entry and
 * small entries whole, without unpacking the rest.
 *
 * The directory itself is read by `listZipEntries` from docx-zip.ts (the DOCX reader's own
 * defensive reader, used unchanged); this module only adds ways to look at entry data with a
 * hard bound on the work, so that checking a hostile archive costs little whatever it claims.
 */
import { createInflateRaw } from 'node:zlib';
import { inflateEntry, listZipEntries, type ZipEntry } from './docx-zip.ts';

export type { ZipEntry } from './docx-zip.ts';

const localHeaderSignature = 0x04034b50;
const localHeaderLength = 30;
const storedMethod = 0;
const deflatedMethod = 8;
/** Output chunk of the streaming inflater; a peek stops after the first one. */
const peekChunkBytes = 1024;
/** Entries up to this size are unpacked whole when peeked at. */
const wholePeekBytes = 4096;

/** The entries of a zip from its central directory, or null when the directory is unreadable. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  try {
    return listZipEntries(bytes);
  } catch {
    // listZipEntries reports Word-specific messages; callers here give their own.
    return null;
  }
}

/** Whether an entry uses a storage the checks can read: stored or deflated, not encrypted. */
export function isReadableEntry(entry: ZipEntry): boolean {
  const isEncrypted = (entry.flags & 1) !== 0;
  return !isEncrypted && (entry.method === storedMethod || entry.method === deflatedMethod);
}

/**
 * An entry's compressed bytes, found through its local header, or null when the header or the
 * data lies outside the file.
 */
function findEntryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + localHeaderLength > bytes.length) return null;
  if (view.getUint32(local, true) !== localHeaderSignature) return null;
  const start =
    local + localHeaderLength + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return null;
  return bytes.subarray(start, end);
}

/**
 * The first `length` bytes of an entry once unpacked (fewer if it is shorter), or null when the
 * entry cannot be read. A small entry is unpacked whole, capped at its declared size; a larger
 * one is inflated as a stream that is dropped after its first chunk, so a peek costs at most
 * the stream's buffer (tens of kilobytes) however large the entry is, and padding (empty
 * blocks) before the data cannot push the first bytes out of sight.
 */
export async function readEntryStart(
  bytes: Uint8Array,
  entry: ZipEntry,
  length: number,
): Promise<Uint8Array | null> {
  if (!isReadableEntry(entry)) return null;
  // Unpacking a few kilobytes at once is cheaper than setting up a stream.
  if (entry.uncompressedSize <= wholePeekBytes)
    return readSmallEntry(bytes, entry, wholePeekBytes)?.subarray(0, length) ?? null;
  const data = findEntryData(bytes, entry);
  if (data === null) return null;
  if (entry.method === storedMethod) return data.subarray(0, length);
  const inflater = createInflateRaw({ chunkSize: peekChunkBytes });
  const collected: Uint8Array[] = [];
  let collectedLength = 0;
  try {
    inflater.end(data);
    for await (const chunk of inflater as AsyncIterable<Uint8Array>) {
      collected.push(chunk);
      collectedLength += chunk.length;
      if (collectedLength >= length) break;
    }
  } catch {
    return null;
  } finally {
    inflater.destroy();
  }
  return concatenate(collected).subarray(0, length);
}

/**
 * A whole entry unpacked, when it declares at most `maxBytes`; null when it is larger or cannot
 * be read. `inflateEntry` caps the output at the declared size, so a lying entry costs no more
 * than an honest one.
 */
export function readSmallEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
): Uint8Array | null {
  if (entry.uncompressedSize > maxBytes) return null;
  try {
    return inflateEntry(bytes, entry);
  } catch {
    return null;
  }
}

function concatenate(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const result = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}
