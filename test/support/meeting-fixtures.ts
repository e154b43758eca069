import { readFileSync } from 'node:fs';
import type { Meeting } from '../../src/core/meeting.ts';

/** The three real Chefforum minutes, by name. */
export const realMeetingNames = [
  'chefforum-2015-11-05',
  'chefforum-2017-06-14',
  'chefforum-2018-10-11',
];

/** A hand-checked real meeting from test/fixtures/minutes. */
export function readRealMeeting(name: string): Meeting {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/minutes/${name}.json`, import.meta.url), 'utf8'),
  );
}

/** The generated meetings (gen-minutes --meetings 8 --seed 11). */
export function readGeneratedMeetings(): Meeting[] {
  return readFileSync(
    new URL('../fixtures/generated/meetings-8-seed-11.jsonl', import.meta.url),
    'utf8',
  )
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}
