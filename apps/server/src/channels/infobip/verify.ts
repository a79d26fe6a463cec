import { createHash, timingSafeEqual } from 'node:crypto';
import { derivedWebhookSecret } from '../webhook-secret.ts';

// Webhook authenticity: Infobip's webhook security profiles (Subscriptions API, credentials type
// BASIC) make Infobip present HTTP Basic credentials on every call. The admin sets the username to
// the Parley connection id and the password to the connection's webhook secret, so one webhook URL
// serves every connection and the username says which one a call belongs to.

export interface WebhookCredentials {
  connectionId: string;
  secret: string;
}

/** Reads the Basic credentials of a webhook call; undefined when absent or not Basic. */
export function readWebhookCredentials(authorization: string | undefined): WebhookCredentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { connectionId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** Path of the one webhook every Infobip connection posts to (the Basic username says which). */
export const INFOBIP_WEBHOOK_PATH = '/webhooks/infobip/messages';

/** The stored side of webhook authentication. */
export interface WebhookVerifier {
  id: string;
  webhookSecretHash: string;
}

/**
 * Password of the report URL each send gives Infobip (adapter.ts). The secret itself is not
 * stored, so the URL carries this instead: derived from the stored hash, and accepted for delivery
 * and seen reports only, so someone who read the database cannot inject customer messages with it.
 */
export function reportPassword(connection: WebhookVerifier): string {
  return derivedWebhookSecret(connection, 'reports');
}

// Both sides are SHA-256 digests, so the comparison takes the same time whatever was presented.
function sameDigest(presented: Buffer, expected: Buffer): boolean {
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * What a webhook call may post for this connection: `all` with the webhook secret, `reports` with
 * the report password, undefined when the credentials are missing or wrong.
 */
export function webhookAccess(
  authorization: string | undefined,
  connection: WebhookVerifier,
): 'all' | 'reports' | undefined {
  const credentials = readWebhookCredentials(authorization);
  if (credentials === undefined || credentials.connectionId !== connection.id) return undefined;
  const expected = Buffer.from(connection.webhookSecretHash, 'hex');
  // A connection without a (well-formed) hash accepts nothing.
  if (expected.length !== 32) return undefined;
  if (sameDigest(sha256(credentials.secret), expected)) return 'all';
  if (sameDigest(sha256(credentials.secret), sha256(reportPassword(connection)))) return 'reports';
  return undefined;
}

/** True when the call carries this connection's id and webhook secret. */
export function isWebhookAuthentic(authorization: string | undefined, connection: WebhookVerifier): boolean {
  return webhookAccess(authorization, connection) === 'all';
}

/**
 * The Authorization header Infobip sends with these credentials (what the admin configures, and
 * what the fake sends): the connection id and the webhook secret, or the report password.
 */
export function webhookAuthorization(credentials: { id: string; webhookSecret: string }): string {
  return `Basic ${Buffer.from(`${credentials.id}:${credentials.webhookSecret}`).toString('base64')}`;
}
