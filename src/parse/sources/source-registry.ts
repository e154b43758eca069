import { resolve } from 'node:path';
import { ParseError } from '../parse-error.ts';
import { acadreAdapter } from './acadre.ts';
import { edocAgendaAdapter } from './edoc-agenda.ts';
import { edocFujitsuAdapter } from './edoc-fujitsu.ts';
import { legacyDocumentAdapter } from './legacy-document.ts';
import { sbsysAarhusAdapter } from './sbsys-aarhus.ts';
import { sbsysPublicationAdapter } from './sbsys-publication.ts';
import { sniffFile } from './source-sniff.ts';
import type { SourceAdapter, SourceReadResult, SourceSniff } from './source-types.ts';

/**
 * The formats `referat import` reads, in the order they are asked: the ESDH exports first,
 * each recognizing its files by their content (root element, namespace, manifest fields),
 * never by their name; the legacy documents last.
 */
export const sourceAdapters: readonly SourceAdapter[] = [
  edocFujitsuAdapter,
  edocAgendaAdapter,
  sbsysAarhusAdapter,
  sbsysPublicationAdapter,
  acadreAdapter,
  legacyDocumentAdapter,
];

/** The adapter for a file's first bytes, or null when no format reads it. */
export function detectSource(sniff: SourceSniff): SourceAdapter | null {
  return sourceAdapters.find((adapter) => adapter.detect(sniff)) ?? null;
}

/** The adapter for a file on disk, or null (also when it cannot be read). */
export async function detectSourceFile(path: string): Promise<SourceAdapter | null> {
  const sniff = await sniffFile(path);
  return sniff ? detectSource(sniff) : null;
}

/** True for the ESDH export adapters (not the legacy documents). */
export function isExportAdapter(adapter: SourceAdapter): boolean {
  return adapter.id !== legacyDocumentAdapter.id;
}

/**
 * Reads a file with its adapter. Whatever goes wrong becomes a ParseError with one Danish
 * line, so a broken export is a line in the import summary, never a crash.
 */
export async function readSource(adapter: SourceAdapter, path: string): Promise<SourceReadResult> {
  try {
    const result = await adapter.read(resolve(path));
    return { ...result, usedFiles: [...new Set(result.usedFiles)] };
  } catch (error) {
    if (error instanceof ParseError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ParseError(
      `${adapter.label} kunne ikke læses (${message.split('\n')[0]?.trim() || 'ukendt fejl'})`,
    );
  }
}
