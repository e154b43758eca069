import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** How a file is imported: parsed as a legacy document, or read as Meeting JSON. */
export type ImportSourceKind = 'document' | 'json' | 'jsonl';

/** One file to import, named as the user will see it in the summary. */
export interface ImportSource {
  path: string;
  /** The path as given on the command line, joined with the part found inside a folder. */
  name: string;
  kind: ImportSourceKind;
  size: number;
}

/** Something that could not be imported, with a one-line Danish reason. */
export interface ImportFailure {
  file: string;
  /** The line of a .jsonl file, when only that line failed. */
  line?: number;
  /** The meeting's place (from 1) in a .json array, when only that meeting failed. */
  meeting?: number;
  reason: string;
}

/** The files found under the paths given, and what was left out. */
export interface CollectedSources {
  sources: ImportSource[];
  /** Files inside folders with an extension that import does not read. */
  skipped: string[];
  /** Paths named explicitly that do not exist or cannot be read. */
  failures: ImportFailure[];
}

const documentExtensions = new Set(['.txt', '.md', '.markdown', '.pdf', '.docx', '.html', '.htm']);

/** The import kind for a file name, or null when import does not read that extension. */
export function findSourceKind(path: string): ImportSourceKind | null {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  return documentExtensions.has(extension) ? 'document' : null;
}

/**
 * Expands files and folders (recursively, in name order, so that a run is repeatable) into the
 * files to import. Inside folders, files of other types and hidden entries are skipped, since
 * archives hold thumbnails and the like; named explicitly they are failures, because the user
 * asked for them. A file reached twice is imported once.
 */
export async function collectImportSources(paths: readonly string[]): Promise<CollectedSources> {
  const collected: CollectedSources = { sources: [], skipped: [], failures: [] };
  const seen = new Set<string>();
  const add = (path: string, name: string, size: number): void => {
    const kind = findSourceKind(path);
    const absolute = resolve(path);
    if (!kind || seen.has(absolute)) return;
    seen.add(absolute);
    collected.sources.push({ path, name, kind, size });
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) {
      collected.failures.push({ file: path, reason: 'filen findes ikke' });
    } else if (info.isDirectory()) {
      await walkFolder(path, path, collected, add);
    } else if (!findSourceKind(path)) {
      collected.failures.push({ file: path, reason: unknownTypeReason(path) });
    } else {
      add(path, path, info.size);
    }
  }
  return collected;
}

async function walkFolder(
  folder: string,
  name: string,
  collected: CollectedSources,
  add: (path: string, name: string, size: number) => void,
): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    collected.failures.push({ file: name, reason: 'mappen kan ikke læses' });
    return;
  }
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    const entryName = join(name, entry.name);
    // Symbolic links are followed to files only: a link to a folder could make a loop.
    const info = entry.isSymbolicLink() ? await stat(path).catch(() => null) : null;
    if (entry.isDirectory()) {
      await walkFolder(path, entryName, collected, add);
    } else if (entry.isFile() || info?.isFile()) {
      if (!findSourceKind(path)) collected.skipped.push(entryName);
      else add(path, entryName, info?.size ?? (await stat(path)).size);
    }
  }
}

function unknownTypeReason(path: string): string {
  const extension = extname(path) || 'uden endelse';
  return `ukendt filtype "${extension}"; brug .txt, .md, .pdf, .docx, .html, .json eller .jsonl`;
}

/** One line of a JSON Lines file, numbered from 1 as editors number them. */
export interface JsonLine {
  lineNumber: number;
  text: string;
}

/**
 * Streams a JSON Lines file line by line, never holding more than a buffer of it (the bench
 * file is 600 MB), and reports the bytes read so far for a progress bar. Blank lines are
 * passed over; a byte order mark on the first line is dropped.
 */
export async function* readJsonLines(
  path: string,
  onBytesRead?: (bytes: number) => void,
): AsyncGenerator<JsonLine> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      onBytesRead?.(stream.bytesRead);
      const text = lineNumber === 1 ? line.replace(/^\uFEFF/u, '') : line;
      if (text.trim() !== '') yield { lineNumber, text };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}
