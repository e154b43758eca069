import { workspacePath } from '../../api/meetings.ts';
import type { Workspace } from '../../api/types.ts';
import { type ApiData, useApiData } from '../../hooks/use-api-data.ts';

/** Loads a meeting's workspace: everything the meeting pages need. */
export function useWorkspace(meetingId: number): ApiData<Workspace> {
  return useApiData<Workspace>(workspacePath(meetingId));
}
