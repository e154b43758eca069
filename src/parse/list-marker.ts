/** A list item recognized in a line: its indentation, its marker and the text after it. */
export interface ListLine {
  indent: number;
  marker: string;
  text: string;
}

const listLinePattern =
  /^(\s*)([-*+•▪◦·‣–]|\d{1,2}[.)]|[a-zA-Z][.)]|\(\d{1,2}\)|\([a-z]\))\s+(\S.*)$/u;

/** Recognizes a bulleted or numbered list line ("- tekst", "1. at …", "a) …", "• …"). */
export function parseListLine(line: string): ListLine | null {
  const match = listLinePattern.exec(line);
  if (!match) return null;
  return {
    indent: (match[1] ?? '').replace(/\t/gu, '    ').length,
    marker: match[2] ?? '',
    text: (match[3] ?? '').trim(),
  };
}

/** Removes a leading bullet (not a number) from a line. */
export function removeBullet(line: string): string {
  return line.replace(/^\s*[-*+•▪◦·‣]\s+/u, '').trim();
}
