import { describe, expect, it } from 'vitest';
import { type CsrfEvidence, isRequestFromOwnSite } from './csrf-protection.ts';
import type { SecurityOptions } from './security-options.ts';

const options: SecurityOptions = {
  publicOrigins: ['https://referat.kommune.dk'],
  allowedHostNames: ['localhost', '127.0.0.1', '[::1]', 'referat.kommune.dk'],
};
const post: CsrfEvidence = {
  method: 'POST',
  origin: undefined,
  host: 'localhost:3000',
  token: undefined,
  sessionToken: null,
};

describe('isRequestFromOwnSite', () => {
  it('never checks GET, HEAD or OPTIONS', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(
        isRequestFromOwnSite({ ...post, method, origin: 'https://evil.example' }, options),
      ).toBe(true);
  });

  it('accepts an Origin of the request’s own host, or a public origin', () => {
    expect(isRequestFromOwnSite({ ...post, origin: 'http://localhost:3000' }, options)).toBe(true);
    expect(
      isRequestFromOwnSite({ ...post, host: 'localhost:80', origin: 'http://localhost' }, options),
    ).toBe(true);
    expect(
      isRequestFromOwnSite(
        { ...post, host: '127.0.0.1:3000', origin: 'https://referat.kommune.dk' },
        options,
      ),
    ).toBe(true);
  });

  it('refuses another origin, Origin: null, another port, and a host not allowed', () => {
    for (const origin of [
      'https://evil.example',
      'null',
      'http://localhost:3001',
      'http://referat.kommune.dk',
      'not a url',
    ])
      expect(isRequestFromOwnSite({ ...post, origin }, options), origin).toBe(false);
    expect(
      isRequestFromOwnSite(
        { ...post, host: 'evil.test:3000', origin: 'http://evil.test:3000' },
        options,
      ),
    ).toBe(false);
  });

  it('without a verified Origin, needs the session’s token', () => {
    expect(isRequestFromOwnSite(post, options)).toBe(false);
    expect(isRequestFromOwnSite({ ...post, token: 'abc' }, options)).toBe(false);
    expect(isRequestFromOwnSite({ ...post, token: 'abc', sessionToken: 'abd' }, options)).toBe(
      false,
    );
    expect(isRequestFromOwnSite({ ...post, token: 'abc', sessionToken: 'abc' }, options)).toBe(
      true,
    );
    expect(
      isRequestFromOwnSite(
        { ...post, origin: 'https://evil.example', token: 'abc', sessionToken: 'abc' },
        options,
      ),
    ).toBe(true);
    expect(isRequestFromOwnSite({ ...post, token: '', sessionToken: '' }, options)).toBe(false);
  });
});
