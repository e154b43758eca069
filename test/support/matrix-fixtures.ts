import { readFileSync } from 'node:fs';
import type { Actor, ForumRole, UserActor } from '../../src/core/actor.ts';
import { type MeetingStatus, meetingStatuses } from '../../src/core/meeting-lifecycle.ts';
import type { ForumVisibility, MeetingTarget } from '../../src/core/policies/targets.ts';
import type { Archive } from '../../src/services/archive.ts';
import { uploadAttachment } from '../../src/services/attachment-service.ts';
import { addItem, updateItem } from '../../src/services/item-service.ts';
import {
  approveMinutes,
  cancelMeeting,
  createMeeting,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
} from '../../src/services/meeting-flow-service.ts';
import { getWorkspace } from '../../src/services/workspace-service.ts';
import { testAdministrator } from './actors.ts';

/** A meeting made for the matrix, in a given state, with the ids its routes need. */
export interface MatrixMeeting {
  meetingId: number;
  forumId: number;
  visibility: ForumVisibility;
  status: MeetingStatus;
  version: number;
  firstItemId: number;
  openItemId: number;
  openItemVersion: number;
  closedItemId: number;
  attachmentId: number | null;
  closedAttachmentId: number | null;
  target: MeetingTarget;
}

const attachmentBytes = readFileSync(
  new URL('../fixtures/minutes/chefforum-2017-06-14.docx', import.meta.url),
);

let nextDay = 0;

/** A date no other matrix meeting has (meetings of a forum are unique by date). */
export function freshDate(): string {
  nextDay++;
  return new Date(Date.UTC(2030, 0, 1) + nextDay * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Makes a meeting in `status` through the services, as an administrator: the standard items,
 * an open and a closed item (with Bilag when asked), and the lifecycle steps up to the state.
 */
export async function makeMatrixMeeting(
  archive: Archive,
  forum: { forumId: number; visibility: ForumVisibility },
  status: MeetingStatus,
  withAttachments = false,
): Promise<MatrixMeeting> {
  const admin = testAdministrator;
  const created = await createMeeting(archive, admin, {
    forumId: forum.forumId,
    date: freshDate(),
  });
  const meetingId = created.id;
  const open = await addItem(archive, admin, meetingId, { title: 'Åbent punkt om budget' });
  const closed = await addItem(archive, admin, meetingId, {
    title: 'Lukket personalesag',
    closed: true,
  });
  const upload = (itemId: number) =>
    uploadAttachment(archive, admin, itemId, {
      bytes: attachmentBytes,
      fileName: 'bilag.docx',
      title: null,
    });
  const attachment = withAttachments ? await upload(open.id) : null;
  const closedAttachment = withAttachments ? await upload(closed.id) : null;
  if (status === 'cancelled') {
    await publishAgenda(archive, admin, meetingId);
    await cancelMeeting(archive, admin, meetingId, 'Flyttet til næste måned');
  }
  // A cancelled meeting goes no further along the states (it is the last in the list).
  const reach = status === 'cancelled' ? -1 : meetingStatuses.indexOf(status);
  if (reach >= meetingStatuses.indexOf('agenda_published'))
    await publishAgenda(archive, admin, meetingId);
  if (reach >= meetingStatuses.indexOf('in_progress')) {
    await startMeeting(archive, admin, meetingId);
    const item = (await getWorkspace(archive, admin, meetingId)).items[1];
    if (item) await updateItem(archive, admin, item.id, item.version, { decision: 'Godkendt.' });
  }
  if (reach >= meetingStatuses.indexOf('held')) await finishMeeting(archive, admin, meetingId);
  if (reach >= meetingStatuses.indexOf('minutes_published'))
    await publishMinutes(archive, admin, meetingId);
  if (reach >= meetingStatuses.indexOf('minutes_approved'))
    await approveMinutes(archive, admin, meetingId);
  const workspace = await getWorkspace(archive, admin, meetingId);
  const openItem = workspace.items.find((item) => item.id === open.id);
  return {
    meetingId,
    forumId: forum.forumId,
    visibility: forum.visibility,
    status,
    version: workspace.version,
    firstItemId: workspace.items[0]?.id ?? 0,
    openItemId: open.id,
    openItemVersion: openItem?.version ?? 0,
    closedItemId: closed.id,
    attachmentId: attachment?.id ?? null,
    closedAttachmentId: closedAttachment?.id ?? null,
    target: {
      forumId: forum.forumId,
      visibility: forum.visibility,
      hidesContactDetails: false,
      status,
    },
  };
}

/** One of the matrix's actors: its name, the Actor the policy sees, and its sign-in. */
export interface MatrixActor {
  name: string;
  actor: Actor;
  account: {
    isAdministrator?: boolean;
    forumRoles?: Array<{ forumId: number; role: ForumRole }>;
  } | null;
}

/** The actors of the matrix, for a forum under test and another forum. */
export function matrixActors(forumId: number, otherForumId: number): MatrixActor[] {
  const user = (
    name: string,
    roles: Record<number, ForumRole>,
    isAdministrator = false,
  ): MatrixActor => {
    const actor: UserActor = {
      kind: 'user',
      userId: null,
      name,
      isAdministrator,
      forumRoles: roles,
      address: null,
    };
    return {
      name,
      actor,
      account: {
        isAdministrator,
        forumRoles: Object.entries(roles).map(([id, role]) => ({ forumId: Number(id), role })),
      },
    };
  };
  return [
    { name: 'anonym', actor: { kind: 'anonymous', address: null }, account: null },
    user('logget-ind', {}),
    user('medlem-andet', { [otherForumId]: 'member' }),
    user('sekretær-andet', { [otherForumId]: 'secretary' }),
    user('medlem', { [forumId]: 'member' }),
    user('sekretær', { [forumId]: 'secretary' }),
    user('administrator', {}, true),
  ];
}
