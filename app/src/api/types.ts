import type { MeetingStatus } from '../../../src/core/meeting-lifecycle.ts';
import type { ItemPurpose } from '../../../src/core/standard-items.ts';

export type { ItemPurpose, MeetingStatus };

/** A member of a forum, with the role written after the name ("Direktør BSV"). */
export interface ForumMember {
  name: string;
  role: string | null;
}

/** A forum that meets (Chefforum), with its abbreviation for item titles and its members. */
export interface Forum {
  id: number;
  name: string;
  abbreviation: string | null;
  members: ForumMember[];
}

/** A meeting as `GET /api/meetings` lists it. */
export interface MeetingSummary {
  id: number;
  forum: string;
  kind: 'agenda' | 'minutes';
  date: string;
  start: string | null;
  location: string | null;
  status: MeetingStatus;
  itemCount: number;
}

/** A Bilag: an uploaded file, or only a title (imported minutes name Bilag without files). */
export interface Attachment {
  id: number;
  title: string;
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  url: string | null;
}

/** Indstilling: who recommends, and the numbered at-points. */
export interface Recommendation {
  proposer: string;
  points: string[];
}

/** An agenda item as the editor sees it, with its version for optimistic locking. */
export interface EditableItem {
  id: number;
  version: number;
  number: number;
  title: string;
  caseNumber: string | null;
  closed: boolean;
  durationMinutes: number | null;
  purpose: ItemPurpose | null;
  isStandard: boolean;
  background: string | null;
  presentation: string | null;
  recommendation: Recommendation | null;
  decision: string | null;
  absent: ForumMember[];
  attachments: Attachment[];
}

/** The fields of an item that `PATCH /api/items/:id` and corrections may change. */
export type ItemChanges = Partial<
  Pick<
    EditableItem,
    | 'title'
    | 'caseNumber'
    | 'closed'
    | 'durationMinutes'
    | 'purpose'
    | 'background'
    | 'presentation'
    | 'recommendation'
    | 'decision'
    | 'absent'
  >
>;

/** What the meeting's state allows right now. */
export interface Permissions {
  canEditAgenda: boolean;
  canEnterDecisions: boolean;
  isLocked: boolean;
  canPublishAgenda: boolean;
  canStartMeeting: boolean;
  canPublishMinutes: boolean;
  canApproveMinutes: boolean;
}

/** A neighbouring meeting of the same forum. */
export interface MeetingLink {
  id: number;
  date: string;
  status: MeetingStatus;
}

/** Everything the meeting pages need: `GET /api/meetings/:id/workspace`. */
export interface Workspace {
  id: number;
  version: number;
  status: MeetingStatus;
  statusLabel: string;
  kind: 'agenda' | 'minutes';
  date: string;
  start: string | null;
  location: string | null;
  forum: Forum;
  previousMeeting: MeetingLink | null;
  nextMeeting: MeetingLink | null;
  items: EditableItem[];
  decisionPhrases: string[];
  timePlan: { totalMinutes: number; itemsWithoutTime: number; endsAt: string | null };
  publications: { number: number; kind: 'agenda' | 'minutes'; publishedAt: string }[];
  permissions: Permissions;
}

/** What changed in one item between two publications. */
export interface PublicationChange {
  number: number;
  title: string;
  change: 'added' | 'removed' | 'changed';
  fields: string[];
}

/** A published version of the agenda or the minutes. */
export interface Publication {
  number: number;
  kind: 'agenda' | 'minutes';
  publishedAt: string;
  author: string | null;
  changes: PublicationChange[];
}

/** The answer to publishing the agenda or the minutes. */
export interface PublishResult {
  number: number;
  publishedAt: string;
  changes: PublicationChange[];
}

/** One search hit; the snippet marks hits as `[[word]]`. */
export interface SearchHit {
  meeting: { id: number; forum: string; date: string };
  item: { id: number; number: number; title: string; caseNumber: string | null };
  score: number;
  snippet: string;
}

/** One entry of a journal number's timeline. */
export interface CaseEntry {
  meetingId: number;
  forum: string;
  date: string;
  status: MeetingStatus;
  itemId: number;
  itemNumber: number;
  title: string;
  decision: string | null;
}
