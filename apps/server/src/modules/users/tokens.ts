import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret of 32 random bytes, base64url (cookie tokens, CSRF tokens, API keys). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Stored instead of tokens and keys: a leaked hash cannot be replayed. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export const API_KEY_PREFIX = 'pk_';

/** A new API key and what is stored about it. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = `${API_KEY_PREFIX}${randomToken()}`;
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + 6), keyHash: sha256(key) };
}
