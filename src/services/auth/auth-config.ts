/**
 * Sign-in settings from the environment. Passwords always work; single sign-on (OpenID
 * Connect) is on when REFERAT_OIDC_ISSUER is set:
 *
 * - `REFERAT_PUBLIC_URL`: the address users reach Referat at (https://referat.kommune.dk);
 *   decides the Secure cookie flag and the default redirect address.
 * - `REFERAT_OIDC_ISSUER`, `REFERAT_OIDC_CLIENT_ID`, `REFERAT_OIDC_CLIENT_SECRET` (optional:
 *   without it Referat is a public client, protected by PKCE alone).
 * - `REFERAT_OIDC_REDIRECT_URL`: default `<public url>/api/auth/oidc/callback`.
 * - `REFERAT_OIDC_ROLE_CLAIM`: the claim carrying roles (e.g. `roles`); when set, roles come
 *   from the identity provider at every sign-in, otherwise an administrator sets them.
 * - `REFERAT_OIDC_SCOPES`: default `openid profile email`.
 * - `REFERAT_OIDC_NAME`: the text on the sign-in button (default "Log ind med single sign-on").
 */

/** Single sign-on settings. */
export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string | null;
  redirectUrl: URL;
  roleClaim: string | null;
  scopes: string;
  /** The sign-in button's text. */
  name: string;
}

/** Sign-in settings. */
export interface AuthConfig {
  /** Where users reach Referat, when configured; https there means Secure cookies. */
  publicUrl: URL | null;
  /** Single sign-on, or null when only passwords are used. */
  oidc: OidcConfig | null;
}

/** The path the identity provider sends users back to. */
export const oidcCallbackPath = '/api/auth/oidc/callback';

/** Reads the sign-in settings; a setting that cannot work stops the start with a Danish error. */
export function readAuthConfig(environment: NodeJS.ProcessEnv = process.env): AuthConfig {
  const publicUrl = environment.REFERAT_PUBLIC_URL
    ? readUrl(environment.REFERAT_PUBLIC_URL, 'REFERAT_PUBLIC_URL')
    : null;
  return { publicUrl, oidc: readOidcConfig(environment, publicUrl) };
}

function readOidcConfig(environment: NodeJS.ProcessEnv, publicUrl: URL | null): OidcConfig | null {
  if (!environment.REFERAT_OIDC_ISSUER) return null;
  const issuer = readUrl(environment.REFERAT_OIDC_ISSUER, 'REFERAT_OIDC_ISSUER');
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback(issuer)))
    throw new Error('REFERAT_OIDC_ISSUER skal være en https-adresse (http kun på denne maskine).');
  const clientId = environment.REFERAT_OIDC_CLIENT_ID?.trim();
  if (!clientId)
    throw new Error('REFERAT_OIDC_CLIENT_ID mangler (klient-id hos log-ind-tjenesten).');
  const base = publicUrl ?? defaultPublicUrl(environment);
  const redirectUrl = environment.REFERAT_OIDC_REDIRECT_URL
    ? readUrl(environment.REFERAT_OIDC_REDIRECT_URL, 'REFERAT_OIDC_REDIRECT_URL')
    : new URL(oidcCallbackPath, base);
  return {
    issuer,
    clientId,
    clientSecret: environment.REFERAT_OIDC_CLIENT_SECRET || null,
    redirectUrl,
    roleClaim: environment.REFERAT_OIDC_ROLE_CLAIM?.trim() || null,
    scopes: environment.REFERAT_OIDC_SCOPES?.trim() || 'openid profile email',
    name: environment.REFERAT_OIDC_NAME?.trim() || 'Log ind med single sign-on',
  };
}

function defaultPublicUrl(environment: NodeJS.ProcessEnv): URL {
  return new URL(`http://${environment.HOST ?? 'localhost'}:${environment.PORT ?? 3000}`);
}

function readUrl(value: string, name: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new Error(`${name} er ikke en gyldig adresse: ${value}`);
  }
}

/** Whether an address is this machine (where plain http is acceptable, as in tests). */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/gu, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/u.test(host);
}
