import { spawn } from 'node:child_process';

/**
 * Tesseract, called as a process (Debian's `tesseract-ocr` with the Danish model
 * `tesseract-ocr-dan`). One page per process with one thread: measured on two cores, a 200 dpi
 * page takes 3.3 s with OMP_THREAD_LIMIT=1 and 25 s with tesseract's own threading, so the
 * pages are spread over the cores instead (see ocr-pages.ts).
 */

/** One recognised word with its box in pixels of the page image. */
export interface OcrWord {
  text: string;
  left: number;
  width: number;
  confidence: number;
  /** The word's line: its baseline and text size as tesseract estimates them, in pixels. */
  line: OcrLine;
}

/** A line as tesseract sees it: the same baseline and size for all its words. */
export interface OcrLine {
  id: string;
  /** Tesseract's paragraph: lines it found to belong together. */
  paragraph: string;
  /** The baseline's distance from the top of the image. */
  baseline: number;
  /** The text's size (tesseract's x_size: ascender to descender). */
  size: number;
}

/** Whether tesseract with the Danish model can be used here, and if not, why. */
export type OcrAvailability = { ok: true } | { ok: false; reason: string };

/** How to get OCR on a Debian or Ubuntu machine, for the messages that need it. */
export const ocrInstallHint = 'apt-get install tesseract-ocr tesseract-ocr-dan';

let availability: Promise<OcrAvailability> | null = null;

/** Checks once per process that tesseract runs and knows Danish. */
export function checkOcrAvailability(command = tesseractCommand()): Promise<OcrAvailability> {
  availability ??= run(command, ['--list-langs'], new Uint8Array())
    .then(({ stdout, stderr }) =>
      /^dan$/mu.test(`${stdout}\n${stderr}`)
        ? ({ ok: true } as const)
        : ({ ok: false, reason: 'tesseract mangler den danske model' } as const),
    )
    .catch(() => ({ ok: false, reason: 'tesseract er ikke installeret' }) as const);
  return availability;
}

/** Forgets the availability check (tests that change the command). */
export function resetOcrAvailability(): void {
  availability = null;
}

/** The tesseract program: REFERAT_TESSERACT, else `tesseract` on the PATH. */
export function tesseractCommand(): string {
  return process.env.REFERAT_TESSERACT || 'tesseract';
}

/** Recognises the words of one page image (a PNM or PNG), in Danish. */
export async function recognizeWords(image: Uint8Array, signal?: AbortSignal): Promise<OcrWord[]> {
  const { stdout } = await run(
    tesseractCommand(),
    ['stdin', 'stdout', '-l', 'dan', '--psm', '3', 'hocr'],
    image,
    signal,
  );
  return parseHocr(stdout);
}

const linePattern =
  /<span class='ocr_(?:line|header|caption|textfloat)' id='([^']+)' title="bbox (\d+) (\d+) (\d+) (\d+); baseline ([-\d.]+) ([-\d.]+); x_size ([\d.]+)/gu;
const paragraphPattern = /<p class='ocr_par' id='([^']+)'/gu;
const wordPattern =
  /<span class='ocrx_word' id='[^']+' title='bbox (\d+) \d+ (\d+) \d+; x_wconf (\d+)'[^>]*>(.*?)<\/span>/gu;

/**
 * Reads tesseract's hOCR: each line's baseline (from its box and the baseline's slope and
 * offset) and size, and its words with their left edge, width and confidence.
 */
export function parseHocr(hocr: string): OcrWord[] {
  const words: OcrWord[] = [];
  const lines = [...hocr.matchAll(linePattern)];
  const paragraphs = [...hocr.matchAll(paragraphPattern)];
  for (const [index, match] of lines.entries()) {
    const [, id = '', , , , y1, , offset, size] = match;
    const start = (match.index ?? 0) + match[0].length;
    const end = lines[index + 1]?.index ?? hocr.length;
    // The baseline is y = y1 + slope·(x − x0) + offset; the slope of a straight scan is ~0.
    const paragraph = paragraphs.findLast((entry) => (entry.index ?? 0) < (match.index ?? 0));
    const line: OcrLine = {
      id,
      paragraph: paragraph?.[1] ?? id,
      baseline: Number(y1) + Number(offset),
      size: Number(size),
    };
    for (const word of hocr.slice(start, end).matchAll(wordPattern)) {
      const [, left, right, confidence, html = ''] = word;
      const text = decodeEntities(html.replace(/<[^>]*>/gu, '')).trim();
      if (text === '') continue;
      words.push({
        text: text.normalize('NFC'),
        left: Number(left),
        width: Number(right) - Number(left),
        confidence: Number(confidence),
        line,
      });
    }
  }
  return words;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([\da-f]+);/giu, (_, code: string) =>
      String.fromCodePoint(Number.parseInt(code, 16)),
    )
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

function run(
  command: string,
  args: string[],
  input: Uint8Array,
  signal?: AbortSignal,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      signal,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${command} stoppede med kode ${code}: ${stderr.split('\n')[0]}`));
    });
    // A closed pipe (the program failed early) must not crash the process.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
