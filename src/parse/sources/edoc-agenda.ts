import { dirname } from 'node:path';
import type { AgendaItem, Attachment, MeetingKind } from '../../core/meeting.ts';
import { ParseError } from '../parse-error.ts';
import { readMeetingText } from './edoc-meeting-text.ts';
import { parseExportDateTime } from './export-dates.ts';
import {
  checkedMeeting,
  compact,
  itemFromSections,
  itemNumbers,
  readExportFile,
} from './export-meeting.ts';
import { AttachmentCollector, FileFinder } from './file-references.ts';
import { mapSections } from './section-mapping.ts';
import { xmlRootTag } from './source-sniff.ts';
import type { SourceAdapter, SourceMetadata, SourceReadResult } from './source-types.ts';
import { splitTextSections } from './text-sections.ts';
import { childElements, descend, parseXmlDocument, rawTextAt, textAt } from './xml-document.ts';

/**
 * eDoc (KMD) agenda publishing XML: `/Meeting` with `Committee`, `MeetingDate`, `MeetingState`
 * and `MeetingAgendaTypes/MeetingAgendaType/MeetingAgendaItems/MeetingAgendaItem`, listed out
 * of order (sorted here by `AgendaItemNumber`). The sections, the journal number ("Sagsnr.:")
 * and the decision exist only as plain text in each item's `FullText`; the Bilag are
 * `Document/Attachments/Attachment` with a PDF beside the XML. The file carries `&#xC;` (form
 * feed), which XML forbids: it is removed and reported.
 */
export const edocAgendaAdapter: SourceAdapter = {
  id: 'edoc',
  label: 'eDoc dagsordenpublicering',
  detect: (sniff) =>
    xmlRootTag(sniff.head)?.name === 'Meeting' &&
    /<(?:MeetingAgendaTypes|MeetingDate|MeetingState)\b/u.test(sniff.head),
  read: readEdocAgenda,
};

async function readEdocAgenda(path: string): Promise<SourceReadResult> {
  const { root, notes } = parseXmlDocument(await readExportFile(path));
  const when = parseExportDateTime(textAt(root, 'MeetingDate'));
  if (!when) throw new ParseError('eDoc-filen har ingen gyldig mødedato (MeetingDate)');
  const forum = textAt(root, 'Committee');
  const state = textAt(root, 'MeetingState');
  const finder = new FileFinder(dirname(path));
  const attachments = new AttachmentCollector(finder);
  const agendaTypes = childElements(descend(root, 'MeetingAgendaTypes'), 'MeetingAgendaType');
  const entries: Array<{ element: Element; isClosedAgenda: boolean; agendaType: string }> = [];
  for (const agendaType of agendaTypes) {
    const type = textAt(agendaType, 'AgendaType');
    const elements = childElements(descend(agendaType, 'MeetingAgendaItems'), 'MeetingAgendaItem');
    const sorted = elements.sort(
      (left, right) =>
        Number(textAt(left, 'AgendaItemNumber')) - Number(textAt(right, 'AgendaItemNumber')),
    );
    for (const element of sorted)
      entries.push({ element, isClosedAgenda: /lukket/iu.test(type), agendaType: type });
  }
  const sourceNumbers = entries.map((entry) => textAt(entry.element, 'AgendaItemNumber'));
  const numbers = itemNumbers(sourceNumbers);
  const items: AgendaItem[] = [];
  const itemMetadata: SourceMetadata[] = [];
  for (const [index, entry] of entries.entries()) {
    const read = await readItem(entry, numbers[index] ?? index + 1, when.date, attachments);
    items.push(read.item);
    itemMetadata.push(read.metadata);
  }
  const kind: MeetingKind =
    /referat/iu.test(state) || (state === '' && items.some((item) => item.decision !== null))
      ? 'minutes'
      : 'agenda';
  const meetingText = agendaTypes.map((agendaType) => rawTextAt(agendaType, 'FullText')).join('\n');
  const metadata = compact({
    format: 'edoc',
    meetingState: state,
    agendaTypes: agendaTypes.map((agendaType) =>
      compact({
        type: textAt(agendaType, 'AgendaType'),
        pdfDocument: textAt(agendaType, 'PDFDocument'),
        url: textAt(agendaType, 'UrlShowCompleteAgendaType'),
      }),
    ),
    ...readMeetingText(meetingText),
  });
  // eDoc has no location element; the text's "i Mødecenter C …" stays in the metadata.
  const meeting = checkedMeeting(
    { forum, kind, date: when.date, start: when.time, location: null, items },
    metadata,
    itemMetadata,
  );
  return {
    meetings: [meeting],
    warnings: [...notes, ...attachments.missing],
    usedFiles: [...finder.used],
    attachments: { found: attachments.found, missing: attachments.missing.length },
  };
}

async function readItem(
  entry: { element: Element; isClosedAgenda: boolean; agendaType: string },
  number: number,
  meetingDate: string,
  attachments: AttachmentCollector,
): Promise<{ item: AgendaItem; metadata: SourceMetadata }> {
  const { element } = entry;
  const document = descend(element, 'Document');
  const title = textAt(document, 'Title') || textAt(document, 'NeutralTitle');
  const split = splitTextSections(rawTextAt(element, 'FullText'));
  const mapped = mapSections(split.sections, meetingDate);
  const publishing = textAt(document, 'PublishingType');
  const attachmentElements = childElements(descend(document, 'Attachments'), 'Attachment');
  const itemAttachments: Attachment[] = [];
  for (const attachment of attachmentElements) {
    const name = textAt(attachment, 'Title') || textAt(attachment, 'NeutralTitle') || 'Bilag';
    itemAttachments.push(await attachments.attachment(name, [textAt(attachment, 'PDFDocument')]));
  }
  if (attachmentElements.length === 0)
    itemAttachments.push(
      ...mapped.attachmentLines.map((line) => ({ title: line.replace(/^\S+\s+[-–]\s+/u, '') })),
    );
  const item = itemFromSections(number, title, mapped, {
    caseNumber: split.caseNumber,
    closed: entry.isClosedAgenda || (publishing !== '' && !/^skal publiceres$/iu.test(publishing)),
    attachments: itemAttachments,
  });
  const agendaItem = descend(document, 'AgendaItems', 'AgendaItem');
  const metadata = compact({
    sourceNumber: textAt(element, 'AgendaItemNumber'),
    documentId: document?.getAttribute('documentid') ?? '',
    documentNumber: split.documentNumber,
    caseId: descend(document, 'Case')?.getAttribute('caseid') ?? '',
    neutralTitle:
      textAt(document, 'NeutralTitle') === title ? '' : textAt(document, 'NeutralTitle'),
    agendaType: entry.agendaType,
    agendaItemType: textAt(agendaItem, 'AgendaItemType'),
    publishingType: publishing,
    pdfDocument: textAt(element, 'PDFDocument'),
    sections: mapped.captions,
    attachments: attachmentElements.map((attachment) =>
      compact({
        attachmentId: attachment.getAttribute('attachmentid') ?? '',
        pdfDocument: textAt(attachment, 'PDFDocument'),
        summary: textAt(attachment, 'Summary'),
        publishingType: textAt(attachment, 'PublishingType'),
        // The Bilag's own text (eDoc extracts it from the PDF): kept, since the PDF rarely comes along.
        text: textAt(attachment, 'FullText'),
      }),
    ),
  });
  return { item, metadata };
}
