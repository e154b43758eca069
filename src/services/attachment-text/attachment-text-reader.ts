import { extractAttachmentText } from '../../parse/attachment-text.ts';
import { readFileBytes } from '../../store/file-store.ts';
import {
  type ClaimedFileText,
  claimPendingFileText,
  countFileTexts,
  type FileTextResult,
  listItemIdsUsingFile,
  releaseFileText,
  saveFileText,
} from '../../store/file-text-store.ts';
import type { Archive } from '../archive-types.ts';
import { startBackgroundPasses } from '../background-passes.ts';

/** How a pass over the waiting Bilag went. */
export interface AttachmentTextPass {
  /** Files whose text was read (some of it by OCR). */
  read: number;
  /** Files of a type without text (images, other formats). */
  withoutText: number;
  /** Files that could not be read, with the reason. */
  failed: Array<{ fileName: string; reason: string }>;
  /** Danish notes from reading (pages that need OCR where tesseract is missing …). */
  notes: string[];
}

/** Progress of a pass: the file being read, and how many are done of how many waiting. */
export interface AttachmentTextProgress {
  fileName: string;
  done: number;
  total: number;
  /** A line from the reader, such as "OCR: side 3 af 12 læst". */
  line?: string;
}

/** Options for a pass. */
export interface AttachmentTextOptions {
  /** Stop after this many files (a pass of the server's worker stays short). */
  limit?: number;
  /** The time one file may take; OCR of a long scan takes minutes. 15 minutes unless set. */
  timeoutMs?: number;
  onProgress?: (progress: AttachmentTextProgress) => void;
  /** Stops between files (and aborts the file being read). */
  signal?: AbortSignal;
}

/** A claim older than this is taken over: its reader stopped (killed mid-OCR). */
const staleClaimMs = 30 * 60_000;
const defaultTimeoutMs = 15 * 60_000;

/**
 * Reads the text of Bilag waiting for it (`file_texts` pending), one file at a time: PDF (OCR
 * for scanned pages), DOCX and XLSX (parse/attachment-text). Each result is saved, and the
 * items holding the file are indexed again, in one transaction, so search finds a Bilag's
 * words as soon as they are stored. A file that cannot be read is marked failed with its
 * reason and never stops the rest. Several instances may run this at once: a claim is
 * exclusive.
 */
export async function readWaitingAttachmentTexts(
  archive: Archive,
  options: AttachmentTextOptions = {},
): Promise<AttachmentTextPass> {
  const pass: AttachmentTextPass = { read: 0, withoutText: 0, failed: [], notes: [] };
  const db = archive.database.db;
  const counts = await countFileTexts(db);
  const total = Math.min(
    counts.pending + counts.working,
    options.limit ?? Number.POSITIVE_INFINITY,
  );
  for (let done = 0; done < total && !options.signal?.aborted; done++) {
    const staleBefore = new Date(Date.now() - staleClaimMs).toISOString();
    const claimed = await claimPendingFileText(db, staleBefore);
    if (!claimed) break;
    options.onProgress?.({ fileName: claimed.name, done, total });
    const result = await readClaimed(archive, claimed, options, (line) =>
      options.onProgress?.({ fileName: claimed.name, done, total, line }),
    );
    // Stopped from outside (the server shuts down): the file waits for the next reader.
    if (options.signal?.aborted) {
      await releaseFileText(db, claimed.fileId);
      break;
    }
    await db.transaction().execute(async (trx) => {
      await saveFileText(trx, claimed.fileId, result);
      await archive.search.indexItems(trx, await listItemIdsUsingFile(trx, claimed.fileId));
    });
    if (result.status === 'done') pass.read++;
    else if (result.status === 'none') pass.withoutText++;
    else pass.failed.push({ fileName: claimed.name, reason: result.note ?? 'ukendt fejl' });
    if (result.status !== 'failed' && result.note)
      pass.notes.push(`${claimed.name}: ${result.note}`);
  }
  return pass;
}

async function readClaimed(
  archive: Archive,
  claimed: ClaimedFileText,
  options: AttachmentTextOptions,
  onLine: (line: string) => void,
): Promise<FileTextResult> {
  const bytes = await readFileBytes(archive.database.db, claimed.fileId);
  if (!bytes) return { status: 'none', method: null, text: null, note: null };
  const timeout = AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const extracted = await extractAttachmentText(bytes, {
      fileName: claimed.name,
      mediaType: claimed.mediaType,
      signal,
      onProgress: onLine,
    });
    const note = extracted.notes.length > 0 ? extracted.notes.join(' ') : null;
    if (extracted.method === 'none') return { status: 'none', method: null, text: null, note };
    return { status: 'done', method: extracted.method, text: extracted.text, note };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'failed', method: null, text: null, note: reason };
  }
}

/** A running Bilag text reader. */
export interface AttachmentTextWorker {
  /** Look for waiting files now (an upload calls it after its commit). */
  wake(): void;
  /** Stops: the file being read goes back to waiting. */
  stop(): Promise<void>;
}

/**
 * Reads waiting Bilag in the background of `npm start`: on a timer, and at once when an upload
 * wakes it. One pass at a time; a few files a pass, so that a stop never waits long.
 */
export function startAttachmentTextWorker(
  archive: Archive,
  options: { intervalMs?: number } = {},
): AttachmentTextWorker {
  const filesPerPass = 5;
  const passes = startBackgroundPasses(async (signal) => {
    const done = await readWaitingAttachmentTexts(archive, { limit: filesPerPass, signal });
    // More may wait: go on at once rather than after the interval.
    return done.read + done.withoutText + done.failed.length === filesPerPass;
  }, options.intervalMs ?? 10_000);
  archive.wakeAttachmentTexts = passes.wake;
  return {
    wake: passes.wake,
    async stop() {
      if (archive.wakeAttachmentTexts === passes.wake) archive.wakeAttachmentTexts = undefined;
      await passes.stop();
    },
  };
}
