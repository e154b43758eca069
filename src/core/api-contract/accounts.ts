import { z } from 'zod';
import { type ForumRole, forumRoles } from '../actor.ts';

/**
 * The API's answers about accounts: the session, the users an administrator manages and the
 * audit log. The server declares them as its response schemas and the app reads its types
 * from them, so the two cannot drift apart.
 */

/** A forum role: member or secretary. */
export const forumRoleSchema = z.enum(forumRoles as readonly [ForumRole, ...ForumRole[]]);

/** A forum role to give: the forum's id and the role. */
export const forumRoleInputSchema = z.strictObject({
  forumId: z.number().int().positive(),
  role: forumRoleSchema,
});

/** The fields of an account an administrator gives or changes. */
const userFields = {
  name: z.string().trim().min(1, 'skriv brugerens navn').max(200),
  email: z.string().trim().max(254).nullable().optional(),
  isAdministrator: z.boolean().optional(),
  forumRoles: z.array(forumRoleInputSchema).max(500).optional(),
};

/** A new account (`POST /api/users`); the server generates its first password. */
export const newUserSchema = z.strictObject({
  username: z.string().trim().min(2, 'skriv et brugernavn').max(100),
  ...userFields,
});

/** Changes to an account (`PATCH /api/users/:id`); what is left out stays as it is. */
export const userChangesSchema = z.strictObject({
  name: userFields.name.optional(),
  email: userFields.email,
  isAdministrator: userFields.isAdministrator,
  isDisabled: z.boolean().optional(),
  /** All of the account's forum roles (replaces those it has). */
  forumRoles: userFields.forumRoles,
  /** Gives a new generated password that must be changed at the next sign-in. */
  resetPassword: z.literal(true).optional(),
});

/** Signing in with a password (`POST /api/session`). */
export const signInSchema = z.strictObject({
  username: z.string().trim().min(1, 'skriv dit brugernavn').max(200),
  password: z.string().min(1, 'skriv din adgangskode').max(1000),
});

/** Changing one's own password (`POST /api/session/password`). */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().max(1000),
  newPassword: z.string().max(1000),
});

/** A user's role in one forum, with the forum's name. */
export const forumRoleViewSchema = z.object({
  forumId: z.number(),
  forumName: z.string(),
  role: forumRoleSchema,
});

/** The signed-in user: who they are and their roles (`GET /api/session`). */
export const sessionUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  isAdministrator: z.boolean(),
  /** A new or reset password must be changed before anything else. */
  mustChangePassword: z.boolean(),
  forumRoles: z.array(forumRoleViewSchema),
});

/** The ways to sign in: always a password, and single sign-on when it is set up. */
export const signInMethodsSchema = z.object({
  password: z.literal(true),
  singleSignOn: z.object({ name: z.string(), url: z.string() }).nullable(),
});

/** The session: who is signed in, the CSRF token for writes, and the ways to sign in. */
export const sessionSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  signInMethods: signInMethodsSchema,
});

/** An account as an administrator sees it (`GET /api/users`). */
export const userAccountSchema = z.object({
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

/** An account after a change, with a generated password that is shown once (or null). */
export const userResultSchema = z.object({
  user: userAccountSchema,
  initialPassword: z.string().nullable(),
});

/** One line of the audit log (`GET /api/audit`). */
export const auditEntrySchema = z.object({
  id: z.number(),
  createdAt: z.string(),
  actorName: z.string(),
  address: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['ok', 'refused', 'failed']),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  detail: z.string().nullable(),
});

export type ForumRoleView = z.infer<typeof forumRoleViewSchema>;
export type ForumRoleAssignment = z.infer<typeof forumRoleInputSchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type SignInMethods = z.infer<typeof signInMethodsSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type UserAccount = z.infer<typeof userAccountSchema>;
export type UserResult = z.infer<typeof userResultSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type NewUser = z.input<typeof newUserSchema>;
export type UserChanges = z.input<typeof userChangesSchema>;
export type SignIn = z.input<typeof signInSchema>;
export type PasswordChange = z.input<typeof passwordChangeSchema>;
