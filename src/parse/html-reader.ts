import { htmlToSourceText } from './docx-html.ts';
import { noTextError } from './parse-error.ts';
import type { SourceText } from './source-text.ts';

/**
 * Reads an HTML page (such as the minutes Referat publishes, or a meeting system's HTML
 * export) into SourceText. Only the body's visible text counts: scripts, styles and other
 * invisible parts are removed before the same walker that reads Word documents runs.
 */
export function readHtml(html: string): SourceText {
  const body = /<body\b[^>]*>([\s\S]*)<\/body\s*>/iu.exec(html)?.[1] ?? html;
  const visible = body
    .replace(/<!--[\s\S]*?-->/gu, ' ')
    .replace(/<(script|style|template|noscript|svg|head|iframe|object)\b[\s\S]*?<\/\1\s*>/giu, ' ');
  const text = htmlToSourceText(visible);
  if (text.trim() === '') throw noTextError('HTML-siden');
  return text;
}
