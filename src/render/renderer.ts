import type { RenderDocument } from './render-model.ts';

/** The formats `referat render` writes. */
export type RenderFormat = 'pdf' | 'docx' | 'html' | 'md';

/** All formats, for validation and help texts. */
export const renderFormats: readonly RenderFormat[] = ['pdf', 'docx', 'html', 'md'];

/** One output format. Renderers are pure functions of the laid-out document. */
export interface Renderer {
  format: RenderFormat;
  /** The media type, for HTTP responses. */
  contentType: string;
  /** The file extension, without the dot. */
  extension: string;
  render(document: RenderDocument): Promise<Uint8Array>;
}
