import { z } from 'zod';
import type { Channel } from './conversations-enums.ts';
import { INFOBIP_CHANNELS } from './provider-settings.ts';

// D7 channel rules: the 24-hour reply windows of WhatsApp, Messenger and Instagram, and the channels
// only a customer can open. Pure functions shared by the server (which enforces them) and the web
// app (which shows the time left and the right picker).

/** How long after the customer's last message a free-form reply is allowed (WhatsApp, Messenger, Instagram). */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The Messenger message tags that allow a free-form message after the 24-hour window (D7). */
export const MESSENGER_TAGS = ['CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE'] as const;
export const MessengerTag = z.enum(MESSENGER_TAGS);
export type MessengerTag = z.infer<typeof MessengerTag>;

/** What each tag is for, as the composer's tag picker explains it. */
export const MESSENGER_TAG_LABELS: Record<MessengerTag, { label: string; hint: string }> = {
  CONFIRMED_EVENT_UPDATE: {
    label: 'Confirmed event update',
    hint: 'A reminder or update about an event the customer registered for',
  },
  POST_PURCHASE_UPDATE: {
    label: 'Post-purchase update',
    hint: 'An update about a purchase: receipt, shipping, order status',
  },
  ACCOUNT_UPDATE: {
    label: 'Account update',
    hint: 'A non-recurring change to the customer’s account or application',
  },
};

/**
 * What a free-form reply (text, file, location — anything but a template) needs on a channel now:
 * - `NONE`: the channel has no rule (SMS, Viber, Telegram, e-mail, live chat, RCS, LINE), or the
 *   customer has opened a channel that only they may open (Apple Messages for Business).
 * - `OPEN`: within 24 hours of the customer's last message; free-form is allowed until `closesAt`.
 * - `TEMPLATE_ONLY` (WhatsApp): first contact or after 24 hours; only an approved template.
 * - `TAG_REQUIRED` (Messenger): first contact or after 24 hours; a free-form message needs a tag.
 * - `CLOSED` (Instagram; Apple Messages for Business before the customer writes): nothing free-form
 *   can be sent until the customer writes (again). `closedAt` null: they never wrote on it.
 */
export type ReplyWindow =
  | { state: 'NONE' }
  | { state: 'OPEN'; closesAt: Date }
  | { state: 'TEMPLATE_ONLY' | 'TAG_REQUIRED' | 'CLOSED'; closedAt: Date | null };

type ClosedState = 'TEMPLATE_ONLY' | 'TAG_REQUIRED' | 'CLOSED';

/**
 * The channels with a rule: whether a 24-hour window runs after each customer message, and what is
 * required while it is closed (or before the customer first writes). Instagram and Apple Messages
 * for Business are customer-initiated (the Messages API reference: "Communication in INSTAGRAM_DM
 * channel is user initiated", "For APPLE_MB non template messages can only be sent after user
 * initiates session"); Instagram also keeps Meta's 24-hour standard messaging window.
 */
const CHANNEL_RULES: Partial<Record<Channel, { window: boolean; closed: ClosedState }>> = {
  WHATSAPP: { window: true, closed: 'TEMPLATE_ONLY' },
  FACEBOOK_MESSENGER: { window: true, closed: 'TAG_REQUIRED' },
  INSTAGRAM_MESSAGING: { window: true, closed: 'CLOSED' },
  APPLE_BUSINESS_CHAT: { window: false, closed: 'CLOSED' },
};

/**
 * Infobip channels with provider-registered message templates (the Messages API reference has
 * template messages for WhatsApp, Viber Business Messages, RCS and Apple Messages for Business
 * only). Parley keeps a registry of WhatsApp's; the others are sent as given over `/ccaas/1`.
 */
export const TEMPLATE_CHANNELS: readonly Channel[] = ['WHATSAPP', 'VIBER', 'RCS', 'APPLE_BUSINESS_CHAT'];

/**
 * Whether a template message can go out on `channel`: on an Infobip channel only where Infobip has
 * templates; Parley's own adapters (Telegram, e-mail, live chat) send a template's text as a message.
 */
export function carriesTemplates(channel: Channel): boolean {
  return TEMPLATE_CHANNELS.includes(channel) || !(INFOBIP_CHANNELS as readonly Channel[]).includes(channel);
}

/** Whether replies on `channel` depend on when the customer last wrote at all. */
export function hasReplyWindow(channel: Channel): boolean {
  return CHANNEL_RULES[channel] !== undefined;
}

/** Channels on which only the customer can start: an agent cannot open a conversation there ("+"). */
export function isCustomerInitiated(channel: Channel): boolean {
  return CHANNEL_RULES[channel]?.closed === 'CLOSED';
}

/**
 * The reply window on `channel` at `now`, given when the customer last wrote on it (null: never,
 * a first contact). The window is open while less than 24 hours have passed: at exactly 24 hours
 * it is closed, as the providers count it.
 */
export function replyWindow(channel: Channel, lastCustomerMessageAt: Date | null, now: Date): ReplyWindow {
  const rule = CHANNEL_RULES[channel];
  if (rule === undefined) return { state: 'NONE' };
  if (lastCustomerMessageAt === null) return { state: rule.closed, closedAt: null };
  if (!rule.window) return { state: 'NONE' };
  const closesAt = new Date(lastCustomerMessageAt.getTime() + REPLY_WINDOW_MS);
  return now.getTime() < closesAt.getTime()
    ? { state: 'OPEN', closesAt }
    : { state: rule.closed, closedAt: closesAt };
}

/** "23 h 59 min", "12 min", "less than a minute": the time left in a window, for the composer. */
export function formatTimeLeft(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
