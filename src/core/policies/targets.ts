import type { MeetingStatus } from '../meeting-lifecycle.ts';

/** Who may read a forum's published meetings: anyone, or only its members. */
export type ForumVisibility = 'public' | 'internal';

/** The visibilities, for validating input. */
export const forumVisibilities: readonly ForumVisibility[] = ['public', 'internal'];

/** Danish names of the visibilities. */
export const forumVisibilityLabels: Record<ForumVisibility, string> = {
  public: 'Offentligt',
  internal: 'Internt',
};

/** A forum as the rules see it. */
export interface ForumTarget {
  forumId: number;
  visibility: ForumVisibility;
  /**
   * Its public versions leave out e-mail addresses and phone numbers (GDPR): the forum's
   * setting, which every target must state, so that no reader of the store can forget it.
   */
  hidesContactDetails: boolean;
}

/** A meeting as the rules see it: its forum and its place in the lifecycle. */
export interface MeetingTarget extends ForumTarget {
  status: MeetingStatus;
  /** Imported from the archive: final, so nothing but a correction with a reason changes it. */
  archived?: boolean;
}

/** A forum as the rules see it, from the forum itself. */
export function targetOfForum(forum: {
  id: number;
  visibility: ForumVisibility;
  hidesContactDetails: boolean;
}): ForumTarget {
  return {
    forumId: forum.id,
    visibility: forum.visibility,
    hidesContactDetails: forum.hidesContactDetails,
  };
}

/** Reads a stored visibility; anything unknown is internal (fail closed). */
export function toForumVisibility(value: string | null | undefined): ForumVisibility {
  return value === 'public' ? 'public' : 'internal';
}

/** A user account, for what only its own user may do (changing its password). */
export interface AccountTarget {
  accountUserId: number;
}
