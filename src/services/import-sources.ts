import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ParseError } from '../parse/parse-error.ts';
import { detectSourceFile, isExportAdapter, readSource } from '../parse/sources/source-registry.ts';
import type { SourceAdapter, SourceReadResult } from '../parse/sources/source-types.ts';

/**
 * How a file is imported: parsed as a legacy document, read as Meeting JSON, or read as an
 * ESDH export (SBSYS, eDoc, Acadre …) by its source adapter.
 */
export type ImportSourceKind = 'document' | 'json' | 'jsonl' | 'export';

/** One file to import, named as the user will see it in the summary. */
export interface ImportSource {
  path: string;
  /** The path as given on the command line, joined with the part found inside a folder. */
  name: string;
  kind: ImportSourceKind;
  size: number;
  /** An export, read while collecting (its companion files are known only then). */
  export?: { adapter: string; label: string; result: SourceReadResult };
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
  /** Files inside folders of a type that import does not read. */
  skipped: string[];
  /** Paths named explicitly that do not exist or cannot be read, and exports that failed. */
  failures: ImportFailure[];
}

/** A file found under the paths given, before its format is known. */
interface FoundFile {
  path: string;
  name: string;
  size: number;
  /** Named on the command line (an unknown type is then a failure, not a skip). */
  isExplicit: boolean;
}

/** The import kind for a file name: JSON by its extension; other files are told by content. */
export function findSourceKind(path: string): ImportSourceKind | null {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  return null;
}

/**
 * Expands files and folders (recursively, in name order, so that a run is repeatable) into the
 * files to import, each told by its content: an ESDH export's XML (read here, since only its
 * reading tells which other files belong to it: Bilag, the Word version, the HTML rendition,
 * which are then not imported on their own), a legacy document, or Meeting JSON. Inside
 * folders, files of other types and hidden entries are skipped, since archives hold thumbnails
 * and the like; named explicitly they are failures, because the user asked for them. A file
 * reached twice is imported once.
 */
export async function collectImportSources(paths: readonly string[]): Promise<CollectedSources> {
  const collected: CollectedSources = { sources: [], skipped: [], failures: [] };
  const classified: Classified[] = [];
  const seen = new Set<string>();
  const take = async (file: FoundFile): Promise<void> => {
    const absolute = resolve(file.path);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const entry = { file, ...(await classify(file)) };
    if (!entry.source && file.isExplicit)
      collected.failures.push({ file: file.name, reason: unknownTypeReason(file.path) });
    else classified.push(entry);
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) {
      collected.failures.push({ file: path, reason: 'filen findes ikke' });
    } else if (info.isDirectory()) {
      const files: FoundFile[] = [];
      await walkFolder(path, path, collected, (file) => files.push(file));
      for (const file of files) await take(file);
    } else {
      await take({ path, name: path, size: info.size, isExplicit: true });
    }
  }
  const used = await readExports(classified, collected);
  for (const { file, source } of classified) {
    if (used.has(resolve(file.path)) && source?.kind !== 'export') continue;
    if (source?.kind === 'export' && !source.export) continue;
    if (source) collected.sources.push(source);
    else collected.skipped.push(file.name);
  }
  return collected;
}

/** A found file with what it is: a source to import (or null) and the adapter that reads it. */
interface Classified {
  file: FoundFile;
  source: ImportSource | null;
  adapter?: SourceAdapter;
}

/** A file's kind: JSON by name, anything else by the registry's look at its content. */
async function classify(file: FoundFile): Promise<Omit<Classified, 'file'>> {
  const base = { path: file.path, name: file.name, size: file.size };
  const byName = findSourceKind(file.path);
  if (byName) return { source: { ...base, kind: byName } };
  const adapter = await detectSourceFile(file.path);
  if (!adapter) return { source: null };
  return { source: { ...base, kind: isExportAdapter(adapter) ? 'export' : 'document' }, adapter };
}

/**
 * Reads the exports and returns the files they use. An export used by another (the minutes
 * XML that an Acadre manifest names) is left to that one; an export that fails is a failure,
 * and the files named like it (its HTML rendition) are not imported on their own either.
 */
async function readExports(
  classified: readonly Classified[],
  collected: CollectedSources,
): Promise<Set<string>> {
  const used = new Set<string>();
  const results = new Map<ImportSource, SourceReadResult>();
  for (const { file, source, adapter } of classified) {
    if (source?.kind !== 'export' || !adapter) continue;
    try {
      const result = await readSource(adapter, file.path);
      results.set(source, result);
      source.export = { adapter: adapter.id, label: adapter.label, result };
      for (const path of result.usedFiles) used.add(path);
    } catch (error) {
      const reason = error instanceof ParseError ? error.message : String(error);
      collected.failures.push({ file: file.name, reason: `${adapter.label}: ${reason}` });
      for (const sibling of classified)
        if (isNamedLike(sibling.file.path, file.path)) used.add(resolve(sibling.file.path));
    }
  }
  for (const source of results.keys()) {
    if (used.has(resolve(source.path))) source.export = undefined;
  }
  return used;
}

/** "x.html" beside "x.xml": the same name in the same folder, another extension. */
function isNamedLike(candidate: string, path: string): boolean {
  if (resolve(candidate) === resolve(path)) return false;
  const stem = (value: string): string => basename(value, extname(value)).toLowerCase();
  return dirname(resolve(candidate)) === dirname(resolve(path)) && stem(candidate) === stem(path);
}

async function walkFolder(
  folder: string,
  name: string,
  collected: CollectedSources,
  add: (file: FoundFile) => void,
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
      add({
        path,
        name: entryName,
        size: info?.size ?? (await stat(path)).size,
        isExplicit: false,
      });
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
