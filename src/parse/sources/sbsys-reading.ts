import { dirname } from 'node:path';
import type { AgendaItem, MeetingKind } from '../../core/meeting.ts';
import { ParseError } from '../parse-error.ts';
import { parseExportDateTime } from './export-dates.ts';
import {
  checkedMeeting,
  cleanTitle,
  compact,
  itemFromSections,
  itemNumbers,
  readExportFile,
} from './export-meeting.ts';
import { AttachmentCollector, FileFinder } from './file-references.ts';
import { htmlFragmentToText } from './html-fragment.ts';
import { type CaptionedSection, mapSections } from './section-mapping.ts';
import type { SourceMeeting, SourceMetadata, SourceReadResult } from './source-types.ts';
import { childElements, descend, isTrue, parseXmlDocument, textAt } from './xml-document.ts';

/**
 * Reads SBSYS "eDagsorden" Publication XML, classic and Aarhus variant alike: they share the
 * element names (`Agendas/Agenda/{Committee, Meeting, Items/Item/{Number, Caption, IsPublic,
 * Fields/ItemField, Enclosures/Enclosure}}`) and differ in where the publication type sits and
 * how items are numbered ("1", or "1", "1.1", … in Aarhus). Items numbered "0" are not agenda
 * items: Aarhus uses them to carry the minutes PDFs ("Åbent referat", "Lukket referat"), which
 * are kept as the meeting's documents. Each `Agenda` is one meeting.
 */
export async function readSbsysPublication(
  path: string,
  format: string,
): Promise<SourceReadResult> {
  const { root, notes } = parseXmlDocument(await readExportFile(path));
  if (root.localName !== 'Publication') throw new ParseError('ikke en SBSYS-publikation');
  const agendas = childElements(descend(root, 'Agendas'), 'Agenda');
  if (agendas.length === 0)
    throw new ParseError('SBSYS-publikationen har ingen dagsorden (Agendas/Agenda)');
  const finder = new FileFinder(dirname(path));
  const attachments = new AttachmentCollector(finder);
  const warnings = [...notes];
  const meetings: SourceMeeting[] = [];
  for (const agenda of agendas) {
    meetings.push(await readAgenda(root, agenda, attachments, warnings, format));
  }
  return {
    meetings,
    warnings: [...warnings, ...attachments.missing],
    usedFiles: [...finder.used],
    attachments: { found: attachments.found, missing: attachments.missing.length },
  };
}

async function readAgenda(
  root: Element,
  agenda: Element,
  attachments: AttachmentCollector,
  warnings: string[],
  format: string,
): Promise<SourceMeeting> {
  const meetingElement = descend(agenda, 'Meeting');
  const when = parseExportDateTime(textAt(meetingElement, 'When'));
  if (!when) throw new ParseError('SBSYS-publikationen har ingen gyldig mødedato (Meeting/When)');
  const forum = textAt(agenda, 'Committee', 'Name') || textAt(agenda, 'Name');
  const kind = publicationKind(
    textAt(agenda, 'PublicationTypeAsValue') || textAt(root, 'PublicationTypeAsValue'),
    textAt(root, 'PublicationTypeAsEnum'),
  );
  const itemElements = childElements(descend(agenda, 'Items'), 'Item');
  const agendaItems = itemElements.filter((item) => textAt(item, 'Number') !== '0');
  const documents = itemElements.filter((item) => textAt(item, 'Number') === '0');
  const sourceNumbers = agendaItems.map((item) => textAt(item, 'Number'));
  const numbers = itemNumbers(sourceNumbers);
  const items: AgendaItem[] = [];
  const itemMetadata: SourceMetadata[] = [];
  for (const [index, element] of agendaItems.entries()) {
    const read = await readItem(element, numbers[index] ?? index + 1, when.date, attachments);
    items.push(read.item);
    itemMetadata.push(read.metadata);
  }
  const documentFiles = await readDocuments(documents, attachments, warnings);
  const metadata = compact({
    format,
    agendaId: agenda.getAttribute('ID') ?? '',
    meetingId: meetingElement?.getAttribute('ID') ?? '',
    committeeId: descend(agenda, 'Committee')?.getAttribute('ID') ?? '',
    meetingName: textAt(agenda, 'Name'),
    committeeGroup: textAt(agenda, 'Committee', 'CommitteeGroup', 'Name'),
    organisation: textAt(agenda, 'Organisation'),
    end: parseExportDateTime(textAt(meetingElement, 'Until'))?.time ?? null,
    published: textAt(root, 'Published'),
    publicationType:
      textAt(agenda, 'PublicationTypeAsValue') || textAt(root, 'PublicationTypeAsValue'),
    members: readMembers(meetingElement),
    documents: documentFiles,
    itemNumbering: numbers.some((number, index) => String(number) !== sourceNumbers[index])
      ? 'renumbered'
      : null,
  });
  return checkedMeeting(
    {
      forum,
      kind,
      date: when.date,
      start: when.time,
      location: textAt(meetingElement, 'Where') || null,
      items,
    },
    metadata,
    itemMetadata,
  );
}

