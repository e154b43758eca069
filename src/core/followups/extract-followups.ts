import type { AgendaItem, Meeting } from '../meeting.ts';
import { adoptedPointNumbers } from './adopted-recommendation.ts';
import { leadingAgent } from './agent-phrase.ts';
import type { ClauseTask } from './clause-reader.ts';
import { type DueDateContext, findDueDate } from './danish-due-date.ts';
import type { Followup } from './followup.ts';
import { findReturnCue, forumNamePattern, returnCuePatterns } from './return-cues.ts';
import { readSentenceClauses, type SentenceClause } from './sentence-clauses.ts';
import { type SentenceUnit, splitDecision } from './sentences.ts';
import { returnVerbInfinitives } from './verb-lexicon.ts';

/**
 * Finds the follow-ups of a meeting: the tasks and returns in each item's decision
 * (Beslutning) and in the at-points of its recommendation (Indstilling) once the decision
 * adopts them. Rule-based and pure: the same minutes always give the same follow-ups.
 *
 * A sentence gives at most one task and one return. It is a return when it says the item
 * comes back to the forum; a task when a clause of it is an action someone takes after the
 * meeting (see `clause-reader.ts`); both when someone acts and then comes back ("… afprøver
 * prioritering … og fremlægger eventuelle dilemmaer … til fremtidig drøftelse i chefforum").
 * In what a presenter told the forum, only tasks with someone named to do them count.
 */

/** What the forum's calendar adds: its meetings after this one, for "næste møde". */
export interface ExtractFollowupsOptions {
  futureMeetingDates?: readonly string[];
}

/** The follow-ups of a meeting, in item order, and warnings (a weekday that misses its date). */
export interface FollowupExtraction {
  followups: Followup[];
  warnings: string[];
}

interface MeetingReader {
  dueContext: DueDateContext;
  returnPatterns: RegExp[];
  forumStart: RegExp;
  forumOnly: RegExp;
}

function createMeetingReader(meeting: Meeting, options: ExtractFollowupsOptions): MeetingReader {
  const forumName = forumNamePattern(meeting.forum);
  return {
    dueContext: {
      meetingDate: meeting.date,
      ...(options.futureMeetingDates ? { futureMeetingDates: options.futureMeetingDates } : {}),
    },
    returnPatterns: returnCuePatterns(meeting.forum),
    forumStart: new RegExp(`^${forumName}`, 'iu'),
    forumOnly: new RegExp(`^${forumName}$`, 'iu'),
  };
}

const rankOf = (task: ClauseTask): number =>
  task.strength === 'weak' ? 0 : task.owner && !task.isPronounOwner ? 2 : 1;

/** The clause task that says most: someone named over a pronoun over no one. */
function bestTask(clauses: readonly SentenceClause[], isReported: boolean): ClauseTask | undefined {
  const tasks = clauses
    .flatMap((clause) => (clause.reading.task ? [clause.reading.task] : []))
    .filter((task) => task.strength === 'strong' || !isReported);
  return tasks.sort((a, b) => rankOf(b) - rankOf(a))[0];
}

/** "Lederne udarbejder hvert år en kompetenceplan" describes a routine, not a task. */
function isHabitual(sentence: string): boolean {
  return /(?<![\p{L}])(?:hvert\s+år|hver\s+måned|hver\s+uge|hvert\s+kvartal|kvartalsvis|månedligt|årligt|ugentligt|altid|normalt|typisk|som\s+hovedregel|sædvanligvis|plejer)(?![\p{L}])/iu.test(
    sentence,
  );
}

/** The owner of a task, with "de" in "…, de skal informere" read as the sentence's first agent. */
function ownerOf(task: ClauseTask, sentence: string): string | undefined {
  if (task.isPronounOwner) return leadingAgent(sentence);
  return task.owner;
}

