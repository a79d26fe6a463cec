import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// Every connection has a generated webhook secret; Parley stores only its SHA-256, so the secret is
// shown to the admin once (create, rotate). Providers to which Parley itself must hand a secret
// later (Telegram's setWebhook on every Test) get one derived from the stored hash instead.

/**
 * What a connection stores of its webhook secret: SHA-256, hex. The secret is 32 random bytes, so a
 * fast hash is enough (nothing to brute-force); migration 0013 computes the same in SQL.
 */
export function hashWebhookSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * A secret derived from the stored hash for one purpose: Parley can compute it again at any time,
 * and rotating the webhook secret changes it. Someone who read the database can compute it too,
 * so it only guards what the database's own secrets (API keys, bot tokens) already give away.
 */
export function derivedWebhookSecret(
  connection: { id: string; webhookSecretHash: string },
  purpose: string,
): string {
  return createHmac('sha256', connection.webhookSecretHash)
    .update(`${purpose}:${connection.id}`)
    .digest('base64url');
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Compares a presented secret with an expected one in constant time (both hashed to one length). */
export function isSameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(sha256(presented), sha256(expected));
}
