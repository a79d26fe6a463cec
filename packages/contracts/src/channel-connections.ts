import { z } from 'zod';
import { CHANNELS, type Channel } from './conversations-enums.ts';
import { EmailConnectionSettings } from './email.ts';
import { LiveChatSettings } from './livechat.ts';
import { INFOBIP_CHANNELS, InfobipSettings, TelegramSettings } from './provider-settings.ts';

/** Channels a provider connection can carry: every channel Parley knows. */
export const CONNECTION_CHANNELS = CHANNELS;
export const ConnectionChannel = z.enum(CONNECTION_CHANNELS);
export type ConnectionChannel = z.infer<typeof ConnectionChannel>;

/** Providers Parley talks to; each is one adapter folder under `apps/server/src/channels/`. */
export const CHANNEL_PROVIDERS = ['infobip', 'telegram', 'email', 'livechat'] as const;
export const ChannelProvider = z.enum(CHANNEL_PROVIDERS);
export type ChannelProvider = z.infer<typeof ChannelProvider>;

/** Which channels each provider carries (a connection is one provider, one of its channels, one sender). */
export const PROVIDER_CHANNELS: Record<ChannelProvider, readonly Channel[]> = {
  infobip: INFOBIP_CHANNELS,
  telegram: ['TELEGRAM'],
  email: ['EMAIL'],
  livechat: ['LIVE_CHAT'],
};

const Name = z.string().trim().min(1).max(100);
const Sender = z.string().trim().min(1).max(200);

/** A create request of one provider: its channels, and its settings schema. */
function connectionInput<P extends ChannelProvider, S extends z.ZodType>(
  provider: P,
  channels: readonly [Channel, ...Channel[]],
  settings: S,
) {
  return z.object({
    provider: z.literal(provider),
    /** One of the channels the provider carries (PROVIDER_CHANNELS). */
    channel: z.enum(channels),
    /** Admin's label, e.g. "WhatsApp support line". */
    name: Name,
    /**
     * Our address on the channel: customers write to it and replies go out from it (phone number or
     * sender id, bot username, e-mail address, widget id).
     */
    sender: Sender,
    /** The provider's settings; secret fields are write-only. */
    settings,
  });
}

/** `POST /api/channel-connections`: one member per provider, told apart by `provider`. */
export const CreateChannelConnectionRequest = z.discriminatedUnion('provider', [
  connectionInput('infobip', INFOBIP_CHANNELS, InfobipSettings),
  connectionInput('telegram', ['TELEGRAM'], TelegramSettings),
  connectionInput('email', ['EMAIL'], EmailConnectionSettings),
  connectionInput('livechat', ['LIVE_CHAT'], LiveChatSettings),
]);
export type CreateChannelConnectionRequest = z.infer<typeof CreateChannelConnectionRequest>;

export const UpdateChannelConnectionRequest = z
  .object({
    name: Name,
    sender: Sender,
    enabled: z.boolean(),
    /**
     * The provider's whole settings object, checked against the provider's schema. A secret field
     * left out keeps its stored value.
     */
    settings: z.record(z.string(), z.unknown()),
    /** Issues a new webhook secret; the provider must be given it (Parley re-registers where it can). */
    rotateWebhookSecret: z.boolean(),
  })
  .partial();
export type UpdateChannelConnectionRequest = z.infer<typeof UpdateChannelConnectionRequest>;

/** What the admin enters at the provider so its webhook calls reach Parley and are believed. */
export const WebhookSettings = z.object({
  /** URL the provider posts incoming messages (and reports) to. */
  url: z.url(),
  /** How the provider authenticates: HTTP Basic (`username` + `password`) or a secret `header`. */
  scheme: z.enum(['basic', 'header']),
  /** Basic username (Infobip: the connection id). */
  username: z.string().optional(),
  /** Name of the header carrying the secret (Telegram: X-Telegram-Bot-Api-Secret-Token). */
  header: z.string().optional(),
  /**
   * The secret (Basic password or header value). Only in the answer that generated it (create,
   * rotate): Parley keeps just a hash, so it cannot be shown again.
   */
  password: z.string().optional(),
});
export type WebhookSettings = z.infer<typeof WebhookSettings>;

/** Outcome of the admin's "Test" (and of the check Parley runs after a create or a settings change). */
export const ConnectionTestResult = z.object({
  ok: z.boolean(),
  /** What was checked or what went wrong, in words an admin can act on. */
  message: z.string(),
  checkedAt: z.string(),
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

/** A channel connection as the admin screens show it; secrets are never returned whole. */
export const ChannelConnection = z.object({
  id: z.uuid(),
  channel: ConnectionChannel,
  provider: ChannelProvider,
  /** Admin's label. */
  name: z.string(),
  /** Our address on the channel (number, bot username, e-mail address, widget id). */
  sender: z.string(),
  /** The provider settings without their secret fields. */
  settings: z.record(z.string(), z.unknown()),
  /** Secret fields that are set, by (dotted) field name, shown by their last four characters. */
  secrets: z.record(z.string(), z.string()),
  /** A disabled connection neither receives nor sends. */
  enabled: z.boolean(),
  /** Whether the provider can be tested (`POST /api/channel-connections/:id/test`). */
  testable: z.boolean(),
  createdAt: z.string(),
  /** What to configure at the provider; absent for providers without a webhook (e-mail, live chat). */
  webhook: WebhookSettings.optional(),
  /** The check this write ran at the provider (create, settings change, rotate, enable), if any. */
  test: ConnectionTestResult.optional(),
});
export type ChannelConnection = z.infer<typeof ChannelConnection>;

export const ChannelConnectionList = z.object({ items: z.array(ChannelConnection) });
export type ChannelConnectionList = z.infer<typeof ChannelConnectionList>;

/**
 * A channel and sender of ours that replies can go out on, as agents see it (the "+" new
 * conversation form): an enabled connection without any of its settings or secrets.
 */
export const ChannelSender = z.object({
  channel: ConnectionChannel,
  /** Our address; a conversation started with it is answered from it. */
  sender: z.string(),
  /** The admin's label of the connection. */
  name: z.string(),
});
export type ChannelSender = z.infer<typeof ChannelSender>;

export const ChannelSenderList = z.object({ items: z.array(ChannelSender) });
export type ChannelSenderList = z.infer<typeof ChannelSenderList>;
