import type { Kysely } from 'kysely';
import type { Meeting } from '../core/meeting.ts';
import { type Viewer, visibleMeeting } from '../core/visibility.ts';
import type { Database } from '../store/database.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { listMeetingIdsInOrder, loadMeetingDocuments } from '../store/meeting-reader.ts';
import { readSnapshot } from '../store/snapshot.ts';
import { decodeMeeting } from './meeting-json.ts';
import type { OutputSink } from './output-file.ts';

/** The export formats: one JSON array, or JSON Lines with one document per line. */
export type ExportFormat = 'json' | 'jsonl';

/** The export formats, for validating user input. */
export const exportFormats: readonly ExportFormat[] = ['json', 'jsonl'];

/** What an export wrote. */
export interface ExportSummary {
  meetings: number;
  items: number;
}

/** Options for an export. */
export interface ExportOptions {
  /** Whose view to export; closed items are blanked for readers without rights. */
  viewer: Viewer;
  /** Meetings loaded per query: bounds memory on a large archive. */
  batchSize?: number;
}

/**
 * Writes every meeting, ordered by forum and date, as Meeting documents, from one consistent
 * snapshot of the archive. Each document is checked against the schema before it is written,
 * so an export can always be imported again. The output holds no timestamps or ids, so
 * export → import → export gives the same bytes.
 */
export function exportMeetings(
  database: Database,
  format: ExportFormat,
  sink: OutputSink,
  options: ExportOptions,
): Promise<ExportSummary> {
  return readSnapshot(database, (db) => writeMeetings(db, format, sink, options));
}

async function writeMeetings(
  db: Kysely<DatabaseSchema>,
  format: ExportFormat,
  sink: OutputSink,
  options: ExportOptions,
): Promise<ExportSummary> {
  const summary: ExportSummary = { meetings: 0, items: 0 };
  const batchSize = options.batchSize ?? 200;
  const ids = await listMeetingIdsInOrder(db);
  if (format === 'json') await sink.write(ids.length === 0 ? '[]\n' : '[\n');
  for (let start = 0; start < ids.length; start += batchSize) {
    const meetings = await loadMeetingDocuments(db, ids.slice(start, start + batchSize));
    let text = '';
    for (const meeting of meetings) {
      const document = validatedDocument(visibleMeeting(meeting, options.viewer));
      const isFirst = summary.meetings === 0;
      summary.meetings++;
      summary.items += document.items.length;
      text +=
        format === 'jsonl' ? `${JSON.stringify(document)}\n` : arrayElement(document, isFirst);
    }
    await sink.write(text);
  }
  if (format === 'json' && ids.length > 0) await sink.write('\n]\n');
  return summary;
}

/**
 * One element of the pretty JSON array, written piece by piece yet byte for byte what
 * JSON.stringify(all, null, 2) gives: JSON strings never hold a raw line break, so indenting
 * every line break indents every line.
 */
function arrayElement(document: Meeting, isFirst: boolean): string {
  const indented = `  ${JSON.stringify(document, null, 2).replaceAll('\n', '\n  ')}`;
  return isFirst ? indented : `,\n${indented}`;
}

function validatedDocument(meeting: Meeting): Meeting {
  const decoded = decodeMeeting(meeting);
  if (decoded.ok) return decoded.meeting;
  throw new Error(`mødet ${meeting.forum} ${meeting.date} kan ikke eksporteres: ${decoded.reason}`);
}
