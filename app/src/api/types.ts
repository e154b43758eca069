import type { ForumRole } from '../../../src/core/actor.ts';
import type { StandingItem } from '../../../src/core/forum-practice.ts';
import type { ItemGuest } from '../../../src/core/item-annotations.ts';
import type { MeetingStatus } from '../../../src/core/meeting-lifecycle.ts';
import type { ForumVisibility } from '../../../src/core/policies/targets.ts';
import type { ItemPurpose } from '../../../src/core/standard-items.ts';

export type { ForumRole, ForumVisibility, ItemGuest, ItemPurpose, MeetingStatus, StandingItem };

/** A member's stedfortræder: invited in the member's place when the member sends afbud. */
export interface ForumDeputy {
  name: string;
  email: string;
}

/** What a member is sent by e-mail. */
export interface MemberReceives {
  agenda: boolean;
  minutes: boolean;
}

/**
 * A member of a forum, with the role written after the name ("Direktør BSV"). The address,
 * the deputy and what the member receives come only to those who may edit the forum; a
 * member saved without them keeps what it had.
 */
export interface ForumMember {
  name: string;
  role: string | null;
  email?: string | null;
  deputy?: ForumDeputy | null;
  receives?: MemberReceives;
}

/**
 * A forum that meets (Chefforum), with its abbreviation for item titles, its members, and
 * whether anyone may read its published meetings ("public") or only its members ("internal").
 */
export interface Forum {
  id: number;
  name: string;
  abbreviation: string | null;
  visibility: ForumVisibility;
  members: ForumMember[];
  /** The purposes its items may state, in the forum's own words. */
  purposes: string[];
  /** Items placed on every new agenda before "Evt.", with their default time. */
  standingItems: StandingItem[];
}

/** What the signed-in user may do with a forum, as the server's policy answers. */
export interface ForumPermissions {
  canEdit: boolean;
  canCreateMeeting: boolean;
}

/** A forum as `GET /api/forums` lists it: with the user's permissions. */
export interface ForumView extends Forum {
  permissions: ForumPermissions;
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
  /** Guests and presenters (oplægsholdere) at the item. */
  guests: ItemGuest[];
  /** "Kommunikeres ud": what the chiefs carry back to their departments. */
  communication: string | null;
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
    | 'guests'
    | 'communication'
  >
>;

/**
 * What the signed-in user may do with the meeting now: the server's policy answers, from the
 * user's role in the forum and the meeting's state. The app shows only what these allow.
 */
export interface Permissions {
  canEditAgenda: boolean;
  canEnterDecisions: boolean;
  /** Correct an item of approved minutes, with a reason. */
  canCorrect: boolean;
  canEditDetails: boolean;
  /** The minutes are approved: changes are corrections. */
  isLocked: boolean;
  canPublishAgenda: boolean;
  canStartMeeting: boolean;
  /** End the meeting under way: it becomes held ("Afholdt"). */
  canFinishMeeting: boolean;
  /** Delete a meeting whose agenda was never sent out. */
  canDeleteMeeting: boolean;
  /** Cancel a meeting whose agenda is out ("Aflys mødet"). */
  canCancelMeeting: boolean;
  /** Record afbud, absences and guests (from the draft until the approval). */
  canRecordAttendance: boolean;
  canPublishMinutes: boolean;
  canApproveMinutes: boolean;
  /** Approve the previous meeting's minutes from item 1 of this one. */
  canApprovePrevious: boolean;
  canSeeHistory: boolean;
  /** See the agenda or minutes as a PDF before publishing. */
  canPreview: boolean;
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
  /** Imported from the archive: final, approved and locked; read-only. */
  archived: boolean;
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
  publications: PublishedVersion[];
  permissions: Permissions;
}

/** What changed in one item between two publications. */
export interface PublicationChange {
  number: number;
  title: string;
  change: 'added' | 'removed' | 'changed';
  fields: string[];
}

/** A published version in the workspace's list: when, by whom, and why (a correction). */
export interface PublishedVersion {
  number: number;
  kind: 'agenda' | 'minutes';
  publishedAt: string;
  author: string | null;
  /** A correction's reason. */
  reason: string | null;
  /** The imported document of an archive meeting. */
  imported: boolean;
}

/** A published version of the agenda or the minutes, with what changed. */
export interface Publication extends PublishedVersion {
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

/** A user's role in one forum, with the forum's name. */
export interface ForumRoleView {
  forumId: number;
  forumName: string;
  role: ForumRole;
}

/** A forum role to give: the forum and the role. */
export interface ForumRoleAssignment {
  forumId: number;
  role: ForumRole;
}

/** The signed-in user: who they are and their roles (`GET /api/session`). */
export interface SessionUser {
  id: number;
  username: string;
  name: string;
  email: string | null;
  isAdministrator: boolean;
  /** A new or reset password must be changed before anything else. */
  mustChangePassword: boolean;
  forumRoles: ForumRoleView[];
}

/** The ways to sign in: always a password, and single sign-on when it is set up. */
export interface SignInMethods {
  password: true;
  singleSignOn: { name: string; url: string } | null;
}

/** The session: who is signed in, the CSRF token for writes, and the ways to sign in. */
export interface Session {
  user: SessionUser | null;
  csrfToken: string | null;
  signInMethods: SignInMethods;
}

/** An account as an administrator sees it (`GET /api/users`). */
export interface UserAccount {
  id: number;
  username: string;
  name: string;
  email: string | null;
  isAdministrator: boolean;
  isDisabled: boolean;
  mustChangePassword: boolean;
  hasPassword: boolean;
  hasSingleSignOn: boolean;
  forumRoles: ForumRoleView[];
  lastSignInAt: string | null;
}

/** An account after a change, with a generated password that is shown once (or null). */
export interface UserResult {
  user: UserAccount;
  initialPassword: string | null;
}

/** One line of the audit log (`GET /api/audit`). */
export interface AuditEntry {
  id: number;
  createdAt: string;
  actorName: string;
  address: string | null;
  action: string;
  outcome: 'ok' | 'refused' | 'failed';
  targetType: string | null;
  targetId: string | null;
  detail: string | null;
}

/** What a mail was about: a published version, a moved meeting, or a cancelled one. */
export type MailKind = 'agenda' | 'minutes' | 'invitation' | 'cancellation';

/** One recipient's mail: `GET /api/meetings/:id/deliveries`. */
export interface MailDelivery {
  id: number;
  kind: MailKind;
  /** The published version it carried (agenda, minutes). */
  publicationNumber: number | null;
  recipientName: string;
  email: string;
  /** A deputy (stedfortræder) is invited for a member with afbud. */
  role: 'member' | 'deputy';
  subject: string;
  /** 'sending' while it is with the mail server. */
  state: 'sending' | 'sent' | 'failed';
  /** The mail server's answer, when it failed. */
  error: string | null;
  attemptedAt: string;
  sentAt: string | null;
}

/** A meeting's e-mail: how mail goes out, what was sent to whom, and what still waits. */
export interface MeetingMailDeliveries {
  /** 'files': no mail server is set up; the messages are written to `directory`. */
  transport: { kind: 'smtp' | 'files' | 'none'; directory: string | null };
  deliveries: MailDelivery[];
  /** Events whose mail has not gone out: waiting for the worker, or given up. */
  queue: Array<{
    eventId: number;
    type: string;
    status: 'pending' | 'failed';
    error: string | null;
  }>;
}
