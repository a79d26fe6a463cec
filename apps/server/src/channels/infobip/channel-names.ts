import type { Channel, INFOBIP_CHANNELS } from '@parley/contracts';

// Infobip's Messages API names channels its own way; Parley speaks the Conversations API's names.

type InfobipChannel = (typeof INFOBIP_CHANNELS)[number];

/**
 * Ours → the Messages API's, for sending and for the bodies the simulator delivers. Viber goes out
 * as Business Messages, Infobip's product for two-way Viber; LINE as LINE Official Notification.
 */
const MESSAGES_API_CHANNELS: Readonly<Record<InfobipChannel, string>> = {
  SMS: 'SMS',
  WHATSAPP: 'WHATSAPP',
  VIBER: 'VIBER_BM',
  FACEBOOK_MESSENGER: 'MESSENGER',
  RCS: 'RCS',
  INSTAGRAM_MESSAGING: 'INSTAGRAM_DM',
  APPLE_BUSINESS_CHAT: 'APPLE_MB',
  LINE: 'LINE_ON',
};

/**
 * The Messages API's → ours, for what arrives. Viber Business Messages and Viber bots are both
 * Viber to an agent, and MMS threads with SMS on the same phone number.
 */
const INBOUND_CHANNELS: Readonly<Record<string, Channel>> = {
  ...Object.fromEntries(Object.entries(MESSAGES_API_CHANNELS).map(([ours, theirs]) => [theirs, ours])),
  MMS: 'SMS',
  VIBER_BOT: 'VIBER',
};

/** Our channel for a Messages API channel name; undefined for channels Parley does not carry. */
export function parleyChannelOf(infobipChannel: string): Channel | undefined {
  return Object.hasOwn(INBOUND_CHANNELS, infobipChannel) ? INBOUND_CHANNELS[infobipChannel] : undefined;
}

/** The Messages API's name of our channel; undefined for channels Infobip does not carry for Parley. */
export function messagesApiChannelOf(channel: Channel): string | undefined {
  return Object.hasOwn(MESSAGES_API_CHANNELS, channel)
    ? MESSAGES_API_CHANNELS[channel as InfobipChannel]
    : undefined;
}
