import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { attachmentInspectionLimits, inspectAttachment } from './attachment-inspection.ts';

const FIXTURES = new URL('../../test/fixtures/minutes/', import.meta.url);

async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(name, FIXTURES)));
}

function latin1Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

// ---------------------------------------------------------------------------------------------
// PDFs written by hand: numbered objects, a correct cross-reference table and trailer.

function buildPdf(objects: string[], trailerExtra = ''): Uint8Array {
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\n`;
  text += `startxref\n${xref}\n%%EOF\n`;
  return latin1Bytes(text);
}

const catalog = '<< /Type /Catalog /Pages 2 0 R >>';
const onePageTree = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>';

/** The padding string of the PDF standard security handler (ISO 32000-1, 7.6.3.3). */
const passwordPadding = Buffer.from(
  '28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A',
  'hex',
);

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const state = Array.from({ length: 256 }, (_, index) => index);
  const at = (index: number): number => state[index] ?? 0;
  const swap = (a: number, b: number): void => {
    [state[a], state[b]] = [at(b), at(a)];
  };
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + at(i) + (key[i % key.length] ?? 0)) & 255;
    swap(i, j);
  }
  const output = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + at(i)) & 255;
    swap(i, j);
    output[k] = (data[k] ?? 0) ^ at((at(i) + at(j)) & 255);
  }
  return output;
}

/**
 * A one-page PDF with RC4 40-bit encryption (revision 2). With `emptyUserPassword` it opens
 * without a password (only an owner password restricts it); otherwise it needs one.
 */
function buildEncryptedPdf(emptyUserPassword: boolean): Uint8Array {
  const id = Buffer.alloc(16, 7);
  const owner = Buffer.alloc(32, 0x41);
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-4);
  const key = createHash('md5')
    .update(Buffer.concat([passwordPadding, owner, permissions, id]))
    .digest()
    .subarray(0, 5);
  const user = emptyUserPassword ? rc4(key, passwordPadding) : Buffer.alloc(32, 0x42);
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P -4 >>`;
  const idHex = id.toString('hex');
  return buildPdf(
    [catalog, onePageTree, page, encrypt],
    `/Encrypt 4 0 R /ID [<${idHex}> <${idHex}>]`,
  );
}

