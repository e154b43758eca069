import { hostname, networkInterfaces } from 'node:os';

/** Which addresses the server answers to, and where it is published. */
export interface SecurityOptions {
  /**
   * The origins the site is published at, from REFERAT_PUBLIC_URL, such as
   * "https://referat.kommune.dk". Empty when none is configured. A state-changing request whose
   * Origin is one of these passes the CSRF check; when all are https, answers carry HSTS.
   */
  publicOrigins: readonly string[];
  /**
   * Host names (lower case, IPv6 in brackets, no port) the Host header may name, at any port.
   * Any other name gets 421, so a DNS-rebinding page cannot read the API.
   */
  allowedHostNames: readonly string[];
}

/** The loopback names, always allowed: a browser only sends them to this machine. */
export const loopbackHostNames: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** For tests and the defaults of `buildApp`: only the loopback names, no public URL. */
export const defaultSecurityOptions: SecurityOptions = {
  publicOrigins: [],
  allowedHostNames: loopbackHostNames,
};

/** Where the server listens, as given to `app.listen`. */
export interface ListenAddress {
  host: string;
  port?: number;
}

/**
 * The security options from the environment: REFERAT_PUBLIC_URL names the published address
 * (one URL, or several separated by commas); its host names are allowed, as are the listening
 * host and the loopback names. When the server listens on every interface (0.0.0.0 or ::) and
 * no public URL is set, the machine's own interface addresses (os.networkInterfaces) and its
 * host name (os.hostname) are allowed too, so that colleagues on the local network can reach it
 * by address. Throws with a Danish message when REFERAT_PUBLIC_URL is not a http(s) address.
 */
export function securityOptionsFromEnvironment(
  environment: Record<string, string | undefined>,
  listen: ListenAddress,
): SecurityOptions {
  const publicUrls = parsePublicUrls(environment.REFERAT_PUBLIC_URL ?? '');
  const names = new Set(loopbackHostNames);
  for (const url of publicUrls) names.add(url.hostname);
  const listenHost = normalizeHostName(listen.host);
  if (listenHost && !isWildcardHost(listenHost)) names.add(listenHost);
  if (listenHost && isWildcardHost(listenHost) && publicUrls.length === 0)
    for (const name of ownMachineHostNames()) names.add(name);
  return { publicOrigins: publicUrls.map((url) => url.origin), allowedHostNames: [...names] };
}

function parsePublicUrls(value: string): URL[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const url = URL.canParse(part) ? new URL(part) : null;
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
        throw new Error(
          `REFERAT_PUBLIC_URL skal være en adresse som https://referat.kommune.dk, ikke "${part}"`,
        );
      return url;
    });
}

/** A host name as a URL writes it: lower case, IPv6 in brackets; null when it is not one. */
export function normalizeHostName(host: string): string | null {
  const trimmed = host.trim();
  if (trimmed === '') return null;
  const bracketed = trimmed.includes(':') && !trimmed.startsWith('[') ? `[${trimmed}]` : trimmed;
  return URL.canParse(`http://${bracketed}`) ? new URL(`http://${bracketed}`).hostname : null;
}

function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '[::]';
}

/** The machine's interface addresses and host name, as Host headers would name them. */
function ownMachineHostNames(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .map((entry) => entry.address);
  return [...addresses, hostname()]
    .map(normalizeHostName)
    .filter((name): name is string => name !== null);
}
