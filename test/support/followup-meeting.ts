import type { Actor } from '../../src/core/actor.ts';
import type { Archive } from '../../src/services/archive.ts';
import { addItem, updateItem } from '../../src/services/item-service.ts';
import {
  createMeeting,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
} from '../../src/services/meeting-flow-service.ts';

/** An item to put on a meeting: its title, its case, and the decision written in the meeting. */
export interface DecidedItem {
  title: string;
  decision: string;
  caseNumber?: string;
}

/**
 * A meeting taken through the whole cycle by the services, as a secretary does: created,
 * agenda out, started, each item's decision written, held, minutes published. The decisions
 * are what the follow-ups are found in. Returns the meeting's and the items' ids.
 */
export async function publishDecidedMeeting(
  archive: Archive,
  actor: Actor,
  forumId: number,
  date: string,
  items: readonly DecidedItem[],
): Promise<{ meetingId: number; itemIds: number[] }> {
  const { id: meetingId } = await createMeeting(archive, actor, {
    forumId,
    date,
    start: '13:00',
    location: 'Mødelokale 2',
  });
  const added = [];
  for (const item of items)
    added.push(
      await addItem(archive, actor, meetingId, {
        title: item.title,
        ...(item.caseNumber ? { caseNumber: item.caseNumber } : {}),
      }),
    );
  await publishAgenda(archive, actor, meetingId);
  await startMeeting(archive, actor, meetingId);
  for (const [index, item] of added.entries())
    await updateItem(archive, actor, item.id, item.version, {
      decision: items[index]?.decision ?? '',
    });
  await finishMeeting(archive, actor, meetingId);
  await publishMinutes(archive, actor, meetingId);
  return { meetingId, itemIds: added.map((item) => item.id) };
}

/** Decisions with a member's task, a return to the next meeting, and a unit's task. */
export const sicknessDecisions: DecidedItem[] = [
  {
    title: 'Sygefravær 1. kvartal',
    caseNumber: '81.04.00-A00-1-31',
    decision:
      'Rikke Blom udarbejder et notat om sygefraværet senest d. 18. juni. Sagen drøftes på Chefforum igen på næste møde.',
  },
  {
    title: 'Budget 2032',
    decision:
      'Cheferne skal indsende deres forslag til Bente Poulsen senest d. 21. juni. HR kommer tilbage med en plan ultimo august.',
  },
];
