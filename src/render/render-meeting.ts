import type { Meeting } from '../core/meeting.ts';
import { docxRenderer } from './docx-renderer.ts';
import { htmlRenderer } from './html-renderer.ts';
import { markdownRenderer } from './markdown-renderer.ts';
import { pdfRenderer } from './pdf-renderer.ts';
import { buildRenderDocument, type RenderOptions } from './render-model.ts';
import type { Renderer, RenderFormat } from './renderer.ts';

const renderers: Record<RenderFormat, Renderer> = {
  pdf: pdfRenderer,
  docx: docxRenderer,
  html: htmlRenderer,
  md: markdownRenderer,
};

/** The renderer for a format. */
export function rendererFor(format: RenderFormat): Renderer {
  return renderers[format];
}

/** Renders a meeting as an agenda or minutes document in one format. */
export async function renderMeeting(
  meeting: Meeting,
  format: RenderFormat,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  return rendererFor(format).render(buildRenderDocument(meeting, options));
}
