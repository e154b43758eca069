import type { Absence, AgendaItem, Meeting, Recommendation } from '../../src/core/meeting.ts';
import type { MeetingStatus } from '../../src/core/meeting-lifecycle.ts';
import type { ForumVisibility } from '../../src/core/policies/targets.ts';
import type { ArchivePlan, ItemPlan, MeetingPlan, TextPlan } from './leak-plan.ts';

/**
 * The ledger of a planned archive: every forum, meeting and item, and for every token (and
 * journal number) each place it was written. The oracle (leak-oracle.ts) decides from it who
 * may see a token; the crawler finds tokens in answers and looks them up here.
 */

/** What a token belongs to, which decides who may see it. */
export type TokenKind =
  /** In a closed item: the forum's members and staff only. */
  | 'closed'
  /** In an open item's agenda text: everyone who may see the meeting. */
  | 'open'
  /** In an open item's decision or absences: the public only once the minutes are out. */
  | 'openDecision'
  /** The meeting's own facts (its room): everyone who may see the meeting. */
  | 'meeting'
  /** The forum's name: everyone who may see the forum. */
  | 'forumName';

/** Where a token was written. */
export type TokenPlace =
  | 'forumName'
  | 'location'
  | 'title'
  | 'caseNumber'
  | 'background'
  | 'presentation'
  | 'point'
  | 'proposer'
  | 'decision'
  | 'bilagTitle'
  | 'bilagFile'
  | 'absentName'
  | 'correctionReason'
  | 'uploadTitle'
  | 'uploadFileName'
  | 'uploadContent';

/** One place a token (or journal number) was written. */
export interface TokenUsage {
  token: string;
  forum: LedgerForum;
  meeting: LedgerMeeting | null;
  item: LedgerItem | null;
  kind: TokenKind;
  place: TokenPlace;
  /** False once a correction replaced the text (still in revisions and publications). */
  isCurrent: boolean;
}

/** A forum of the archive. */
export interface LedgerForum {
  index: number;
  name: string;
  abbreviation: string;
  visibility: ForumVisibility;
  /** Set when stored. */
  id: number;
}

/** An item of a meeting. */
export interface LedgerItem {
  plan: ItemPlan | null;
  /** The item's number once stored (the meeting flow numbers its items itself). */
  number: number;
  isClosed: boolean;
  id: number;
  version: number;
  /** The item's fields as the agenda gives them (title, texts, Indstilling, journal number). */
  agenda: Omit<AgendaItem, 'number' | 'decision' | 'absent' | 'durationMinutes'>;
  decision: string | null;
  absent: Absence[];
  correction: { reason: string; decision: string } | null;
}

/** A meeting of the archive. */
export interface LedgerMeeting {
  index: number;
  plan: MeetingPlan;
  forum: LedgerForum;
  date: string;
  location: string | null;
  /** The state it ends in; checked against the stored one. */
  status: MeetingStatus;
  items: LedgerItem[];
  /** Set when stored. */
  id: number;
  usages: TokenUsage[];
  /** Published versions, as the meeting flow made them. */
  publications: Array<{ kind: 'agenda' | 'minutes'; number: number }>;
  /** Bilag uploaded through the services, with the item each belongs to. */
  uploads: LedgerUpload[];
}

/** A Bilag uploaded through the services. */
export interface LedgerUpload {
  id: number;
  isClosed: boolean;
  /** The token in the file's text, and (closed Bilag) those in its name and title. */
  contentToken: string;
  fileNameToken: string | null;
}

/** The whole ledger. */
export interface Ledger {
  forums: LedgerForum[];
  meetings: LedgerMeeting[];
  /** Token or lower-cased journal number → every place it was written. */
  usages: Map<string, TokenUsage[]>;
  /** The next unused token (the seeding places more: Bilag uploaded through the services). */
  nextToken: () => string;
}

/** Records that a token (or journal number) was written in one place. */
export function recordUsage(ledger: Ledger, usage: TokenUsage): void {
  const key = usage.token.toLowerCase();
  const known = ledger.usages.get(key);
  if (known) known.push(usage);
  else ledger.usages.set(key, [usage]);
  usage.meeting?.usages.push(usage);
}

/** Letters without vowels, s or f: the Danish stemmer keeps such words whole, no ligatures. */
const tokenLetters = 'bcdghjkmnprvwxz';
const tokenSpace = tokenLetters.length ** 8;
/** Coprime with 15, so n → n · multiplier is a bijection of the token space. */
const tokenMultiplier = 1_640_531_527;

