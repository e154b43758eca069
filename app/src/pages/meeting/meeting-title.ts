import type { Workspace } from '../../api/types.ts';
import { formatDanishDate } from '../../lib/format.ts';

/** "Chefforum 14. juni 2017": how a meeting is named in headings and titles. */
export function meetingTitle(workspace: Pick<Workspace, 'forum' | 'date'>): string {
  return `${workspace.forum.name} ${formatDanishDate(workspace.date)}`;
}
