import { readFile } from 'node:fs/promises';
import { type Actor, authorName } from '../core/actor.ts';
import type { Meeting } from '../core/meeting.ts';
import { ParseError } from '../parse/parse-error.ts';
import type { KnownForum } from '../parse/sources/file-name-facts.ts';
import { completeFromPath, readLegacyDocument } from '../parse/sources/legacy-document.ts';
import type { SourceMeeting } from '../parse/sources/source-types.ts';
import { meetingIndexTexts } from '../search/indexable-items.ts';
import { listForums } from '../store/forum-store.ts';
import { markMeetingArchived } from '../store/meeting-state.ts';
import {
  type ImportedAttachmentFile,
  type MeetingSourceMetadata,
  type SavedMeeting,
  saveMeetingDocument,
} from '../store/meeting-writer.ts';
import type { Archive } from './archive-types.ts';
import { type CommandTarget, runCommand } from './command-pipeline.ts';
import { collectAttachmentFiles } from './import-attachments.ts';
import { exportReport, type ImportedExport, importedMeeting } from './import-report.ts';
import {
  collectImportSources,
  type ImportFailure,
  type ImportSource,
  readJsonLines,
} from './import-sources.ts';
import { decodeMeeting, decodeMeetingText, parseJsonText } from './meeting-json.ts';
import { createStoreQueue, retryConflicts } from './store-queue.ts';

export type { ImportedExport, ImportedItem, ImportedMeeting } from './import-report.ts';
export type { ImportFailure } from './import-sources.ts';

/** A parser warning, with the file it came from. */
export interface ImportWarning {
  file: string;
  message: string;
}

/**
 * What an import did. Meetings counts every meeting stored, new or updated; a file refused
 * (a failure) stored nothing, so the counts are what the archive holds now.
 */
export interface ImportSummary {
  files: number;
  meetings: number;
  newMeetings: number;
  updatedMeetings: number;
  items: number;
  warnings: ImportWarning[];
  /** Files inside folders left out because import does not read their type. */
  skipped: string[];
  failures: ImportFailure[];
  /** The ESDH exports read, each with its meetings and items. */
  exports: ImportedExport[];
  /** Bilag files stored with the meetings (their text is read in the background). */
  attachmentFiles: number;
}

/** How far an import has come; fraction runs from 0 to 1. */
export interface ImportProgress {
  fraction: number;
  meetings: number;
  items: number;
  file: string;
}

/** Options for an import run. */
export interface ImportOptions {
  /** The time limit for parsing one document. */
  timeoutMs?: number;
  /** How many documents are parsed at once (each in its own worker thread). */
  parseConcurrency?: number;
  /** Called after every meeting stored and every file finished. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * How many meetings are stored at once, each in its own transaction. PostgreSQL overlaps
   * them (default 3); SQLite has one writer, so there it is always 1.
   */
  storeConcurrency?: number;
}

/** Meetings in flight on PostgreSQL: measured best on two cores (four met deadlocks). */
export const defaultPostgresStoreConcurrency = 3;

/** A meeting read ahead of storing, with what its source says beyond the model. */
interface PreparedMeeting {
  meeting: Meeting;
  index?: number;
  source?: SourceMeeting;
}

/** A file read ahead of storing: its meetings and warnings, or why it failed. */
interface PreparedFile {
  meetings: PreparedMeeting[];
  warnings: string[];
  failures: ImportFailure[];
}

/**
 * Imports files and folders of ESDH exports (SBSYS, eDoc, Acadre: told by content, see
 * parse/sources), legacy documents (.txt, .md, .pdf, .docx, .html), Meeting JSON (.json: one
 * document or an array) and JSON Lines (.jsonl: one document per line). Each meeting is
 * stored and indexed in its own transaction, so one bad file or line never stops or undoes the
 * rest; a meeting already in the archive (same forum and date) is updated. A document whose
 * text has no readable header takes its forum and date from its file name or folder, or is
 * refused. Documents are parsed ahead in worker threads while the previous file is stored.
 */
