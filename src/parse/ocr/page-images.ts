import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * PDF pages as images for OCR, drawn by poppler's `pdftoppm` (Debian's poppler-utils, which
 * the tests already use to read PDFs back). The PDF is written once to a private temporary
 * folder and each page is drawn on its own, so that pages can go to OCR as they are ready.
 */

/** The resolution OCR reads at: 200 dpi is tesseract's sweet spot for body text. */
export const ocrDpi = 200;

/** A PDF on disk whose pages can be drawn; `close` removes it. */
export interface PageImageSource {
  draw(pageNumber: number, signal?: AbortSignal): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Opens a PDF (its bytes) for drawing pages. */
export async function openPageImages(bytes: Uint8Array): Promise<PageImageSource> {
  const folder = await mkdtemp(join(tmpdir(), 'referat-ocr-'));
  const pdfPath = join(folder, 'document.pdf');
  await writeFile(pdfPath, bytes, { mode: 0o600 });
  return {
    async draw(pageNumber, signal) {
      const prefix = join(folder, `page-${pageNumber}`);
      await run(
        'pdftoppm',
        ['-f', String(pageNumber), '-l', String(pageNumber), '-r', String(ocrDpi), '-gray'],
        [pdfPath, prefix],
        signal,
      );
      const path = `${prefix}.pgm`;
      const image = await readFile(path).finally(() => rm(path, { force: true }));
      return new Uint8Array(image.buffer, image.byteOffset, image.byteLength);
    },
    close: () => rm(folder, { recursive: true, force: true }),
  };
}

function run(
  command: string,
  options: string[],
  paths: string[],
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // -singlefile writes PREFIX.pgm (no page suffix), one page at a time.
    const child = spawn(command, [...options, '-singlefile', ...paths], {
      signal,
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} stoppede med kode ${code}`)),
    );
  });
}