/** 2 is minutes (the os2web importer's reading); 0 draft and 1 final are agendas. */
function publicationKind(value: string, enumName: string): MeetingKind {
  if (value === '2' || /minute|referat/iu.test(enumName)) return 'minutes';
  return 'agenda';
}

async function readItem(
  element: Element,
  number: number,
  meetingDate: string,
  attachments: AttachmentCollector,
): Promise<{ item: AgendaItem; metadata: SourceMetadata }> {
  const title = textAt(element, 'Caption');
  const fields = childElements(descend(element, 'Fields'), 'ItemField').sort(
    (left, right) => Number(textAt(left, 'Index')) - Number(textAt(right, 'Index')),
  );
  const sections: CaptionedSection[] = fields
    // Aarhus repeats the item's title as the caption of an empty field.
    .filter(
      (field) => !(textAt(field, 'Caption') === title.trim() && textAt(field, 'Content') === ''),
    )
    .map((field) => ({
      // Aarhus names the item's one field after the item: its text is the item's own.
      caption: textAt(field, 'Caption') === title.trim() ? '' : textAt(field, 'Caption'),
      text: htmlFragmentToText(descend(field, 'Content')?.textContent ?? ''),
      isDecision: isTrue(textAt(field, 'IsFeedback')),
    }));
  const mapped = mapSections(sections, meetingDate);
  const enclosures = childElements(descend(element, 'Enclosures'), 'Enclosure');
  const itemAttachments = [];
  for (const enclosure of enclosures) {
    const name = textAt(enclosure, 'Name') || textAt(enclosure, 'FileName') || 'Bilag';
    itemAttachments.push(
      await attachments.attachment(name, [
        textAt(enclosure, 'InstantiationFilePathRelative'),
        textAt(enclosure, 'FileName'),
        textAt(enclosure, 'InstantiationFileName'),
      ]),
    );
  }
  const caseNumber = textAt(element, 'Case', 'Number') || textAt(element, 'ItemCaseNumber') || null;
  const item = itemFromSections(number, title, mapped, {
    caseNumber,
    closed: !isTrue(textAt(element, 'IsPublic')),
    attachments: itemAttachments,
  });
  const metadata = compact({
    sourceNumber: textAt(element, 'Number'),
    sourceId: element.getAttribute('ID') ?? '',
    caseId:
      descend(element, 'Case')?.getAttribute('ID') === '0'
        ? ''
        : (descend(element, 'Case')?.getAttribute('ID') ?? ''),
    caseTitle: textAt(element, 'Case', 'Title'),
    external: isTrue(textAt(element, 'IsExternal')) ? true : null,
    sections: mapped.captions,
    attachments: enclosures.map((enclosure) =>
      compact({
        number: textAt(enclosure, 'Number'),
        fileName: textAt(enclosure, 'FileName'),
        size: textAt(enclosure, 'FileLength'),
        public: textAt(enclosure, 'IsPublic') === '' ? null : isTrue(textAt(enclosure, 'IsPublic')),
      }),
    ),
  });
  return { item, metadata };
}

/** The minutes PDFs that Aarhus hangs on items numbered "0": the meeting's documents. */
async function readDocuments(
  documents: readonly Element[],
  attachments: AttachmentCollector,
  warnings: string[],
): Promise<SourceMetadata[]> {
  const files: SourceMetadata[] = [];
  for (const document of documents) {
    for (const enclosure of childElements(descend(document, 'Enclosures'), 'Enclosure')) {
      const title = textAt(enclosure, 'Name') || cleanTitle(textAt(document, 'Caption'));
      const reference = textAt(enclosure, 'FileName');
      const path = reference ? await attachments.finder.use(reference) : null;
      if (!path && reference) warnings.push(`Dokument mangler: ${title} (${reference})`);
      files.push(
        compact({
          title,
          kind: cleanTitle(textAt(document, 'Caption')),
          file: path ? attachments.finder.relativeName(path) : null,
          reference,
          public: isTrue(textAt(enclosure, 'IsPublic')),
        }),
      );
    }
  }
  return files;
}

/** Members and whether they take part; e-mail addresses are left out on purpose. */
function readMembers(meeting: Element | null): SourceMetadata[] {
  return childElements(descend(meeting, 'Members'), 'MeetingMember').map((member) => {
    const participate = textAt(member, 'Participate');
    const status = textAt(member, 'ParticipationStatusAsText');
    return compact({
      name: textAt(member, 'Name').replace(/\s+/gu, ' '),
      // Aarhus: 0 is present, anything else absent (as the os2web importer reads it).
      present: participate !== '' ? participate === '0' : null,
      participation: status,
      note: textAt(member, 'ParticipationNote'),
    });
  });
}
