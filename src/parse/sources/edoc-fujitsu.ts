import { basename, dirname, extname, join } from 'node:path';
import type { AgendaItem, Attachment, MeetingKind } from '../../core/meeting.ts';
import { ParseError } from '../parse-error.ts';
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
import { type CaptionedSection, mapSections } from './section-mapping.ts';
import type { SourceAdapter, SourceMetadata, SourceReadResult } from './source-types.ts';
import { childElements, descend, isTrue, parseXmlDocument, textAt } from './xml-document.ts';

const fujitsuNamespace = 'http://www.fujitsu.dk/agenda/xml/schemas/';

/**
 * eDoc "Fujitsu agenda" XML: elements in the namespace `http://www.fujitsu.dk/agenda/xml/
 * schemas/2009/03/31/` under a `Root`. Items are `AgendaElement`s numbered by
 * `HandlingItem/SerialNo` (not `SortOrder`, which repeats); the title is `Title` as the HTML
 * rendition shows it (`NeutralTitle`, the subject where the title says "Fejloprettet", goes to
 * the source metadata). `OutputFilterIsPublic=false` means the closed items are included: they
 * are imported with `closed` set (`AccessIsPublic=false`), so only readers with rights see them.
 * The HTML rendition beside the XML (same name, `.html`) belongs to it and is not imported alone.
 */
export const edocFujitsuAdapter: SourceAdapter = {
  id: 'edoc-fujitsu',
  label: 'eDoc Fujitsu-dagsorden',
  detect: (sniff) =>
    sniff.head.includes(fujitsuNamespace) &&
    /<(?:\w+:)?OutputTypeEnumName|<(?:\w+:)?Committee\b/u.test(sniff.head),
  read: readFujitsuAgenda,
};

