import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 15 ms on a
 * server, slow enough to make a stolen database expensive to guess, fast enough for sign-in.
 * The algorithm is @node-rs/argon2's default, argon2id; the hash names it (`$argon2id$…`).
 */
const hashOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The shortest password Referat accepts. */
export const minimumPasswordLength = 12;

/** The longest: argon2 would take anything, but a megabyte "password" is an attack. */
export const maximumPasswordLength = 256;

/** Hashes a password with argon2id and a random salt (PHC string). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, hashOptions);
}

/** Whether a password matches a stored hash; a malformed hash never matches. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time a real check would, and fails: used for unknown usernames, so that the
 * answer's timing does not tell which usernames exist.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(await dummyHash, password);
  return false;
}

const passwordAlphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A random password to hand out once (a new account, a reset): 20 characters without look-alikes
 * (0/O, 1/l/I), about 116 bits, easy to type from a screen.
 */
export function generatePassword(length = 20): string {
  let password = '';
  for (let index = 0; index < length; index++)
    password += passwordAlphabet[randomInt(passwordAlphabet.length)];
  return password;
}

/** A Danish reason why a new password is not accepted, or null when it is. */
export function checkNewPassword(password: string): string | null {
  if (password.length < minimumPasswordLength)
    return `Adgangskoden skal være mindst ${minimumPasswordLength} tegn.`;
  if (password.length > maximumPasswordLength)
    return `Adgangskoden må højst være ${maximumPasswordLength} tegn.`;
  if (!password.trim()) return 'Adgangskoden må ikke kun bestå af mellemrum.';
  return null;
}
