import { requestJson } from './client.ts';
import type { Forum, ForumChanges, NewForum } from './types.ts';

/** The path of the forums the user may see, for loading with useApiData (`ForumView[]`). */
export const forumsPath = '/api/forums';

/** Creates a forum (administrators); 409 when the name exists. New forums are internal. */
export function createForum(body: NewForum): Promise<Forum> {
  return requestJson(forumsPath, { method: 'POST', body });
}

/**
 * Saves a forum's name, abbreviation, visibility and members, and (when given) its purposes
 * and standing items; a standing item's purpose must be one of the purposes (400 otherwise).
 */
export function updateForum(id: number, body: ForumChanges): Promise<Forum> {
  return requestJson(`${forumsPath}/${id}`, { method: 'PUT', body });
}
