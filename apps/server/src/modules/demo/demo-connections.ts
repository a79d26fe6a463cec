import { randomBytes } from 'node:crypto';
import { CONNECTION_CHANNELS, type ConnectionChannel } from '@parley/contracts';
import { hashWebhookSecret } from '../../channels/infobip/verify.ts';
import { sandboxBaseUrl } from '../../channels/sandbox/sandbox-address.ts';
import type { Config } from '../../platform/config.ts';
import type { NewChannelConnection } from '../channel-connections/channel-connections.repo.ts';
import { OUR_ADDRESSES } from './demo-people.ts';

const LABELS: Record<ConnectionChannel, string> = {
  SMS: 'SMS',
  WHATSAPP: 'WhatsApp',
  VIBER: 'Viber',
  FACEBOOK_MESSENGER: 'Messenger',
};

/**
 * One enabled Infobip connection per provider channel, with the demo's own sender, pointed at this
 * Parley's sandbox (SANDBOX_PROVIDER): demo replies really go out and their ticks advance. The API
 * key and webhook secret are random per installation, never part of the published demo.
 */
export function demoConnections(
  config: Pick<Config, 'HOST' | 'PORT'>,
  now: Date,
): Array<NewChannelConnection & { id: string; createdAt: Date }> {
  const apiKey = `sandbox-${randomBytes(24).toString('base64url')}`;
  return CONNECTION_CHANNELS.map((channel) => ({
    id: crypto.randomUUID(),
    channel,
    provider: 'infobip' as const,
    name: `${LABELS[channel]} (sandbox)`,
    sender: OUR_ADDRESSES[channel],
    baseUrl: sandboxBaseUrl(config),
    apiKey,
    webhookSecretHash: hashWebhookSecret(randomBytes(32).toString('base64url')),
    enabled: true,
    createdAt: now,
  }));
}
