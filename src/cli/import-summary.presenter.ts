import type { ImportFailure, ImportSummary } from '../services/import-service.ts';

/** "1 møde", "3 møder": Danish singular and plural. */
function count(value: number, singular: string, plural: string): string {
  return `${value.toLocaleString('da-DK')} ${value === 1 ? singular : plural}`;
}

/** How many files had any failure: a .jsonl file with two bad lines is one file that failed. */
export function countFailedFiles(summary: ImportSummary): number {
  return new Set(summary.failures.map((failure) => failure.file)).size;
}

/**
 * The import summary in Danish: one line with the counts, then each failure as
 * "  fil: grund" (with the line of a .jsonl file, or the meeting's place in a .json array).
 */
export function presentImportSummary(summary: ImportSummary): string {
  const failedFiles = countFailedFiles(summary);
  const parts = [
    count(summary.meetings, 'møde', 'møder'),
    count(summary.items, 'punkt', 'punkter'),
    count(summary.warnings.length, 'advarsel', 'advarsler'),
    `${count(failedFiles, 'fil', 'filer')} fejlede`,
  ];
  if (summary.skipped.length > 0)
    parts.push(`${count(summary.skipped.length, 'fil', 'filer')} sprunget over`);
  const lines = [`Importeret: ${parts.join(', ')}`];
  lines.push(...summary.failures.map((failure) => `  ${describeFailure(failure)}`));
  return `${lines.join('\n')}\n`;
}

/** "fil.jsonl linje 17: grund". */
export function describeFailure(failure: ImportFailure): string {
  const where =
    failure.line !== undefined
      ? ` linje ${failure.line}`
      : failure.meeting !== undefined
        ? ` møde ${failure.meeting}`
        : '';
  return `${failure.file}${where}: ${failure.reason}`;
}
