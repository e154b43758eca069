import { monthPattern } from './due-date-terms.ts';

/**
 * Splits a decision (Beslutning) into the sentences a follow-up can come from, the way a
 * reader would: each bullet is its own sentence, a paragraph wrapped over lines is one, and a
 * full stop after "d.", "jf.", "bl.a.", "ca.", "evt.", "kl." or in "21. juni" ends nothing.
 *
 * It also marks what the forum was told rather than what it agreed: the bullets under "Mie
 * præsenterede oplæg om …:" are skipped, and after a presentation ("Chefen for Skoler &
 * Uddannelse præsenterede Chefforum for AULA, et nyt IT-system …") the sentences are
 * reported until the forum speaks again ("Chefforum drøftede …", "Det blev aftalt …").
 */

/** One sentence of a decision and whether it reports a presentation. */
export interface SentenceUnit {
  text: string;
  /** Part of what a presenter told the forum: only explicit tasks and returns count there. */
  isReported: boolean;
}

const abbreviations = new Set(
  `d dvs jf jvf bl.a bla ca evt kl f.eks fx mht ift iht vedr inkl ekskl pga hhv nr stk pkt ang
  tlf att afd st pr gl ph.d cand el ekstraord div ref tdl j.nr jnr sagsnr dok int ex mr vs udv
  beh`.split(/\s+/u),
);

const bulletMarker = /^\s*(?:[-*•·▪–]|\(?[a-zæøå]\)|\d{1,2}\))\s+/u;
const nextIsMonth = new RegExp(`^(?:${monthPattern})(?![\\p{L}])`, 'iu');
const presentingVerb =
  /(?<![\p{L}])(?:præsenterede|orienterede|fortalte|gennemgik|redegjorde|fremlagde|informerede|holdt\s+(?:et\s+)?oplæg|gav\s+(?:en\s+)?orientering)(?![\p{L}])(.*)$/iu;

interface Block {
  text: string;
  isBullet: boolean;
}

/** Joins wrapped lines into paragraphs and bullets; a blank line ends a paragraph. */
function readBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of text.split(/\r?\n/u)) {
    const trimmed = line.trim();
    if (trimmed === '') {
      current = null;
      continue;
    }
    const isBullet = bulletMarker.test(line);
    const continues = current && !isBullet && (!current.isBullet || /^\p{Ll}/u.test(trimmed));
    if (current && continues) {
      current.text += ` ${trimmed}`;
      continue;
    }
    current = { text: isBullet ? trimmed.replace(bulletMarker, '') : trimmed, isBullet };
    blocks.push(current);
  }
  return blocks;
}

/** True when a full stop at the end of `before` closes a sentence that `after` follows. */
function isSentenceEnd(before: string, after: string): boolean {
  if (!/^["'“»(]?[\p{Lu}\d]/u.test(after)) return false;
  const word = (/(\S+)$/u.exec(before)?.[1] ?? '').replace(/^[("'“»]+/u, '');
  const bare = word.replace(/\.+$/u, '').toLowerCase();
  if (abbreviations.has(bare)) return false;
  if (/^\p{L}$/u.test(bare)) return false;
  if (/^\d{1,2}$/u.test(bare) && nextIsMonth.test(after)) return false;
  return true;
}

/** Splits one paragraph or bullet into sentences. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]+["'”»)]?\s+/gu)) {
    const end = match.index + match[0].length;
    const punctuationEnd = match.index + match[0].trimEnd().length;
    if (!isSentenceEnd(text.slice(start, punctuationEnd), text.slice(end))) continue;
    sentences.push(text.slice(start, punctuationEnd).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((sentence) => /\p{L}/u.test(sentence));
}

/** True for a sentence after which the forum speaks for itself again. */
function isForumVoice(sentence: string, forumPattern: RegExp): boolean {
  return (
    forumPattern.test(sentence) ||
    /^(?:Det|Der)\s+blev\b|^Følgende\b|^(?:Beslutning|Konklusion|Aftale)/u.test(sentence) ||
    /(?:besluttede|aftalte|blev\s+(?:det\s+)?(?:besluttet|aftalt)|opfordrede\s+til|var\s+enige?\s+om)\s*,?\s*(?:at|om)\b/iu.test(
      sentence,
    )
  );
}

/** True for a presentation with content ("X præsenterede den kommende nye sundhedspolitik, …"). */
function opensReport(sentence: string): boolean {
  const rest = presentingVerb.exec(sentence)?.[1];
  if (rest === undefined) return false;
  // "Jette orienterede om organisationstilpasning." only names the subject.
  return rest.split(/\s+/u).filter(Boolean).length > 4;
}

/**
 * The sentences of a decision, in order, each marked as reported or not. `forumStart` (the
 * forum's name at the start of a sentence) lets "Chefforum drøftede …" end a report.
 */
export function splitDecision(text: string, forumStart: RegExp): SentenceUnit[] {
  const units: SentenceUnit[] = [];
  let isReported = false;
  let isSkippingBullets = false;
  for (const block of readBlocks(text)) {
    // A lower-case paragraph between bullets continues the bullet before it.
    const isContinuation = /^\p{Ll}/u.test(block.text);
    if (isSkippingBullets && (block.isBullet || isContinuation)) continue;
    isSkippingBullets = false;
    for (const sentence of splitSentences(block.text)) {
      if (isForumVoice(sentence, forumStart)) isReported = false;
      units.push({ text: sentence, isReported });
      if (!block.isBullet && presentingVerb.test(sentence) && /:\s*$/u.test(sentence))
        isSkippingBullets = true;
      else if (opensReport(sentence)) isReported = true;
    }
  }
  return units;
}
