import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hostNameOfHeader, isAllowedHost } from './host-allow-list.ts';
import {
  defaultSecurityOptions,
  normalizeHostName,
  securityOptionsFromEnvironment,
} from './security-options.ts';

describe('securityOptionsFromEnvironment', () => {
  it('allows the loopback names and the listening host by default', () => {
    const options = securityOptionsFromEnvironment({}, { host: 'referat.local', port: 3000 });
    expect(options.publicOrigins).toEqual([]);
    expect(options.allowedHostNames).toEqual(['localhost', '127.0.0.1', '[::1]', 'referat.local']);
  });

  it('takes one or several public URLs, by origin', () => {
    const options = securityOptionsFromEnvironment(
      { REFERAT_PUBLIC_URL: 'https://Referat.Kommune.dk/sti/, http://intern.kommune.dk:8080' },
      { host: '0.0.0.0', port: 3000 },
    );
    expect(options.publicOrigins).toEqual([
      'https://referat.kommune.dk',
      'http://intern.kommune.dk:8080',
    ]);
    expect(options.allowedHostNames).toContain('referat.kommune.dk');
    expect(options.allowedHostNames).toContain('intern.kommune.dk');
    // A public URL is set, so the machine's own names are not added.
    expect(options.allowedHostNames).not.toContain(normalizeHostName(hostname()));
  });

  it('adds the machine’s own names when listening everywhere without a public URL', () => {
    for (const host of ['0.0.0.0', '::']) {
      const options = securityOptionsFromEnvironment({}, { host, port: 3000 });
      expect(options.allowedHostNames).toContain(normalizeHostName(hostname()));
      expect(options.allowedHostNames).not.toContain('0.0.0.0');
      expect(options.allowedHostNames).not.toContain('[::]');
    }
  });

  it('refuses a public URL that is not a http(s) address, in Danish', () => {
    expect(() =>
      securityOptionsFromEnvironment(
        { REFERAT_PUBLIC_URL: 'referat.kommune.dk' },
        { host: 'localhost' },
      ),
    ).toThrow(/REFERAT_PUBLIC_URL skal være en adresse/u);
    expect(() =>
      securityOptionsFromEnvironment({ REFERAT_PUBLIC_URL: 'ftp://x.dk' }, { host: 'localhost' }),
    ).toThrow(/REFERAT_PUBLIC_URL/u);
  });
});

describe('the Host allow-list', () => {
  it('reads the host name of a Host header', () => {
    expect(hostNameOfHeader('Referat.dk:3000')).toBe('referat.dk');
    expect(hostNameOfHeader('[::1]:80')).toBe('[::1]');
    expect(hostNameOfHeader('localhost')).toBe('localhost');
    expect(hostNameOfHeader(undefined)).toBeNull();
    expect(hostNameOfHeader('')).toBeNull();
    expect(hostNameOfHeader('evil.example@localhost')).toBeNull();
    expect(hostNameOfHeader('localhost/x')).toBeNull();
  });

  it('allows only the listed names, at any port', () => {
    expect(isAllowedHost('localhost:41234', defaultSecurityOptions)).toBe(true);
    expect(isAllowedHost('127.0.0.1', defaultSecurityOptions)).toBe(true);
    expect(isAllowedHost('[::1]:3000', defaultSecurityOptions)).toBe(true);
    expect(isAllowedHost('evil.test:3000', defaultSecurityOptions)).toBe(false);
    expect(isAllowedHost('127.0.0.1.nip.io', defaultSecurityOptions)).toBe(false);
    expect(isAllowedHost(undefined, defaultSecurityOptions)).toBe(false);
  });
});
