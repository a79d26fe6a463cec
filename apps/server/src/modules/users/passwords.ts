import { hash, verify } from '@node-rs/argon2';

/** Argon2id (the library's default algorithm), with the library's OWASP-level memory and time costs. */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

/** True when `plain` matches `passwordHash`; a malformed hash counts as a mismatch, never an error. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a throwaway hash so that signing in with an unknown e-mail costs as long as with
 * a known one, and response times do not reveal which addresses have accounts.
 */
export async function verifyAgainstDummy(plain: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  await verifyPassword(await dummyHash, plain);
  return false;
}
