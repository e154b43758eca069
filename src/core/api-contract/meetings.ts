import { z } from 'zod';
import { meetingSchema, recommendationSchema } from '../meeting.ts';
import { meetingStatuses } from '../meeting-lifecycle.ts';
import { historyItemFields } from '../revision-changes.ts';
import { enumOf } from './enum-of.ts';
import { forumSchema } from './forums.ts';

/**
 * The API's answers about meetings: the list, the meeting document, the editor's workspace,
 * publishing and history. The server declares them as its response schemas and the app reads
 * its types from them.
 */

/** The lifecycle states. */
export const meetingStatusSchema = enumOf(meetingStatuses);

/** Agenda or minutes. */
export const documentKindSchema = z.enum(['agenda', 'minutes']);

/** A meeting as `GET /api/meetings` lists it. */
export const meetingSummarySchema = z.object({
  id: z.number(),
  forum: z.string(),
  kind: documentKindSchema,
  date: z.string(),
  start: z.string().nullable(),
  location: z.string().nullable(),
  status: meetingStatusSchema,
  itemCount: z.number(),
});

/** One meeting as an interchange document, with its id, state and version. */
export const meetingViewSchema = meetingSchema.extend({
  id: z.number(),
  status: meetingStatusSchema,
  version: z.number(),
});

/** A Bilag: an uploaded file, or only a title (imported minutes name Bilag without files). */
export const editableAttachmentSchema = z.object({
  id: z.number(),
  title: z.string(),
  fileName: z.string().nullable(),
  mediaType: z.string().nullable(),
  size: z.number().nullable(),
  url: z.string().nullable(),
  /** False for a Bilag marked not public: the public sees its title, never its file or text. */
  isPublic: z.boolean(),
  /** Reading its text for search: pending, working, done, failed, none; null without a file. */
  textStatus: z.enum(['pending', 'working', 'done', 'failed', 'none']).nullable(),
});

/** Marks a Bilag public or not public (`PUT /api/attachments/:id/access`). */
export const attachmentAccessSchema = z.object({ isPublic: z.boolean() });

/** The Bilag's access as saved. */
export const attachmentAccessAnswerSchema = z.object({ id: z.number(), isPublic: z.boolean() });

/** Someone absent from an item, with the role written after the name (or null). */
export const absentPersonSchema = z.object({ name: z.string(), role: z.string().nullable() });

/** A guest or presenter (oplægsholder) at one item. */
export const itemGuestSchema = z.object({ name: z.string(), role: z.string().nullable() });

/** An agenda item as the editor sees it, with its version for optimistic locking. */
export const editableItemSchema = z.object({
  id: z.number(),
  version: z.number(),
  number: z.number(),
  title: z.string(),
  caseNumber: z.string().nullable(),
  closed: z.boolean(),
  durationMinutes: z.number().nullable(),
  purpose: z.string().nullable(),
  isStandard: z.boolean(),
  background: z.string().nullable(),
  presentation: z.string().nullable(),
  recommendation: recommendationSchema.nullable(),
  decision: z.string().nullable(),
  absent: z.array(absentPersonSchema),
  /** Guests and presenters (oplægsholdere) at the item. */
  guests: z.array(itemGuestSchema),
  /** "Kommunikeres ud": what the chiefs carry back to their departments. */
  communication: z.string().nullable(),
  attachments: z.array(editableAttachmentSchema),
});

/** The names of the workspace's permissions, each the policy's answer for this user now. */
export const workspacePermissionNames = [
  'canEditAgenda',
  'canEnterDecisions',
  /** Correct an item of approved minutes, with a reason. */
  'canCorrect',
  'canEditDetails',
  /** The minutes are approved: changes are corrections. */
  'isLocked',
  'canPublishAgenda',
  'canStartMeeting',
  /** End the meeting under way: it becomes held ("Afholdt"). */
  'canFinishMeeting',
  /** Delete a meeting whose agenda was never sent out. */
  'canDeleteMeeting',
  /** Cancel a meeting whose agenda is out ("Aflys mødet"). */
  'canCancelMeeting',
  /** Record afbud, absences and guests (from the draft until the approval). */
  'canRecordAttendance',
  'canPublishMinutes',
  'canApproveMinutes',
  /** Approve the previous meeting's minutes from item 1 of this one. */
  'canApprovePrevious',
  'canSeeHistory',
  /** See the agenda or minutes as a PDF before publishing. */
  'canPreview',
  /** Mark a Bilag public or not public (in every state of the meeting). */
  'canSetAttachmentAccess',
] as const;

