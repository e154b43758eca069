/**
 * Journal numbers (journalnummer / sagsnummer).
 *
 * The KLE form `00.01.00-A00-3-17` carries the subject (`HH.GG.EE`), the action facet
 * (a letter among A, G, I, K, P, S, Ø and two digits), a running number and a two-digit year.
 * Older systems wrote `15/13392` or `2012-28504`; those are kept exactly as written.
 */

/** The parts of a KLE journal number. */
export interface KleCaseNumber {
  form: 'kle';
  text: string;
  /** KLE subject, e.g. `00.01.00`. */
  subject: string;
  /** KLE main group, e.g. `00`. */
  mainGroup: string;
  /** KLE group, e.g. `01`. */
  group: string;
  /** KLE topic, e.g. `00`. */
  topic: string;
  /** Action facet, e.g. `A00`. */
  facet: string;
  /** Running number within subject, facet and year. */
  sequence: number;
  /** Four-digit year derived from the two-digit year (00-69 → 20xx, 70-99 → 19xx). */
  year: number;
}

/** An older journal number (`15/13392`, `2012-28504`), kept as written. */
export interface LegacyCaseNumber {
  form: 'legacy';
  text: string;
  /** The year when the form shows it (`15/…` → 2015, `2012-…` → 2012). */
  year: number | null;
}

/** A parsed journal number. */
export type CaseNumber = KleCaseNumber | LegacyCaseNumber;

/** The outcome of reading a journal number: the number, or a warning that says why not. */
export type CaseNumberResult =
  | { ok: true; caseNumber: CaseNumber }
  | { ok: false; text: string; warning: string };

const facetLetters = 'AGIKPSØ';
const klePattern = /^(\d{2})\.(\d{2})\.(\d{2})-([A-ZÆØÅ])(\d{2})-(\d+)-(\d{2})$/u;
const shortYearLegacyPattern = /^(\d{2})\/(\d{1,7})$/;
const longYearLegacyPattern = /^((?:19|20)\d{2})[-/](\d{1,7})$/;

/** Loose shape of anything that looks like a journal number, used to find candidates in text. */
export const caseNumberCandidatePattern =
  /^(?:\d{2}\.\d{2}\.\d{2}-[A-Za-zÆØÅæøå]\d{1,3}-\d+-\d{2,4}|\d{2}\.\d{2}\.\d{2}[-–][A-Za-zÆØÅæøå0-9-]+|\d{2}\/\d{1,7}|(?:19|20)\d{2}[-/]\d{1,7})$/u;

function expandTwoDigitYear(twoDigits: number): number {
  return twoDigits < 70 ? 2000 + twoDigits : 1900 + twoDigits;
}

/**
 * Parses a journal number. KLE numbers are split into their parts; older forms are kept as
 * written. Anything else gives a warning rather than an exception, because old minutes
 * contain typos and the rest of the item is still worth keeping.
 */
export function parseCaseNumber(input: string): CaseNumberResult {
  const text = input.trim();
  const kle = klePattern.exec(text);
  if (kle) {
    const [
      ,
      mainGroup = '',
      group = '',
      topic = '',
      letter = '',
      facetDigits = '',
      sequence = '',
      year = '',
    ] = kle;
    if (!facetLetters.includes(letter)) {
      return {
        ok: false,
        text,
        warning: `unknown action facet "${letter}${facetDigits}" in ${text}`,
      };
    }
    return {
      ok: true,
      caseNumber: {
        form: 'kle',
        text,
        subject: `${mainGroup}.${group}.${topic}`,
        mainGroup,
        group,
        topic,
        facet: `${letter}${facetDigits}`,
        sequence: Number(sequence),
        year: expandTwoDigitYear(Number(year)),
      },
    };
  }
  const shortYear = shortYearLegacyPattern.exec(text);
  if (shortYear) {
    return {
      ok: true,
      caseNumber: { form: 'legacy', text, year: expandTwoDigitYear(Number(shortYear[1])) },
    };
  }
  const longYear = longYearLegacyPattern.exec(text);
  if (longYear) {
    return { ok: true, caseNumber: { form: 'legacy', text, year: Number(longYear[1]) } };
  }
  return { ok: false, text, warning: `unreadable journal number "${text}"` };
}
