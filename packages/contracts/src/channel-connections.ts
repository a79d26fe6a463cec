import { z } from 'zod';

/** Channels a provider connection can carry today (the Infobip Messages API channels). */
export const CONNECTION_CHANNELS = ['SMS', 'WHATSAPP', 'VIBER', 'FACEBOOK_MESSENGER'] as const;
export const ConnectionChannel = z.enum(CONNECTION_CHANNELS);
export type ConnectionChannel = z.infer<typeof ConnectionChannel>;

/** Providers Parley talks to. */
export const CHANNEL_PROVIDERS = ['infobip'] as const;
export const ChannelProvider = z.enum(CHANNEL_PROVIDERS);
export type ChannelProvider = z.infer<typeof ChannelProvider>;

const Name = z.string().trim().min(1).max(100);
const Sender = z.string().trim().min(1).max(200);
const BaseUrl = z.url({ protocol: /^https?$/ }).max(500);
const ApiKeyValue = z.string().trim().min(8).max(500);

/** What the admin enters at the provider so its webhook calls reach Parley and are believed. */
export const WebhookSettings = z.object({
  /** URL the provider posts incoming messages, delivery and seen reports to. */
  url: z.url(),
  /** How the provider authenticates: HTTP Basic with the credentials below. */
  scheme: z.literal('basic'),
  /** Basic username: the connection id. */
  username: z.string(),
  /**
   * Basic password: the connection's webhook secret. Only in the answer that generated it (create,
   * rotate): Parley keeps just a hash, so it cannot be shown again.
   */
  password: z.string().optional(),
});
export type WebhookSettings = z.infer<typeof WebhookSettings>;

/** A channel connection as the admin screens show it; the API key is never returned whole. */
export const ChannelConnection = z.object({
  id: z.uuid(),
  channel: ConnectionChannel,
  provider: ChannelProvider,
  /** Admin's label, e.g. "WhatsApp support line". */
  name: z.string(),
  /** Our number or sender id: customers write to it and replies go out from it. */
  sender: z.string(),
  /** The provider account's API base URL. */
  baseUrl: z.string(),
  /** Last four characters of the API key, to recognise it. */
  apiKeyLast4: z.string(),
  /** A disabled connection neither receives nor sends. */
  enabled: z.boolean(),
  createdAt: z.string(),
  webhook: WebhookSettings,
});
export type ChannelConnection = z.infer<typeof ChannelConnection>;

export const ChannelConnectionList = z.object({ items: z.array(ChannelConnection) });
export type ChannelConnectionList = z.infer<typeof ChannelConnectionList>;

export const CreateChannelConnectionRequest = z.object({
  channel: ConnectionChannel,
  provider: ChannelProvider.default('infobip'),
  name: Name,
  sender: Sender,
  baseUrl: BaseUrl,
  apiKey: ApiKeyValue,
});
export type CreateChannelConnectionRequest = z.infer<typeof CreateChannelConnectionRequest>;

export const UpdateChannelConnectionRequest = z
  .object({
    name: Name,
    sender: Sender,
    baseUrl: BaseUrl,
    apiKey: ApiKeyValue,
    enabled: z.boolean(),
    /** Issues a new webhook secret; the provider must be given the new password. */
    rotateWebhookSecret: z.boolean(),
  })
  .partial();
export type UpdateChannelConnectionRequest = z.infer<typeof UpdateChannelConnectionRequest>;

/**
 * A channel and sender of ours that replies can go out on, as agents see it (the "+" new
 * conversation form): an enabled connection without any of its settings or secrets.
 */
export const ChannelSender = z.object({
  channel: ConnectionChannel,
  /** Our number or sender id; a conversation started with it is answered from it. */
  sender: z.string(),
  /** The admin's label of the connection. */
  name: z.string(),
});
export type ChannelSender = z.infer<typeof ChannelSender>;

export const ChannelSenderList = z.object({ items: z.array(ChannelSender) });
export type ChannelSenderList = z.infer<typeof ChannelSenderList>;
