import { formatDanishDate } from '../core/danish-date.ts';
import type { AttachmentTextPass } from '../services/attachment-text/attachment-text-reader.ts';
import type {
  ImportedExport,
  ImportedMeeting,
  ImportFailure,
  ImportSummary,
} from '../services/import-service.ts';

/** "1 møde", "3 møder": Danish singular and plural. */
function count(value: number, singular: string, plural: string): string {
  return `${value.toLocaleString('da-DK')} ${value === 1 ? singular : plural}`;
}

/** How many files had any failure: a .jsonl file with two bad lines is one file that failed. */
export function countFailedFiles(summary: ImportSummary): number {
  return new Set(summary.failures.map((failure) => failure.file)).size;
}

/**
 * The import summary in Danish: one line with the counts (meetings new and updated, items,
 * warnings, files refused), then each ESDH export with its meetings, every item's number and
 * title, and its notes ("Bilag mangler: …"), then each failure as "  fil: grund" (with the line
 * of a .jsonl file, or the meeting's place in a .json array).
 */
export function presentImportSummary(summary: ImportSummary): string {
  const failedFiles = countFailedFiles(summary);
  const parts = [
    `${count(summary.meetings, 'møde', 'møder')} (${count(summary.newMeetings, 'nyt', 'nye')}, ${count(summary.updatedMeetings, 'opdateret', 'opdaterede')})`,
    count(summary.items, 'punkt', 'punkter'),
    count(summary.warnings.length, 'advarsel', 'advarsler'),
    `${count(failedFiles, 'fil', 'filer')} fejlede`,
  ];
  if (summary.attachmentFiles > 0)
    parts.push(`${count(summary.attachmentFiles, 'bilagsfil', 'bilagsfiler')} gemt`);
  if (summary.skipped.length > 0)
    parts.push(`${count(summary.skipped.length, 'fil', 'filer')} sprunget over`);
  const lines = [`Importeret: ${parts.join(', ')}`];
  for (const entry of summary.exports ?? []) lines.push(...presentExport(entry));
  lines.push(...summary.failures.map((failure) => `  ${describeFailure(failure)}`));
  return `${lines.join('\n')}\n`;
}

/** An export: its meetings with their items, then its notes. */
function presentExport(entry: ImportedExport): string[] {
  const lines: string[] = [];
  const { found, missing } = entry.attachments;
  const bilag =
    found + missing === 0
      ? 'ingen bilag'
      : `${count(found + missing, 'bilag', 'bilag')} (${missing} mangler)`;
  for (const meeting of entry.meetings) {
    lines.push(`  ${entry.file} (${entry.format}): ${describeMeeting(meeting)}, ${bilag}`);
    lines.push(...meeting.items.map((item) => `    ${describeItem(item)}`));
  }
  if (entry.meetings.length === 0) lines.push(`  ${entry.file} (${entry.format}): intet møde gemt`);
  lines.push(...entry.notes.map((note) => `    ${note}`));
  return lines;
}

function describeMeeting(meeting: ImportedMeeting): string {
  const kind = meeting.kind === 'minutes' ? 'referat' : 'dagsorden';
  const state = meeting.isNew ? 'nyt møde' : 'opdateret';
  return `${meeting.forum}, ${kind} ${formatDanishDate(meeting.date)}, ${state}, ${count(meeting.items.length, 'punkt', 'punkter')}`;
}

/** "1.1 Status siden sidst (punkt 2 i arkivet)", "5 Mads' møgsag (lukket, sag 2016-003798)". */
function describeItem(item: ImportedMeeting['items'][number]): string {
  const notes = [
    item.sourceNumber !== String(item.number) ? `punkt ${item.number} i arkivet` : null,
    item.closed ? 'lukket' : null,
    item.caseNumber ? `sag ${item.caseNumber}` : null,
  ].filter((note): note is string => note !== null);
  return `${item.sourceNumber} ${item.title}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
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

/** The Bilag text read after an import: how many, and what could not be read. */
export function presentAttachmentTexts(pass: AttachmentTextPass | null): string {
  if (!pass) return '';
  const total = pass.read + pass.withoutText + pass.failed.length;
  if (total === 0) return '';
  const lines = [
    `Tekst i bilag: ${count(pass.read, 'bilag', 'bilag')} læst, ${pass.withoutText} uden tekst, ${pass.failed.length} kunne ikke læses`,
    ...pass.failed.map((failure) => `  ${failure.fileName}: ${failure.reason}`),
    ...pass.notes.map((note) => `  ${note}`),
  ];
  return `${lines.join('\n')}\n`;
}
