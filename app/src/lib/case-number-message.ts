import { parseCaseNumber } from '../../../src/core/case-number.ts';

/** The Danish verdict on a journal number as it is typed, or null for an empty field. */
export interface CaseNumberVerdict {
  isValid: boolean;
  message: string;
}

/**
 * Checks a journal number with the same rules the parser uses (src/core/case-number.ts) and
 * says in Danish what it is, or how to write it. Old forms are accepted as written.
 */
export function checkCaseNumber(text: string): CaseNumberVerdict | null {
  if (!text.trim()) return null;
  const result = parseCaseNumber(text);
  if (result.ok) {
    const number = result.caseNumber;
    if (number.form === 'kle')
      return {
        isValid: true,
        message: `Gyldigt KLE-journalnummer: emne ${number.subject}, handlingsfacet ${number.facet}, løbenummer ${number.sequence}, år ${number.year}.`,
      };
    return {
      isValid: true,
      message: `Ældre journalnummer${number.year ? ` fra ${number.year}` : ''}; det gemmes som skrevet.`,
    };
  }
  const facet = /^unknown action facet "([^"]+)"/u.exec(result.warning);
  if (facet)
    return {
      isValid: false,
      message: `Ukendt handlingsfacet "${facet[1]}". Facetten er et af bogstaverne A, G, I, K, P, S eller Ø og to cifre, fx A00.`,
    };
  if (parseCaseNumber(text.toUpperCase()).ok)
    return {
      isValid: false,
      message: `Skriv bogstavet i handlingsfacetten med stort: ${text.trim().toUpperCase()}.`,
    };
  return {
    isValid: false,
    message:
      'Journalnummeret kan ikke læses. Skriv det som 00.01.00-A00-3-17 (KLE) eller i en ældre form som 15/13392.',
  };
}
