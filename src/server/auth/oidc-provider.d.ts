/**
 * The little of oidc-provider (a test-only dependency without its own types) that the single
 * sign-on tests use: an identity provider started in the test.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** An account as the provider's findAccount gives it. */
  export interface ProviderAccount {
    accountId: string;
    claims(): Promise<{ sub: string; [claim: string]: unknown }>;
  }

  /** The provider's settings (see oidc-provider's documentation). */
  export interface ProviderConfiguration {
    clients?: ReadonlyArray<Record<string, unknown>>;
    claims?: Record<string, readonly string[]>;
    cookies?: { keys: readonly string[] };
    features?: Record<string, { enabled: boolean }>;
    pkce?: { required(): boolean };
    ttl?: Record<string, number>;
    findAccount?(context: unknown, id: string): Promise<ProviderAccount | undefined>;
  }

  /** An OpenID Connect provider. */
  export default class Provider {
    constructor(issuer: string, configuration?: ProviderConfiguration);
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
