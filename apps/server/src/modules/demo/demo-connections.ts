import { randomBytes } from 'node:crypto';
import { CHANNEL_LABELS, INFOBIP_CHANNELS } from '@parley/contracts';
import { sandboxBaseUrl } from '../../channels/sandbox/sandbox-address.ts';
import { hashWebhookSecret } from '../../channels/webhook-secret.ts';
import type { Config } from '../../platform/config.ts';
import type { NewChannelConnection } from '../channel-connections/channel-connections.repo.ts';
import { OUR_ADDRESSES } from './demo-people.ts';

/**
 * One enabled Infobip connection per provider channel, with the demo's own sender, pointed at this
 * Parley's sandbox (SANDBOX_PROVIDER): demo replies really go out and their ticks advance. The API
 * key and webhook secret are random per installation, never part of the published demo.
 */
export function demoConnections(
  config: Pick<Config, 'HOST' | 'PORT' | 'PUBLIC_URL'>,
  now: Date,
): Array<NewChannelConnection & { id: string; createdAt: Date }> {
  const apiKey = `sandbox-${randomBytes(24).toString('base64url')}`;
  const infobip = INFOBIP_CHANNELS.map((channel) => ({
    id: crypto.randomUUID(),
    channel,
    provider: 'infobip' as const,
    name: `${CHANNEL_LABELS[channel]} (sandbox)`,
    sender: OUR_ADDRESSES[channel],
    settings: { baseUrl: sandboxBaseUrl(config), apiKey },
    webhookSecretHash: hashWebhookSecret(randomBytes(32).toString('base64url')),
    enabled: true,
    createdAt: now,
  }));
  return [...infobip, demoWidget(config, now)];
}

/** Origins a browser shows Parley under (PUBLIC_URL, loopback by name and number): the demo page's. */
export function parleyOrigins(config: Pick<Config, 'PORT' | 'PUBLIC_URL'>): string[] {
  const origins = [`http://127.0.0.1:${config.PORT}`, `http://localhost:${config.PORT}`];
  if (config.PUBLIC_URL) origins.unshift(new URL(config.PUBLIC_URL).origin);
  return [...new Set(origins)];
}

/**
 * The demo shop's live-chat widget, allowed on Parley's own origins so its demo page
 * (`/widget-demo/parley-demo-widget`, modules/simulator) shows it without another site.
 */
function demoWidget(
  config: Pick<Config, 'PORT' | 'PUBLIC_URL'>,
  now: Date,
): NewChannelConnection & { id: string; createdAt: Date } {
  return {
    id: crypto.randomUUID(),
    channel: 'LIVE_CHAT',
    provider: 'livechat',
    name: 'Shop website chat',
    sender: OUR_ADDRESSES.LIVE_CHAT,
    settings: {
      allowedOrigins: parleyOrigins(config),
      preChatForm: false,
      title: 'Parley Mobile Shop',
      color: '#1c7ed6',
    },
    webhookSecretHash: hashWebhookSecret(randomBytes(32).toString('base64url')),
    enabled: true,
    createdAt: now,
  };
}
