import { readFile } from 'node:fs/promises';
import { type Actor, authorName } from '../core/actor.ts';
import type { Meeting } from '../core/meeting.ts';
import { ParseError } from '../parse/parse-error.ts';
import { parseFileWithTimeLimit } from '../parse/parse-with-time-limit.ts';
import { markMeetingArchived } from '../store/meeting-state.ts';
import { type SavedMeeting, saveMeetingDocument } from '../store/meeting-writer.ts';
import type { Archive } from './archive-types.ts';
import { type CommandTarget, runCommand } from './command-pipeline.ts';
import {
  collectImportSources,
  type ImportFailure,
  type ImportSource,
  readJsonLines,
} from './import-sources.ts';
import { decodeMeeting, decodeMeetingText, parseJsonText } from './meeting-json.ts';

export type { ImportFailure } from './import-sources.ts';

/** A parser warning, with the file it came from. */
export interface ImportWarning {
  file: string;
  message: string;
}

/** What an import did. Meetings counts every meeting stored, new or updated. */
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
}

/** A file read ahead of storing: its meetings and warnings, or why it failed. */
interface PreparedFile {
  meetings: Array<{ meeting: Meeting; index?: number }>;
  warnings: string[];
  failures: ImportFailure[];
}

/**
 * Imports files and folders of legacy documents (.txt, .md, .pdf, .docx, .html), Meeting JSON
 * (.json: one document or an array) and JSON Lines (.jsonl: one document per line). Each
 * meeting is stored and indexed in its own transaction, so one bad file or line never stops
 * or undoes the rest; a meeting already in the archive (same forum and date) is updated.
 * Documents are parsed ahead in worker threads while the previous file is being stored.
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
  };
  const sources = collected.sources;
  let finishedFiles = 0;
  const report = (file: string, fileFraction: number): void =>
    options.onProgress?.({
      fraction: sources.length === 0 ? 1 : (finishedFiles + fileFraction) / sources.length,
      meetings: summary.meetings,
      items: summary.items,
      file,
    });
  const store = async (meeting: Meeting): Promise<void> => {
    const saved = await storeMeeting(archive, actor, meeting);
    summary.meetings++;
    summary.items += saved.itemIds.length;
    if (saved.isNew) summary.newMeetings++;
    else summary.updatedMeetings++;
  };
  const prepared = prepareAhead(sources, options);
  for (const source of sources) {
    const file = await prepared.next();
    report(source.name, 0);
    if (source.kind === 'jsonl') {
      await importJsonLines(source, summary, store, (bytes) =>
        report(source.name, source.size === 0 ? 1 : Math.min(1, bytes / source.size)),
      );
    } else if (file) {
      summary.warnings.push(...file.warnings.map((message) => ({ file: source.name, message })));
      summary.failures.push(...file.failures);
      for (const { meeting, index } of file.meetings) {
        await store(meeting).catch((error: unknown) => {
          summary.failures.push({ file: source.name, meeting: index, reason: describe(error) });
        });
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
  options: { archived?: boolean } = {},
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

async function importJsonLines(
  source: ImportSource,
  summary: ImportSummary,
  store: (meeting: Meeting) => Promise<void>,
  onBytesRead: (bytes: number) => void,
): Promise<void> {
  try {
    for await (const { lineNumber, text } of readJsonLines(source.path, onBytesRead)) {
      const decoded = decodeMeetingText(text);
      if (!decoded.ok) {
        summary.failures.push({ file: source.name, line: lineNumber, reason: decoded.reason });
        continue;
      }
      await store(decoded.meeting).catch((error: unknown) => {
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
    if (source.kind === 'document') {
      const { meeting, warnings } = await parseFileWithTimeLimit(source.path, {
        timeoutMs: options.timeoutMs,
      });
      return { meetings: [{ meeting }], warnings, failures: [] };
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

/** A failure's reason as one line: the parser's Danish message, or the error's first line. */
function describe(error: unknown): string {
  if (error instanceof ParseError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'ukendt fejl';
}
