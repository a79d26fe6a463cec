import { createHash, timingSafeEqual } from 'node:crypto';
import type { InfobipConnection } from './types.ts';

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

// Hashing first gives equal-length inputs, so the comparison time says nothing about the secret.
function isSameSecret(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** True when the call carries this connection's id and webhook secret. */
export function isWebhookAuthentic(
  authorization: string | undefined,
  connection: Pick<InfobipConnection, 'id' | 'webhookSecret'>,
): boolean {
  const credentials = readWebhookCredentials(authorization);
  if (credentials === undefined || connection.webhookSecret.length === 0) return false;
  return (
    credentials.connectionId === connection.id && isSameSecret(credentials.secret, connection.webhookSecret)
  );
}

/** The Authorization header Infobip sends for a connection (what the admin configures, and what the fake sends). */
export function webhookAuthorization(connection: Pick<InfobipConnection, 'id' | 'webhookSecret'>): string {
  return `Basic ${Buffer.from(`${connection.id}:${connection.webhookSecret}`).toString('base64')}`;
}
