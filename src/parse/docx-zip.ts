/**
 * A small, defensive look at a DOCX's zip container, done before mammoth unpacks it.
 *
 * mammoth (through jszip) inflates every XML part it reads completely into memory and only then
 * compares the result with the size the zip declares, so a "zip bomb" would be unpacked before
 * anything could stop it. This module reads the zip central directory itself, rejects archives
 * whose declared uncompressed total is too large, and inflates each XML part with a hard output
 * limit equal to its declared size, so a part that lies about its size is caught after at most
 * that many bytes. Images are not inflated here; the reader tells mammoth not to read them.
 */
import { inflateRawSync } from 'node:zlib';
import { ParseError } from './parse-error.ts';

/** The most a DOCX may unpack to, in bytes. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** One file in the zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated; anything else is not supported by jszip either. */
  method: number;
  /** General purpose flags; bit 0 = encrypted. */
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The first bytes of an OLE compound file: a legacy .doc, or an encrypted .docx. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const DAMAGED = 'Word-dokumentet er beskadiget eller ikke et Word-dokument';
export const TOO_LARGE = 'Word-dokumentet er for stort, når det pakkes ud';

function damaged(): ParseError {
  return new ParseError(DAMAGED);
}

/** Bounds-checked little-endian reads; any read past the end means a damaged archive. */
class Reader {
  readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private check(offset: number, length: number): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset + length > this.bytes.length) {
      throw damaged();
    }
  }

  u16(offset: number): number {
    this.check(offset, 2);
    return this.view.getUint16(offset, true);
  }

  u32(offset: number): number {
    this.check(offset, 4);
    return this.view.getUint32(offset, true);
  }

  u64(offset: number): number {
    this.check(offset, 8);
    const value = this.view.getBigUint64(offset, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged();
    return Number(value);
  }

  slice(offset: number, length: number): Uint8Array {
    this.check(offset, length);
    return this.bytes.subarray(offset, offset + length);
  }
}

function isCompoundFile(bytes: Uint8Array): boolean {
  return CFB_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** Finds the end-of-central-directory record, which sits in the last 64 KiB + 22 bytes. */
function findEndOfCentralDirectory(reader: Reader): number {
  const { length } = reader.bytes;
  const lowest = Math.max(0, length - 22 - 0xffff);
  for (let offset = length - 22; offset >= lowest; offset--) {
    if (reader.u32(offset) === EOCD_SIGNATURE) return offset;
  }
  throw damaged();
}

/** Lists the entries of a zip archive from its central directory. Throws ParseError. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length >= CFB_MAGIC.length && isCompoundFile(bytes)) {
    throw new ParseError(
      'filen er en gammel .doc eller beskyttet med adgangskode; gem den som en ubeskyttet .docx',
    );
  }
  if (bytes.length < 22) throw damaged();
  const reader = new Reader(bytes);
  const eocd = findEndOfCentralDirectory(reader);
  let count = reader.u16(eocd + 10);
  let directorySize = reader.u32(eocd + 12);
  let directoryOffset = reader.u32(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || reader.u32(locator) !== ZIP64_LOCATOR_SIGNATURE) throw damaged();
    const zip64 = reader.u64(locator + 8);
    if (reader.u32(zip64) !== ZIP64_EOCD_SIGNATURE) throw damaged();
    count = reader.u64(zip64 + 32);
    directorySize = reader.u64(zip64 + 40);
    directoryOffset = reader.u64(zip64 + 48);
  }
  // Each central directory record is at least 46 bytes; a count that cannot fit is a lie.
  if (count * 46 > directorySize) throw damaged();
  reader.slice(directoryOffset, directorySize);

  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (reader.u32(offset) !== CENTRAL_SIGNATURE) throw damaged();
    const flags = reader.u16(offset + 8);
    const method = reader.u16(offset + 10);
    let compressedSize = reader.u32(offset + 20);
    let uncompressedSize = reader.u32(offset + 24);
    const nameLength = reader.u16(offset + 28);
    const extraLength = reader.u16(offset + 30);
    const commentLength = reader.u16(offset + 32);
    let localHeaderOffset = reader.u32(offset + 42);
    const name = decoder.decode(reader.slice(offset + 46, nameLength));
    if (
      uncompressedSize === 0xffffffff ||
      compressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      // The zip64 extra field holds, in this order, only the values that overflowed.
      let extra = offset + 46 + nameLength;
      const extraEnd = extra + extraLength;
      let found = false;
      while (extra + 4 <= extraEnd) {
        const id = reader.u16(extra);
        const size = reader.u16(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = reader.u64(field);
            field += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = reader.u64(field);
            field += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = reader.u64(field);
          found = true;
          break;
        }
        extra += 4 + size;
      }
      if (!found) throw damaged();
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Unpacks one entry, refusing to produce more bytes than it declares. Throws ParseError. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & 1) throw damaged();
  const reader = new Reader(bytes);
  const local = entry.localHeaderOffset;
  if (reader.u32(local) !== LOCAL_SIGNATURE) throw damaged();
  const start = local + 30 + reader.u16(local + 26) + reader.u16(local + 28);
  const data = reader.slice(start, entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw damaged();
    return data;
  }
  if (entry.method !== 8) throw damaged();
  let output: Uint8Array;
  try {
    // maxOutputLength must be at least 1; an honest empty entry still inflates to 0 bytes.
    output = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch {
    throw damaged();
  }
  if (output.length !== entry.uncompressedSize) throw damaged();
  return output;
}

/** Parts mammoth parses as XML; their real unpacked size is verified, not trusted. */
function isXmlPart(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.xml') || lower.endsWith('.rels');
}

/**
 * Checks that `bytes` is a zip that is safe to hand to mammoth and looks like a Word document.
 * Throws ParseError with a one-line message otherwise. Returns the unpacked XML parts by name.
 */
export function checkDocxContainer(bytes: Uint8Array): Map<string, Uint8Array> {
  const entries = listZipEntries(bytes);
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    if (declared > MAX_UNPACKED_BYTES) throw new ParseError(TOO_LARGE);
  }
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('word/document.xml') && !names.has('_rels/.rels')) {
    throw new ParseError('filen er en zip-fil, men ikke et Word-dokument');
  }
  const parts = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (isXmlPart(entry.name)) parts.set(entry.name, inflateEntry(bytes, entry));
  }
  return parts;
}
