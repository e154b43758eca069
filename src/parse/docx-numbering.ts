/**
 * Word list numbering, which mammoth drops.
 *
 * mammoth turns a numbered paragraph into an `<li>` of an `<ol>` but writes no number: a list
 * that starts at 4 ("4. udkast til budgetkatalog"), or that continues after an interrupting
 * paragraph, would come out as "1.". It also drops the number of a numbered heading
 * ("Punkt %1:"). This module replays Word's counters from document.xml, numbering.xml and
 * styles.xml, and hands each numbered paragraph a label.
 *
 * The labels reach the HTML as an invisible marker put in front of the paragraph's text
 * (see MARKER): the HTML walker uses the number for an `<li>` and the formatted label elsewhere.
 * The paragraphs found here are paired one by one with the paragraphs mammoth numbered; when the
 * two lists disagree in length, level or kind, no label is used at all and the walker counts
 * within each `<ol>` as before. Counting wrong is worse than counting simply.
 *
 * The reading is done by docx-numbering-definitions.ts (numbering.xml, styles.xml) and
 * docx-numbering-paragraphs.ts (document.xml); this module keeps the counters.
 */
import { readNumberingStyles, readNumberingXml } from './docx-numbering-definitions.ts';
import { formatNumber } from './docx-numbering-format.ts';
import { readParagraphs } from './docx-numbering-paragraphs.ts';

/** One numbered paragraph as Word would show it. */
export interface ParagraphNumber {
  /** The list level, '0'..'8', as mammoth reports it. */
  level: string;
  /** False for bullets: mammoth makes a `<ul>` and no label is needed. */
  ordered: boolean;
  /** The counter at the paragraph's own level. */
  number: number;
  /** The whole label as Word shows it, e.g. `2.1.`, `Punkt 3:`, `b)`; '' when none. */
  label: string;
}

/** Private-use characters that frame a label inside paragraph text; they never reach output. */
export const MARKER_START = '\ue000';
export const MARKER_SEPARATOR = '\ue002';
export const MARKER_END = '\ue001';

/** The marker put in front of a numbered paragraph's text. */
export function marker(numbering: ParagraphNumber): string {
  return `${MARKER_START}${numbering.number}${MARKER_SEPARATOR}${numbering.label}${MARKER_END}`;
}

/**
 * Replays Word's list counters over document.xml. Returns, in document order, one entry for
 * each paragraph that mammoth will see as numbered (the same rule as mammoth's
 * readNumberingProperties), or undefined when the numbering cannot be followed.
 */
export function computeNumbering(
  documentXml: string,
  numberingXml: string | undefined,
  stylesXml: string | undefined,
): ParagraphNumber[] | undefined {
  if (numberingXml === undefined) return [];
  const definitions = readNumberingXml(numberingXml);
  const numberingStyles = stylesXml === undefined ? new Map() : readNumberingStyles(stylesXml);

  /** numId → final abstract id, following numStyleLink like mammoth does. */
  const resolve = (numId: string): string | undefined => {
    const seen = new Set<string>();
    let current = numId;
    while (!seen.has(current)) {
      seen.add(current);
      const instance = definitions.instances.get(current);
      const abstract = instance && definitions.abstracts.get(instance.abstractId);
      if (!instance || !abstract) return undefined;
      if (abstract.styleLink === undefined) return instance.abstractId;
      const linked = numberingStyles.get(abstract.styleLink);
      if (linked === undefined) return undefined;
      current = linked;
    }
    return undefined;
  };

  const counters = new Map<string, Map<number, number>>();
  const overridden = new Set<string>();
  const result: ParagraphNumber[] = [];
  for (const paragraph of readParagraphs(documentXml)) {
    let abstractId: string | undefined;
    let level: string | undefined;
    let numId: string | undefined;
    if (paragraph.level !== undefined && paragraph.numId !== undefined) {
      abstractId = resolve(paragraph.numId);
      level = paragraph.level;
      numId = paragraph.numId;
    } else {
      const byStyle =
        paragraph.styleId === undefined
          ? undefined
          : definitions.levelByStyle.get(paragraph.styleId);
      if (byStyle) {
        [abstractId, level] = byStyle;
      } else if (paragraph.numId !== undefined) {
        abstractId = resolve(paragraph.numId);
        level = '0';
        numId = paragraph.numId;
      }
    }
    const definition =
      abstractId === undefined || level === undefined
        ? undefined
        : definitions.abstracts.get(abstractId)?.levels.get(level);
    if (abstractId === undefined || level === undefined || definition === undefined) continue;
    const abstract = definitions.abstracts.get(abstractId);
    const levelIndex = Number.parseInt(level, 10);
    if (!abstract || !Number.isInteger(levelIndex) || levelIndex < 0 || levelIndex > 8) {
      return undefined;
    }

    let levelCounters = counters.get(abstractId);
    if (!levelCounters) {
      levelCounters = new Map();
      counters.set(abstractId, levelCounters);
    }
    const override =
      numId === undefined ? undefined : definitions.instances.get(numId)?.startOverrides.get(level);
    const overrideKey = `${numId}/${level}`;
    if (override !== undefined && !overridden.has(overrideKey)) {
      overridden.add(overrideKey);
      levelCounters.set(levelIndex, override - 1);
    }
    const previous = levelCounters.get(levelIndex);
    const number = previous === undefined ? definition.start : previous + 1;
    levelCounters.set(levelIndex, number);
    // Deeper levels restart, unless their definition says never (lvlRestart 0) or later.
    for (const deeper of [...levelCounters.keys()]) {
      if (deeper <= levelIndex) continue;
      const restart = abstract.levels.get(String(deeper))?.restart;
      if (restart === 0 || (restart !== undefined && levelIndex + 1 >= restart)) continue;
      levelCounters.delete(deeper);
    }

    const ordered = definition.format !== 'bullet';
    let label = '';
    if (ordered) {
      label = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
        const index = Number(digit) - 1;
        const other = abstract.levels.get(String(index));
        const value = levelCounters.get(index) ?? other?.start ?? 1;
        return formatNumber(value, other?.format ?? 'decimal');
      });
    }
    result.push({ level, ordered, number, label: label.trim() });
  }
  return result;
}
