/**
 * The contract between the format readers (PDF, DOCX, text) and the one structural parser.
 *
 * Every reader turns its file into "Markdown-ish" text:
 * - blocks (paragraphs, headings, list items, table rows) are separated by blank lines,
 *   except that consecutive list items and consecutive table rows may stand on adjacent lines;
 * - a paragraph is one line: wrapped lines are joined and end-of-line hyphenation is undone;
 * - a heading the reader can see (larger or bold font, Word heading style) starts with `#` marks;
 * - a list item starts with `- ` (bullets) or `N. ` (numbered), indented two spaces per level;
 * - a table row is its cells joined by tab characters;
 * - page headers, page footers and page numbers are dropped.
 * The structural parser does not depend on the marks: it also recognizes headings by their words.
 */
export type SourceText = string;
