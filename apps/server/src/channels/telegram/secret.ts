import { derivedWebhookSecret } from '../webhook-secret.ts';

/**
 * The secret_token Parley gives setWebhook and expects back on every update. Derived from the
 * stored hash of the connection's webhook secret, so every Test can register the webhook again
 * and a rotate replaces it (docs/channels.md "Telegram").
 */
export function telegramSecretToken(connection: { id: string; webhookSecretHash: string }): string {
  return derivedWebhookSecret(connection, 'telegram');
}
