import fc from 'fast-check';
import type { MeetingStatus } from '../../src/core/meeting-lifecycle.ts';
import type { ForumVisibility } from '../../src/core/policies/targets.ts';

/**
 * The plan of a random archive for the leak test: forums, and meetings whose items carry
 * unique random words ("tokens") in random places. fast-check draws the plan; leak-ledger.ts
 * turns it into Meeting documents and a ledger of where every token went.
 */

/** How an item text is drawn: left out, plain Danish text, or text with a token in it. */
export type TextPlan = 'none' | 'text' | 'token';

/** One item of a planned meeting. */
export interface ItemPlan {
  isClosed: boolean;
  hasTitleToken: boolean;
  background: TextPlan;
  presentation: TextPlan;
  /** The recommendation's points, each with a token or not; empty: no recommendation. */
  pointTokens: boolean[];
  hasProposerToken: boolean;
  decision: TextPlan;
  /** Imported Bilag (title, file reference), each part with a token or not. */
  bilag: Array<{ hasTitleToken: boolean; hasFileToken: boolean }>;
  /** How many absent members, each named with a token. */
  absentCount: number;
  /** A journal number: from the forum's shared pool, from a pool only closed items use, or none. */
  caseNumber: { pool: 'shared' | 'closedOnly'; index: number } | null;
  /** Whether the journal number is also written in the title. */
  hasCaseNumberInTitle: boolean;
  /** Meeting flow only: corrected after approval (a reason and a new decision). */
  isCorrected: boolean;
  /** Meeting flow only: added after the agenda was published (the agenda is then sent again). */
  isLate: boolean;
}

/** A meeting made through the services, step by step, up to a target state. */
export interface LifecyclePlan {
  target: MeetingStatus;
  /** Real Bilag uploaded to a closed item (and the same bytes to an open one). */
  hasUpload: boolean;
}

/** One planned meeting. */
export interface MeetingPlan {
  forum: number;
  /** Days after the forum's previous meeting. */
  dayGap: number;
  start: string | null;
  hasLocationToken: boolean;
  /** What an import stores it as (agenda: agenda published; minutes: minutes published). */
  documentKind: 'agenda' | 'minutes';
  /** Null: imported from a .jsonl file. */
  lifecycle: LifecyclePlan | null;
  items: ItemPlan[];
  /** Which signed-in test readers request this meeting's routes (the anonymous reader: all). */
  crawledBy: boolean[];
  /** Whether its documents (PDF, Word) are rendered and read back. */
  isDocumentSample: boolean;
  /** Which signed-in reader reads its documents (besides the anonymous reader). */
  documentReader: number;
}

/** One planned forum. */
export interface ForumPlan {
  nameStem: string;
  abbreviation: string;
  visibility: ForumVisibility;
}

/** The whole plan. */
export interface ArchivePlan {
  forums: ForumPlan[];
  meetings: MeetingPlan[];
  /** Where the token sequence starts (tokens are unique by construction). */
  tokenOffset: number;
}

/** How big an archive to plan, and how much of it to check beyond the anonymous reader. */
export interface PlanSize {
  importedMeetings: number;
  lifecycleMeetings: number;
  /** The share of meetings each signed-in reader requests every route of. */
  crawlShare: number;
  /** The share of imported meetings whose documents are rendered and read. */
  documentShare: number;
  /** The same for meetings made through the meeting flow. */
  lifecycleDocumentShare: number;
  /** How many signed-in test readers there are. */
  crawlers: number;
}

const textPlan = fc.constantFrom<TextPlan>('none', 'text', 'text', 'token');
const share = (probability: number) =>
  fc.integer({ min: 0, max: 9_999 }).map((value) => value < probability * 10_000);

function itemPlan(isLifecycle: boolean): fc.Arbitrary<ItemPlan> {
  return fc
    .record({
      isClosed: share(0.35),
      hasTitleToken: fc.boolean(),
      background: textPlan,
      presentation: textPlan,
      pointTokens: fc.array(fc.boolean(), { maxLength: 3 }),
      hasProposerToken: share(0.2),
      decision: textPlan,
      bilag: isLifecycle
        ? fc.constant([])
        : fc.oneof(
            { weight: 3, arbitrary: fc.constant([]) },
            {
              weight: 1,
              arbitrary: fc.array(
                fc.record({ hasTitleToken: fc.boolean(), hasFileToken: fc.boolean() }),
                { minLength: 1, maxLength: 2 },
              ),
            },
          ),
      absentCount: fc.integer({ min: 0, max: 2 }),
      caseNumber: fc.option(
        fc.record({
          pool: fc.constantFrom<'shared' | 'closedOnly'>('shared', 'closedOnly'),
          index: fc.nat(),
        }),
        { freq: 2 },
      ),
      hasCaseNumberInTitle: share(0.15),
      isCorrected: isLifecycle ? share(0.3) : fc.constant(false),
      isLate: isLifecycle ? share(0.25) : fc.constant(false),
    })
    .map((item) => ({
      ...item,
      // Only closed items take numbers from the closed-only pool; lifecycle items keep
      // imported Bilag out (the services upload real files instead).
      caseNumber:
        item.caseNumber && !item.isClosed
          ? { ...item.caseNumber, pool: 'shared' }
          : item.caseNumber,
      bilag: item.bilag.slice(0, item.isClosed ? 2 : 1),
    }));
}

