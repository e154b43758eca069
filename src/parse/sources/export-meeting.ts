import { readFile } from 'node:fs/promises';
import {
  type AgendaItem,
  createEmptyItem,
  type Meeting,
  meetingSchema,
} from '../../core/meeting.ts';
import { decodeEntities } from '../docx-html.ts';
import { ParseError } from '../parse-error.ts';
import { numericHtmlEntities } from './html-fragment.ts';
import type { MappedSections } from './section-mapping.ts';
import type { SourceMeeting, SourceMetadata } from './source-types.ts';

/** Shared steps of the ESDH adapters: reading the file, numbering items, checking the result. */

/** Largest export file read; the biggest fixture (eDoc with Bilag text) is about 0.5 MB. */
export const maxExportBytes = 100 * 1024 * 1024;

/** Reads an export file's bytes, or throws a ParseError with a Danish reason. */
export async function readExportFile(path: string): Promise<Uint8Array> {
  const bytes = await readFile(path).catch(() => {
    throw new ParseError('filen kan ikke læses');
  });
  if (bytes.length === 0) throw new ParseError('filen er tom');
  if (bytes.length > maxExportBytes) throw new ParseError('filen er for stor til at læse');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The Meeting model numbers items with integers from 1. When every source number is such an
 * integer and none repeats, it is kept (Acadre's running "715" too, as printed); otherwise
 * (SBSYS Aarhus's "1", "1.1", "1.2", …) the items are numbered 1, 2, 3 … in document order,
 * and each item's source metadata keeps the original as `sourceNumber`.
 */
export function itemNumbers(sourceNumbers: readonly string[]): number[] {
  const integers = sourceNumbers.map((value) =>
    /^\d{1,6}$/u.test(value.trim()) ? Number(value) : 0,
  );
  const isUsable =
    integers.every((value) => value >= 1) && new Set(integers).size === integers.length;
  return isUsable ? integers : sourceNumbers.map((_, index) => index + 1);
}

/** An item with its mapped sections. */
export function itemFromSections(
  number: number,
  title: string,
  sections: MappedSections,
  facts: Pick<AgendaItem, 'caseNumber' | 'closed' | 'attachments'>,
): AgendaItem {
  return {
    ...createEmptyItem(number, cleanTitle(title)),
    caseNumber: facts.caseNumber?.trim() || null,
    closed: facts.closed,
    background: sections.background,
    presentation: sections.presentation,
    recommendation: sections.recommendation,
    decision: sections.decision,
    attachments: facts.attachments,
    absent: sections.absent,
  };
}

/** One line, single spaces, HTML entities decoded ("&ndash;"); "Uden titel" when there is none. */
export function cleanTitle(title: string): string {
  const decoded = /&[#A-Za-z0-9]+;/u.test(title)
    ? decodeEntities(numericHtmlEntities(title))
    : title;
  const text = decoded.replace(/\s+/gu, ' ').trim();
  return text === '' ? 'Uden titel' : text;
}

/** Checks the meeting against the model; a gap becomes a Danish reason, not an exception. */
export function checkedMeeting(
  meeting: Meeting,
  metadata: SourceMetadata,
  itemMetadata: SourceMetadata[],
): SourceMeeting {
  if (meeting.forum.trim() === '')
    throw new ParseError('eksporten nævner intet udvalg eller forum');
  const result = meetingSchema.safeParse(meeting);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ParseError(
      `eksporten giver ikke et gyldigt møde (${issue?.path.join('.') || 'møde'}: ${issue?.message ?? 'ukendt'})`,
    );
  }
  return { meeting: result.data, metadata, itemMetadata };
}

/** Drops empty values so the stored metadata holds only what the export said. */
export function compact(metadata: SourceMetadata): SourceMetadata {
  const kept: SourceMetadata = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    kept[key] = value;
  }
  return kept;
}
