/**
 * Section headings run into their text on one line, as PDF text layers give them when the
 * heading sits in a margin column or the line break is lost: "Indstilling Kommunaldirektøren
 * indstiller, …", "Beslutning Chefforum godkendte …", "Bilag 1. Notat om …".
 *
 * Only the template's own heading words count, spelt as a heading (capital or all capitals,
 * the exact word), and only when what follows starts as a new sentence or a list does: so
 * "Beslutningen blev udsat" and "Beslutning om budgettet …" stay sentences.
 */
import type { SectionKind } from './line-patterns.ts';

const runInWords: ReadonlyArray<readonly [SectionKind, string]> = [
  ['background', 'Anledning|Baggrund|Resumé|Resume|Sagsresumé'],
  ['presentation', 'Sagsfremstilling|Sagsbeskrivelse|Sagens indhold'],
  ['recommendation', 'Indstilling|Forslag til beslutning'],
  ['decision', 'Beslutning|Afgørelse'],
  ['attachments', 'Bilag|Bilagsliste'],
];

/** "Beslutning i Chefforum den 05-11-2015 Godkendt." names the body and the date first. */
const datedDecision =
  /^(?:[Bb]eslutning|BESLUTNING)\s+(?:i|I|på|PÅ|fra|FRA)\s+\p{Lu}[\p{L}-]*\s+(?:den|DEN|d\.|D\.)\s+(?:\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}\.\s*\p{L}+\s+\d{4})\s+(\S.*)$/u;

const patterns = runInWords.map(([kind, words]) => {
  const capitalized = words;
  const upper = words.toUpperCase();
  return [kind, new RegExp(`^(?:${capitalized}|${upper})\\s+(\\S.*)$`, 'u')] as const;
});

/** The section a run-in heading opens and its text, or null for an ordinary line. */
export function runInSectionHeading(plain: string): { kind: SectionKind; text: string } | null {
  const dated = datedDecision.exec(plain);
  if (dated && startsNewText(dated[1] ?? '')) return { kind: 'decision', text: dated[1] ?? '' };
  for (const [kind, pattern] of patterns) {
    const match = pattern.exec(plain);
    const text = match?.[1]?.trim() ?? '';
    if (!match || !startsNewText(text)) continue;
    if (kind === 'attachments' && !looksLikeAttachmentTitle(text)) continue;
    return { kind, text };
  }
  return null;
}

/**
 * Text after a heading starts like a sentence or a list: a capital, a quote, or a number
 * with its list mark ("1. at …"). A bare number ("Bilag 2 viser …") is part of a sentence.
 */
function startsNewText(text: string): boolean {
  if (/^\d{1,2}[.):]\s+\S/u.test(text)) return true;
  return /^["'“„]?\p{Lu}/u.test(text);
}

/**
 * An attachment's title: short, and not two sentences ("Bilag Skema A viser. Den …"). "Bilag
 * 1: Notat" names attachment 1 and stays whole; "Bilag 1. Notat" is the heading and a list.
 */
function looksLikeAttachmentTitle(text: string): boolean {
  if (/^\d{1,2}:/u.test(text)) return false;
  return text.length <= 200 && !/\p{Ll}{3,}\.\s+\p{Lu}/u.test(text);
}
