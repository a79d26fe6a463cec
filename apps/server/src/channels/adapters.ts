import type { ChannelProvider } from '@parley/contracts';
import type { ChannelConnectionRow } from '../modules/channel-connections/channel-connections.repo.ts';
import type { AdapterConnection, ChannelAdapter } from './adapter.ts';
import { emailAdapter } from './email/adapter.ts';
import { infobipAdapter } from './infobip/adapter.ts';
import { liveChatAdapter } from './livechat/adapter.ts';
import { telegramAdapter } from './telegram/adapter.ts';

/** Every provider adapter: adding a channel adds its line here (docs/channels.md). */
export const CHANNEL_ADAPTERS: readonly ChannelAdapter[] = [
  infobipAdapter,
  emailAdapter,
  liveChatAdapter,
  telegramAdapter,
];

const byProvider = new Map<string, ChannelAdapter>(CHANNEL_ADAPTERS.map((a) => [a.provider, a]));

/** The adapter of a provider, or undefined for a provider no adapter is registered for. */
export function findAdapter(provider: ChannelProvider | string): ChannelAdapter | undefined {
  return byProvider.get(provider);
}

/** The adapter of a provider; throws for a provider no adapter is registered for. */
export function adapterFor(provider: ChannelProvider | string): ChannelAdapter {
  const adapter = byProvider.get(provider);
  if (!adapter) throw new Error(`No channel adapter for provider ${provider}`);
  return adapter;
}

/**
 * A stored connection as its adapter takes it: settings parsed by the adapter's schema. Throws when
 * the stored settings do not satisfy it (they were checked on every write, so this is a bug).
 */
export function toAdapterConnection<S>(
  row: ChannelConnectionRow,
  adapter: ChannelAdapter<S>,
): AdapterConnection<S> {
  const settings = adapter.settings.safeParse(row.settings);
  if (!settings.success)
    throw new Error(`Connection ${row.id} has settings its ${row.provider} adapter rejects`);
  return {
    id: row.id,
    channel: row.channel,
    provider: row.provider,
    name: row.name,
    sender: row.sender,
    enabled: row.enabled,
    webhookSecretHash: row.webhookSecretHash,
    settings: settings.data,
  };
}
