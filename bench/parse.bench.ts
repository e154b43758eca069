import { readFileSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';
import { parseDocumentBytes } from '../src/parse/parse-document.ts';
import type { BenchRow } from './table.ts';

const fixtureNames = ['chefforum-2015-11-05', 'chefforum-2017-06-14', 'chefforum-2018-10-11'];
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../test/fixtures/minutes/${name}`, import.meta.url)));

/** Runs `task` until `seconds` have passed (after a warm-up) and returns runs per second. */
async function measure(
  task: () => Promise<unknown>,
  seconds: number,
): Promise<{ runs: number; ms: number }> {
  for (let warmUp = 0; warmUp < 5; warmUp++) await task();
  const started = performance.now();
  let runs = 0;
  while (performance.now() - started < seconds * 1000) {
    await task();
    runs++;
  }
  return { runs, ms: performance.now() - started };
}

/** Text documents per second and milliseconds per PDF page, warm, on one core. */
export async function benchParse(): Promise<BenchRow[]> {
  const texts = fixtureNames.map((name) => fixture(`${name}.txt`));
  let textIndex = 0;
  const text = await measure(async () => {
    await parseDocumentBytes(texts[textIndex++ % texts.length] as Uint8Array, 'referat.txt');
  }, 3);
  const pdfs = fixtureNames.map((name) => fixture(`${name}.pdf`));
  let pageCount = 0;
  for (const pdf of pdfs) pageCount += (await getDocumentProxy(pdf.slice())).numPages;
  const pdf = await measure(async () => {
    for (const bytes of pdfs) await parseDocumentBytes(bytes.slice(), 'referat.pdf');
  }, 3);
  const docxFiles = fixtureNames.map((name) => fixture(`${name}.docx`));
  const docx = await measure(async () => {
    for (const bytes of docxFiles) await parseDocumentBytes(bytes, 'referat.docx');
  }, 3);
  const textPerSecond = (text.runs / text.ms) * 1000;
  const pdfMsPerPage = pdf.ms / (pdf.runs * pageCount);
  return [
    {
      name: 'parse .txt',
      value: textPerSecond,
      unit: 'documents/s',
      target: '≥ 500',
      isMet: textPerSecond >= 500,
    },
    {
      name: 'parse .pdf',
      value: pdfMsPerPage,
      unit: 'ms/page',
      target: '≤ 6',
      isMet: pdfMsPerPage <= 6,
    },
    {
      name: 'parse .docx',
      value: docx.ms / (docx.runs * docxFiles.length),
      unit: 'ms/document',
      target: '–',
      isMet: true,
    },
  ];
}
