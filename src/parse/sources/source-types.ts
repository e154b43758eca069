import type { Meeting } from '../../core/meeting.ts';

/**
 * The contract between the import and the source adapters: a file (with the folder it sits in)
 * goes in; Meetings, the facts the Meeting model has no place for, and Danish notes come out.
 */

/** JSON facts an export has that the Meeting model has no field for. */
export type SourceMetadata = { [key: string]: unknown };

/** One meeting read from a source, with its source metadata. */
export interface SourceMeeting {
  meeting: Meeting;
  /** The meeting's own facts: format, ids, end time, members, documents… */
  metadata: SourceMetadata;
  /** One entry per item, in the order of `meeting.items`: original number, ids, … */
  itemMetadata: SourceMetadata[];
  /** For a parsed document: what its header did not say (filled in from the file's path). */
  missingHeader?: { forum: boolean; date: boolean };
}

/** The first bytes of a file, decoded, for telling its format by its content. */
export interface SourceSniff {
  path: string;
  /** Up to the first 8 KiB as text (BOM removed); '' for binary files. */
  head: string;
  /** The first bytes as they are (magic numbers). */
  magic: Uint8Array;
}

/** What an adapter read from one file. */
export interface SourceReadResult {
  meetings: SourceMeeting[];
  /** Danish notes for the import summary: quirks handled, "Bilag mangler: …". */
  warnings: string[];
  /** Other files this source reads or names (absolute paths): they are not imported alone. */
  usedFiles: string[];
  /** Attachments found and missing, for the summary. */
  attachments: { found: number; missing: number };
}

/** A format the import reads: told by content, read from a file and the folder around it. */
export interface SourceAdapter {
  /** A stable name: "sbsys", "sbsys-aarhus", "edoc", "edoc-fujitsu", "acadre", "legacy". */
  id: string;
  /** The format as the summary names it, e.g. "SBSYS eDagsorden". */
  label: string;
  detect(sniff: SourceSniff): boolean;
  read(path: string): Promise<SourceReadResult>;
}
