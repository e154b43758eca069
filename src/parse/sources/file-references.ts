import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Attachment } from '../../core/meeting.ts';

/**
 * Finds the files an export names. The names are written on Windows: backslashes
 * (`Enclosures\1.pdf`), another case than on disk (`3687981.xml` for `3687981.XML`, `.pdf`
 * for `.PDF`) and, after a trip through a Mac zip, NFD letters where the XML has NFC (`å`).
 * So each path segment is matched against the folder's entries, ignoring case and Unicode
 * normalization.
 */
export class FileFinder {
  readonly used = new Set<string>();
  readonly baseFolder: string;
  readonly #entries = new Map<string, Promise<string[]>>();

  constructor(baseFolder: string) {
    this.baseFolder = baseFolder;
  }

  /** The file's absolute path, or null when it is not there. */
  async find(reference: string): Promise<string | null> {
    const segments = referenceSegments(reference);
    if (segments.length === 0) return null;
    let current = this.baseFolder;
    for (const segment of segments) {
      const wanted = foldName(segment);
      const entries = await this.#list(current);
      const match = entries.find((entry) => foldName(entry) === wanted);
      if (match === undefined) return null;
      current = join(current, match);
    }
    return current;
  }

  /** Finds the file and marks it as used by the export, so it is not imported on its own. */
  async use(reference: string): Promise<string | null> {
    const found = await this.find(reference);
    if (found) this.used.add(found);
    return found;
  }

  /** A found file's path relative to the export's folder, with forward slashes. */
  relativeName(path: string): string {
    return relative(this.baseFolder, path).split(sep).join('/');
  }

  #list(folder: string): Promise<string[]> {
    let listing = this.#entries.get(folder);
    if (!listing) {
      listing = readdir(folder).catch(() => []);
      this.#entries.set(folder, listing);
    }
    return listing;
  }
}

/** "Enclosures\1.pdf", "\Attachments\x.pdf", "./a/b" as path segments; ".." is refused. */
function referenceSegments(reference: string): string[] {
  let text = reference.trim().replace(/\\/gu, '/');
  // An absolute Windows path ("c:\publish\…\1.pdf") names a machine that is gone: its file name remains.
  if (/^[a-z]:\//iu.test(text) || (isAbsolute(text) && text.split('/').length > 3))
    text = text.split('/').at(-1) ?? '';
  const segments = text.split('/').filter((segment) => segment !== '' && segment !== '.');
  return segments.includes('..') ? [] : segments;
}

function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Attachments as an export names them, with the files that are there and those missing. */
export class AttachmentCollector {
  found = 0;
  readonly missing: string[] = [];
  readonly finder: FileFinder;

  constructor(finder: FileFinder) {
    this.finder = finder;
  }

  /**
   * An attachment with the first of its references that is there (its `file` relative to the
   * export's folder); one that names files none of which is there is reported missing.
   */
  async attachment(title: string, references: readonly string[]): Promise<Attachment> {
    const named = references.map((reference) => reference.trim()).filter((value) => value !== '');
    for (const reference of named) {
      const path = await this.finder.use(reference);
      if (path) {
        this.found++;
        return { title, file: this.finder.relativeName(path) };
      }
    }
    if (named.length > 0) this.missing.push(`Bilag mangler: ${title} (${named[0]})`);
    return { title, file: null };
  }
}
