import { z } from 'zod';
import { forumRoles } from '../../core/actor.ts';

/** A Danish error answer. */
export const errorSchema = z.object({ error: z.string() });

/** The 4xx answers the auth routes can give, each a Danish `{ error }`. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  429: errorSchema,
} as const;

const forumRoleSchema = z.enum(forumRoles as readonly ['member', 'secretary']);

/** A forum role to give: the forum's id and the role. */
export const forumRoleInputSchema = z.strictObject({
  forumId: z.number().int().positive(),
  role: forumRoleSchema,
});

/** A user's role in one forum, with the forum's name. */
export const forumRoleViewSchema = z.object({
  forumId: z.number(),
  forumName: z.string(),
  role: forumRoleSchema,
});

/** The signed-in user, who they are and what they may do. */
export const sessionUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  isAdministrator: z.boolean(),
  mustChangePassword: z.boolean(),
  forumRoles: z.array(forumRoleViewSchema),
});

/** The session as the app reads it: the user, the CSRF token and the ways to sign in. */
export const sessionSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  signInMethods: z.object({
    password: z.literal(true),
    singleSignOn: z.object({ name: z.string(), url: z.string() }).nullable(),
  }),
});

/** An account as an administrator sees it. */
export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  isAdministrator: z.boolean(),
  isDisabled: z.boolean(),
  mustChangePassword: z.boolean(),
  hasPassword: z.boolean(),
  hasSingleSignOn: z.boolean(),
  forumRoles: z.array(forumRoleViewSchema),
  lastSignInAt: z.string().nullable(),
});

/** An account after a change, with a generated password shown once. */
export const userResultSchema = z.object({
  user: userSchema,
  initialPassword: z.string().nullable(),
});

/** A redirect: no body, the Location header says where. */
export const redirectSchema = z.void().describe('Videre til adressen i Location');
