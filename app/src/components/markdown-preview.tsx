import { useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown.ts';

/** Shows Markdown rendered safely (raw HTML escaped), or a note when the text is empty. */
export function MarkdownPreview({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  if (!text.trim()) return <p className="muted">Intet at vise endnu.</p>;
  // renderMarkdown escapes all raw HTML and unsafe links, so this is text, not markup.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised in lib/markdown.ts
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
