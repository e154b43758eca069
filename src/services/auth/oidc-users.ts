import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { localAdministrator, type UserActor } from '../../core/actor.ts';
import type { DatabaseSchema } from '../../store/database-schema.ts';
import {
  findUserBySubject,
  findUserByUsername,
  listForumKeys,
  listForumRoles,
  replaceForumRoles,
  type StoredUser,
  updateUser,
} from '../../store/user-store.ts';
import type { Archive } from '../archive-types.ts';
import { runCommand } from '../command-pipeline.ts';
import { notFound } from '../service-error.ts';
import type { OidcConfig } from './auth-config.ts';
import { type ClaimedRoles, readClaimedRoles } from './oidc-roles.ts';
import { insertUserWithRoles, userTarget } from './user-service.ts';

type Executor = Kysely<DatabaseSchema>;

/** Who the identity provider says signed in: its issuer, their subject and the claims. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

/**
 * The account for a single sign-on identity, created at the first sign-in (keyed by issuer and
 * subject). With a role claim configured, the identity provider decides the roles at every
 * sign-in; without one, an administrator sets them in Referat. Name and e-mail follow the
 * provider. Changes go through the write pipeline as "Single sign-on", which acts on the
 * provider's word.
 */
export async function findOrCreateOidcUser(
  archive: Archive,
  config: OidcConfig,
  identity: OidcIdentity,
  address: string | null,
): Promise<StoredUser> {
  const db = archive.database.db;
  const claimed = config.roleClaim
    ? readClaimedRoles(identity.claims, config.roleClaim, await listForumKeys(db))
    : null;
  const actor: UserActor = { ...localAdministrator('Single sign-on'), address };
  const existing = await findUserBySubject(db, identity.issuer, identity.subject);
  if (!existing) await createOidcUser(archive, actor, identity, claimed);
  else if (await isOutOfDate(db, existing, identity, claimed))
    await updateOidcUser(archive, actor, existing.id, identity, claimed);
  const user = await findUserBySubject(db, identity.issuer, identity.subject);
  if (!user) throw notFound('Brugeren');
  return user;
}

async function createOidcUser(
  archive: Archive,
  actor: UserActor,
  identity: OidcIdentity,
  claimed: ClaimedRoles | null,
): Promise<void> {
  await runCommand(archive, actor, {
    name: 'user.add',
    resolve: async () => userTarget(null),
    apply: async ({ db }, target) => {
      await insertUserWithRoles(
        db,
        target,
        {
          username: await findFreeUsername(db, identity),
          name: nameOf(identity),
          email: emailOf(identity),
          passwordHash: null,
          isAdministrator: claimed?.isAdministrator ?? false,
          mustChangePassword: false,
          oidcIssuer: identity.issuer,
          oidcSubject: identity.subject,
        },
        claimed?.forumRoles ?? [],
      );
    },
  });
}

async function updateOidcUser(
  archive: Archive,
  actor: UserActor,
  userId: number,
  identity: OidcIdentity,
  claimed: ClaimedRoles | null,
): Promise<void> {
  await runCommand(archive, actor, {
    name: 'user.update',
    resolve: async () => userTarget(userId),
    apply: async ({ db }) => {
      await updateUser(db, userId, {
        name: nameOf(identity),
        email: emailOf(identity),
        isAdministrator: claimed?.isAdministrator,
      });
      if (claimed) await replaceForumRoles(db, userId, claimed.forumRoles);
    },
  });
}

async function isOutOfDate(
  db: Executor,
  user: StoredUser,
  identity: OidcIdentity,
  claimed: ClaimedRoles | null,
): Promise<boolean> {
  if (user.name !== nameOf(identity) || user.email !== emailOf(identity)) return true;
  if (!claimed) return false;
  if (user.isAdministrator !== claimed.isAdministrator) return true;
  const key = (roles: ReadonlyArray<{ forumId: number; role: string }>) =>
    roles
      .map((role) => `${role.forumId}:${role.role}`)
      .sort()
      .join(',');
  return key(await listForumRoles(db, [user.id])) !== key(claimed.forumRoles);
}

function claimText(identity: OidcIdentity, name: string): string | null {
  const value = identity.claims[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function nameOf(identity: OidcIdentity): string {
  const name =
    claimText(identity, 'name') ??
    [claimText(identity, 'given_name'), claimText(identity, 'family_name')]
      .filter(Boolean)
      .join(' ');
  return (name || claimText(identity, 'preferred_username') || identity.subject).slice(0, 200);
}

function emailOf(identity: OidcIdentity): string | null {
  const email = claimText(identity, 'email');
  return email && email.length <= 254 && /^[^\s@]+@[^\s@]+$/u.test(email) ? email : null;
}

/** A username from the provider's preferred username or e-mail, made unique with -2, -3 … */
async function findFreeUsername(db: Executor, identity: OidcIdentity): Promise<string> {
  const wanted = claimText(identity, 'preferred_username') ?? claimText(identity, 'email') ?? '';
  let base = wanted
    .toLowerCase()
    .replace(/[^a-z0-9._@-]+/gu, '-')
    .replace(/^[^a-z0-9]+/u, '')
    .slice(0, 90);
  if (base.length < 2)
    base = `sso-${createHash('sha256').update(identity.subject).digest('hex').slice(0, 12)}`;
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await findUserByUsername(db, candidate))) return candidate;
  }
}