/**
 * What the signed-in user may do with the meeting now: the server's policy answers, from the
 * user's role in the forum and the meeting's state. The app shows only what these allow.
 */
export const workspacePermissionsSchema = z.object(
  Object.fromEntries(workspacePermissionNames.map((name) => [name, z.boolean()])) as Record<
    (typeof workspacePermissionNames)[number],
    z.ZodBoolean
  >,
);

/** A neighbouring meeting of the same forum. */
export const meetingLinkSchema = z.object({
  id: z.number(),
  date: z.string(),
  status: meetingStatusSchema,
});

/** A published version: when, by whom, and why (a correction). */
export const publishedVersionSchema = z.object({
  number: z.number(),
  kind: documentKindSchema,
  publishedAt: z.string(),
  author: z.string().nullable(),
  /** A correction's reason. */
  reason: z.string().nullable(),
  /** The imported document of an archive meeting. */
  imported: z.boolean(),
});

/** Everything the meeting pages need: `GET /api/meetings/:id/workspace`. */
export const workspaceSchema = z.object({
  id: z.number(),
  version: z.number(),
  status: meetingStatusSchema,
  statusLabel: z.string(),
  /** Imported from the archive: final, approved and locked; read-only. */
  archived: z.boolean(),
  kind: documentKindSchema,
  date: z.string(),
  start: z.string().nullable(),
  location: z.string().nullable(),
  forum: forumSchema,
  previousMeeting: meetingLinkSchema.nullable(),
  nextMeeting: meetingLinkSchema.nullable(),
  items: z.array(editableItemSchema),
  decisionPhrases: z.array(z.string()),
  timePlan: z.object({
    totalMinutes: z.number(),
    itemsWithoutTime: z.number(),
    endsAt: z.string().nullable(),
  }),
  publications: z.array(publishedVersionSchema),
  permissions: workspacePermissionsSchema,
});

/** What changed in one item between two publications. */
export const publicationChangeSchema = z.object({
  number: z.number(),
  title: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** Danish names of the fields that differ. */
  fields: z.array(z.string()),
});

/** A published version of the agenda or the minutes, with what changed. */
export const publicationSchema = publishedVersionSchema.extend({
  changes: z.array(publicationChangeSchema),
});

/** The answer to publishing the agenda or the minutes. */
export const publishResultSchema = z.object({
  number: z.number(),
  publishedAt: z.string(),
  changes: z.array(publicationChangeSchema),
});

/** The items one step of the history changed, and their fields. */
export const itemFieldChangesSchema = z.object({
  itemId: z.number(),
  fields: z.array(enumOf(historyItemFields)),
});

/**
 * One entry of a meeting's history (`GET /api/meetings/:id/revisions`, newest first): what was
 * done to which entity, by whom, when, and the reason of a correction.
 */
export const revisionEntrySchema = z.object({
  id: z.number(),
  entityType: z.string(),
  entityId: z.number(),
  action: z.string(),
  author: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  itemChanges: z.array(itemFieldChangesSchema).optional(),
});

/** The answer to deleting a draft meeting. */
export const deletedMeetingSchema = z.object({ deleted: z.literal(true) });

export type MeetingSummary = z.infer<typeof meetingSummarySchema>;
export type MeetingView = z.infer<typeof meetingViewSchema>;
export type EditableAttachment = z.infer<typeof editableAttachmentSchema>;
export type EditableItem = z.infer<typeof editableItemSchema>;
export type WorkspacePermissions = z.infer<typeof workspacePermissionsSchema>;
export type MeetingLink = z.infer<typeof meetingLinkSchema>;
export type PublishedVersion = z.infer<typeof publishedVersionSchema>;
export type Workspace = z.infer<typeof workspaceSchema>;
export type PublicationChange = z.infer<typeof publicationChangeSchema>;
export type Publication = z.infer<typeof publicationSchema>;
export type PublishResult = z.infer<typeof publishResultSchema>;
export type RevisionEntry = z.infer<typeof revisionEntrySchema>;
