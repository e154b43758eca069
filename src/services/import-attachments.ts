import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { detectAttachmentType } from '../core/attachment-type.ts';
import type { Meeting } from '../core/meeting.ts';
import type { SourceMeeting } from '../parse/sources/source-types.ts';
import type { ImportedAttachmentFile } from '../store/meeting-writer.ts';

/**
 * The Bilag files an import stores with a meeting. An export names its Bilag relative to its
 * own folder, and the adapter has found them (its `usedFiles`); a Meeting JSON's `file` is
 * looked for beside the JSON. Found files are stored in the archive (once per content), so
 * that their text can be read and searched and they can be downloaded; what the export says
 * of each Bilag's access ("Lukket", IsPublic false) marks it not public.
 */

/** A Bilag file larger than this stays a reference: far above any real Bilag (25 MB uploads). */
const maxImportedAttachmentBytes = 200 * 1024 * 1024;

/** What collecting found: the files per item and attachment, and notes for the summary. */
export interface CollectedAttachmentFiles {
  files: ImportedAttachmentFile[][];
  stored: number;
  notes: string[];
}

/** Reads the Bilag files of one meeting, in the order of its items and their attachments. */
export async function collectAttachmentFiles(
  meeting: Meeting,
  sourcePath: string,
  source: { meeting?: SourceMeeting; usedFiles?: readonly string[] },
): Promise<CollectedAttachmentFiles> {
  const collected: CollectedAttachmentFiles = { files: [], stored: 0, notes: [] };
  for (const [itemIndex, item] of meeting.items.entries()) {
    const facts = attachmentFacts(source.meeting?.itemMetadata[itemIndex]);
    const row: ImportedAttachmentFile[] = [];
    for (const [position, attachment] of item.attachments.entries()) {
      const isPublic = !isMarkedClosed(facts[position]);
      const path = attachment.file
        ? await locate(attachment.file, sourcePath, source.usedFiles ?? [])
        : null;
      const file = path ? await readAttachmentFile(path, collected.notes) : null;
      if (file) collected.stored++;
      row.push({ file, isPublic });
    }
    collected.files.push(row);
  }
  return collected;
}

/** The per-Bilag facts an adapter kept in the item's source metadata, in order. */
function attachmentFacts(metadata: Record<string, unknown> | undefined): unknown[] {
  const list = metadata?.attachments;
  return Array.isArray(list) ? list : [];
}

/** An export's own mark of a closed Bilag: SBSYS `IsPublic` false, Acadre "Lukket". */
function isMarkedClosed(facts: unknown): boolean {
  if (typeof facts !== 'object' || facts === null) return false;
  const record = facts as Record<string, unknown>;
  if (record.public === false) return true;
  const access = record.access;
  return typeof access === 'string' && /lukket|fortrolig|ikke offentlig/iu.test(access);
}

/**
 * The file an attachment names: among the files the export's adapter found (their paths end
 * with the relative name), else beside the source file, never outside its folder.
 */
async function locate(
  reference: string,
  sourcePath: string,
  usedFiles: readonly string[],
): Promise<string | null> {
  const relative = normalize(reference.replace(/\\/gu, '/'));
  const suffix = `${sep}${relative}`;
  const found = usedFiles.find((path) => path.endsWith(suffix) || path === relative);
  if (found) return found;
  if (isAbsolute(relative) || relative.startsWith('..')) return null;
  const beside = join(dirname(sourcePath), relative);
  const facts = await stat(beside).catch(() => null);
  return facts?.isFile() ? beside : null;
}

async function readAttachmentFile(
  path: string,
  notes: string[],
): Promise<ImportedAttachmentFile['file']> {
  const facts = await stat(path).catch(() => null);
  if (!facts) return null;
  if (facts.size > maxImportedAttachmentBytes) {
    notes.push(`Bilaget ${basename(path)} er for stort til at blive gemt (over 200 MB)`);
    return null;
  }
  const bytes = await readFile(path).catch(() => null);
  if (!bytes) {
    notes.push(`Bilaget ${basename(path)} kunne ikke læses fra disken`);
    return null;
  }
  const detected = detectAttachmentType(bytes);
  return {
    bytes,
    name: basename(path),
    mediaType: detected.ok ? detected.type.mediaType : mediaTypeByName(path),
  };
}

/** Bilag in exports are mostly PDF, Word and Excel; older ones .doc, .xls, images. */
function mediaTypeByName(path: string): string {
  const extension = path.toLowerCase().split('.').at(-1) ?? '';
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    doc: 'application/msword',
    xls: 'application/vnd.ms-excel',
    rtf: 'application/rtf',
    txt: 'text/plain',
    htm: 'text/html',
    html: 'text/html',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    tif: 'image/tiff',
    tiff: 'image/tiff',
  };
  return known[extension] ?? 'application/octet-stream';
}
