import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFollowups } from '../src/core/followups/extract-followups.ts';
import { type Followup, followupSchema } from '../src/core/followups/followup.ts';
import { type Meeting, meetingSchema } from '../src/core/meeting.ts';
import { readRealMeeting, realMeetingNames } from './support/meeting-fixtures.ts';

/**
 * Precision and recall of `extractFollowups` on the hand-annotated test set
 * (test/fixtures/followups: every decision of the three real minutes, and synthetic decisions).
 *
 * Matching rule: a found follow-up matches an annotated one when the item number and the kind
 * (task or return) are the same and, if the annotation gives a due range, the found due range
 * is exactly that range. Owners and texts are not compared. Each follow-up matches at most
 * once; pairs with the same sentence are matched first, then the rest in order.
 * Precision = matched / found, recall = matched / annotated, over the whole set.
 */

interface AnnotatedMeeting {
  name: string;
  meeting: Meeting;
  futureMeetingDates?: string[];
  expected: Followup[];
  /** How many warnings the meeting gives (a weekday that misses its date), when annotated. */
  expectedWarnings?: number;
}

const fixtureFolder = new URL('./fixtures/followups/', import.meta.url);
const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(name, fixtureFolder), 'utf8'));

function readAnnotatedSet(): AnnotatedMeeting[] {
  const real = realMeetingNames.map((name) => ({
    name,
    meeting: readRealMeeting(name),
    expected: followupSchema.array().parse(readJson(`${name}.followups.json`)),
  }));
  const extra = readJson('extra-decisions.json') as {
    cases: Array<{
      meeting: unknown;
      futureMeetingDates?: string[];
      expected: unknown;
      expectedWarnings?: number;
    }>;
  };
  const synthetic = extra.cases.map((entry, index) => ({
    name: `extra-decisions #${index + 1}`,
    meeting: meetingSchema.parse(entry.meeting),
    ...(entry.futureMeetingDates ? { futureMeetingDates: entry.futureMeetingDates } : {}),
    expected: followupSchema.array().parse(entry.expected),
    expectedWarnings: entry.expectedWarnings ?? 0,
  }));
  return [...real, ...synthetic];
}

function isMatch(found: Followup, expected: Followup): boolean {
  if (found.item !== expected.item || found.kind !== expected.kind) return false;
  if (!expected.due) return true;
  return found.due?.from === expected.due.from && found.due?.to === expected.due.to;
}

/** How many annotated follow-ups the found ones match, one to one. */
function countMatches(found: readonly Followup[], expected: readonly Followup[]): number {
  const unmatched = [...found];
  const take = (annotation: Followup, alsoText: boolean): boolean => {
    const index = unmatched.findIndex(
      (candidate) =>
        isMatch(candidate, annotation) && (!alsoText || candidate.text === annotation.text),
    );
    if (index === -1) return false;
    unmatched.splice(index, 1);
    return true;
  };
  const rest = expected.filter((annotation) => !take(annotation, true));
  return (
    expected.length - rest.length + rest.filter((annotation) => take(annotation, false)).length
  );
}

describe('follow-up extraction on the annotated test set', () => {
  const annotated = readAnnotatedSet();

  it('annotates every real fixture and a set of synthetic decisions', () => {
    expect(annotated.map((entry) => entry.name)).toEqual(expect.arrayContaining(realMeetingNames));
    expect(annotated.reduce((sum, entry) => sum + entry.expected.length, 0)).toBeGreaterThan(50);
  });

  it('reaches at least 90 % precision and 80 % recall', () => {
    let matched = 0;
    let found = 0;
    let expected = 0;
    for (const entry of annotated) {
      const result = extractFollowups(entry.meeting, {
        ...(entry.futureMeetingDates ? { futureMeetingDates: entry.futureMeetingDates } : {}),
      });
      const hits = countMatches(result.followups, entry.expected);
      if (entry.expectedWarnings !== undefined)
        expect(result.warnings, entry.name).toHaveLength(entry.expectedWarnings);
      console.log(
        `${entry.name}: ${hits} matched, ${result.followups.length} found, ${entry.expected.length} annotated`,
      );
      matched += hits;
      found += result.followups.length;
      expected += entry.expected.length;
    }
    const precision = matched / found;
    const recall = matched / expected;
    console.log(
      `follow-ups: precision ${(precision * 100).toFixed(1)} % (${matched}/${found}), recall ${(recall * 100).toFixed(1)} % (${matched}/${expected})`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it('counts a match once, and by the due range when it is annotated', () => {
    const task: Followup = {
      item: 1,
      kind: 'task',
      text: 'a',
      due: { from: '2017-06-21', to: '2017-06-21' },
    };
    expect(countMatches([task], [task, task])).toBe(1);
    expect(countMatches([{ ...task, due: undefined }], [task])).toBe(0);
    expect(countMatches([task], [{ ...task, due: undefined, text: 'b' }])).toBe(1);
    expect(countMatches([{ ...task, kind: 'return' }], [task])).toBe(0);
  });
});
