import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import type { Meeting } from '../core/meeting.ts';
import { meetingAccess } from '../core/policies/meeting-access.ts';
import { visibleMeeting } from '../core/policies/read-model.ts';
import { findMeetingTargets } from '../store/access-store.ts';
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
  /** Meetings loaded per query: bounds memory on a large archive. */
  batchSize?: number;
}

/**
 * Writes every meeting the actor may see (the read model decides: the anonymous reader's export,
 * `--public`, holds only the published meetings of public forums, with closed items as "Lukket
 * punkt"), ordered by forum and date, as Meeting documents, from one consistent
 * snapshot of the archive. Each document is checked against the schema before it is written,
 * so an export can always be imported again. The output holds no timestamps or ids, so
 * export → import → export gives the same bytes.
 */
export function exportMeetings(
  database: Database,
  actor: Actor,
  format: ExportFormat,
  sink: OutputSink,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  return readSnapshot(database, (db) => writeMeetings(db, actor, format, sink, options));
}

async function writeMeetings(
  db: Kysely<DatabaseSchema>,
  actor: Actor,
  format: ExportFormat,
  sink: OutputSink,
  options: ExportOptions,
): Promise<ExportSummary> {
  const summary: ExportSummary = { meetings: 0, items: 0 };
  const batchSize = options.batchSize ?? 200;
  const ids = await listMeetingIdsInOrder(db);
  if (format === 'json') await sink.write('[');
  let isEmpty = true;
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    const targets = await findMeetingTargets(db, batch);
    const visible = batch.flatMap((id) => {
      const target = targets.get(id);
      const access = target ? meetingAccess(actor, target) : 'none';
      return target && access !== 'none' ? [{ id, target, access }] : [];
    });
    const meetings = await loadMeetingDocuments(
      db,
      visible.map((entry) => entry.id),
    );
    let text = '';
    for (const [index, meeting] of meetings.entries()) {
      const entry = visible[index];
      if (!entry) continue;
      const document = validatedDocument(
        visibleMeeting(meeting, entry.access, entry.target.status),
      );
      const isFirst = isEmpty;
      isEmpty = false;
      summary.meetings++;
      summary.items += document.items.length;
      text +=
        format === 'jsonl' ? `${JSON.stringify(document)}\n` : arrayElement(document, isFirst);
    }
    await sink.write(text);
  }
  if (format === 'json') await sink.write(isEmpty ? ']\n' : '\n]\n');
  return summary;
}

/**
 * One element of the pretty JSON array, written piece by piece yet byte for byte what
 * JSON.stringify(all, null, 2) gives: JSON strings never hold a raw line break, so indenting
 * every line break indents every line.
 */
function arrayElement(document: Meeting, isFirst: boolean): string {
  const indented = `  ${JSON.stringify(document, null, 2).replaceAll('\n', '\n  ')}`;
  return isFirst ? `\n${indented}` : `,\n${indented}`;
}

function validatedDocument(meeting: Meeting): Meeting {
  const decoded = decodeMeeting(meeting);
  if (decoded.ok) return decoded.meeting;
  throw new Error(`mødet ${meeting.forum} ${meeting.date} kan ikke eksporteres: ${decoded.reason}`);
}
