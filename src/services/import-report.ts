import type { Meeting } from '../core/meeting.ts';
import type { SourceMeeting } from '../parse/sources/source-types.ts';
import type { ImportSource } from './import-sources.ts';

/** What the import summary says about each ESDH export: its meetings with every item. */

/** One item of an imported export, as the summary lists it. */
export interface ImportedItem {
  number: number;
  /** The number as the export writes it ("1.1", "715"). */
  sourceNumber: string;
  title: string;
  closed: boolean;
  caseNumber: string | null;
}

/** One meeting read from an export and stored. */
export interface ImportedMeeting {
  forum: string;
  date: string;
  kind: Meeting['kind'];
  isNew: boolean;
  items: ImportedItem[];
}

/** What one ESDH export gave: its format, meetings, Bilag, and the notes on its quirks. */
export interface ImportedExport {
  file: string;
  format: string;
  meetings: ImportedMeeting[];
  attachments: { found: number; missing: number };
  /** Danish notes: quirks handled (BOM, invalid characters), "Bilag mangler: …". */
  notes: string[];
}

/** The summary's entry for an export, filled in as its meetings are stored. */
export function exportReport(source: ImportSource): ImportedExport {
  const read = source.export;
  return {
    file: source.name,
    format: read?.label ?? '',
    meetings: [],
    attachments: read?.result.attachments ?? { found: 0, missing: 0 },
    notes: read?.result.warnings ?? [],
  };
}

/** A stored meeting as the summary lists it, each item with the number the export gave it. */
export function importedMeeting(
  meeting: Meeting,
  isNew: boolean,
  source?: SourceMeeting,
): ImportedMeeting {
  return {
    forum: meeting.forum,
    date: meeting.date,
    kind: meeting.kind,
    isNew,
    items: meeting.items.map((item, index) => ({
      number: item.number,
      sourceNumber: String(source?.itemMetadata[index]?.sourceNumber ?? item.number),
      title: item.title,
      closed: item.closed,
      caseNumber: item.caseNumber,
    })),
  };
}