/** Unique random-looking words: "zq" and eight letters, never the same twice. */
export function createTokenSource(offset: number): () => string {
  let count = 0;
  return () => {
    let value = (offset + (count++ % tokenSpace) * tokenMultiplier) % tokenSpace;
    let letters = '';
    for (let digit = 0; digit < 8; digit++) {
      letters += tokenLetters[value % tokenLetters.length];
      value = Math.floor(value / tokenLetters.length);
    }
    return `zq${letters}`;
  };
}

/** Matches a token: for scanning answers (lower-cased first). */
export const tokenPattern = new RegExp(`(?=(zq[${tokenLetters}]{8}))`, 'gu');
/** Matches a journal number as the ledger writes them (lower-cased). */
export const caseNumberPattern = /(?=(\d{2}\.\d{2}\.\d{2}-[agikps]\d{2}-\d{4,6}-\d{2}))/gu;

const fillerWords = ['budgettet', 'strategien', 'sygefraværet', 'rekrutteringen', 'kantinen'];

/** Turns a drawn plan into a ledger with every token placed. */
export function buildLedger(plan: ArchivePlan): Ledger {
  const nextToken = createTokenSource(plan.tokenOffset);
  const ledger: Ledger = { forums: [], meetings: [], usages: new Map(), nextToken };
  const record = (usage: TokenUsage) => recordUsage(ledger, usage);
  ledger.forums = plan.forums.map((forum, index) => {
    const token = nextToken();
    const entry = {
      index,
      name: `${forum.nameStem} ${token}`,
      abbreviation: `${forum.abbreviation}${index}`,
      visibility: forum.visibility,
      id: 0,
    };
    record({
      token,
      forum: entry,
      meeting: null,
      item: null,
      kind: 'forumName',
      place: 'forumName',
      isCurrent: true,
    });
    return entry;
  });
  const forums = ledger.forums;
  const cases = createCasePools(forums.length, plan.meetings.length);
  const days = forums.map(() => Date.UTC(1968, 0, 1) / 86_400_000);
  ledger.meetings = plan.meetings.map((meetingPlan, index) => {
    const forum = forums[meetingPlan.forum] as LedgerForum;
    days[forum.index] = (days[forum.index] ?? 0) + meetingPlan.dayGap;
    const date = new Date((days[forum.index] ?? 0) * 86_400_000).toISOString().slice(0, 10);
    const meeting: LedgerMeeting = {
      index,
      plan: meetingPlan,
      forum,
      date,
      location: null,
      // An imported meeting is an archive meeting: minutes approved, an agenda as published.
      status:
        meetingPlan.lifecycle?.target ??
        (meetingPlan.documentKind === 'minutes' ? 'minutes_approved' : 'agenda_published'),
      items: [],
      id: 0,
      usages: [],
      publications: [],
      uploads: [],
    };
    const place = (token: string, kind: TokenKind, where: TokenPlace, item: LedgerItem | null) => {
      record({ token, forum, meeting, item, kind, place: where, isCurrent: true });
      return token;
    };
    meeting.location = meetingPlan.hasLocationToken
      ? `Mødelokale ${place(nextToken(), 'meeting', 'location', null)}`
      : 'Mødelokale 2';
    meeting.items = meetingPlan.items.map((itemPlan, position) =>
      buildItem(itemPlan, position + 1, meeting, { nextToken, place, cases }),
    );
    return meeting;
  });
  return ledger;
}

interface ItemBuilding {
  nextToken: () => string;
  place: (token: string, kind: TokenKind, where: TokenPlace, item: LedgerItem | null) => string;
  cases: CasePools;
}

