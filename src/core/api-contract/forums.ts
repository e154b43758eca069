import { z } from 'zod';
import { standingItemSchema } from '../forum-practice.ts';
import { forumVisibilities } from '../policies/targets.ts';
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

export type ForumDeputy = z.infer<typeof forumDeputySchema>;
export type MemberReceives = z.infer<typeof memberReceivesSchema>;
export type ForumMember = z.infer<typeof forumMemberSchema>;
export type Forum = z.infer<typeof forumSchema>;
export type ForumPermissions = z.infer<typeof forumPermissionsSchema>;
export type ForumView = z.infer<typeof forumViewSchema>;
