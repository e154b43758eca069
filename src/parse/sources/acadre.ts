import { dirname } from 'node:path';
import type { MeetingKind } from '../../core/meeting.ts';
import { readDocx } from '../docx-reader.ts';
import { parseMinutesText } from '../minutes-parser.ts';
import { ParseError } from '../parse-error.ts';
import { readAcadreMinutes } from './acadre-minutes.ts';
import { attributeFieldBlocks, isAcadreRoot, table } from './acadre-tables.ts';
import { parseExportDateTime } from './export-dates.ts';
import { checkedMeeting, compact, readExportFile } from './export-meeting.ts';
import { FileFinder } from './file-references.ts';
import { xmlRootName } from './source-sniff.ts';
import type {
  SourceAdapter,
  SourceMetadata,
  SourceReadResult,
  SourceSniff,
} from './source-types.ts';
import { parseXmlDocument } from './xml-document.ts';

/**
 * Acadre (Traen/Formpipe) agenda publishing: a manifest (`XML_1863.xml`: committee, meeting and
 * one `producedAgenda` block per produced document, type 1 dagsorden or 2 referat) and, per
 * published block, a files folder with the document as field XML (`3687981.XML`), as Word
 * (`3687982.DOCX`) and the Bilag. The manifest names the files in another case than the disk.
 * The published block with a files folder is read (minutes before agenda); its field XML gives
 * the meeting, and when only the Word document is there, the structural parser reads that.
 * A field XML found without its manifest is read on its own.
 */
export const acadreAdapter: SourceAdapter = {
  id: 'acadre',
  label: 'Acadre dagsordenpublicering',
  detect: (sniff) => isAcadreManifest(sniff) || isAcadreMinutes(sniff),
  read: readAcadre,
};

function isAcadreManifest(sniff: SourceSniff): boolean {
  return (
    xmlRootName(sniff.head) === 'root' &&
    /<field\s+(?:xmlfilename|filesfolder|docfilename|sysid|date)\s*=/u.test(sniff.head)
  );
}

function isAcadreMinutes(sniff: SourceSniff): boolean {
  return (
    xmlRootName(sniff.head) === 'root' &&
    /<table\s+name\s*=\s*["']agenda["']/u.test(sniff.head) &&
    /<field\s+name\s*=/u.test(sniff.head)
  );
}

async function readAcadre(path: string): Promise<SourceReadResult> {
  const bytes = await readExportFile(path);
  const { root, notes } = parseXmlDocument(bytes);
  if (!isAcadreRoot(root)) throw new ParseError('ikke en Acadre-fil');
  if (table(root, 'producedAgenda') || !table(root, 'agenda')?.getElementsByTagName('field').length)
    return readManifest(path, root, notes);
  const read = await readAcadreMinutes(path, null);
  return {
    meetings: [read.meeting],
    warnings: read.warnings,
    usedFiles: [...read.finder.used],
    attachments: { found: read.attachments.found, missing: read.attachments.missing.length },
  };
}

type Block = Map<string, string>;

async function readManifest(
  path: string,
  root: Element,
  notes: string[],
): Promise<SourceReadResult> {
  const finder = new FileFinder(dirname(path));
  const blocks = attributeFieldBlocks(table(root, 'producedAgenda'));
  const claimed = new Set<string>();
  // Every produced document belongs to this export, read or not.
  for (const block of blocks) {
    for (const key of ['xmlfilename', 'docfilename'])
      await claim(finder, block.get('filesfolder'), block.get(key), claimed);
  }
  const chosen = await chooseBlock(finder, blocks);
  if (!chosen)
    throw new ParseError(
      'Acadre-manifestet peger ikke på en offentliggjort dagsorden eller et referat med en filmappe',
    );
  const folder = chosen.get('filesfolder') ?? '';
  const manifestFacts = {
    kind: blockKind(chosen),
    metadata: compact({
      producedDocument: chosen.get('comment'),
      producedType: chosen.get('type'),
      access: chosen.get('access'),
      publishDate: chosen.get('publishDate'),
      filesFolder: folder,
    }),
  };
  const xmlPath = await finder.use(`${folder}/${chosen.get('xmlfilename') ?? ''}`);
  const docPath = await finder.use(`${folder}/${chosen.get('docfilename') ?? ''}`);
  if (xmlPath) {
    const read = await readAcadreMinutes(xmlPath, manifestFacts);
    if (docPath) read.meeting.metadata.document = finder.relativeName(docPath);
    return {
      meetings: [read.meeting],
      warnings: [...notes, ...read.warnings],
      usedFiles: [...claimed, ...finder.used, ...read.finder.used],
      attachments: { found: read.attachments.found, missing: read.attachments.missing.length },
    };
  }
  if (docPath)
    return readWordMinutes(root, docPath, manifestFacts, [...notes], [...claimed, ...finder.used]);
  throw new ParseError(
    `Acadre-manifestet nævner ${folder}/${chosen.get('xmlfilename') ?? '?'}, men filen findes ikke`,
  );
}

async function claim(
  finder: FileFinder,
  folder: string | undefined,
  name: string | undefined,
  claimed: Set<string>,
) {
  if (!folder || !name) return;
  const found = await finder.find(`${folder}/${name}`);
  if (found) claimed.add(found);
}

/** The published block whose files folder is there; minutes before agenda. */
async function chooseBlock(finder: FileFinder, blocks: readonly Block[]): Promise<Block | null> {
  const withFolder: Block[] = [];
  for (const block of blocks) {
    const folder = block.get('filesfolder');
    if (folder && (await finder.find(folder))) withFolder.push(block);
  }
  const rank = (block: Block): number =>
    (block.get('publish') === '1' ? 2 : 0) + (block.get('type') === '2' ? 1 : 0);
  return withFolder.sort((left, right) => rank(right) - rank(left))[0] ?? null;
}

function blockKind(block: Block): MeetingKind | null {
  const type = block.get('type');
  if (type === '2') return 'minutes';
  if (type === '1') return 'agenda';
  return null;
}

/** Only the Word document came along: the structural parser reads it; the manifest names the meeting. */
async function readWordMinutes(
  root: Element,
  docPath: string,
  manifest: { kind: MeetingKind | null; metadata: SourceMetadata },
  warnings: string[],
  usedFiles: string[],
): Promise<SourceReadResult> {
  const [committee] = attributeFieldBlocks(table(root, 'committee'));
  const [meetingFields] = attributeFieldBlocks(table(root, 'meeting'));
  const when = parseExportDateTime(meetingFields?.get('date') ?? '');
  if (!when) throw new ParseError('Acadre-manifestet har ingen gyldig mødedato');
  const parsed = parseMinutesText(await readDocx(await readExportFile(docPath)));
  const meeting = checkedMeeting(
    {
      ...parsed.meeting,
      forum: committee?.get('name') || parsed.meeting.forum,
      kind: manifest.kind ?? parsed.meeting.kind,
      date: when.date,
      start: when.time ?? parsed.meeting.start ?? null,
    },
    compact({
      format: 'acadre',
      ...manifest.metadata,
      meetingName: meetingFields?.get('name'),
      readFrom: 'docx',
    }),
    parsed.meeting.items.map((item) => ({ sourceNumber: String(item.number) })),
  );
  return {
    meetings: [meeting],
    warnings: [
      ...warnings,
      'referatets XML mangler; Word-dokumentet er læst i stedet',
      ...parsed.warnings,
    ],
    usedFiles,
    attachments: { found: 0, missing: 0 },
  };
}
