import type { ChannelConnection, ChannelSender } from '@parley/contracts';
import type { ChannelConnectionRow } from './channel-connections.repo.ts';

/** Path of the one webhook every Infobip connection posts to (the Basic username says which). */
export const INFOBIP_WEBHOOK_PATH = '/webhooks/infobip/messages';

/**
 * The admin's view of a connection; `origin` is PUBLIC_URL or the origin the admin's request came to.
 * `webhookSecret` is given only by the write that generated it (create, rotate): it is not stored.
 */
export function presentConnection(
  row: ChannelConnectionRow,
  origin: string,
  webhookSecret?: string,
): ChannelConnection {
  return {
    id: row.id,
    channel: row.channel,
    provider: row.provider,
    name: row.name,
    sender: row.sender,
    baseUrl: row.baseUrl,
    apiKeyLast4: row.apiKey.slice(-4),
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    webhook: {
      url: `${origin.replace(/\/+$/, '')}${INFOBIP_WEBHOOK_PATH}`,
      scheme: 'basic',
      username: row.id,
      ...(webhookSecret !== undefined && { password: webhookSecret }),
    },
  };
}

/** What an agent may know of a connection: the channel and sender it sends on, and its label. */
export function presentSender(row: ChannelConnectionRow): ChannelSender {
  return { channel: row.channel, sender: row.sender, name: row.name };
}