export async function importPaths(
  archive: Archive,
  actor: Actor,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const collected = await collectImportSources(paths);
  const summary: ImportSummary = {
    files: collected.sources.length,
    meetings: 0,
    newMeetings: 0,
    updatedMeetings: 0,
    items: 0,
    warnings: [],
    skipped: collected.skipped,
    failures: [...collected.failures],
    exports: [],
    attachmentFiles: 0,
  };
  const sources = collected.sources;
  const forums: KnownForum[] = (await listForums(archive.database.db)).map((forum) => ({
    name: forum.name,
    abbreviation: forum.abbreviation,
  }));
  let finishedFiles = 0;
  const report = (file: string, fileFraction: number): void =>
    options.onProgress?.({
      fraction: sources.length === 0 ? 1 : (finishedFiles + fileFraction) / sources.length,
      meetings: summary.meetings,
      items: summary.items,
      file,
    });
  const store = async (
    meeting: Meeting,
    from: ImportSource,
    source?: SourceMeeting,
  ): Promise<SavedMeeting> => {
    // The Bilag files beside an export or a JSON document are stored with the meeting.
    const files = await collectAttachmentFiles(meeting, from.path, {
      meeting: source,
      usedFiles: from.export?.result.usedFiles,
    });
    summary.warnings.push(...files.notes.map((message) => ({ file: from.name, message })));
    const saved = await retryConflicts(() =>
      storeMeeting(archive, actor, meeting, {
        sourceMetadata: source ? { meeting: source.metadata, items: source.itemMetadata } : null,
        attachmentFiles: files.files,
      }),
    );
    summary.attachmentFiles += files.stored;
    summary.meetings++;
    summary.items += saved.itemIds.length;
    if (saved.isNew) summary.newMeetings++;
    else summary.updatedMeetings++;
    return saved;
  };
  const prepared = prepareAhead(sources, options);
  const queue = createStoreQueue(
    archive.database.engine === 'postgres'
      ? (options.storeConcurrency ?? defaultPostgresStoreConcurrency)
      : 1,
  );
  // The search index may prepare a meeting's text (stem it in a worker thread) while the
  // meetings ahead of it are stored.
  const enqueue = (meeting: Meeting, store: () => Promise<void>): Promise<void> => {
    // Known from here on, so that the next document without a header can name it by its path
    // while this meeting is still being stored.
    if (!forums.some((forum) => forum.name === meeting.forum))
      forums.push({ name: meeting.forum, abbreviation: null });
    const ready = archive.search.prepare?.(archive.database.db, meetingIndexTexts(meeting));
    return queue.add(`${meeting.forum}\u0000${meeting.date}`, async () => {
      await ready;
      await store();
    });
  };
  for (const source of sources) {
    const file = await prepared.next();
    report(source.name, 0);
    if (source.kind === 'jsonl') {
      await importJsonLines(
        source,
        summary,
        (meeting, onFailure) =>
          enqueue(meeting, () => store(meeting, source).then(() => {}, onFailure)),
        (bytes) => report(source.name, source.size === 0 ? 1 : Math.min(1, bytes / source.size)),
      );
      await queue.drain();
    } else if (file) {
      const entry = source.export ? exportReport(source) : null;
      const warnings = [...file.warnings];
      summary.failures.push(...file.failures);
      // Kept in the file's order, whichever transaction ends first.
      const imported: Array<ImportedExport['meetings'][number] | null> = [];
      for (const [position, prepared] of file.meetings.entries()) {
        imported.push(null);
        const failed = (error: unknown): void => {
          summary.failures.push({
            file: source.name,
            meeting: prepared.index,
            reason: describe(error),
          });
        };
        try {
          const { meeting, notes } = completeMeeting(prepared, source.path, forums, warnings);
          warnings.splice(0, warnings.length, ...notes);
          await enqueue(meeting, async () => {
            const saved = await store(meeting, source, prepared.source).catch(failed);
            if (saved) imported[position] = importedMeeting(meeting, saved.isNew, prepared.source);
          });
        } catch (error) {
          failed(error);
        }
      }
      await queue.drain();
      const stored = imported.filter((meeting) => meeting !== null);
      // A file refused whole is its failure; its parser warnings would only repeat it.
      if (stored.length > 0 || file.meetings.length === 0)
        summary.warnings.push(...warnings.map((message) => ({ file: source.name, message })));
      if (entry) {
        entry.meetings.push(...stored);
        summary.exports.push(entry);
      }
    }
    finishedFiles++;
    report(source.name, 0);
  }
  // Indexing runs a little behind a bulk import; the archive is searchable in full on return.
  await archive.search.flush(archive.database.db);
  return summary;
}

/**
 * Saves one meeting through the write pipeline (an administrator's right: an import writes
 * whole meetings as they were published), one transaction per meeting; the search index
 * follows from the pipeline's event. An imported meeting is an archive meeting: final, with
 * its minutes approved and locked (`archived: false` is for seeding a meeting still to come).
 */
export function storeMeeting(
  archive: Archive,
  actor: Actor,
  meeting: Meeting,
  options: {
    archived?: boolean;
    sourceMetadata?: MeetingSourceMetadata | null;
    attachmentFiles?: ReadonlyArray<ReadonlyArray<ImportedAttachmentFile | null>>;
  } = {},
): Promise<SavedMeeting> {
  return runCommand(archive, actor, {
    name: 'meeting.import',
    resolve: async (): Promise<CommandTarget> => ({
      actions: ['archive.manage'],
      policyTarget: null,
      auditType: 'meeting',
      auditId: `${meeting.forum} ${meeting.date}`,
      meetingId: null,
    }),
    apply: async (context) => {
      const saved = await saveMeetingDocument(context.db, meeting, {
        action: 'import',
        author: authorName(context.actor),
        sourceMetadata: options.sourceMetadata ?? null,
        attachmentFiles: options.attachmentFiles,
      });
      if (options.archived !== false)
        await markMeetingArchived(context.db, saved.meetingId, meeting.kind);
      context.emit({
        type: 'meeting.imported',
        meetingId: saved.meetingId,
        forumId: saved.forumId,
        itemIds: saved.itemIds,
        removedItemIds: saved.removedItemIds,
      });
      return saved;
    },
  });
}

