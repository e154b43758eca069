/** Renders a PDF's blocks as Markdown-ish SourceText (see source-text.ts). */
import type { Block } from './pdf-blocks.ts';
import type { SourceText } from './source-text.ts';

/**
 * Writes blocks as SourceText: headings get `#` marks by font size (bold body-size lines are
 * level 3), list items their markers, table rows tab-separated cells.
 */
export function renderBlocks(blocks: Block[], body: number): SourceText {
  const isHeadingSize = (size: number): boolean => size - body >= Math.max(0.9, body * 0.08);
  const headingSizes: number[] = [];
  for (const block of blocks) {
    if (block.kind !== 'para' || block.text.length >= 150 || !isHeadingSize(block.size)) continue;
    if (!headingSizes.some((size) => Math.abs(size - block.size) <= 0.5)) {
      headingSizes.push(block.size);
    }
  }
  headingSizes.sort((p, q) => q - p);
  const headingLevel = (block: Block): number => {
    if (block.kind !== 'para' || block.text.length >= 150) return 0;
    if (isHeadingSize(block.size)) {
      const rank = headingSizes.findIndex((size) => Math.abs(size - block.size) <= 0.5);
      return Math.min(rank + 1, 3);
    }
    return block.bold && Math.abs(block.size - body) <= 0.5 ? 3 : 0;
  };

  let out = '';
  let previous: Block | undefined;
  for (const block of blocks) {
    let text: string;
    if (block.kind === 'item') {
      const mark = block.label === '-' ? '-' : `${block.label}.`;
      text = `${'  '.repeat(block.level)}${mark} ${block.text}`;
    } else if (block.kind === 'row') {
      text = block.cells.join('\t');
    } else {
      const level = headingLevel(block);
      text = level > 0 ? `${'#'.repeat(level)} ${block.text}` : block.text;
    }
    if (previous) {
      const tight =
        (block.kind === 'item' && previous.kind === 'item') ||
        (block.kind === 'row' && previous.kind === 'row');
      out += tight ? '\n' : '\n\n';
    }
    out += text;
    previous = block;
  }
  return normalizeText(out);
}

/** Plain spaces and quotes, no invisible or control characters (bar newline and tab). */
// Not text-normalize.ts's normalizeDocumentText: that one keeps form feeds and « », leaves ‟ ‛
// and U+0085 alone and strips U+2060, so the reader's output would change.
function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[“”„‟]/g, '"')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/\u00ad|\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/\p{Cc}/gu, (char) => (char === '\n' || char === '\t' ? char : ''));
}
