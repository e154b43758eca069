import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import type { Meeting } from '../src/core/meeting.ts';
import { rendererFor } from '../src/render/render-meeting.ts';
import { buildRenderDocument } from '../src/render/render-model.ts';
import type { RenderFormat } from '../src/render/renderer.ts';
import type { BenchRow } from './table.ts';

/**
 * The 2017 minutes with their approval item repeated at the end: rendered, twelve pages, the
 * size the target names.
 */
function benchMeeting(): Meeting {
  const meeting: Meeting = JSON.parse(
    readFileSync(
      new URL('../test/fixtures/minutes/chefforum-2017-06-14.json', import.meta.url),
      'utf8',
    ),
  );
  const first = meeting.items[0];
  if (first) meeting.items.push({ ...first, number: meeting.items.length + 1 });
  return meeting;
}

async function warmMilliseconds(
  format: RenderFormat,
  meeting: Meeting,
  runs: number,
): Promise<number> {
  const renderer = rendererFor(format);
  const document = buildRenderDocument(meeting);
  for (let warmUp = 0; warmUp < 5; warmUp++) await renderer.render(document);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await renderer.render(buildRenderDocument(meeting));
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** LibreOffice converting the same DOCX to PDF, as municipalities do today; null when absent. */
function libreOfficeMilliseconds(docx: Uint8Array): number | null {
  const folder = mkdtempSync(join(tmpdir(), 'referat-bench-'));
  const path = join(folder, 'referat.docx');
  writeFileSync(path, docx);
  try {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', folder, path], {
      stdio: 'ignore',
    });
    const started = performance.now();
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', folder, path], {
      stdio: 'ignore',
    });
    return performance.now() - started;
  } catch {
    return null;
  }
}

/** Warm render times per document, beside LibreOffice's DOCX → PDF conversion. */
export async function benchRender(): Promise<BenchRow[]> {
  const meeting = benchMeeting();
  const pdf = await rendererFor('pdf').render(buildRenderDocument(meeting));
  const pages = (await getDocumentProxy(new Uint8Array(pdf))).numPages;
  const rows: BenchRow[] = [];
  const pdfMs = await warmMilliseconds('pdf', meeting, 40);
  rows.push({
    name: `render PDF (${pages} pages)`,
    value: pdfMs,
    unit: 'ms/document',
    target: '≤ 30',
    isMet: pdfMs <= 30,
  });
  const docxMs = await warmMilliseconds('docx', meeting, 40);
  rows.push({
    name: 'render DOCX',
    value: docxMs,
    unit: 'ms/document',
    target: '≤ 30',
    isMet: docxMs <= 30,
  });
  for (const format of ['html', 'md'] as const) {
    const ms = await warmMilliseconds(format, meeting, 40);
    rows.push({
      name: `render ${format.toUpperCase()}`,
      value: ms,
      unit: 'ms/document',
      target: '–',
      isMet: true,
    });
  }
  const libreOffice = libreOfficeMilliseconds(
    await rendererFor('docx').render(buildRenderDocument(meeting)),
  );
  rows.push({
    name: 'soffice --convert-to pdf (same DOCX)',
    value: libreOffice ?? Number.NaN,
    unit: libreOffice === null ? 'not installed' : 'ms/document',
    target: 'comparison',
    isMet: true,
  });
  return rows;
}
