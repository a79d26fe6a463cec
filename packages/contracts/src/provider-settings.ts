import { z } from 'zod';

// Settings of the providers whose adapters live in channels/infobip and channels/telegram. Other
// providers keep theirs beside their own contracts (livechat.ts, email.ts). Secret fields are
// write-only: the adapter names them, responses show only their last four characters.

const HttpUrl = z.url({ protocol: /^https?$/ }).max(500);

/** The Infobip Messages API channels (as the Conversations API names them). */
export const INFOBIP_CHANNELS = [
  'SMS',
  'WHATSAPP',
  'VIBER',
  'FACEBOOK_MESSENGER',
  'RCS',
  'INSTAGRAM_MESSAGING',
  'APPLE_BUSINESS_CHAT',
  'LINE',
] as const;

/** An Infobip account: API base URL and API key (secret). */
export const InfobipSettings = z.object({
  /** The account's API base URL, e.g. https://xyz.api.infobip.com. */
  baseUrl: HttpUrl.transform((url) => url.replace(/\/+$/, '')),
  /** Sent as `Authorization: App <key>`; secret. */
  apiKey: z.string().trim().min(8).max(500),
});
export type InfobipSettings = z.infer<typeof InfobipSettings>;

/** Telegram's own Bot API; a self-hosted Bot API server (or a test fake) has another. */
export const TELEGRAM_API_BASE_URL = 'https://api.telegram.org';

/** A Telegram bot: its token from @BotFather (secret) and the Bot API server to use. */
export const TelegramSettings = z.object({
  /** Token from @BotFather, e.g. 123456:ABC-DEF…; secret. */
  botToken: z
    .string()
    .trim()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'a bot token such as 123456789:AAH…'),
  /** Bot API server; https://api.telegram.org unless the admin runs their own. */
  apiBaseUrl: HttpUrl.transform((url) => url.replace(/\/+$/, '')).default(TELEGRAM_API_BASE_URL),
});
export type TelegramSettings = z.infer<typeof TelegramSettings>;
