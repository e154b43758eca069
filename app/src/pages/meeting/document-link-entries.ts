import type { MeetingStatus } from '../../../../src/core/meeting-lifecycle.ts';
import { documentKindFor } from '../../../../src/core/meeting-lifecycle.ts';
import { documentLinks } from '../../api/meetings.ts';

/** One link to a meeting document: where it goes and what it says. */
export interface DocumentLinkEntry {
  key: string;
  href: string;
  label: string;
}

/** The agenda or the minutes with the Bilag the reader may download, as one PDF. */
export function combinedPdfLink(meetingId: number, kind: 'agenda' | 'minutes'): string {
  return `/api/meetings/${meetingId}/combined.pdf?kind=${kind}`;
}

/**
 * The meeting's document links: the combined PDF with Bilag of the current document (the
 * minutes once they are out, else the agenda), then each document as PDF and Word.
 */
export function documentLinkEntries(meeting: {
  id: number;
  status: MeetingStatus;
}): DocumentLinkEntry[] {
  const current = documentKindFor(meeting.status);
  const kinds: Array<['agenda' | 'minutes', string]> =
    current === 'minutes'
      ? [
          ['minutes', 'referatet'],
          ['agenda', 'dagsordenen'],
        ]
      : [['agenda', 'dagsordenen']];
  return [
    {
      key: `${current}-combined`,
      href: combinedPdfLink(meeting.id, current),
      label: 'Hent samlet PDF med bilag',
    },
    ...kinds.flatMap(([kind, name]) => [
      {
        key: `${kind}-pdf`,
        href: documentLinks.pdf(meeting.id, kind),
        label: `Hent ${name} som PDF`,
      },
      {
        key: `${kind}-docx`,
        href: documentLinks.docx(meeting.id, kind),
        label: `Hent ${name} som Word`,
      },
    ]),
  ];
}
