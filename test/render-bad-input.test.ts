import { describe, expect, it } from 'vitest';
import type { AgendaItem, Meeting } from '../src/core/meeting.ts';
import { readDocx } from '../src/parse/docx-reader.ts';
import { readPdf } from '../src/parse/pdf-reader.ts';
import { renderMeeting } from '../src/render/render-meeting.ts';
import { type RenderFormat, renderFormats } from '../src/render/renderer.ts';

const baseItem: AgendaItem = {
  number: 1,
  title: 'Godkendelse af dagsorden',
  caseNumber: '00.01.00-A00-1-19',
  closed: false,
  durationMinutes: null,
  background: 'Fast punkt.',
  presentation: null,
  recommendation: { proposer: 'Kommunaldirektøren', points: ['at dagsordenen godkendes'] },
  decision: 'Godkendt.',
  attachments: [],
  absent: [],
};
const meetingWith = (items: AgendaItem[], change: Partial<Meeting> = {}): Meeting => ({
  forum: 'Chefforum',
  kind: 'minutes',
  date: '2019-03-02',
  start: '09:00',
  location: 'Mødelokale 1',
  items,
  ...change,
});

/** The text a reader gets back from a rendered document, proving the document is whole. */
async function readBack(format: RenderFormat, bytes: Uint8Array): Promise<string> {
  switch (format) {
    case 'pdf':
      return readPdf(bytes);
    case 'docx':
      return readDocx(bytes);
    case 'html':
    case 'md':
      return new TextDecoder().decode(bytes);
    default: {
      const unknownFormat: never = format;
      throw new Error(String(unknownFormat));
    }
  }
}

const controlCharacters = 'Tekst\u0000med\u0007styre\u001Btegn\u0008 og \u000Bfaner\u000C.';
const oddMeetings: Array<[string, Meeting, string]> = [
  ['no items', meetingWith([]), 'Mødet har ingen punkter'],
  [
    'a 2,000-character title',
    meetingWith([{ ...baseItem, title: 'Budget '.repeat(286) }]),
    'Budget Budget',
  ],
  [
    'control characters everywhere',
    meetingWith([{ ...baseItem, title: controlCharacters, decision: controlCharacters }], {
      forum: 'Chef\u0001forum',
    }),
    'Tekstmedstyretegn',
  ],
  [
    '300 items',
    meetingWith(Array.from({ length: 300 }, (_, index) => ({ ...baseItem, number: index + 1 }))),
    'Punkt 300',
  ],
  [
    'a 100,000-character paragraph and a 40-column table',
    meetingWith([
      {
        ...baseItem,
        presentation: `${'Langt afsnit uden ophold '.repeat(4000)}\n\n${Array.from({ length: 3 }, () => Array(40).fill('x').join('\t')).join('\n')}`,
      },
    ]),
    'Langt afsnit',
  ],
];

describe.each(renderFormats)('rendering odd meetings as %s', (format) => {
  it.each(oddMeetings)('gives a whole document for %s', async (_name, meeting, expected) => {
    const bytes = await renderMeeting(meeting, format);
    const text = await readBack(format, bytes);
    expect(text).toContain(expected);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
    expect(text).not.toMatch(/[\u0000-\u0008\u000E-\u001F]/u);
  });
});
