import { z } from 'zod';
import type { Channel } from './conversations-enums.ts';

// D7 channel rules: WhatsApp's and Messenger's 24-hour reply window. Pure functions shared by the
// server (which enforces them) and the web app (which shows the time left and the right picker).

/** How long after the customer's last message a free-form reply is allowed (WhatsApp, Messenger). */
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
 * What a free-form reply (text, file, location — anything but a WhatsApp template) needs on a
 * channel right now:
 * - `NONE`: the channel has no window rule (SMS, Viber, Telegram, e-mail, live chat).
 * - `OPEN`: within 24 hours of the customer's last message; free-form is allowed until `closesAt`.
 * - `TEMPLATE_ONLY` (WhatsApp): first contact or after 24 hours; only an approved template.
 * - `TAG_REQUIRED` (Messenger): first contact or after 24 hours; a free-form message needs a tag.
 */
export type ReplyWindow =
  | { state: 'NONE' }
  | { state: 'OPEN'; closesAt: Date }
  | { state: 'TEMPLATE_ONLY' | 'TAG_REQUIRED'; closedAt: Date | null };

/** The channels with a 24-hour window, and what they require once it is closed. */
const CLOSED_STATE: Partial<Record<Channel, 'TEMPLATE_ONLY' | 'TAG_REQUIRED'>> = {
  WHATSAPP: 'TEMPLATE_ONLY',
  FACEBOOK_MESSENGER: 'TAG_REQUIRED',
};

/** Whether replies on `channel` are bound by a 24-hour window at all. */
export function hasReplyWindow(channel: Channel): boolean {
  return CLOSED_STATE[channel] !== undefined;
}

/**
 * The reply window on `channel` at `now`, given when the customer last wrote on it (null: never,
 * a first contact). The window is open while less than 24 hours have passed: at exactly 24 hours
 * it is closed, as the providers count it.
 */
export function replyWindow(channel: Channel, lastCustomerMessageAt: Date | null, now: Date): ReplyWindow {
  const closed = CLOSED_STATE[channel];
  if (closed === undefined) return { state: 'NONE' };
  if (lastCustomerMessageAt === null) return { state: closed, closedAt: null };
  const closesAt = new Date(lastCustomerMessageAt.getTime() + REPLY_WINDOW_MS);
  return now.getTime() < closesAt.getTime()
    ? { state: 'OPEN', closesAt }
    : { state: closed, closedAt: closesAt };
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
