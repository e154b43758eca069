import { extname } from 'node:path';
import type { Meeting } from '../../core/meeting.ts';
import { ParseError } from '../parse-error.ts';
import { parseFileWithTimeLimit } from '../parse-with-time-limit.ts';
import { factsFromPath, type KnownForum } from './file-name-facts.ts';
import type { SourceAdapter, SourceReadResult, SourceSniff } from './source-types.ts';

/**
 * Legacy minutes and agendas as documents (text, Markdown, PDF, DOCX, HTML): the structural
 * parser reads them in a worker thread with a time limit, as `referat parse` does. One adapter
 * among the export formats; the others are tried first, so an export's XML renamed to .txt is
 * still read as the export it is.
 */
export const legacyDocumentAdapter: SourceAdapter = {
  id: 'legacy',
  label: 'dokument',
  detect: isLegacyDocument,
  read: (path) => readLegacyDocument(path),
};

const documentExtensions = new Set(['.txt', '.md', '.markdown', '.pdf', '.docx', '.html', '.htm']);

function isLegacyDocument(sniff: SourceSniff): boolean {
  const isPdf = sniff.magic[0] === 0x25 && sniff.magic[1] === 0x50 && sniff.magic[2] === 0x44;
  return isPdf || documentExtensions.has(extname(sniff.path).toLowerCase());
}

/** Parses one document; `missingHeader` tells whether its text named the forum and the date. */
export async function readLegacyDocument(
  path: string,
  options: { timeoutMs?: number } = {},
): Promise<SourceReadResult> {
  const { meeting, warnings } = await parseFileWithTimeLimit(path, {
    timeoutMs: options.timeoutMs,
  });
  // The parser marks what its header lacked with these placeholders (and a warning each).
  const missingHeader = {
    forum: meeting.forum === unknownForum,
    date: meeting.date === unknownDate,
  };
  return {
    meetings: [{ meeting, metadata: {}, itemMetadata: [], missingHeader }],
    warnings,
    usedFiles: [],
    attachments: { found: 0, missing: 0 },
  };
}

const unknownForum = 'Ukendt forum';
const unknownDate = '1970-01-01';
const headerWarnings =
  /^(?:mødets forum blev ikke fundet i hovedet|mødedatoen blev ikke fundet i hovedet)$/u;

/**
 * Fills in what a document's header lacked from its file name and folders, so that documents
 * without a readable header never merge into one "Ukendt forum, 1. januar 1970". A document
 * whose path does not say it either is refused with a Danish reason.
 */
export function completeFromPath(
  meeting: Meeting,
  missing: { forum: boolean; date: boolean },
  warnings: readonly string[],
  path: string,
  forums: readonly KnownForum[],
): { meeting: Meeting; warnings: string[] } {
  if (!missing.forum && !missing.date) return { meeting, warnings: [...warnings] };
  const facts = factsFromPath(path, forums);
  const gaps = [
    missing.forum && !facts.forum ? 'forum' : null,
    missing.date && !facts.date ? 'mødedato' : null,
  ].filter((gap): gap is string => gap !== null);
  if (gaps.length > 0)
    throw new ParseError(
      `dokumentet har intet læseligt hoved, og filnavnet og mappen angiver ikke ${gaps.join(' og ')}; giv filen et navn som "2017-09-07 Chefforum referat.pdf"`,
    );
  const completed: Meeting = {
    ...meeting,
    forum: missing.forum ? (facts.forum ?? meeting.forum) : meeting.forum,
    date: missing.date ? (facts.date ?? meeting.date) : meeting.date,
    kind: facts.kind ?? meeting.kind,
  };
  const taken = [
    missing.forum ? `forum "${completed.forum}"` : null,
    missing.date ? `dato ${completed.date}` : null,
  ]
    .filter(Boolean)
    .join(' og ');
  return {
    meeting: completed,
    warnings: [
      ...warnings.filter((warning) => !headerWarnings.test(warning)),
      `${taken} taget fra filnavnet eller mappen`,
    ],
  };
}
