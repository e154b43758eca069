import type { Absence } from '../core/meeting.ts';
import { removeBullet } from './list-marker.ts';
import { plainLine } from './text-normalize.ts';

/**
 * Reads a Fraværende list: "Rikke Blom (Direktør BSV), Jens Jensen (Chef for Økonomi & Stab)
 * og Mette Hansen", possibly wrapped over several lines or one name a line. A name's role is
 * what stands in the parentheses after it.
 */
export function parseAbsences(lines: readonly string[]): Absence[] {
  const listed = lines.map((line) => plainLine(line)).filter((line) => line !== '');
  // One person a bullet: "- Rikke Blom, Direktør BSV" is a name and a role, not two names.
  if (listed.length > 0 && listed.every((line) => /^[-*+•▪◦·‣]\s+/u.test(line)))
    return listed
      .map((line) => toBulletAbsence(removeBullet(line)))
      .filter((absence): absence is Absence => absence !== null);
  const text = joinAbsenceLines(
    lines.map((line) => removeBullet(plainLine(line))).filter((line) => line !== ''),
  );
  if (/^(?:ingen|-|–|intet|ingen fraværende|alle (?:var )?til stede)\.?$/iu.test(text.trim()))
    return [];
  return splitOutsideParentheses(text)
    .map(toAbsence)
    .filter((absence): absence is Absence => absence !== null);
}

/**
 * Joins the lines of a list: a line that ends inside a parenthesis, after a comma or "og",
 * or mid-name in a list that uses roles, wraps onto the next; otherwise the next line is a
 * new name.
 */
function joinAbsenceLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    if (text === '') {
      text = line;
      continue;
    }
    const isInsideParenthesis =
      (text.match(/\(/gu)?.length ?? 0) > (text.match(/\)/gu)?.length ?? 0);
    const endsOpen = /(?:[,;]|\bog)$/u.test(text);
    const isWrappedName = text.includes('(') && !text.endsWith(')');
    text += isInsideParenthesis || endsOpen || isWrappedName ? ` ${line}` : `, ${line}`;
  }
  return text;
}

function splitOutsideParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index] ?? '';
    if (character === '(') depth++;
    if (character === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (character === ',' || character === ';')) {
      parts.push(current);
      current = '';
      continue;
    }
    if (depth === 0 && text.startsWith(' og ', index)) {
      parts.push(current);
      current = '';
      index += 3;
      continue;
    }
    current += character;
    // "Rikke Blom (Direktør BSV) Jens Hansen (Chef)": a role's closing parenthesis followed by
    // a capitalized word ends the name, even without a comma (names on lines of a table cell).
    if (character === ')' && depth === 0 && /^\s+\p{Lu}/u.test(text.slice(index + 1, index + 8))) {
      parts.push(current);
      current = '';
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim().replace(/\.$/u, '')).filter((part) => part !== '');
}

function toBulletAbsence(entry: string): Absence | null {
  if (entry.includes('(')) return toAbsence(entry.replace(/\.$/u, ''));
  const [name = '', ...role] = entry.replace(/\.$/u, '').split(/,\s+|\s+[-–]\s+/u);
  if (name.trim() === '') return null;
  return { name: name.trim(), role: role.join(', ').trim() || null };
}

function toAbsence(entry: string): Absence | null {
  const match = /^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/u.exec(entry);
  if (match) {
    const name = (match[1] ?? '').trim();
    if (name === '') return null;
    return { name, role: (match[2] ?? '').replace(/\s+/gu, ' ').trim() || null };
  }
  const name = entry.trim();
  return name === '' ? null : { name, role: null };
}
