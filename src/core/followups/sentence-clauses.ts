import { type ClauseContext, type ClauseReading, readClause } from './clause-reader.ts';

/**
 * Cuts a sentence of minutes into the main clauses that may carry a task, and reads each:
 * the part after a decision's lead ("Chefforum besluttede at …", "blev det aftalt at …",
 * "Chefforum bad HR om at …"), the segments of a status line ("5.1 – Smart City - gøres grøn –
 * fortsætter (Susanne redigerer teksten)"), a parenthesis, and clauses joined by ", og der",
 * ", dette skal", ", idet" or ", hvorefter".
 */

/** A clause read from a sentence. */
export interface SentenceClause {
  text: string;
  reading: ClauseReading;
}

const decisionLead =
  /(?<![\p{L}])(?:besluttede|vedtog|godkendte|tiltrådte|blev\s+(?:det\s+)?(?:besluttet|vedtaget|godkendt)|er\s+(?:det\s+)?besluttet)\s*,?\s*at\s+/iu;
const agreementLead =
  /(?<![\p{L}])(?:aftalte|(?:blev|er)\s+(?:det\s+)?aftalt(?:\s+med\s+[^,.]{1,40}?)?|var\s+(?:der\s+)?enighed\s+om|var\s+enige\s+om|er\s+enige\s+om|opfordrede\s+til|opfordrer\s+til|(?:der\s+)?er\s+behov\s+for|ønsker|ønskede|med\s+(?:den|de)\s+(?:tilføjelse|bemærkning|ændring|rettelse|forudsætning|præcisering|betingelse)(?:r|er)?)\s*,?\s*at\s+/iu;
const requestLead =
  /(?<![\p{L}])(?:bad|beder|anmodede|anmoder|pålagde|pålægger|opfordrede|opfordrer)\s+((?:\S+\s+){0,4}?\S+)\s+(?:om\s+)?(?:at|til\s+at)\s+(.+)$/iu;
const clauseBreak =
  /,\s*(?=(?:og|men|samt)\s+(?:der|de|han|hun|dette|disse|\p{Lu}\p{L}*)(?![\p{L}]))|,\s*(?=(?:dette|denne|disse|de|han|hun)\s)|,\s*(?:idet|hvorefter|hvorpå)\s+|\s+(?:og|men)\s+(?=der\s+(?:skal|bør)\s)/u;

/** The clause a decision's lead introduces, and whether the clause is the decision itself. */
function afterLead(sentence: string): { clause: string; isDecisionContent: boolean } | null {
  const decision = decisionLead.exec(sentence);
  if (decision)
    return { clause: sentence.slice(decision.index + decision[0].length), isDecisionContent: true };
  const agreement = agreementLead.exec(sentence);
  if (agreement)
    return {
      clause: sentence.slice(agreement.index + agreement[0].length),
      isDecisionContent: false,
    };
  const request = requestLead.exec(sentence);
  if (request?.[1] && request[2] && !/^(?:om|til)$/iu.test(request[1]))
    // "Chefforum bad HR om at udarbejde en vejledning" reads as "HR skal udarbejde en vejledning".
    return { clause: `${request[1]} skal ${request[2]}`, isDecisionContent: false };
  return null;
}

/** The pieces of a text that may each be a main clause. */
function cutIntoClauses(text: string): string[] {
  const parentheses = [...text.matchAll(/\(([^()]{3,})\)/gu)].map((match) => match[1] ?? '');
  const main = text.replace(/\([^()]*\)/gu, ' ');
  const pieces = main
    .split(/\s+[–—-]\s+|;\s*|:\s+/u)
    .flatMap((segment) => segment.split(clauseBreak))
    .concat(parentheses);
  return pieces
    .map((piece) =>
      piece
        .replace(/^\s*(?:og|men|samt)\s+/iu, '')
        .replace(/^\s*at\s+/iu, '')
        .trim(),
    )
    .filter((piece) => /\p{L}{2}/u.test(piece) && !/^[\d.,\s]+$/u.test(piece));
}

/** Reads every clause of a sentence that says something; `isPoint` for an adopted at-point. */
export function readSentenceClauses(
  sentence: string,
  options: { hasDueDate: boolean; isPoint: boolean },
): SentenceClause[] {
  const lead = afterLead(sentence);
  const text = lead ? lead.clause : sentence;
  const context: ClauseContext = {
    hasDueDate: options.hasDueDate,
    isDecisionContent: options.isPoint || (lead?.isDecisionContent ?? false),
  };
  const clauses: SentenceClause[] = [];
  for (const piece of cutIntoClauses(text)) {
    const reading = readClause(piece, context);
    if (reading) clauses.push({ text: piece, reading });
  }
  return clauses;
}
