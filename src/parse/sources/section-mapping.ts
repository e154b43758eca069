import { findDanishDate } from '../../core/danish-date.ts';
import type { Absence, Recommendation } from '../../core/meeting.ts';
import { parseAbsences } from '../absence-parser.ts';
import { type SectionKind, sectionHeadingKind } from '../line-patterns.ts';
import { parseRecommendation } from '../recommendation-parser.ts';

/**
 * ESDH exports name an item's sections by caption (SBSYS `ItemField/Caption`, Fujitsu
 * `CasePresentation/Title`, Acadre `bulletname`, eDoc headings in the text). The captions come
 * from each municipality's template, so they are mapped by their words: the structural
 * parser's heading vocabulary first (Anledning/Baggrund, Sagsfremstilling, Indstilling,
 * Beslutning, Bilag, Fraværende), then the captions these systems add. A section the model has
 * no field for (Økonomi, Høring, Beslutningen træffes af …) is kept in Sagsfremstilling under
 * its caption, so no text is dropped.
 */

/** Where a section's text goes. `other` is kept in Sagsfremstilling under its caption. */
export type SectionTarget = SectionKind | 'other';

/** One section as the export gives it. */
export interface CaptionedSection {
  caption: string;
  /** Markdown-ish text, or null when the export has the caption without a body. */
  text: string | null;
  /** The export's own mark of the decision field (SBSYS IsFeedback, Fujitsu IsDecision). */
  isDecision?: boolean;
  /** A target the export states by type (Acadre `bullettype`); wins over the caption. */
  target?: SectionTarget;
}

/** An item's sections mapped onto the Meeting model's fields. */
export interface MappedSections {
  background: string | null;
  presentation: string | null;
  recommendation: Recommendation | null;
  decision: string | null;
  absent: Absence[];
  /** The lines of a Bilag section, for formats whose attachments are only in the text. */
  attachmentLines: string[];
  /** Each caption and the field it went to ("earlier decision" for another meeting's). */
  captions: Array<{ caption: string; field: string }>;
}

const extraCaptions: ReadonlyArray<readonly [SectionTarget, RegExp]> = [
  [
    'background',
    /^(?:sammendrag|tidligere behandling|sagens tidligere behandling|præsentation|formål|kort fortalt|historik|problemstilling)$/iu,
  ],
  [
    'presentation',
    /^(?:supplerende sagsfremstilling|sagsfremstilling og vurdering|vurdering|uddybning)$/iu,
  ],
  [
    'recommendation',
    /^(?:.{2,80}\s+(?:foreslår|indstiller)|indstilling(?:en)? (?:fra|til) .+|forslag|administrationens forslag)$/iu,
  ],
  ['decision', /^(?:.{2,100}\s+)?beslutning(?:er)?\s+(?:i|på|fra|den|d\.)\s+.+$/iu],
  ['absent', /^(?:følgende deltog ikke.*|deltog ikke.*|fraværende.*)$/iu],
];

/** The field a caption names; `other` when it names none of the model's fields. */
export function captionTarget(caption: string): SectionTarget {
  const text = caption.replace(/\s+/gu, ' ').trim().replace(/:$/u, '').trim();
  if (text === '') return 'background';
  // "Beslutningen træffes af" says who decides: it is not the decision.
  if (/^beslutningen træffes af$/iu.test(text)) return 'other';
  const known = sectionHeadingKind(text);
  if (known) return known;
  for (const [target, pattern] of extraCaptions) if (pattern.test(text)) return target;
  return 'other';
}

interface Part {
  caption: string;
  text: string;
  isCanonical: boolean;
}

/** Maps an item's sections; `meetingDate` picks this meeting's decision among several. */
export function mapSections(
  sections: readonly CaptionedSection[],
  meetingDate: string,
): MappedSections {
  const targets = sections.map((section) =>
    section.isDecision ? 'decision' : (section.target ?? captionTarget(section.caption)),
  );
  const ownDecision = pickOwnDecision(sections, targets, meetingDate);
  const parts: Record<'background' | 'presentation' | 'recommendation' | 'decision', Part[]> = {
    background: [],
    presentation: [],
    recommendation: [],
    decision: [],
  };
  const absentLines: string[] = [];
  const attachmentLines: string[] = [];
  const captions: MappedSections['captions'] = [];
  for (const [index, section] of sections.entries()) {
    let target = targets[index] ?? 'other';
    let field: string = target === 'other' ? 'presentation' : target;
    if (target === 'decision' && index !== ownDecision) {
      target = 'background';
      field = 'earlierDecision';
    }
    if (section.caption.trim() !== '') captions.push({ caption: section.caption.trim(), field });
    const text = section.text?.trim() ?? '';
    if (text === '') continue;
    if (target === 'absent') absentLines.push(...text.split('\n'));
    else if (target === 'attachments') attachmentLines.push(...text.split('\n'));
    else {
      const key = target === 'other' ? 'presentation' : target;
      parts[key].push({
        caption: section.caption.trim(),
        text,
        isCanonical: field !== 'earlierDecision' && sectionHeadingKind(section.caption) === key,
      });
    }
  }
  return {
    background: joinParts(parts.background),
    presentation: joinParts(parts.presentation),
    recommendation: readRecommendation(parts.recommendation),
    decision: joinParts(parts.decision, true),
    absent: parseAbsences(absentLines),
    attachmentLines: attachmentLines.map((line) => line.trim()).filter((line) => line !== ''),
    captions,
  };
}

/**
 * Minutes can carry the decisions of earlier meetings on the same case (Acadre keeps them
 * all). This meeting's decision is the one whose caption names this meeting's date; without
 * dates in the captions, the last one.
 */
function pickOwnDecision(
  sections: readonly CaptionedSection[],
  targets: readonly SectionTarget[],
  meetingDate: string,
): number {
  const decisions = targets.flatMap((target, index) => (target === 'decision' ? [index] : []));
  const dated = decisions.map((index) => ({
    index,
    date: findDanishDate(sections[index]?.caption ?? ''),
  }));
  const own = dated.find((decision) => decision.date === meetingDate);
  if (own) return own.index;
  const undated = dated.filter((decision) => decision.date === null);
  return undated.at(-1)?.index ?? -1;
}

function joinParts(parts: readonly Part[], isDecision = false): string | null {
  if (parts.length === 0) return null;
  return parts
    .map((part, index) =>
      (index === 0 && part.isCanonical) || part.caption === '' || (isDecision && index === 0)
        ? part.text
        : `**${part.caption}**\n\n${part.text}`,
    )
    .join('\n\n');
}

/** The Indstilling's points; a caption such as "Forvaltningen foreslår" names the proposer. */
function readRecommendation(parts: readonly Part[]): Recommendation | null {
  if (parts.length === 0) return null;
  const lines = parts.flatMap((part) => [...part.text.split('\n'), '']);
  const recommendation = parseRecommendation(lines);
  if (!recommendation) return null;
  if (recommendation.proposer === '') {
    const named = /^(.{2,80}?)\s+(?:foreslår|indstiller)$/iu.exec(parts[0]?.caption ?? '');
    if (named?.[1]) recommendation.proposer = named[1];
  }
  return recommendation;
}
