import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { detectAttachmentType } from './attachment-type.ts';

async function officeFile(mainPart: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file(mainPart, '<root/>');
  return zip.generateAsync({ type: 'uint8array' });
}

describe('detectAttachmentType', () => {
  it('knows PDF, DOCX and XLSX by their content', async () => {
    expect(detectAttachmentType(new TextEncoder().encode('%PDF-1.7\n'))).toMatchObject({
      ok: true,
      type: { extension: 'pdf' },
    });
    expect(detectAttachmentType(await officeFile('word/document.xml'))).toMatchObject({
      ok: true,
      type: { extension: 'docx' },
    });
    expect(detectAttachmentType(await officeFile('xl/workbook.xml'))).toMatchObject({
      ok: true,
      type: { extension: 'xlsx' },
    });
  });

  it('refuses empty files, images, other zips and programs with a Danish reason', async () => {
    expect(detectAttachmentType(new Uint8Array())).toEqual({ ok: false, reason: 'Filen er tom.' });
    for (const bytes of [
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      new TextEncoder().encode('MZ\x90\x00'),
      await officeFile('ppt/presentation.xml'),
    ])
      expect(detectAttachmentType(bytes)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/PDF, Word/u),
      });
  });
});
