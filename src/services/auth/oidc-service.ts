import * as client from 'openid-client';
import { appendAuditEntry } from '../../store/audit-store.ts';
import {
  deleteSignInStatesBefore,
  insertSignInState,
  takeSignInState,
} from '../../store/session-store.ts';
import type { StoredUser } from '../../store/user-store.ts';
import type { Archive } from '../archive-types.ts';
import type { OidcConfig } from './auth-config.ts';
import { findOrCreateOidcUser, type OidcIdentity } from './oidc-users.ts';
import { type ClientInfo, type StartedSession, startSession } from './session-service.ts';

/** How long a sign-in at the identity provider may take before its state is forgotten. */
export const signInStateLifetimeMs = 10 * 60 * 1000;

/** The outcome of the provider's callback: a session and where to go, or a Danish reason. */
export type OidcCallbackResult =
  | { isSignedIn: true; session: StartedSession; returnTo: string }
  | { isSignedIn: false; message: string };

/** Single sign-on with OpenID Connect: the authorization code flow with PKCE, state and nonce. */
export interface OidcService {
  /** The sign-in button's text. */
  readonly name: string;
  /** Starts a sign-in: remembers state, verifier and nonce, and gives the provider's address. */
  startSignIn(returnTo: string | null): Promise<URL>;
  /** Finishes a sign-in from the callback's query: checks it, finds the user, starts a session. */
  finishSignIn(query: URLSearchParams, requestClient: ClientInfo): Promise<OidcCallbackResult>;
}

const expiredMessage = 'Log-ind-forsøget er udløbet eller ugyldigt. Prøv igen.';
const failedMessage = 'Log ind med single sign-on mislykkedes. Prøv igen.';
const abortedMessage = 'Log ind blev afbrudt hos log-ind-tjenesten.';
const disabledMessage = 'Din bruger er spærret. Kontakt en administrator.';

/**
 * Single sign-on against the configured issuer. The provider's metadata is discovered at the
 * first sign-in (and again after a failure); plain http is allowed only for an issuer on this
 * machine, as in tests.
 */
export function createOidcService(archive: Archive, config: OidcConfig): OidcService {
  let discovered: Promise<client.Configuration> | null = null;
  const discover = (): Promise<client.Configuration> => {
    discovered ??= discoverProvider(config).catch((error: unknown) => {
      discovered = null;
      throw error;
    });
    return discovered;
  };
  return {
    name: config.name,
    startSignIn: async (returnTo) => buildSignInUrl(archive, config, await discover(), returnTo),
    finishSignIn: (query, requestClient) =>
      finishSignIn(archive, config, discover, query, requestClient),
  };
}

function discoverProvider(config: OidcConfig): Promise<client.Configuration> {
  const authentication = config.clientSecret
    ? client.ClientSecretBasic(config.clientSecret)
    : client.None();
  const isInsecure = config.issuer.protocol === 'http:';
  return client.discovery(config.issuer, config.clientId, undefined, authentication, {
    execute: isInsecure ? [client.allowInsecureRequests] : [],
    timeout: 10,
  });
}

async function buildSignInUrl(
  archive: Archive,
  config: OidcConfig,
  configuration: client.Configuration,
  returnTo: string | null,
): Promise<URL> {
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = new Date();
  const db = archive.database.db;
  await deleteSignInStatesBefore(db, new Date(now.getTime() - signInStateLifetimeMs).toISOString());
  await insertSignInState(db, {
    state,
    codeVerifier,
    nonce,
    returnTo,
    createdAt: now.toISOString(),
  });
  return client.buildAuthorizationUrl(configuration, {
    redirect_uri: config.redirectUrl.href,
    scope: config.scopes,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
}

async function finishSignIn(
  archive: Archive,
  config: OidcConfig,
  discover: () => Promise<client.Configuration>,
  query: URLSearchParams,
  requestClient: ClientInfo,
): Promise<OidcCallbackResult> {
  const fail = (message: string, detail: string) =>
    auditFailure(archive, requestClient, detail).then(
      () => ({ isSignedIn: false, message }) as const,
    );
  const state = query.get('state');
  const stored = state ? await takeSignInState(archive.database.db, state) : null;
  if (!stored || Date.parse(stored.createdAt) + signInStateLifetimeMs < Date.now())
    return fail(expiredMessage, 'ukendt eller udløbet state');
  if (query.has('error')) return fail(abortedMessage, `udbyderen svarede ${query.get('error')}`);
  let user: StoredUser;
  try {
    const identity = await redeemCode(config, await discover(), query, stored);
    user = await findOrCreateOidcUser(archive, config, identity, requestClient.address);
  } catch (error) {
    return fail(failedMessage, error instanceof Error ? error.message : String(error));
  }
  if (user.isDisabled) return fail(disabledMessage, `${user.username}: brugeren er spærret`);
  const session = await archive.database.db
    .transaction()
    .execute((db) => startSession(db, user.id, requestClient));
  await appendAuditEntry(archive.database.db, {
    actorUserId: user.id,
    actorName: user.name,
    address: requestClient.address,
    action: 'sign_in',
    outcome: 'ok',
    targetType: 'user',
    targetId: user.id,
    detail: 'single sign-on',
  });
  return { isSignedIn: true, session, returnTo: stored.returnTo ?? '/' };
}

/** Trades the code for tokens (PKCE, state and nonce checked) and reads the user's claims. */
async function redeemCode(
  config: OidcConfig,
  configuration: client.Configuration,
  query: URLSearchParams,
  stored: { state: string; nonce: string; codeVerifier: string },
): Promise<OidcIdentity> {
  // The address the provider redirected to, as registered there (not as a proxy rewrote it).
  const callbackUrl = new URL(config.redirectUrl);
  callbackUrl.search = query.toString();
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: stored.codeVerifier,
    expectedState: stored.state,
    expectedNonce: stored.nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new Error('svaret havde intet ID-token');
  let claims: Record<string, unknown> = { ...idToken };
  // Many providers put roles, e-mail and name only in the userinfo answer.
  if (configuration.serverMetadata().userinfo_endpoint)
    claims = {
      ...claims,
      ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)),
    };
  return { issuer: idToken.iss, subject: idToken.sub, claims };
}

async function auditFailure(archive: Archive, requestClient: ClientInfo, detail: string) {
  await appendAuditEntry(archive.database.db, {
    actorUserId: null,
    actorName: 'Single sign-on',
    address: requestClient.address,
    action: 'sign_in',
    outcome: 'failed',
    targetType: 'user',
    targetId: null,
    detail: `single sign-on: ${detail}`,
  });
}
