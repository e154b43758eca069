import { dirname } from 'node:path';
import type { AgendaItem, Attachment, MeetingKind } from '../../core/meeting.ts';
import { parseAbsences } from '../absence-parser.ts';
import { ParseError } from '../parse-error.ts';
import { namedFields, table, tables } from './acadre-tables.ts';
import { parseExportDateTime } from './export-dates.ts';
import {
  checkedMeeting,
  compact,
  itemFromSections,
  itemNumbers,
  readExportFile,
} from './export-meeting.ts';
import { AttachmentCollector, FileFinder } from './file-references.ts';
import { htmlFragmentToText } from './html-fragment.ts';
import { type CaptionedSection, mapSections, type SectionTarget } from './section-mapping.ts';
import type { SourceMeeting, SourceMetadata } from './source-types.ts';
import { parseXmlDocument } from './xml-document.ts';

/** What the manifest says about the document, when there is one. */
export interface AcadreManifestFacts {
  kind: MeetingKind | null;
  /** The manifest's own metadata (ids, the produced document, its comment). */
  metadata: SourceMetadata;
}

/** Acadre's `bullettype`: 1 Resumé, 2 Sagsfremstilling, 3 Økonomi, 4 Lovgrundlag, 5 Bilag, 6 Indstilling, 7 Supplerende sagsfremstilling, 8 Beslutning. */
const bulletTargets: Record<string, SectionTarget> = {
  '1': 'background',
  '2': 'presentation',
  '3': 'other',
  '4': 'other',
  '5': 'attachments',
  '6': 'recommendation',
  '7': 'other',
  '8': 'decision',
};

/** The minutes (or agenda) as Acadre's field XML: one meeting, its items, sections and Bilag. */
export async function readAcadreMinutes(
  path: string,
  manifest: AcadreManifestFacts | null,
): Promise<{
  meeting: SourceMeeting;
  warnings: string[];
  finder: FileFinder;
  attachments: AttachmentCollector;
}> {
  const { root, notes } = parseXmlDocument(await readExportFile(path));
  const agenda = table(root, 'agenda');
  if (!agenda) throw new ParseError('Acadre-filen har ingen dagsorden (table name="agenda")');
  const agendaFields = namedFields(agenda);
  const committee = namedFields(table(agenda, 'committee'));
  const meetingTable = table(agenda, 'meeting');
  const meetingFields = namedFields(meetingTable);
  const when = parseExportDateTime(meetingFields.get('date') ?? '');
  if (!when) throw new ParseError('Acadre-filen har ingen gyldig mødedato (meeting/date)');
  const finder = new FileFinder(dirname(path));
  const attachments = new AttachmentCollector(finder);
  // The running number (`sort`) orders the items; the file need not list them in that order.
  const parents = tables(agenda, 'agendaitemparents').sort(
    (left, right) =>
      Number(namedFields(left).get('sort') ?? 0) - Number(namedFields(right).get('sort') ?? 0),
  );
  const numbers = itemNumbers(parents.map((parent) => namedFields(parent).get('sort') ?? ''));
  const members = tables(table(meetingTable, 'meetmember'), 'member').map((member) =>
    namedFields(member),
  );
  const absentMembers = members.filter((member) => member.get('absent') === '1');
  const items: AgendaItem[] = [];
  const itemMetadata: SourceMetadata[] = [];
  for (const [index, parent] of parents.entries()) {
    const read = await readItem(parent, numbers[index] ?? index + 1, when.date, attachments);
    if (absentMembers.length > 0 && read.item.absent.length === 0)
      read.item.absent = absentMembers.map((member) => ({
        name: cleanName(member.get('name') ?? ''),
      }));
    items.push(read.item);
    itemMetadata.push(read.metadata);
  }
  const agendaName = agendaFields.get('name') ?? '';
  const kind: MeetingKind =
    manifest?.kind ??
    (/referat/iu.test(agendaName)
      ? 'minutes'
      : /dagsorden/iu.test(agendaName)
        ? 'agenda'
        : items.some((item) => item.decision !== null)
          ? 'minutes'
          : 'agenda');
  const metadata = compact({
    format: 'acadre',
    ...manifest?.metadata,
    agendaId: agendaFields.get('sysid'),
    agendaName,
    produced: agendaFields.get('producedate'),
    committeeId: committee.get('sysid'),
    meetingId: meetingFields.get('sysid'),
    meetingName: meetingFields.get('name'),
    end: parseExportDateTime(meetingFields.get('finish') ?? '')?.time ?? null,
    address: (meetingFields.get('address') ?? '')
      .split(/<br\s*\/?>/iu)
      .map((line) => line.trim())
      .filter(Boolean)
      .join(', '),
    members: members.map((member) =>
      compact({
        name: cleanName(member.get('name') ?? ''),
        role: member.get('role'),
        present: member.get('absent') !== '1',
      }),
    ),
  });
  const meeting = checkedMeeting(
    {
      forum: committee.get('name') ?? '',
      kind,
      date: when.date,
      start: when.time,
      location: meetingFields.get('location') || null,
      items,
    },
    metadata,
    itemMetadata,
  );
  return { meeting, warnings: [...notes, ...attachments.missing], finder, attachments };
}