function readSentence(
  unit: SentenceUnit,
  itemNumber: number,
  reader: MeetingReader,
  isPoint: boolean,
): FollowupExtraction {
  const text = unit.text.replace(/\s+/gu, ' ').trim();
  if (/\?["”»)]?$/u.test(text)) return { followups: [], warnings: [] };
  const dueFinding = findDueDate(text, reader.dueContext);
  const clauses = readSentenceClauses(text, {
    hasDueDate: dueFinding.expression !== undefined,
    isPoint,
  });
  const hasReturnCue = findReturnCue(text, reader.returnPatterns) !== null;
  let task = isHabitual(text) ? undefined : bestTask(clauses, unit.isReported);
  if (task && hasReturnCue && returnVerbInfinitives.has(task.verb)) task = undefined;
  const taskOwner = task ? ownerOf(task, text) : undefined;
  const isForumTask = taskOwner !== undefined && reader.forumOnly.test(taskOwner);
  const base = { item: itemNumber, ...(dueFinding.due ? { due: dueFinding.due } : {}), text };
  const followups: Followup[] = [];
  if (hasReturnCue || isForumTask) {
    const subject = clauses[0]?.reading.subject;
    const owner = subject?.kind === 'agent' ? subject.owner : undefined;
    const isOwnerForum = owner === undefined || reader.forumOnly.test(owner);
    followups.push({ ...base, kind: 'return', ...(isOwnerForum ? {} : { owner }) });
  }
  if (task && !isForumTask) {
    followups.push({
      ...base,
      kind: 'task',
      ...(taskOwner ? { owner: taskOwner } : {}),
      ...(task.recipient ? { recipient: task.recipient } : {}),
    });
  }
  const warnings =
    followups.length > 0
      ? dueFinding.warnings.map((warning) => `Punkt ${itemNumber}: ${warning} («${text}»)`)
      : [];
  return { followups, warnings };
}

const responsibilityLine = /^(?:ansvarlig|ansvar|tovholder|frist|deadline|tidsfrist)\s*:\s*(.+)$/iu;

/**
 * "Ansvarlig: HR. Frist: 1. marts." after a task: the owner and due date of the follow-up
 * before it, as action lists in minutes write them. True when the sentence was such a line.
 */
function completeFromResponsibilityLine(
  sentence: string,
  previous: Followup | undefined,
  reader: MeetingReader,
): boolean {
  const line = responsibilityLine.exec(sentence.trim());
  if (!line?.[1]) return false;
  if (!previous) return true;
  const isOwnerLine = /^(?:ansvar|tovholder)/iu.test(sentence.trim());
  const owner = line[1].split(/[,.;]|\s+frist/iu)[0]?.trim();
  if (isOwnerLine && owner && !previous.owner) previous.owner = owner;
  const due = findDueDate(sentence, reader.dueContext).due;
  if (due && !previous.due && /frist|deadline/iu.test(sentence)) previous.due = due;
  return true;
}

/** The sentences of an item's decision, then its adopted at-points. */
function sentencesOf(item: AgendaItem, reader: MeetingReader): Array<[SentenceUnit, boolean]> {
  const decision = item.decision ?? '';
  const units: Array<[SentenceUnit, boolean]> = splitDecision(decision, reader.forumStart).map(
    (unit) => [unit, false],
  );
  const points = item.recommendation?.points ?? [];
  for (const number of adoptedPointNumbers(item.decision, points.length)) {
    const point = points[number - 1];
    if (point) units.push([{ text: point, isReported: false }, true]);
  }
  return units;
}

/** Finds the tasks and returns of a meeting's decisions; see the module comment. */
export function extractFollowups(
  meeting: Meeting,
  options: ExtractFollowupsOptions = {},
): FollowupExtraction {
  const reader = createMeetingReader(meeting, options);
  const followups: Followup[] = [];
  const warnings: string[] = [];
  for (const item of meeting.items) {
    const seen = new Set<string>();
    for (const [unit, isPoint] of sentencesOf(item, reader)) {
      const previous = followups.at(-1);
      const previousOfItem = previous?.item === item.number ? previous : undefined;
      if (completeFromResponsibilityLine(unit.text, previousOfItem, reader)) continue;
      const found = readSentence(unit, item.number, reader, isPoint);
      for (const followup of found.followups) {
        const key = `${followup.kind}\u0000${followup.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        followups.push(followup);
      }
      warnings.push(...found.warnings);
    }
  }
  return { followups, warnings };
}