describe('inspectAttachment: PDF', () => {
  it('accepts a real PDF and counts its pages', async () => {
    const bytes = await fixture('chefforum-2015-11-05.pdf');
    expect(await inspectAttachment(bytes, 'pdf')).toEqual({ ok: true, pageCount: 10 });
  });

  it('accepts a minimal one-page PDF', async () => {
    const bytes = buildPdf([catalog, onePageTree, page]);
    expect(await inspectAttachment(bytes, 'pdf')).toEqual({ ok: true, pageCount: 1 });
  });

  it('refuses a PDF cut off before its end', async () => {
    const bytes = await fixture('chefforum-2015-11-05.pdf');
    expect(await inspectAttachment(bytes.subarray(0, bytes.length / 2), 'pdf')).toEqual({
      ok: false,
      reason: 'PDF-filen er ufuldstændig (afkortet); gem eller hent den igen, og prøv igen.',
    });
  });

  it('refuses a PDF whose middle is missing', async () => {
    const whole = await fixture('chefforum-2015-11-05.pdf');
    const bytes = Buffer.concat([whole.subarray(0, 2000), whole.subarray(whole.length - 2000)]);
    expect(await inspectAttachment(bytes, 'pdf')).toEqual({
      ok: false,
      reason: 'PDF-filen kan ikke åbnes; den er beskadiget eller ikke en rigtig PDF.',
    });
  });

  it('refuses the PDF header followed by junk', async () => {
    const junk = latin1Bytes(`%PDF-1.7\n${'junk '.repeat(500)}`);
    expect(await inspectAttachment(junk, 'pdf')).toEqual({
      ok: false,
      reason: 'PDF-filen er ufuldstændig (afkortet); gem eller hent den igen, og prøv igen.',
    });
    const junkWithEnd = latin1Bytes(`%PDF-1.7\n${'junk '.repeat(500)}\n%%EOF\n`);
    expect(await inspectAttachment(junkWithEnd, 'pdf')).toEqual({
      ok: false,
      reason: 'PDF-filen kan ikke åbnes; den er beskadiget eller ikke en rigtig PDF.',
    });
  });

  it('refuses bytes without a PDF header', async () => {
    expect(await inspectAttachment(latin1Bytes('Hej\n%%EOF'), 'pdf')).toEqual({
      ok: false,
      reason: 'PDF-filen kan ikke åbnes; den er beskadiget eller ikke en rigtig PDF.',
    });
  });

  it('refuses a PDF without pages', async () => {
    const bytes = buildPdf([catalog, '<< /Type /Pages /Kids [] /Count 0 >>']);
    expect(await inspectAttachment(bytes, 'pdf')).toEqual({
      ok: false,
      reason: 'PDF-filen har ingen sider.',
    });
  });

  it('refuses a PDF whose page tree loops', async () => {
    const bytes = buildPdf([catalog, '<< /Type /Pages /Kids [2 0 R] /Count 3 >>']);
    expect(await inspectAttachment(bytes, 'pdf')).toEqual({
      ok: false,
      reason: 'PDF-filen kan ikke åbnes; den er beskadiget eller ikke en rigtig PDF.',
    });
  });

  it('refuses a PDF that needs a password', async () => {
    expect(await inspectAttachment(buildEncryptedPdf(false), 'pdf')).toEqual({
      ok: false,
      reason: 'PDF-filen er beskyttet med adgangskode; gem den uden adgangskode, og prøv igen.',
    });
  });

  it('refuses a PDF encrypted with an owner password only', async () => {
    expect(await inspectAttachment(buildEncryptedPdf(true), 'pdf')).toEqual({
      ok: false,
      reason:
        'PDF-filen er krypteret med begrænsninger (fx mod kopiering); gem den uden beskyttelse, og prøv igen.',
    });
  });

  it('gives up when opening takes longer than the time limit', async () => {
    const bytes = await fixture('chefforum-2015-11-05.pdf');
    expect(await inspectAttachment(bytes, 'pdf', { pdfTimeLimitMs: 1 })).toEqual({
      ok: false,
      reason: 'PDF-filen tager for lang tid at åbne og kan ikke bruges som bilag.',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Word and Excel packages built with jszip.

const contentTypes = (overrides: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  `<Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;

const docxMain =
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>';
const docmMain =
  '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>';

/** The parts of a minimal Word document, to which a test adds or from which it removes. */
function docxParts(): Map<string, string | Uint8Array> {
  return new Map<string, string | Uint8Array>([
    ['[Content_Types].xml', contentTypes(docxMain)],
    ['_rels/.rels', '<Relationships/>'],
    ['word/document.xml', '<w:document/>'],
  ]);
}

function xlsxParts(): Map<string, string | Uint8Array> {
  return new Map<string, string | Uint8Array>([
    ['[Content_Types].xml', contentTypes('')],
    ['_rels/.rels', '<Relationships/>'],
    ['xl/workbook.xml', '<workbook/>'],
    ['xl/worksheets/sheet1.xml', '<worksheet/>'],
  ]);
}

async function zipParts(
  parts: Map<string, string | Uint8Array>,
  compression: 'STORE' | 'DEFLATE' = 'DEFLATE',
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content, { createFolders: false });
  return zip.generateAsync({
    type: 'uint8array',
    compression,
    compressionOptions: { level: 9 },
  });
}

/** Rewrites one central directory record in place, found by its entry name. */
function patchCentralRecord(
  bytes: Uint8Array,
  name: string,
  patch: (view: DataView, offset: number) => void,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoded = new TextEncoder().encode(name);
  for (let offset = 0; offset + 46 <= bytes.length; offset++) {
    if (view.getUint32(offset, true) !== 0x02014b50) continue;
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + view.getUint16(offset + 28, true));
    if (!Buffer.from(nameBytes).equals(Buffer.from(encoded))) continue;
    patch(view, offset);
    return;
  }
  throw new Error(`no central record for ${name}`);
}

const windowsProgram = latin1Bytes(
  'MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode.',
);
const linuxProgram = latin1Bytes('\u007fELF\u0002\u0001\u0001\u0000');

function refusal(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

describe('inspectAttachment: Word and Excel', () => {
  it.each(['chefforum-2015-11-05.docx', 'chefforum-2017-06-14.docx', 'chefforum-2018-10-11.docx'])(
    'accepts the real Word document %s',
    async (name) => {
      expect(await inspectAttachment(await fixture(name), 'docx')).toEqual({ ok: true });
    },
  );

  it('accepts minimal Word and Excel packages, with an image that is only an image', async () => {
    const docx = docxParts();
    docx.set('word/media/image1.png', latin1Bytes('\u0089PNG\r\n\u001a\n...'));
    expect(await inspectAttachment(await zipParts(docx), 'docx')).toEqual({ ok: true });
    expect(await inspectAttachment(await zipParts(xlsxParts()), 'xlsx')).toEqual({ ok: true });
  });

  it('refuses macros in vbaProject.bin', async () => {
    const docx = docxParts();
    docx.set('word/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    expect(await inspectAttachment(await zipParts(docx), 'docx')).toEqual(
      refusal('Word-filen indeholder makroer (vbaProject.bin) og kan ikke bruges som bilag.'),
    );
    const xlsx = xlsxParts();
    xlsx.set('xl/vbaProject.bin', new Uint8Array([1, 2, 3]));
    expect(await inspectAttachment(await zipParts(xlsx), 'xlsx')).toEqual(
      refusal('Excel-filen indeholder makroer (vbaProject.bin) og kan ikke bruges som bilag.'),
    );
  });

  it('refuses a macro-enabled document renamed to .docx', async () => {
    const docx = docxParts();
    docx.set('[Content_Types].xml', contentTypes(docmMain));
    expect(await inspectAttachment(await zipParts(docx), 'docx')).toEqual(
      refusal(
        'Word-filen er makroaktiveret og kan ikke bruges som bilag; gem den som almindelig .docx.',
      ),
    );
  });

  it('refuses an Excel 4.0 macro sheet declared in the content types', async () => {
    const xlsx = xlsxParts();
    xlsx.set(
      '[Content_Types].xml',
      contentTypes(
        '<Override PartName="/xl/macrosheets/sheet1.xml" ContentType="application/vnd.ms-excel.macrosheet+xml"/>',
      ),
    );
    xlsx.set('xl/macrosheets/sheet1.xml', '<xm:macrosheet/>');
    expect(await inspectAttachment(await zipParts(xlsx), 'xlsx')).toEqual(
      refusal(
        'Excel-filen er makroaktiveret og kan ikke bruges som bilag; gem den som almindelig .xlsx.',
      ),
    );
  });

  it.each(['word/embeddings/setup.exe', 'word/tools/RUN.CMD', 'xl/helper.js'])(
    'refuses a program or script by its name: %s',
    async (name) => {
      const docx = docxParts();
      docx.set(name, 'echo hej');
      expect(await inspectAttachment(await zipParts(docx), 'docx')).toEqual(
        refusal('Word-filen indeholder et program eller script og kan ikke bruges som bilag.'),
      );
    },
  );

  it.each([
    ['a Windows program, packed', windowsProgram, 'DEFLATE'],
    ['a Windows program, stored', windowsProgram, 'STORE'],
    ['a Linux program, packed', linuxProgram, 'DEFLATE'],
  ] as const)('refuses %s under an innocent name', async (_, program, compression) => {
    const docx = docxParts();
    docx.set('word/media/image1.png', program);
    expect(await inspectAttachment(await zipParts(docx, compression), 'docx')).toEqual(
      refusal('Word-filen indeholder et program eller script og kan ikke bruges som bilag.'),
    );
  });

  it('refuses a zip bomb by its compression ratio, without unpacking it', async () => {
    const docx = docxParts();
    docx.set('word/media/zeros.bin', new Uint8Array(12 * 1024 * 1024));
    const bomb = await zipParts(docx);
    expect(bomb.length * attachmentInspectionLimits.maxCompressionRatio).toBeLessThan(
      12 * 1024 * 1024,
    );
    expect(await inspectAttachment(bomb, 'docx')).toEqual(
      refusal('Filen fylder for meget udpakket (mere end 100 gange sin egen størrelse).'),
    );
  });

  it('refuses a package whose directory declares more than 500 MB', async () => {
    const bytes = await zipParts(docxParts());
    patchCentralRecord(bytes, 'word/document.xml', (view, offset) =>
      view.setUint32(offset + 24, 600 * 1024 * 1024, true),
    );
    expect(await inspectAttachment(bytes, 'docx')).toEqual(
      refusal('Filen fylder for meget udpakket (mere end 500 MB).'),
    );
  });

  it('refuses too many entries', async () => {
    const docx = docxParts();
    for (let index = 0; index < attachmentInspectionLimits.maxZipEntries; index++)
      docx.set(`word/parts/p${index}.xml`, '');
    expect(await inspectAttachment(await zipParts(docx, 'STORE'), 'docx')).toEqual(
      refusal(
        'Word-filen består af for mange dele (mere end 10.000) og kan ikke bruges som bilag.',
      ),
    );
  });

  it.each([
    '../evil.xml',
    'word/../../evil.xml',
    '/etc/evil.xml',
    'C:/evil.xml',
    'word\\..\\..\\evil.xml',
  ])('refuses the entry name %s', async (name) => {
    const docx = docxParts();
    docx.set(name, '<x/>');
    expect(await inspectAttachment(await zipParts(docx), 'docx')).toEqual(
      refusal(
        'Word-filen indeholder filnavne, der peger uden for filen (med .. eller en absolut sti), og kan ikke bruges som bilag.',
      ),
    );
  });

  it('refuses a Word package without word/document.xml', async () => {
    const docx = docxParts();
    docx.delete('word/document.xml');
    docx.set('word/other.xml', '<w:document/>');
    expect(await inspectAttachment(await zipParts(docx), 'docx')).toEqual(
      refusal('Word-filen er ikke en rigtig .docx-fil (word/document.xml mangler).'),
    );
  });

  it('refuses an Excel package without xl/workbook.xml', async () => {
    const xlsx = xlsxParts();
    xlsx.delete('xl/workbook.xml');
    expect(await inspectAttachment(await zipParts(xlsx), 'xlsx')).toEqual(
      refusal('Excel-filen er ikke en rigtig .xlsx-fil (xl/workbook.xml mangler).'),
    );
  });

  it('refuses a package without [Content_Types].xml', async () => {
    const docx = docxParts();
    docx.delete('[Content_Types].xml');
    expect(await inspectAttachment(await zipParts(docx), 'docx')).toEqual(
      refusal('Word-filen er ikke en rigtig .docx-fil ([Content_Types].xml mangler).'),
    );
  });

  it('refuses an encrypted Office file (an OLE compound file, not a zip)', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await inspectAttachment(ole, 'docx')).toEqual(
      refusal(
        'Word-filen er beskyttet med adgangskode eller gemt i det gamle .doc-format; gem den som almindelig .docx uden adgangskode.',
      ),
    );
    expect(await inspectAttachment(ole, 'xlsx')).toEqual(
      refusal(
        'Excel-filen er beskyttet med adgangskode eller gemt i det gamle .xls-format; gem den som almindelig .xlsx uden adgangskode.',
      ),
    );
  });

  it('refuses a zip whose directory is damaged or whose entries are unreadable', async () => {
    const damaged = refusal(
      'Word-filen kan ikke åbnes; den er beskadiget eller ikke en rigtig .docx-fil.',
    );
    const whole = await zipParts(docxParts());
    expect(await inspectAttachment(whole.subarray(0, whole.length - 30), 'docx')).toEqual(damaged);
    expect(await inspectAttachment(latin1Bytes('PK\u0003\u0004 nothing else'), 'docx')).toEqual(
      damaged,
    );

    const encrypted = await zipParts(docxParts());
    patchCentralRecord(encrypted, 'word/document.xml', (view, offset) =>
      view.setUint16(offset + 8, view.getUint16(offset + 8, true) | 1, true),
    );
    expect(await inspectAttachment(encrypted, 'docx')).toEqual(damaged);
  });

  it('refuses two entries with one name, which readers would resolve differently', async () => {
    const docx = docxParts();
    docx.set('word/documenT.xml', '<w:document/>');
    expect(await inspectAttachment(await zipParts(docx), 'docx')).toEqual(
      refusal('Word-filen kan ikke åbnes; den er beskadiget eller ikke en rigtig .docx-fil.'),
    );
  });

  it('looks at the first bytes of 10,000 entries quickly', async () => {
    const docx = docxParts();
    for (let index = docx.size; index < attachmentInspectionLimits.maxZipEntries; index++)
      docx.set(`word/parts/p${index}.xml`, `<p n="${index}"/>`);
    // Stored, because jszip takes seconds to deflate 10,000 entries; zip-directory.test.ts
    // covers peeking into deflated ones.
    const bytes = await zipParts(docx, 'STORE');
    const started = performance.now();
    expect(await inspectAttachment(bytes, 'docx')).toEqual({ ok: true });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
