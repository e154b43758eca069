import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  isReadableEntry,
  readEntryStart,
  readSmallEntry,
  readZipDirectory,
  type ZipEntry,
} from './zip-directory.ts';

interface HandEntry {
  name: string;
  /** The entry's data as stored in the zip (already deflated when method is 8). */
  data: Uint8Array;
  method: number;
  uncompressedSize: number;
  flags?: number;
}

/** Writes a zip by hand, so that a test can store data no zip library would write. */
function buildZip(entries: HandEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

function deflated(name: string, content: Uint8Array): HandEntry {
  return { name, data: deflateRawSync(content), method: 8, uncompressedSize: content.length };
}

function onlyEntry(bytes: Uint8Array): ZipEntry {
  const entry = readZipDirectory(bytes)?.[0];
  if (entry === undefined) throw new Error('no entry');
  return entry;
}

const text = (value: Uint8Array | null): string | null =>
  value === null ? null : Buffer.from(value).toString('latin1');

describe('readZipDirectory', () => {
  it('lists what a zip library wrote', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a/>');
    zip.file('b/c.xml', 'x'.repeat(10_000));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const entries = readZipDirectory(bytes) ?? [];
    expect(entries.map((entry) => [entry.name, entry.uncompressedSize])).toEqual([
      ['a.xml', 4],
      ['b/', 0],
      ['b/c.xml', 10_000],
    ]);
  });

  it('gives null for what is no zip', () => {
    expect(readZipDirectory(new TextEncoder().encode('PK\u0003\u0004 and nothing'))).toBeNull();
    expect(
      readZipDirectory(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
    ).toBeNull();
  });
});

describe('readEntryStart', () => {
  const program = new TextEncoder().encode(`MZ${'x'.repeat(100_000)}`);

  it('reads the first bytes of small, large, stored and packed entries', async () => {
    const small = buildZip([deflated('small.bin', program.subarray(0, 100))]);
    const large = buildZip([deflated('large.bin', program)]);
    const stored = buildZip([
      { name: 'stored.bin', data: program, method: 0, uncompressedSize: program.length },
    ]);
    for (const bytes of [small, large, stored])
      expect(text(await readEntryStart(bytes, onlyEntry(bytes), 4))).toBe('MZxx');
  });

  it('finds the first bytes behind empty deflate blocks', async () => {
    // An empty stored block that is not the last: header bits 000, then LEN 0 and NLEN 0xffff.
    const emptyBlock = [0x00, 0x00, 0x00, 0xff, 0xff];
    const padding = Array.from({ length: 2000 }, () => emptyBlock).flat();
    const data = Buffer.concat([Buffer.from(padding), deflateRawSync(program)]);
    const bytes = buildZip([
      { name: 'image1.png', data, method: 8, uncompressedSize: program.length },
    ]);
    expect(text(await readEntryStart(bytes, onlyEntry(bytes), 2))).toBe('MZ');
  });

  it('peeks at a huge entry without unpacking it', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const bytes = buildZip([deflated('zeros.bin', zeros)]);
    const started = performance.now();
    expect(text(await readEntryStart(bytes, onlyEntry(bytes), 4))).toBe('\0\0\0\0');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('gives null for data that does not inflate or lies outside the file', async () => {
    const garbage = buildZip([
      { name: 'bad.bin', data: new Uint8Array(9000).fill(0xff), method: 8, uncompressedSize: 9000 },
    ]);
    expect(await readEntryStart(garbage, onlyEntry(garbage), 4)).toBeNull();
    const bytes = buildZip([deflated('a.bin', program)]);
    const outside = { ...onlyEntry(bytes), localHeaderOffset: bytes.length - 10 };
    expect(await readEntryStart(bytes, outside, 4)).toBeNull();
  });

  it('gives null for encrypted entries and unknown methods', async () => {
    const encrypted = buildZip([{ ...deflated('a.bin', program), flags: 1 }]);
    const bzip2 = buildZip([{ ...deflated('a.bin', program), method: 12 }]);
    for (const bytes of [encrypted, bzip2]) {
      expect(isReadableEntry(onlyEntry(bytes))).toBe(false);
      expect(await readEntryStart(bytes, onlyEntry(bytes), 4)).toBeNull();
    }
  });
});

describe('readSmallEntry', () => {
  const content = new TextEncoder().encode('<Types>macroEnabled</Types>');

  it('unpacks an entry within the limit', () => {
    const bytes = buildZip([deflated('[Content_Types].xml', content)]);
    expect(text(readSmallEntry(bytes, onlyEntry(bytes), 1024))).toBe(text(content));
  });

  it('gives null for an entry over the limit', () => {
    const bytes = buildZip([deflated('[Content_Types].xml', content)]);
    expect(readSmallEntry(bytes, onlyEntry(bytes), 10)).toBeNull();
  });

  it('gives null for an entry that unpacks to more than it declares', () => {
    const bomb = deflated('[Content_Types].xml', new Uint8Array(10_000_000));
    const bytes = buildZip([{ ...bomb, uncompressedSize: 100 }]);
    expect(readSmallEntry(bytes, onlyEntry(bytes), 1024)).toBeNull();
  });
});