async function readFujitsuAgenda(path: string): Promise<SourceReadResult> {
  const { root, notes } = parseXmlDocument(await readExportFile(path));
  const committee = descend(root, 'Committee');
  const meetingElement = descend(committee, 'Meeting');
  const when = parseExportDateTime(textAt(meetingElement, 'MeetingDateTime'));
  if (!when) throw new ParseError('Fujitsu-filen har ingen gyldig mødedato (MeetingDateTime)');
  const agenda = descend(meetingElement, 'Agenda');
  const elements = childElements(descend(agenda, 'AgendaElements'), 'AgendaElement').sort(
    (left, right) => serialNumber(left) - serialNumber(right),
  );
  const finder = new FileFinder(dirname(path));
  const attachments = new AttachmentCollector(finder);
  const numbers = itemNumbers(
    elements.map((element) => textAt(element, 'HandlingItem', 'SerialNo')),
  );
  const items: AgendaItem[] = [];
  const itemMetadata: SourceMetadata[] = [];
  for (const [index, element] of elements.entries()) {
    const read = await readItem(element, numbers[index] ?? index + 1, when.date, attachments);
    items.push(read.item);
    itemMetadata.push(read.metadata);
  }
  const rendition = await findRendition(finder, path);
  const outputType = textAt(root, 'OutputTypeEnumName');
  const kind: MeetingKind =
    /minute|referat|protocol/iu.test(outputType) || /referat/iu.test(textAt(agenda, 'Type'))
      ? 'minutes'
      : 'agenda';
  const metadata = compact({
    format: 'edoc-fujitsu',
    outputType,
    includesClosedItems: !isTrue(textAt(root, 'OutputFilterIsPublic')),
    committeeId: textAt(committee, 'Identifier'),
    committeeShortName: textAt(committee, 'ShortName'),
    meetingId: textAt(meetingElement, 'MeetingIdentifier'),
    end: parseExportDateTime(textAt(meetingElement, 'EndDateTime'))?.time ?? null,
    meetingState: textAt(meetingElement, 'MeetingStateCode'),
    agendaId: textAt(agenda, 'Identifier'),
    agendaType: textAt(agenda, 'Type'),
    members: childElements(
      descend(meetingElement, 'MeetingParticipants'),
      'MeetingParticipant',
    ).map((participant) =>
      compact({
        name: textAt(participant, 'Name').replace(/\s+/gu, ' '),
        role: textAt(participant, 'RoleInMeeting'),
        present: isTrue(textAt(participant, 'Participate')),
        party: textAt(participant, 'PoliticalPartyList') || textAt(participant, 'PoliticalParty'),
      }),
    ),
    guests: childElements(
      descend(meetingElement, 'MeetingParticipantExternals'),
      'MeetingParticipantExternal',
    ).map((guest) => textAt(guest, 'Name').replace(/\s+/gu, ' ')),
    rendition: rendition ? finder.relativeName(rendition) : null,
  });
  const meeting = checkedMeeting(
    {
      forum: textAt(committee, 'Name'),
      kind,
      date: when.date,
      start: when.time,
      location: textAt(meetingElement, 'MeetingLocation') || null,
      items,
    },
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

function serialNumber(element: Element): number {
  const value = Number(textAt(element, 'HandlingItem', 'SerialNo'));
  return Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
}

async function readItem(
  element: Element,
  number: number,
  meetingDate: string,
  attachments: AttachmentCollector,
): Promise<{ item: AgendaItem; metadata: SourceMetadata }> {
  const handling = descend(element, 'HandlingItem');
  const sections: CaptionedSection[] = childElements(
    descend(handling, 'CasePresentations'),
    'CasePresentation',
  ).map((presentation) => ({
    caption: textAt(presentation, 'Title'),
    text: htmlFragmentToText(descend(presentation, 'Content')?.textContent ?? ''),
    isDecision: isTrue(textAt(presentation, 'IsDecision')),
  }));
  const handlings = childElements(descend(handling, 'HandlingPlan'), 'Handling');
  const thisHandling = handlings.find((entry) => textAt(entry, 'Placement') === 'This');
  const releasedDecision = textAt(thisHandling, 'Decision');
  if (
    !sections.some((section) => section.isDecision) &&
    releasedDecision &&
    !/ikke frigivet/iu.test(releasedDecision)
  )
    sections.push({
      caption: 'Beslutning',
      text: htmlFragmentToText(releasedDecision),
      isDecision: true,
    });
  const mapped = mapSections(sections, meetingDate);
  const attachmentElements = childElements(descend(handling, 'Attachments'), 'Attachment').sort(
    (left, right) =>
      Number(textAt(left, 'AttachmentNumber')) - Number(textAt(right, 'AttachmentNumber')),
  );
  const itemAttachments: Attachment[] = [];
  for (const attachment of attachmentElements)
    itemAttachments.push(
      await attachments.attachment(textAt(attachment, 'Title') || 'Bilag', [
        textAt(attachment, 'Link'),
      ]),
    );
  const item = itemFromSections(
    number,
    textAt(handling, 'Title') || textAt(handling, 'NeutralTitle'),
    mapped,
    {
      caseNumber: textAt(handling, 'CaseNumber') || null,
      closed: !isTrue(textAt(element, 'AccessIsPublic')),
      attachments: itemAttachments,
    },
  );
  const metadata = compact({
    sourceNumber: textAt(handling, 'SerialNo'),
    sortOrder: textAt(element, 'SortOrder'),
    sourceId: textAt(element, 'Identifier'),
    neutralTitle: textAt(handling, 'NeutralTitle'),
    access: textAt(element, 'AccessName'),
    category: textAt(element, 'Category'),
    domain: textAt(element, 'Domain'),
    caseId: textAt(handling, 'CaseIdentifier'),
    caseTitle: textAt(handling, 'CaseTitle'),
    sections: mapped.captions,
    handlings: handlings.map((entry) =>
      compact({
        committee: textAt(entry, 'CommitteeName'),
        meetingDate: textAt(entry, 'MeetingDate'),
        placement: textAt(entry, 'Placement'),
        decision: textAt(entry, 'Decision'),
      }),
    ),
    attachments: attachmentElements.map((attachment) =>
      compact({
        number: textAt(attachment, 'AttachmentNumber'),
        access: textAt(attachment, 'AccessName'),
        documentNumber: textAt(attachment, 'DocumentNumber'),
        link: textAt(attachment, 'Link'),
      }),
    ),
  });
  return { item, metadata };
}

/** The HTML rendition: the XML's name with .html or .htm, in the same folder. */
async function findRendition(finder: FileFinder, path: string): Promise<string | null> {
  const stem = basename(path, extname(path));
  for (const extension of ['.html', '.htm']) {
    const found = await finder.use(join(stem + extension));
    if (found) return found;
  }
  return null;
}
