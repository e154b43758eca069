import { z } from 'zod';
import {
  purposeListSchema,
  standingItemListSchema,
  standingItemSchema,
} from '../forum-practice.ts';
import { forumVisibilities } from '../policies/targets.ts';
import { visibleTextSchema } from '../text-input.ts';
import { enumOf } from './enum-of.ts';

/** A member's stedfortræder: invited in the member's place when the member sends afbud. */
export const forumDeputySchema = z.object({ name: z.string(), email: z.string() });

/** What a member is sent by e-mail. */
export const memberReceivesSchema = z.object({ agenda: z.boolean(), minutes: z.boolean() });

/**
 * A member of a forum, with the role written after the name ("Direktør BSV"). The address,
 * the deputy and what the member receives come only to those who may edit the forum.
 */
export const forumMemberSchema = z.object({
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable().optional(),
  deputy: forumDeputySchema.nullable().optional(),
  receives: memberReceivesSchema.optional(),
});

/**
 * A forum that meets (Chefforum): its abbreviation for item titles, its members, whether
 * anyone may read its published meetings ("public") or only its members ("internal"), and
 * whether its public versions leave out e-mail addresses and phone numbers.
 */
export const forumSchema = z.object({
  id: z.number(),
  name: z.string(),
  abbreviation: z.string().nullable(),
  visibility: enumOf(forumVisibilities),
  /** Public versions (portal, feeds, OParl, the public PDF) leave out addresses and phones. */
  hidesContactDetails: z.boolean(),
  members: z.array(forumMemberSchema),
  /** The purposes its items may state, in the forum's own words. */
  purposes: z.array(z.string()),
  /** Items placed on every new agenda before "Evt.", with their default time. */
  standingItems: z.array(standingItemSchema),
});

/** What the signed-in user may do with a forum, as the server's policy answers. */
export const forumPermissionsSchema = z.object({
  canEdit: z.boolean(),
  canCreateMeeting: z.boolean(),
});

/** A forum as `GET /api/forums` lists it: with the user's permissions. */
export const forumViewSchema = forumSchema.extend({ permissions: forumPermissionsSchema });

/** A new forum (`POST /api/forums`): its name, abbreviation and visibility. */
export const newForumSchema = z.strictObject({
  name: visibleTextSchema(200, 'skriv forummets navn'),
  abbreviation: z.string().trim().max(20).nullable().optional(),
  visibility: enumOf(forumVisibilities).optional(),
});

// Addresses are checked by the service (core/email-address), which names the member in its
// message; here only their size and shape as text.
const emailText = z.string().trim().max(254);

/**
 * A member as the forum editor saves it. A contact field left out keeps what the member of
 * that name had; null clears it.
 */
export const memberInputSchema = z.strictObject({
  name: visibleTextSchema(200, 'skriv medlemmets navn'),
  role: z.string().trim().max(200).nullable().optional(),
  email: emailText.nullable().optional(),
  deputy: z
    .strictObject({ name: z.string().trim().max(200), email: emailText })
    .nullable()
    .optional(),
  receives: z.strictObject({ agenda: z.boolean(), minutes: z.boolean() }).partial().optional(),
});

/**
 * A forum saved from its editor (`PUT /api/forums/:id`): name, abbreviation, visibility,
 * members, and (when given) its purposes, standing items and the GDPR setting.
 */
export const forumChangesSchema = newForumSchema.extend({
  members: z.array(memberInputSchema).max(500),
  purposes: purposeListSchema.optional(),
  standingItems: standingItemListSchema.optional(),
  /** Public versions leave out e-mail addresses and phone numbers; kept when left out. */
  hidesContactDetails: z.boolean().optional(),
});

export type ForumDeputy = z.infer<typeof forumDeputySchema>;
export type MemberReceives = z.infer<typeof memberReceivesSchema>;
export type ForumMember = z.infer<typeof forumMemberSchema>;
export type Forum = z.infer<typeof forumSchema>;
export type ForumPermissions = z.infer<typeof forumPermissionsSchema>;
export type ForumView = z.infer<typeof forumViewSchema>;
export type NewForum = z.input<typeof newForumSchema>;
export type ForumChanges = z.input<typeof forumChangesSchema>;
