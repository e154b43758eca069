import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { RenderDocument } from './render-model.ts';
import type { Renderer } from './renderer.ts';

const template = readFileSync(new URL('./typst/meeting.typ', import.meta.url), 'utf8');
const fontFiles = [
  '400Regular/SourceSans3_400Regular.ttf',
  '400Regular_Italic/SourceSans3_400Regular_Italic.ttf',
  '700Bold/SourceSans3_700Bold.ttf',
  '700Bold_Italic/SourceSans3_700Bold_Italic.ttf',
];

// A folder that need not exist: the template and its data live in the compiler's memory.
const virtualWorkspace = '/referat-typst';
const dataPath = `${virtualWorkspace}/meeting.json`;
let compiler: NodeCompiler | null = null;

/** One compiler per process: creating it loads fonts (tens of ms); compiling is then fast. */
function sharedCompiler(): NodeCompiler {
  if (compiler) return compiler;
  const require = createRequire(import.meta.url);
  const fontDirectory = require
    .resolve('@expo-google-fonts/source-sans-3/package.json')
    .replace(/package\.json$/u, '');
  compiler = NodeCompiler.create({
    workspace: virtualWorkspace,
    fontArgs: [{ fontBlobs: fontFiles.map((file) => readFileSync(`${fontDirectory}${file}`)) }],
  });
  return compiler;
}

/** Thrown when Typst cannot lay out a document; carries Typst's first diagnostic. */
export class PdfRenderError extends Error {
  override readonly name = 'PdfRenderError';
}

/**
 * Compiles the document to PDF with Typst. The output is tagged PDF/UA-1 with Danish as its
 * language; should Typst refuse the standard for some content, it falls back to a tagged PDF.
 */
export function renderPdf(document: RenderDocument): Uint8Array {
  return compileTemplate(template, dataPath, document);
}

/** One page of the combined PDF that stands in for a Bilag that is not appended. */
export interface NoticePage {
  /** "Bilag til punkt 3: Budgetnotat". */
  heading: string;
  /** Why the Bilag is not here, and where to get it. */
  text: string;
}

const noticeTemplate = readFileSync(new URL('./typst/notice-pages.typ', import.meta.url), 'utf8');
const noticeDataPath = `${virtualWorkspace}/notices.json`;

/**
 * Notice pages in the house type, one per notice, in order: what the combined PDF shows where
 * a Bilag cannot be appended (a Word file, a damaged PDF).
 */
export function renderNoticePages(title: string, notices: readonly NoticePage[]): Uint8Array {
  return compileTemplate(noticeTemplate, noticeDataPath, { title, notices });
}

function compileTemplate(source: string, path: string, data: unknown): Uint8Array {
  const typst = sharedCompiler();
  typst.mapShadow(path, Buffer.from(JSON.stringify(data)));
  try {
    const compiled = typst.compile({ mainFileContent: source });
    const error = compiled.takeError();
    if (error || !compiled.result) {
      const diagnostics = error ? typst.fetchDiagnostics(error) : [];
      throw new PdfRenderError(`PDF kunne ikke sættes: ${firstMessage(diagnostics)}`);
    }
    try {
      return new Uint8Array(typst.pdf(compiled.result, { pdfStandard: 'ua-1' }));
    } catch {
      return new Uint8Array(typst.pdf(compiled.result, { pdfTags: true }));
    }
  } finally {
    typst.unmapShadow(path);
    typst.evictCache(10);
  }
}

function firstMessage(diagnostics: unknown[]): string {
  const first = diagnostics[0] as { message?: string } | undefined;
  return first?.message ?? 'ukendt fejl';
}

/** The PDF renderer (Typst). */
export const pdfRenderer: Renderer = {
  format: 'pdf',
  contentType: 'application/pdf',
  extension: 'pdf',
  render: async (document) => renderPdf(document),
};