async function readItem(
  parent: Element,
  number: number,
  meetingDate: string,
  attachments: AttachmentCollector,
): Promise<{ item: AgendaItem; metadata: SourceMetadata }> {
  const itemTable = table(parent, 'agendaitem');
  const fields = namedFields(itemTable);
  const bullets = tables(itemTable, 'bullet')
    .map((bullet) => namedFields(bullet))
    .sort(
      (left, right) =>
        Number(left.get('bulletsortorder') ?? 0) - Number(right.get('bulletsortorder') ?? 0),
    );
  const sections: CaptionedSection[] = bullets.map((bullet) => ({
    caption: bullet.get('bulletname') ?? '',
    text: htmlFragmentToText(bullet.get('bulletcontent') ?? ''),
    target: bulletTargets[bullet.get('bullettype') ?? ''],
  }));
  const mapped = mapSections(sections, meetingDate);
  const enclosures = tables(itemTable, 'enclosure')
    .map((enclosure) => namedFields(enclosure))
    .sort((left, right) => Number(left.get('sort') ?? 0) - Number(right.get('sort') ?? 0));
  const itemAttachments: Attachment[] = [];
  for (const enclosure of enclosures)
    itemAttachments.push(
      await attachments.attachment(
        enclosure.get('name') || enclosure.get('description') || 'Bilag',
        [enclosure.get('filename') ?? ''],
      ),
    );
  const accessName = fields.get('accessname') ?? '';
  const item = itemFromSections(number, fields.get('name') ?? '', mapped, {
    caseNumber: fields.get('caseno') || null,
    closed: accessName !== '' ? /lukket/iu.test(accessName) : (fields.get('access') ?? '1') !== '1',
    attachments: itemAttachments,
  });
  const absentText = [fields.get('absent') ?? '', fields.get('excuse') ?? ''].join('\n');
  if (absentText.trim() !== '') item.absent = parseAbsences(absentText.split('\n'));
  const parentFields = namedFields(parent);
  const metadata = compact({
    sourceNumber: parentFields.get('sort'),
    sourceId: fields.get('sysid'),
    access: accessName,
    publishLevel: fields.get('publishlevel'),
    caseTitle: namedFields(table(table(itemTable, 'agendaitemlink'), 'noarksak')).get('tittel'),
    caseOfficer: fields.get('caseofficername'),
    state: fields.get('stateName'),
    sections: mapped.captions,
    attachments: enclosures.map((enclosure) =>
      compact({
        description: enclosure.get('description'),
        documentNumber: enclosure.get('fileno'),
        fileName: enclosure.get('filename'),
        access: enclosure.get('accessname'),
      }),
    ),
  });
  return { item, metadata };
}

/** "Preben  Busk (A)" with single spaces. */
function cleanName(name: string): string {
  return name.replace(/\s+/gu, ' ').trim();
}
