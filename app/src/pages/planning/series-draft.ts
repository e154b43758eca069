import {
  type MeetingSeriesRule,
  parseWeekList,
  seriesRuleProblem,
  type WeekdayIndex,
  type WeekdayOrdinal,
} from '../../../../src/core/meeting-series.ts';
import type { MeetingSeriesInput } from '../../api/planning.ts';

/** The series form as the secretary fills it in: every field as typed. */
export interface SeriesDraft {
  kind: 'weekly' | 'monthly';
  /** "0" (Monday) to "6" (Sunday). */
  weekday: string;
  intervalWeeks: string;
  /** "1" to "4", or "-1" for the last. */
  ordinal: string;
  from: string;
  to: string;
  start: string;
  location: string;
  /** "7, 29–31, 52". */
  skipWeeks: string;
}

/** A problem with one field of the draft, in Danish. */
export interface SeriesProblem {
  field: keyof SeriesDraft;
  message: string;
}

/** The draft the form starts from: every second Thursday at 9:00 through the year. */
export function initialSeriesDraft(year: number): SeriesDraft {
  return {
    kind: 'weekly',
    weekday: '3',
    intervalWeeks: '2',
    ordinal: '1',
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    start: '09:00',
    location: '',
    skipWeeks: '7, 29–31, 52',
  };
}

/**
 * The series the draft describes, as the API takes it, or what is wrong with it (each problem
 * tied to its field). The server checks the same again; this says it before anything is sent.
 */
export function seriesInputOf(
  draft: SeriesDraft,
): { ok: true; input: MeetingSeriesInput } | { ok: false; problems: SeriesProblem[] } {
  const problems: SeriesProblem[] = [];
  const weeks = parseWeekList(draft.skipWeeks);
  if (!weeks.ok) problems.push({ field: 'skipWeeks', message: weeks.problem });
  if (!draft.from) problems.push({ field: 'from', message: 'Vælg den første dato.' });
  if (!draft.to) problems.push({ field: 'to', message: 'Vælg den sidste dato.' });
  const interval = Number(draft.intervalWeeks);
  if (draft.kind === 'weekly' && !(Number.isInteger(interval) && interval >= 1 && interval <= 52))
    problems.push({ field: 'intervalWeeks', message: 'Skriv et helt antal uger fra 1 til 52.' });
  if (problems.length > 0 || !weeks.ok) return { ok: false, problems };
  const weekday = Number(draft.weekday) as WeekdayIndex;
  const rule: MeetingSeriesRule = {
    pattern:
      draft.kind === 'weekly'
        ? { kind: 'weekly', weekday, intervalWeeks: interval }
        : { kind: 'monthly', weekday, ordinal: Number(draft.ordinal) as WeekdayOrdinal },
    from: draft.from,
    to: draft.to,
    skipWeeks: weeks.weeks,
  };
  const problem = seriesRuleProblem(rule);
  if (problem) return { ok: false, problems: [{ field: 'to', message: problem }] };
  return {
    ok: true,
    input: {
      ...rule,
      skipWeeks: weeks.weeks,
      start: draft.start || null,
      location: draft.location.trim() || null,
    },
  };
}
