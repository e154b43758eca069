import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meetingSchema } from '../src/core/meeting.ts';
import { validateMeetingJson } from './support/json-schema.ts';

const validateWithJsonSchema = validateMeetingJson;
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`fixtures/minutes/${name}.json`, import.meta.url), 'utf8'));

const validMeeting = fixture('chefforum-2017-06-14');
const firstItem = (validMeeting.items as Record<string, unknown>[])[0] ?? {};
const withItem = (change: Record<string, unknown>): Record<string, unknown> => ({
  ...validMeeting,
  items: [{ ...firstItem, ...change }],
});
const without = (key: string): Record<string, unknown> => {
  const { [key]: _removed, ...rest } = validMeeting;
  return rest;
};

const accepted: Array<[string, unknown]> = [
  ['the 2015 minutes', fixture('chefforum-2015-11-05')],
  ['the 2017 minutes', validMeeting],
  ['the 2018 minutes', fixture('chefforum-2018-10-11')],
  [
    'an agenda without start and location',
    { forum: 'Chefforum', kind: 'agenda', date: '2020-01-02', items: [] },
  ],
  ['null start and location', { ...validMeeting, start: null, location: null }],
  [
    'an attachment with a file',
    withItem({ attachments: [{ title: 'Notat', file: 'bilag/notat.pdf' }] }),
  ],
  ['an absence without role', withItem({ absent: [{ name: 'Rikke Blom' }] })],
  ['an item without durationMinutes', withItem({ durationMinutes: undefined })],
];

const rejected: Array<[string, unknown]> = [
  ['a missing forum', without('forum')],
  ['an empty forum', { ...validMeeting, forum: '' }],
  ['an unknown kind', { ...validMeeting, kind: 'protocol' }],
  ['a Danish date', { ...validMeeting, date: '14-06-2017' }],
  ['a start with seconds', { ...validMeeting, start: '13:00:00' }],
  ['an extra field', { ...validMeeting, secretary: 'X' }],
  ['item number 0', withItem({ number: 0 })],
  ['a fractional item number', withItem({ number: 1.5 })],
  ['an empty title', withItem({ title: '' })],
  ['closed missing', withItem({ closed: undefined })],
  ['a recommendation without points', withItem({ recommendation: { proposer: 'X' } })],
  ['an attachment without title', withItem({ attachments: [{ file: 'a.pdf' }] })],
  ['an absence with an empty name', withItem({ absent: [{ name: '' }] })],
  ['a zero duration', withItem({ durationMinutes: 0 })],
  ['an unknown item field', withItem({ owner: 'X' })],
  ['items not a list', { ...validMeeting, items: {} }],
];

describe('the zod Meeting schema and spec/meeting.schema.json', () => {
  it.each(accepted)('both accept %s', (_name, document) => {
    expect(validateWithJsonSchema(JSON.parse(JSON.stringify(document)))).toBe(true);
    expect(meetingSchema.safeParse(JSON.parse(JSON.stringify(document))).success).toBe(true);
  });

  it.each(rejected)('both reject %s', (_name, document) => {
    expect(validateWithJsonSchema(JSON.parse(JSON.stringify(document)))).toBe(false);
    expect(meetingSchema.safeParse(JSON.parse(JSON.stringify(document))).success).toBe(false);
  });
});