/**
 * Reads a JSON Lines file and hands each meeting to `enqueue`, which returns once the meeting's
 * store has started; a failed store reports through the callback it is given.
 */
async function importJsonLines(
  source: ImportSource,
  summary: ImportSummary,
  enqueue: (meeting: Meeting, onFailure: (error: unknown) => void) => Promise<void>,
  onBytesRead: (bytes: number) => void,
): Promise<void> {
  try {
    for await (const { lineNumber, text } of readJsonLines(source.path, onBytesRead)) {
      const decoded = decodeMeetingText(text);
      if (!decoded.ok) {
        summary.failures.push({ file: source.name, line: lineNumber, reason: decoded.reason });
        continue;
      }
      await enqueue(decoded.meeting, (error: unknown) => {
        summary.failures.push({ file: source.name, line: lineNumber, reason: describe(error) });
      });
    }
  } catch (error) {
    summary.failures.push({
      file: source.name,
      reason: `filen kan ikke læses (${describe(error)})`,
    });
  }
}

/**
 * Starts preparing files before they are stored, at most `parseConcurrency` ahead, and hands
 * them out in order. JSON Lines files are streamed while storing instead, so they prepare to
 * nothing. Preparing never rejects, so a parse that fails while another file is being stored
 * is not an unhandled rejection.
 */
function prepareAhead(
  sources: readonly ImportSource[],
  options: ImportOptions,
): { next(): Promise<PreparedFile | null> } {
  const concurrency = Math.max(1, options.parseConcurrency ?? 2);
  const pending: Array<Promise<PreparedFile | null>> = [];
  let started = 0;
  const startNext = (): void => {
    const source = sources[started++];
    if (source) pending.push(prepareFile(source, options));
  };
  for (let count = 0; count < concurrency; count++) startNext();
  return {
    async next() {
      const file = pending.shift() ?? Promise.resolve(null);
      startNext();
      return file;
    },
  };
}

async function prepareFile(
  source: ImportSource,
  options: ImportOptions,
): Promise<PreparedFile | null> {
  const failed = (reason: string): PreparedFile => ({
    meetings: [],
    warnings: [],
    failures: [{ file: source.name, reason }],
  });
  if (source.kind === 'jsonl') return null;
  try {
    if (source.kind === 'export' && source.export) {
      const { result } = source.export;
      return {
        meetings: result.meetings.map((meeting) => ({ meeting: meeting.meeting, source: meeting })),
        warnings: result.warnings,
        failures: [],
      };
    }
    if (source.kind === 'document') {
      const result = await readLegacyDocument(source.path, { timeoutMs: options.timeoutMs });
      return {
        meetings: result.meetings.map((meeting) => ({ meeting: meeting.meeting, source: meeting })),
        warnings: result.warnings,
        failures: [],
      };
    }
    const parsed = parseJsonText(await readJsonFile(source.path));
    if (!parsed.ok) return failed(parsed.reason);
    return decodeJsonFile(source, parsed.data);
  } catch (error) {
    return failed(describe(error));
  }
}

/** A .json file holds one Meeting document or, as `referat export --format json` writes, an array. */
function decodeJsonFile(source: ImportSource, data: unknown): PreparedFile {
  const file: PreparedFile = { meetings: [], warnings: [], failures: [] };
  if (!Array.isArray(data)) {
    const decoded = decodeMeeting(data);
    if (decoded.ok) file.meetings.push({ meeting: decoded.meeting });
    else file.failures.push({ file: source.name, reason: decoded.reason });
    return file;
  }
  for (const [position, element] of data.entries()) {
    const decoded = decodeMeeting(element);
    if (decoded.ok) file.meetings.push({ meeting: decoded.meeting, index: position + 1 });
    else file.failures.push({ file: source.name, meeting: position + 1, reason: decoded.reason });
  }
  return file;
}

async function readJsonFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    // V8 cannot hold a string above about 512 MB; such an archive belongs in JSON Lines.
    if (code === 'ERR_STRING_TOO_LONG')
      throw new ParseError('filen er for stor til .json; brug .jsonl med ét møde pr. linje');
    throw new ParseError(`filen kan ikke læses (${code || 'ukendt fejl'})`);
  }
}

/**
 * A parsed document's meeting with what its header lacked taken from its path (or a refusal);
 * an export's meeting as it is. The notes are the file's warnings, the header's gaps replaced
 * by what was taken from where.
 */
function completeMeeting(
  prepared: PreparedMeeting,
  path: string,
  forums: readonly KnownForum[],
  warnings: readonly string[],
): { meeting: Meeting; notes: string[] } {
  const missing = prepared.source?.missingHeader;
  if (!missing) return { meeting: prepared.meeting, notes: [...warnings] };
  const completed = completeFromPath(prepared.meeting, missing, warnings, path, forums);
  return { meeting: completed.meeting, notes: completed.warnings };
}

/** A failure's reason as one line: the parser's Danish message, or the error's first line. */
function describe(error: unknown): string {
  if (error instanceof ParseError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'ukendt fejl';
}
