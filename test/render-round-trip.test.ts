import { describe, expect, it } from 'vitest';
import type { Meeting } from '../src/core/meeting.ts';
import { parseDocumentBytes } from '../src/parse/parse-document.ts';
import { renderMeeting } from '../src/render/render-meeting.ts';
import { renderFormats } from '../src/render/renderer.ts';
import {
  readGeneratedMeetings,
  readRealMeeting,
  realMeetingNames,
} from './support/meeting-fixtures.ts';
import { scoreMeeting } from './support/meeting-score.ts';

/**
 * Round trip: what Referat writes, Referat reads back as the same meeting, in every format.
 * The bar is the one for legacy minutes: 98 % of fields by the score-parse rules.
 */
const meetings: Array<[string, Meeting]> = [
  ...realMeetingNames.map((name): [string, Meeting] => [name, readRealMeeting(name)]),
  ...readGeneratedMeetings().map((meeting): [string, Meeting] => [
    `generated ${meeting.date}`,
    meeting,
  ]),
];

describe.each(renderFormats)('render as %s, then parse', (format) => {
  it.each(meetings)('gives back %s', async (_name, meeting) => {
    const bytes = await renderMeeting(meeting, format);
    const { meeting: parsed } = await parseDocumentBytes(bytes, `meeting.${format}`);
    const score = scoreMeeting(meeting, parsed);
    expect(score.percent, score.misses.join('\n')).toBeGreaterThanOrEqual(98);
  });
});
