/**
 * The API's types as the app reads them. They come from the same zod schemas the server
 * declares as its response schemas (src/core/api-contract), so a field the server does not
 * send cannot be read here, and a field it sends cannot change shape without the app's types
 * changing with it.
 */
import type { ForumRole } from '../../../src/core/actor.ts';
import type { StandingItem } from '../../../src/core/forum-practice.ts';
import type { ItemGuest } from '../../../src/core/item-annotations.ts';
import type { MeetingStatus } from '../../../src/core/meeting-lifecycle.ts';
import type { ForumVisibility } from '../../../src/core/policies/targets.ts';
import type { ItemPurpose } from '../../../src/core/standard-items.ts';

export type {
  AuditEntry,
  ForumRoleAssignment,
  ForumRoleView,
  NewUser,
  PasswordChange,
  Session,
  SessionUser,
  SignIn,
  SignInMethods,
  UserAccount,
  UserChanges,
  UserResult,
} from '../../../src/core/api-contract/accounts.ts';
export type {
  CaseEntry,
  CaseNumberCheck,
  SearchHit,
} from '../../../src/core/api-contract/archive.ts';
export type {
  Forum,
  ForumChanges,
  ForumDeputy,
  ForumMember,
  ForumPermissions,
  ForumView,
  MemberReceives,
  NewForum,
} from '../../../src/core/api-contract/forums.ts';
export type {
  MailDelivery,
  MailKind,
  MeetingMailDeliveries,
} from '../../../src/core/api-contract/mail.ts';
export type {
  MeetingAbsence,
  MeetingDetails,
  NewItem,
  NewMeeting,
} from '../../../src/core/api-contract/meeting-inputs.ts';
export type {
  EditableAttachment as Attachment,
  EditableItem,
  MeetingLink,
  MeetingSummary,
  Publication,
  PublicationChange,
  PublishedVersion,
  PublishResult,
  RevisionEntry,
  Workspace,
  WorkspacePermissions as Permissions,
} from '../../../src/core/api-contract/meetings.ts';
export type { InstallationSettings } from '../../../src/core/api-contract/settings.ts';
export type { ForumRole, ForumVisibility, ItemGuest, ItemPurpose, MeetingStatus, StandingItem };

import type { z } from 'zod';
import type { ItemFieldsInput } from '../../../src/core/api-contract/meeting-inputs.ts';
import type {
  attachmentAccessAnswerSchema,
  attachmentAccessSchema,
  EditableItem,
} from '../../../src/core/api-contract/meetings.ts';

/** Indstilling: who recommends, and the numbered at-points. */
export type Recommendation = NonNullable<EditableItem['recommendation']>;

/** The fields of an item that `PATCH /api/items/:id` and corrections may change. */
export type ItemChanges = Partial<ItemFieldsInput>;

/** Marks a Bilag public or not public (`PUT /api/attachments/:id/access`). */
export type AttachmentAccess = z.input<typeof attachmentAccessSchema>;

/** The Bilag's access as the server saved it. */
export type AttachmentAccessAnswer = z.infer<typeof attachmentAccessAnswerSchema>;
