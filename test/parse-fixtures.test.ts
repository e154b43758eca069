import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { meetingSchema } from '../src/core/meeting.ts';
import { parseDocumentFile } from '../src/parse/parse-document.ts';
import { validateMeetingJson } from './support/json-schema.ts';
import { scoreMeeting } from './support/meeting-score.ts';

const fixtureNames = ['chefforum-2015-11-05', 'chefforum-2017-06-14', 'chefforum-2018-10-11'];
const formats = ['txt', 'docx', 'pdf'] as const;
const fixturePath = (file: string): string =>
  fileURLToPath(new URL(`fixtures/minutes/${file}`, import.meta.url));

describe.each(fixtureNames)('%s', (name) => {
  const gold = JSON.parse(readFileSync(fixturePath(`${name}.json`), 'utf8'));

  it.each(formats)('parses the .%s at 98 %% of fields or better', async (format) => {
    const { meeting } = await parseDocumentFile(fixturePath(`${name}.${format}`));
    expect(meetingSchema.safeParse(meeting).success).toBe(true);
    expect(
      validateMeetingJson(JSON.parse(JSON.stringify(meeting))),
      JSON.stringify(validateMeetingJson.errors),
    ).toBe(true);
    const score = scoreMeeting(gold, meeting);
    expect(score.misses).toEqual(score.percent >= 98 ? score.misses : []);
    expect(score.percent).toBeGreaterThanOrEqual(98);
  });

  it('finds every item of the table of contents, and no more', async () => {
    const { meeting } = await parseDocumentFile(fixturePath(`${name}.pdf`));
    expect(meeting.items.map((item) => item.number)).toEqual(
      gold.items.map((item: { number: number }) => item.number),
    );
  });
});
