import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';

const run = promisify(execFile);

/**
 * A scanned copy of a PDF, as a municipality's old minutes come out of the scanner: each page
 * drawn as a grey image at `dpi` (poppler's pdftoppm) and put on a page of the same size in a
 * new PDF with no text layer at all.
 */
export async function scannedCopyOf(pdfPath: string, dpi = 200): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'referat-scan-'));
  try {
    await run('pdftoppm', ['-r', String(dpi), '-gray', '-png', pdfPath, join(folder, 'page')]);
    const source = await PDFDocument.load(await readFile(pdfPath));
    const sizes = source.getPages().map((page) => page.getSize());
    const scanned = await PDFDocument.create();
    const images = (await readdir(folder)).filter((name) => name.endsWith('.png')).sort();
    for (const [index, name] of images.entries()) {
      const image = await scanned.embedPng(await readFile(join(folder, name)));
      const { width, height } = sizes[index] ?? { width: 595.28, height: 841.89 };
      scanned.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
    }
    return await scanned.save();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Whether tesseract with the Danish model and pdftoppm are installed here. */
export async function canRunOcr(): Promise<boolean> {
  try {
    const { stdout, stderr } = await run('tesseract', ['--list-langs']);
    await run('pdftoppm', ['-v']);
    return /^dan$/mu.test(`${stdout}\n${stderr}`);
  } catch {
    return false;
  }
}
