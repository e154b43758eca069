import { describe, expect, it } from 'vitest';
import {
  checkNewPassword,
  generatePassword,
  hashPassword,
  verifyDummyPassword,
  verifyPassword,
} from './password-hashing.ts';

describe('password hashing', () => {
  it('hashes with argon2id and a fresh salt, and verifies', async () => {
    const first = await hashPassword('korrekt-hest-batteri');
    const second = await hashPassword('korrekt-hest-batteri');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/u);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'korrekt-hest-batteri')).toBe(true);
    expect(await verifyPassword(first, 'Korrekt-hest-batteri')).toBe(false);
  });

  it('never matches a malformed hash, and the dummy check always fails', async () => {
    expect(await verifyPassword('ikke-en-hash', 'noget')).toBe(false);
    expect(await verifyDummyPassword('hvad-som-helst')).toBe(false);
  });

  it('generates 20 random characters without look-alikes', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/u);
  });

  it('asks for at least 12 characters, in Danish', () => {
    expect(checkNewPassword('kort')).toBe('Adgangskoden skal være mindst 12 tegn.');
    expect(checkNewPassword(' '.repeat(12))).toBe('Adgangskoden må ikke kun bestå af mellemrum.');
    expect(checkNewPassword('x'.repeat(257))).toBe('Adgangskoden må højst være 256 tegn.');
    expect(checkNewPassword('tolv-tegn-ok')).toBeNull();
  });
});
