import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** The claims of the test provider's accounts, by account id; change them between sign-ins. */
export type TestAccounts = Record<string, Record<string, unknown>>;

/** An identity provider running on 127.0.0.1 for the single sign-on tests. */
export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  accounts: TestAccounts;
  close(): Promise<void>;
}

/**
 * Starts oidc-provider on a random port with one confidential client (PKCE required) and its
 * development sign-in pages, which accept any account id. The `roles` scope carries the
 * `roles` claim, in the userinfo answer as most providers send it.
 */
export async function startTestIdentityProvider(
  accounts: TestAccounts,
): Promise<TestIdentityProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const redirectUrl = 'http://127.0.0.1:3000/api/auth/oidc/callback';
  const clientId = 'referat';
  const clientSecret = 'hemmelig-klientnoegle';
  const provider = quietly(
    () =>
      new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUrl],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        claims: {
          openid: ['sub'],
          profile: ['name', 'preferred_username'],
          email: ['email'],
          roles: ['roles'],
        },
        cookies: { keys: ['test-cookie-key'] },
        features: { devInteractions: { enabled: true } },
        pkce: { required: () => true },
        findAccount: async (_context, id) => {
          const claims = accounts[id];
          return claims
            ? { accountId: id, claims: async () => ({ ...claims, sub: id }) }
            : undefined;
        },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      }),
  );
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUrl,
    accounts,
    close: () => closeServer(server),
  };
}

/** Runs the provider's set-up without its warnings about development settings, meant for tests. */
function quietly<T>(make: () => T): T {
  const warn = console.warn;
  console.warn = (...parts: unknown[]) => {
    if (!String(parts[0]).includes('oidc-provider WARNING')) warn(...parts);
  };
  try {
    return make();
  } finally {
    console.warn = warn;
  }
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
}

/**
 * Plays the browser at the provider: follows its redirects with its cookies, signs in as the
 * account on the login page, consents, and returns the address the provider sends the browser
 * back to (Referat's callback, with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, accountId: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let request: { url: URL; body?: URLSearchParams } = { url: new URL(authorizationUrl) };
  for (let step = 0; step < 15; step++) {
    const response = await fetch(request.url, {
      method: request.body ? 'POST' : 'GET',
      body: request.body,
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, request.url);
      if (next.origin !== request.url.origin) return next;
      request = { url: next };
      continue;
    }
    request = answerPage(await response.text(), request.url, accountId);
  }
  throw new Error('the provider never sent the browser back');
}

function answerPage(html: string, url: URL, accountId: string) {
  const prompt = /name="prompt" value="(\w+)"/u.exec(html)?.[1];
  const action = /action="([^"]+)"/u.exec(html)?.[1];
  if (!prompt || !action) throw new Error(`unexpected page at the provider: ${html.slice(0, 300)}`);
  const fields: Record<string, string> =
    prompt === 'login' ? { prompt, login: accountId, password: 'hvad-som-helst' } : { prompt };
  return { url: new URL(action.replaceAll('&amp;', '&'), url), body: new URLSearchParams(fields) };
}
