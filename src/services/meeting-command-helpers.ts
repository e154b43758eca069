import type { DomainEventType } from '../core/domain-events.ts';
import { findMeetingTarget } from '../store/access-store.ts';
import type { CommandContext, MeetingCommandTarget } from './command-pipeline.ts';
import { notFound } from './service-error.ts';
import { loadWorkspace, type Workspace } from './workspace-service.ts';

/** An event about a meeting as a whole. */
export function meetingEvent(
  type: DomainEventType,
  target: MeetingCommandTarget,
  data?: Record<string, unknown>,
) {
  return {
    type,
    meetingId: target.meetingId,
    forumId: target.meeting.forumId,
    ...(data ? { data } : {}),
  };
}

/** The workspace as the acting secretary sees it after the change. */
export async function workspaceOf(context: CommandContext, meetingId: number): Promise<Workspace> {
  const target = await findMeetingTarget(context.db, meetingId);
  if (!target) throw notFound('Mødet');
  return loadWorkspace(context.db, context.actor, target);
}