function lifecyclePlan(): fc.Arbitrary<LifecyclePlan> {
  return fc.record({
    target: fc.constantFrom<MeetingStatus>(
      'draft',
      'agenda_published',
      'in_progress',
      'held',
      'minutes_published',
      'minutes_approved',
      'minutes_approved',
    ),
    hasUpload: share(0.15),
  });
}

function meetingPlan(size: PlanSize, forums: number, isLifecycle: boolean) {
  return fc.record({
    forum: fc.integer({ min: 0, max: forums - 1 }),
    dayGap: fc.integer({ min: 1, max: 14 }),
    start: fc.option(
      fc
        .tuple(fc.integer({ min: 7, max: 18 }), fc.constantFrom('00', '15', '30', '45'))
        .map(([hour, minutes]) => `${String(hour).padStart(2, '0')}:${minutes}`),
      { freq: 5 },
    ),
    hasLocationToken: share(0.3),
    documentKind: fc.constantFrom<'agenda' | 'minutes'>('agenda', 'minutes', 'minutes'),
    lifecycle: isLifecycle ? lifecyclePlan() : fc.constant(null),
    items: fc.array(itemPlan(isLifecycle), { minLength: 1, maxLength: 8 }),
    crawledBy: fc.array(isLifecycle ? fc.constant(true) : share(size.crawlShare), {
      minLength: size.crawlers,
      maxLength: size.crawlers,
    }),
    isDocumentSample: isLifecycle ? share(size.lifecycleDocumentShare) : share(size.documentShare),
    documentReader: fc.integer({ min: 0, max: size.crawlers - 1 }),
  });
}

const nameParts = ['Chef', 'Leder', 'Direktions', 'Økonomi', 'Børne', 'Miljø', 'Kultur', 'Social'];

function forumPlan(visibility: fc.Arbitrary<ForumVisibility>): fc.Arbitrary<ForumPlan> {
  return fc.record({
    nameStem: fc
      .array(fc.constantFrom(...nameParts), { minLength: 1, maxLength: 2 })
      .map(
        (parts) =>
          `${parts.join('').replace(/(?<=.)[A-ZØ]/gu, (letter) => letter.toLowerCase())}forum`,
      ),
    abbreviation: fc
      .array(fc.constantFrom(...'ABCDEFGHKLMNPRSTV'), { minLength: 2, maxLength: 3 })
      .map((letters) => letters.join('')),
    visibility,
  });
}

/**
 * A random archive: a public forum, an internal one and a third of either kind; imported
 * meetings first (the history), then meetings made through the meeting flow.
 */
export function archivePlan(size: PlanSize): fc.Arbitrary<ArchivePlan> {
  const forums = 3;
  return fc.record({
    forums: fc.tuple(
      forumPlan(fc.constant('public')),
      forumPlan(fc.constant('internal')),
      forumPlan(fc.constantFrom<ForumVisibility>('public', 'internal')),
    ),
    meetings: fc
      .tuple(
        fc.array(meetingPlan(size, forums, false), {
          minLength: size.importedMeetings,
          maxLength: size.importedMeetings,
        }),
        fc.array(meetingPlan(size, forums, true), {
          minLength: size.lifecycleMeetings,
          maxLength: size.lifecycleMeetings,
        }),
      )
      .map(([imported, lifecycle]) => [...imported, ...lifecycle]),
    tokenOffset: fc.nat(),
  });
}

/** Draws one archive plan; the same seed gives the same plan. */
export function drawArchivePlan(size: PlanSize, seed: number): ArchivePlan {
  // Without fast-check's bias towards small values, so that shares and sizes are as planned.
  const [plan] = fc.sample(fc.noBias(archivePlan(size)), { seed, numRuns: 1 });
  if (!plan) throw new Error('fast-check drew no plan');
  return plan;
}
