import { describe, expect, it } from 'vitest';
import { isLoopback, readAuthConfig } from './auth-config.ts';

describe('sign-in settings', () => {
  it('uses passwords only when no issuer is set', () => {
    expect(readAuthConfig({})).toEqual({ publicUrl: null, oidc: null });
    expect(
      readAuthConfig({ REFERAT_PUBLIC_URL: 'https://referat.example.dk' }).publicUrl?.href,
    ).toBe('https://referat.example.dk/');
  });

  it('reads single sign-on, with the callback under the public URL by default', () => {
    const config = readAuthConfig({
      REFERAT_PUBLIC_URL: 'https://referat.example.dk',
      REFERAT_OIDC_ISSUER: 'https://login.example.dk/realms/kommune',
      REFERAT_OIDC_CLIENT_ID: 'referat',
      REFERAT_OIDC_CLIENT_SECRET: 'hemmelig',
      REFERAT_OIDC_ROLE_CLAIM: 'roles',
      REFERAT_OIDC_NAME: 'Log ind med Kommune-login',
    });
    expect(config.oidc).toMatchObject({
      clientId: 'referat',
      clientSecret: 'hemmelig',
      roleClaim: 'roles',
      scopes: 'openid profile email',
      name: 'Log ind med Kommune-login',
    });
    expect(config.oidc?.redirectUrl.href).toBe('https://referat.example.dk/api/auth/oidc/callback');
  });

  it('falls back to HOST and PORT for the callback, and takes an explicit one', () => {
    const base = { REFERAT_OIDC_ISSUER: 'https://login.example.dk', REFERAT_OIDC_CLIENT_ID: 'r' };
    expect(readAuthConfig({ ...base, PORT: '8080' }).oidc?.redirectUrl.href).toBe(
      'http://localhost:8080/api/auth/oidc/callback',
    );
    const explicit = 'https://proxy.example.dk/referat/api/auth/oidc/callback';
    expect(
      readAuthConfig({ ...base, REFERAT_OIDC_REDIRECT_URL: explicit }).oidc?.redirectUrl.href,
    ).toBe(explicit);
  });

  it('allows a plain http issuer only on this machine', () => {
    const settings = (issuer: string) => ({
      REFERAT_OIDC_ISSUER: issuer,
      REFERAT_OIDC_CLIENT_ID: 'r',
    });
    expect(() => readAuthConfig(settings('http://login.example.dk'))).toThrow(
      'REFERAT_OIDC_ISSUER skal være en https-adresse',
    );
    expect(readAuthConfig(settings('http://127.0.0.1:4000')).oidc?.issuer.port).toBe('4000');
    expect(() => readAuthConfig({ REFERAT_OIDC_ISSUER: 'https://login.example.dk' })).toThrow(
      'REFERAT_OIDC_CLIENT_ID mangler',
    );
    expect(() => readAuthConfig(settings('ikke en adresse'))).toThrow('ikke en gyldig adresse');
  });

  it('knows loopback addresses', () => {
    for (const url of ['http://localhost:1', 'http://127.0.0.1', 'http://[::1]:3000'])
      expect(isLoopback(new URL(url))).toBe(true);
    expect(isLoopback(new URL('http://10.0.0.1'))).toBe(false);
  });
});
