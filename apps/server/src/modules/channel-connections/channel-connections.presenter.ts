import type { ChannelConnection, ChannelSender, ConnectionTestResult } from '@parley/contracts';
import { adapterFor, toAdapterConnection } from '../../channels/adapters.ts';
import type { ChannelConnectionRow } from './channel-connections.repo.ts';
import { splitSecrets } from './connection-secrets.ts';

/**
 * The admin's view of a connection; `origin` is PUBLIC_URL or the origin the admin's request came to.
 * `webhookSecret` is given only by the write that generated it (create, rotate): it is not stored.
 * `test` is the provider check that write ran.
 */
export function presentConnection(
  row: ChannelConnectionRow,
  origin: string,
  extras: { webhookSecret?: string | undefined; test?: ConnectionTestResult | undefined } = {},
): ChannelConnection {
  const adapter = adapterFor(row.provider);
  const { settings, secrets } = splitSecrets(row.settings, adapter.secretFields);
  const webhook = adapter.webhook?.(toAdapterConnection(row, adapter), {
    origin: origin.replace(/\/+$/, ''),
    ...(extras.webhookSecret !== undefined && { secret: extras.webhookSecret }),
  });
  return {
    id: row.id,
    channel: row.channel,
    provider: row.provider,
    name: row.name,
    sender: row.sender,
    settings,
    secrets,
    enabled: row.enabled,
    testable: adapter.test !== undefined,
    createdAt: row.createdAt.toISOString(),
    ...(webhook !== undefined && { webhook }),
    ...(extras.test !== undefined && { test: extras.test }),
  };
}

/** What an agent may know of a connection: the channel and sender it sends on, and its label. */
export function presentSender(row: ChannelConnectionRow): ChannelSender {
  return { channel: row.channel, sender: row.sender, name: row.name };
}
