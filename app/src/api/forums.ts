import { requestJson } from './client.ts';
import type { Forum, ForumMember } from './types.ts';

/** The path of all forums, for loading with useApiData. */
export const forumsPath = '/api/forums';

/** Creates a forum; 409 when the name exists. */
export function createForum(body: { name: string; abbreviation: string }): Promise<Forum> {
  return requestJson(forumsPath, { method: 'POST', body });
}

/** Saves a forum's name, abbreviation and members. */
export function updateForum(
  id: number,
  body: { name: string; abbreviation: string; members: ForumMember[] },
): Promise<Forum> {
  return requestJson(`${forumsPath}/${id}`, { method: 'PUT', body });
}