function buildItem(
  plan: ItemPlan,
  number: number,
  meeting: LedgerMeeting,
  { nextToken, place, cases }: ItemBuilding,
): LedgerItem {
  const isLifecycle = meeting.plan.lifecycle !== null;
  const target = meeting.plan.lifecycle?.target;
  // The meeting flow writes decisions only once the meeting is under way.
  const canDecide =
    !isLifecycle ||
    target === 'in_progress' ||
    target === 'held' ||
    target?.startsWith('minutes') === true;
  const item: LedgerItem = {
    plan,
    number,
    isClosed: plan.isClosed,
    id: 0,
    version: 1,
    agenda: {
      title: '',
      caseNumber: null,
      closed: plan.isClosed,
      background: null,
      presentation: null,
      recommendation: null,
      attachments: [],
    },
    decision: null,
    absent: [],
    correction: null,
  };
  const agendaKind = plan.isClosed ? 'closed' : 'open';
  const decisionKind = plan.isClosed ? 'closed' : 'openDecision';
  const token = (kind: TokenKind, where: TokenPlace) => place(nextToken(), kind, where, item);
  const text = (choice: TextPlan, where: TokenPlace, words: (token: string) => string) => {
    if (choice === 'none') return null;
    const filler = fillerWords[number % fillerWords.length] ?? 'sagen';
    return choice === 'token' ? words(token(agendaKind, where)) : words(filler);
  };
  const caseNumber = plan.caseNumber ? cases.pick(meeting.forum.index, plan.caseNumber) : null;
  if (caseNumber) {
    item.agenda.caseNumber = caseNumber;
    place(caseNumber, agendaKind, 'caseNumber', item);
  }
  const titleWord = plan.hasTitleToken ? token(agendaKind, 'title') : `nummer ${number}`;
  const titleCase = caseNumber && plan.hasCaseNumberInTitle ? ` (sag ${caseNumber})` : '';
  item.agenda.title = `Orientering om ${titleWord}${titleCase}`;
  item.agenda.background = text(
    plan.background,
    'background',
    (word) => `Sagen handler om ${word}.`,
  );
  item.agenda.presentation = text(
    plan.presentation,
    'presentation',
    (word) => `Administrationen fremlægger ${word}.\n\nSe også bilaget.`,
  );
  if (plan.pointTokens.length > 0) {
    const proposer = plan.hasProposerToken
      ? `Direktør ${token(agendaKind, 'proposer')} indstiller,`
      : 'Kommunaldirektøren indstiller,';
    const points = plan.pointTokens.map((hasToken, index) =>
      hasToken ? `at ${token(agendaKind, 'point')} godkendes` : `at punkt ${index + 1} godkendes`,
    );
    item.agenda.recommendation = { proposer, points } satisfies Recommendation;
  }
  item.agenda.attachments = plan.bilag.map((bilag, index) => ({
    title: bilag.hasTitleToken ? `Bilag ${token(agendaKind, 'bilagTitle')}` : `Bilag ${index + 1}`,
    file: bilag.hasFileToken ? `${token(agendaKind, 'bilagFile')}.pdf` : null,
  }));
  if (canDecide) {
    item.decision =
      plan.decision === 'none'
        ? null
        : plan.decision === 'token'
          ? `Godkendt med ${token(decisionKind, 'decision')}.`
          : 'Godkendt.';
    item.absent = Array.from({ length: plan.absentCount }, () => ({
      name: `Rikke ${token(decisionKind, 'absentName')}`,
      role: 'Direktør',
    }));
  }
  if (target === 'minutes_approved' && plan.isCorrected) {
    const usedDecision = meeting.usages.filter(
      (usage) => usage.item === item && usage.place === 'decision',
    );
    for (const usage of usedDecision) usage.isCurrent = false;
    item.correction = {
      reason: `Rettet efter ${token(decisionKind, 'correctionReason')}`,
      decision: `Rettet beslutning ${token(decisionKind, 'decision')}.`,
    };
  }
  // A closed item carries at least one token wherever the dice fell.
  const hasMarker = meeting.usages.some(
    (usage) => usage.item === item && usage.place !== 'caseNumber',
  );
  if (plan.isClosed && !hasMarker) {
    item.agenda.title = `Orientering om ${token('closed', 'title')}`;
  }
  return item;
}

/** The meeting as an import gets it (the meeting flow builds its meetings step by step). */
export function importedDocument(meeting: LedgerMeeting): Meeting {
  return {
    forum: meeting.forum.name,
    kind: meeting.plan.documentKind,
    date: meeting.date,
    start: meeting.plan.start,
    location: meeting.location,
    items: meeting.items.map((item) => ({
      number: item.number,
      ...item.agenda,
      durationMinutes: null,
      decision: item.decision,
      absent: item.absent,
    })),
  };
}

interface CasePools {
  pick(forum: number, choice: { pool: 'shared' | 'closedOnly'; index: number }): string;
}

/**
 * Journal numbers per forum: a shared pool (open and closed items, across meetings) and one
 * only closed items use, whose numbers must never be seen without rights.
 */
function createCasePools(forums: number, meetings: number): CasePools {
  const poolSize = Math.max(8, Math.ceil(meetings / forums / 6));
  let sequence = 1000;
  const numberFor = (forum: number) => {
    sequence++;
    const subject = `${String(10 + forum * 20 + (sequence % 17)).padStart(2, '0')}.0${forum}.${String(sequence % 60).padStart(2, '0')}`;
    const facet = `${'AGIKPS'[sequence % 6]}${String(sequence % 40).padStart(2, '0')}`;
    return `${subject}-${facet}-${sequence}-${String(sequence % 30).padStart(2, '0')}`;
  };
  const pools = Array.from({ length: forums }, (_, forum) => ({
    shared: Array.from({ length: poolSize }, () => numberFor(forum)),
    closedOnly: Array.from({ length: poolSize }, () => numberFor(forum)),
  }));
  return {
    pick(forum, choice) {
      const pool = pools[forum]?.[choice.pool] ?? [];
      return pool[choice.index % pool.length] ?? '';
    },
  };
}
